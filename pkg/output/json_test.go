package output

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONList(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"none", nil, "[]\n"},
		{"one", []string{`{"id":1,"name":"Alice"}`}, "[\n  {\n    \"id\": 1,\n    \"name\": \"Alice\"\n  }\n]\n"},
		{"many", []string{`{"id":1}`, ` {"id":2,"labels":["a","b"],"meta":{}} `, `{"id":3,"x":null}`},
			"[\n  {\n    \"id\": 1\n  },\n  {\n    \"id\": 2,\n    \"labels\": [\n      \"a\",\n      \"b\"\n    ],\n    \"meta\": {}\n  },\n  {\n    \"id\": 3,\n    \"x\": null\n  }\n]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, _ := testIO(false)
			if err := printList(t, ios, Options{Format: "json"}, tt.items...); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
			var arr []json.RawMessage
			if err := json.Unmarshal(out.Bytes(), &arr); err != nil || len(arr) != len(tt.items) {
				t.Errorf("output is not a JSON array of %d items: %v", len(tt.items), err)
			}
		})
	}
}

func TestNDJSONList(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"none", nil, ""},
		{"one", []string{"{\n  \"id\": 1,\n  \"name\": \"A <b>\"\n}"}, `{"id":1,"name":"A <b>"}` + "\n"},
		{"many", []string{`{"id":1}`, `{"id":2, "tags": ["x"]}`, `{"id":3}`}, "{\"id\":1}\n{\"id\":2,\"tags\":[\"x\"]}\n{\"id\":3}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, _ := testIO(false)
			if err := printList(t, ios, Options{Format: "ndjson"}, tt.items...); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got %q, want %q", out, tt.want)
			}
		})
	}
}

func TestJSONObjectPretty(t *testing.T) {
	ios, out, _ := testIO(true)
	if err := printObject(t, ios, Options{Format: "json"}, `{"id":42,"meta":{"sender":{"id":7}},"labels":[]}`); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"id\": 42,\n  \"meta\": {\n    \"sender\": {\n      \"id\": 7\n    }\n  },\n  \"labels\": []\n}\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// The server's key order and integers too big for float64 must survive
// every JSON form byte for byte.
func TestJSONKeepsKeyOrderAndBigIntegers(t *testing.T) {
	const raw = `{"z":1,"a":12345678901234567,"m":{"y":2,"b":1.50}}`
	for _, format := range []string{"json", "ndjson"} {
		ios, out, _ := testIO(false)
		if err := printObject(t, ios, Options{Format: format}, raw); err != nil {
			t.Fatal(err)
		}
		if got := compactJSON(out.Bytes()); got != raw {
			t.Errorf("-o %s: got %s, want %s", format, got, raw)
		}
		ios, out, _ = testIO(false)
		if err := printList(t, ios, Options{Format: format}, raw, raw); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "12345678901234567") || strings.Contains(out.String(), "e+16") {
			t.Errorf("-o %s list lost the big integer: %s", format, out)
		}
		if zi, ai := strings.Index(out.String(), `"z"`), strings.Index(out.String(), `"a"`); zi > ai {
			t.Errorf("-o %s list reordered keys: %s", format, out)
		}
	}
}

func TestJSONRejectsInvalidItem(t *testing.T) {
	for _, format := range []string{"json", "ndjson", "yaml", "csv", "tsv", "table"} {
		ios, _, _ := testIO(false)
		p, err := New(ios, Options{Format: format, Columns: []string{"id"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Item(json.RawMessage(`{"id":1,`)); err == nil {
			t.Errorf("-o %s accepted a truncated item", format)
		}
	}
}
