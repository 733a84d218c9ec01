package output

import (
	"encoding/json"
	"testing"
)

func TestCells(t *testing.T) {
	r, err := parseRecord(json.RawMessage(conversation42))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, want string
	}{
		{"id", "42"},
		{"status", "open"},
		{"priority", ""},          // null
		{"nope", ""},              // missing
		{"labels", "vip,billing"}, // scalar array joined
		{"labels.0", "vip"},       // numeric segment indexes
		{"labels.9", ""},          // out of range
		{"labels.x", ""},          // not an index
		{"meta.sender", `{"id":7,"name":"Bob","email":"bob@example.org","thumbnail":""}`}, // server order kept
		{"meta.sender.name", "Bob"},
		{"meta.assignee.name", ""}, // through null
		{"status.deeper", ""},      // through a string
		{"custom_attributes", "{}"},
		{"messages.0.content", "Hello\nthere"}, // csv keeps newlines; tsv/table flatten
		{".unread_count", "2"},
	}
	for _, tt := range tests {
		segs, err := parsePath(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := rfc3339Cells().cell(r.lookup(segs), false); got != tt.want {
			t.Errorf("cell %q = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestCellEscapes(t *testing.T) {
	if got := rfc3339Cells().cell(json.RawMessage(`"caf\u00e9 \"q\""`), false); got != `café "q"` {
		t.Errorf("escaped string = %q", got)
	}
	if got := rfc3339Cells().cell(json.RawMessage(`[1,null,"a",true]`), false); got != "1,,a,true" {
		t.Errorf("mixed scalar array = %q", got)
	}
	if got := rfc3339Cells().cell(json.RawMessage(`[{"a":1}, 2]`), false); got != `[{"a":1},2]` {
		t.Errorf("array with an object = %q", got)
	}
	if got := flatten("a\tb\nc\r\x1b[31md"); got != "a b c  [31md" {
		t.Errorf("flatten = %q", got)
	}
}

func TestCellsOfArrayItems(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printList(t, ios, Options{Format: "tsv", Columns: []string{"0", "1.name"}}, `["a",{"name":"x"}]`, `[]`); err != nil {
		t.Fatal(err)
	}
	if want := "0\t1.name\na\tx\n\t\n"; out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
