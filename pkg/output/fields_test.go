package output

import (
	"errors"
	"strings"
	"testing"
)

// --fields with whole-item formats keeps just those fields, nested as
// written, null where the item has none, in the order asked (gh's --json).
func TestFieldsTrimWholeItems(t *testing.T) {
	fields := []string{"id", "meta.sender.name", "meta.assignee.name", "labels"}
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Format: "ndjson"}, `{"id":42,"meta":{"sender":{"name":"Bob"},"assignee":{"name":null}},"labels":["vip","billing"]}` + "\n"},
		{Options{Format: "json"}, "[\n  {\n    \"id\": 42,\n    \"meta\": {\n      \"sender\": {\n        \"name\": \"Bob\"\n      },\n      \"assignee\": {\n        \"name\": null\n      }\n    },\n    \"labels\": [\n      \"vip\",\n      \"billing\"\n    ]\n  }\n]\n"},
		{Options{Format: "yaml"}, "- id: 42\n  meta:\n    sender:\n      name: Bob\n    assignee:\n      name: null\n  labels:\n    - vip\n    - billing\n"},
		{Options{JQ: ".[] | keys | join(\",\")"}, "id,labels,meta\n"},
		{Options{Format: "ndjson", Template: "{{.id}} {{.meta.sender.name}}"}, "42 Bob\n"},
	}
	for _, tt := range tests {
		ios, out, _ := testIO(false)
		tt.opts.Fields = fields
		if err := printList(t, ios, tt.opts, conversation42); err != nil {
			t.Fatalf("%+v: %v", tt.opts, err)
		}
		if out.String() != tt.want {
			t.Errorf("%+v:\ngot  %q\nwant %q", tt.opts, out, tt.want)
		}
	}
}

func TestFieldsTrimObject(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printObject(t, ios, Options{Format: "json", Fields: []string{"name", "id"}}, contactAlice); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"name\": \"Alice Schmidt\",\n  \"id\": 1\n}\n"; out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// A field name the items do not have is a usage error naming the ones
// they do have, in every format, before anything is printed.
func TestFieldsUnknownName(t *testing.T) {
	tests := []struct {
		field, want string
	}{
		{"emial", `unknown field "emial" in --fields: the items have additional_attributes, availability_status, email, id, name,`},
		{"additional_attributes.town", `unknown field "additional_attributes.town" in --fields: additional_attributes has city, company_name;`},
	}
	for _, tt := range tests {
		for _, format := range []string{"", "table", "csv", "tsv", "json", "ndjson", "yaml"} {
			ios, out, _ := testIO(format == "")
			err := printList(t, ios, Options{Format: format, Fields: []string{"id", tt.field}}, contacts...)
			var ue *UsageError
			if !errors.As(err, &ue) || !strings.Contains(ue.Msg, tt.want) {
				t.Errorf("-o %q --fields id,%s: got %v, want a usage error containing %q", format, tt.field, err, tt.want)
			}
			if out.Len() != 0 {
				t.Errorf("-o %q --fields id,%s printed %q before failing", format, tt.field, out)
			}
		}
	}
}

// Paths through null, arrays and scalars are not judged: an unassigned
// conversation's meta.assignee is null, and labels.0 indexes an array.
func TestFieldsThroughNullAndArrays(t *testing.T) {
	ios, out, _ := testIO(false)
	err := printList(t, ios, Options{Format: "tsv", Fields: []string{"meta.assignee.name", "labels.0", "id.x"}}, conversation42)
	if err != nil {
		t.Fatal(err)
	}
	if want := "meta.assignee.name\tlabels.0\tid.x\n\tvip\t\n"; out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
