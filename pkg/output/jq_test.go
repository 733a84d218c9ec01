package output

import (
	"errors"
	"strings"
	"testing"
)

func TestJQOverWholeList(t *testing.T) {
	tests := []struct {
		name, expr string
		items      []string
		want       string
	}{
		{"first id", ".[0].id", []string{`{"id":42}`, `{"id":43}`}, "42\n"},
		{"string raw", ".[0].name", []string{`{"name":"Alice \"A\" Schmidt"}`}, "Alice \"A\" Schmidt\n"},
		{"one result per line", ".[] | .id", []string{`{"id":1}`, `{"id":2}`}, "1\n2\n"},
		{"objects compact", "map({id})", []string{`{"id":1,"x":2}`, `{"id":2}`}, `[{"id":1},{"id":2}]` + "\n"},
		{"length of empty list", "length", nil, "0\n"},
		{"empty list is an empty array", ".", nil, "[]\n"},
		{"big integer exact", ".[0].id", []string{contactChen}, "12345678901234567\n"},
		{"arithmetic on numbers", "map(.id) | add", []string{`{"id":40}`, `{"id":2}`}, "42\n"},
		{"halt stops quietly", ".[0].id, halt, 99", []string{`{"id":1}`}, "1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, format := range []string{"", "json"} {
				ios, out, _ := testIO(false)
				if err := printList(t, ios, Options{Format: format, JQ: tt.expr}, tt.items...); err != nil {
					t.Fatal(err)
				}
				if out.String() != tt.want {
					t.Errorf("-o %q: got %q, want %q", format, out, tt.want)
				}
			}
		})
	}
}

// With -o ndjson the expression sees one item at a time, and its output
// appears before the list ends.
func TestJQPerItemWithNDJSON(t *testing.T) {
	ios, out, _ := testIO(false)
	p, err := New(ios, Options{Format: "ndjson", JQ: "select(.status == \"open\") | .id"})
	if err != nil {
		t.Fatal(err)
	}
	item(t, p, `{"id":1,"status":"open"}`)
	if out.String() != "1\n" {
		t.Fatalf("after the first item got %q, want %q", out, "1\n")
	}
	item(t, p, `{"id":2,"status":"resolved"}`)
	item(t, p, `{"id":3,"status":"open"}`)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "1\n3\n" {
		t.Errorf("got %q, want %q", out, "1\n3\n")
	}
}

func TestJQOnObject(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printObject(t, ios, Options{JQ: ".meta.sender.name, .labels"}, conversation42); err != nil {
		t.Fatal(err)
	}
	if want := "Bob\n[\"vip\",\"billing\"]\n"; out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestJQParseErrorShowsPosition(t *testing.T) {
	tests := []struct {
		expr, wantWhere, wantCaret string
	}{
		{".[0]]", "at column 5", "\n    .[0]]\n        ^"},
		{".a | map(.b", "at column 12", "\n    .a | map(.b\n               ^"},
		{"  .x.. ", "at column 5", "\n      .x.. \n        ^"},
		{`"é" | }`, "at column 7", "\n    \"é\" | }\n          ^"},
		{".a |\n  .b ]", "at line 2, column 6", "\n      .b ]\n         ^"},
	}
	for _, tt := range tests {
		err := Options{JQ: tt.expr}.Validate()
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Fatalf("%q: got %T %v, want *UsageError", tt.expr, err, err)
		}
		if !strings.Contains(ue.Msg, tt.wantWhere) || !strings.HasSuffix(ue.Msg, tt.wantCaret) {
			t.Errorf("%q: message\n%s\nwant %q and caret %q", tt.expr, ue.Msg, tt.wantWhere, tt.wantCaret)
		}
	}
}

func TestJQCompileErrorIsUsageError(t *testing.T) {
	ios, _, _ := testIO(false)
	_, err := New(ios, Options{JQ: ".a | nosuchfunc"})
	var ue *UsageError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg, "nosuchfunc") {
		t.Errorf("got %v, want a usage error naming nosuchfunc", err)
	}
}

func TestJQRuntimeErrorIsOrdinary(t *testing.T) {
	ios, out, _ := testIO(false)
	err := printList(t, ios, Options{JQ: ".[0].id[]"}, `{"id":42}`)
	var ue *UsageError
	if err == nil || errors.As(err, &ue) || !strings.HasPrefix(err.Error(), "jq: ") || !strings.Contains(err.Error(), "iterate") {
		t.Errorf("got %v, want an ordinary \"jq: cannot iterate…\" error", err)
	}
	if out.Len() != 0 {
		t.Errorf("printed %q despite the error", out)
	}
}
