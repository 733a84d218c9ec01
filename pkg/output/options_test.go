package output

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		wantErr string // "" = valid
	}{
		{"auto", Options{}, ""},
		{"every format", Options{Format: "yaml"}, ""},
		{"unknown format lists the allowed ones", Options{Format: "xml"}, `unknown output format "xml": use one of table, json, ndjson, csv, tsv, yaml`},
		{"jq with json", Options{Format: "json", JQ: ".[0]"}, ""},
		{"jq with ndjson", Options{Format: "ndjson", JQ: ".id"}, ""},
		{"jq with auto", Options{JQ: ".[].id"}, ""},
		{"jq with table", Options{Format: "table", JQ: ".id"}, "--jq cannot be combined with -o table"},
		{"jq with csv", Options{Format: "csv", JQ: ".id"}, "--jq cannot be combined with -o csv"},
		{"template with tsv", Options{Format: "tsv", Template: "{{.}}"}, "--template cannot be combined with -o tsv"},
		{"template with yaml", Options{Format: "yaml", Template: "{{.}}"}, "--template cannot be combined with -o yaml"},
		{"jq and template", Options{JQ: ".", Template: "{{.}}"}, "--jq and --template cannot be combined"},
		{"bad jq", Options{JQ: ".[0"}, "invalid --jq expression"},
		{"bad template", Options{Template: "{{if}}"}, "invalid --template"},
		{"empty field", Options{Fields: []string{"id", ""}}, "invalid --fields entry"},
		{"empty path segment", Options{Fields: []string{"meta..name"}}, "invalid --fields entry"},
		{"nested fields", Options{Fields: []string{"meta.sender.name", "labels.0", ".id"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ue *UsageError
			if !errors.As(err, &ue) {
				t.Fatalf("got %T %v, want *UsageError", err, err)
			}
			if !strings.Contains(ue.Msg, tt.wantErr) {
				t.Errorf("message %q does not contain %q", ue.Msg, tt.wantErr)
			}
			ios, _, _ := testIO(false)
			if _, err := New(ios, tt.opts); !errors.As(err, &ue) {
				t.Errorf("New accepted what Validate rejects: %v", err)
			}
		})
	}
}

// The gh contract: piped output is header-less TSV with RFC 3339 times,
// a terminal gets a table with a header and relative times.
func TestAutoFormat(t *testing.T) {
	cols := Options{Columns: []string{"id", "name", "created_at"}}
	ios, out, _ := testIO(false)
	if err := printList(t, ios, cols, contactAlice, contactBob); err != nil {
		t.Fatal(err)
	}
	if want := "1\tAlice Schmidt\t2023-11-14T19:26:40Z\n2\tBob Tab Newline\t2023-11-13T18:26:40Z\n"; out.String() != want {
		t.Errorf("piped: got %q, want %q", out, want)
	}

	ios, out, _ = testIO(true)
	if err := printList(t, ios, cols, contactAlice, contactBob); err != nil {
		t.Fatal(err)
	}
	if want := "ID  NAME             CREATED_AT\n1   Alice Schmidt    4h ago\n2   Bob Tab Newline  1d ago\n"; out.String() != want {
		t.Errorf("terminal: got %q, want %q", out, want)
	}
}
