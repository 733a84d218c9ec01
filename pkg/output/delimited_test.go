package output

import (
	"encoding/csv"
	"strings"
	"testing"
)

var contactColumns = []string{"id", "name", "email", "custom_attributes.plan", "additional_attributes.city", "created_at"}

func TestTSV(t *testing.T) {
	header := "id\tname\temail\tcustom_attributes.plan\tadditional_attributes.city\tcreated_at\n"
	alice := "1\tAlice Schmidt\talice@example.com\tpro\tBerlin\t2023-11-14T19:26:40Z\n"
	bob := "2\tBob Tab Newline\tbob@example.org\t\t\t2023-11-13T18:26:40Z\n"
	chen := "12345678901234567\t陈伟\tchen@example.cn\tfree\t上海\t2020-09-13T12:26:40Z\n"
	tests := []struct {
		name   string
		format string
		items  []string
		want   string
	}{
		{"explicit none", "tsv", nil, header},
		{"explicit one", "tsv", contacts[:1], header + alice},
		{"explicit many", "tsv", contacts, header + alice + bob + chen},
		{"auto none", "", nil, ""},
		{"auto one", "", contacts[:1], alice},
		{"auto many", "", contacts, alice + bob + chen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, _ := testIO(false)
			if err := printList(t, ios, Options{Format: tt.format, Columns: contactColumns}, tt.items...); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out, tt.want)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	header := "id,name,email,custom_attributes.plan,additional_attributes.city,created_at\n"
	alice := "1,Alice Schmidt,alice@example.com,pro,Berlin,2023-11-14T19:26:40Z\n"
	bob := "2,\"Bob\tTab\nNewline\",bob@example.org,,,2023-11-13T18:26:40Z\n"
	chen := "12345678901234567,陈伟,chen@example.cn,free,上海,2020-09-13T12:26:40Z\n"
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"none", nil, header},
		{"one", contacts[:1], header + alice},
		{"many", contacts, header + alice + bob + chen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, _ := testIO(true) // a terminal changes nothing for csv
			if err := printList(t, ios, Options{Format: "csv", Columns: contactColumns}, tt.items...); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out, tt.want)
			}
			rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
			if err != nil || len(rows) != len(tt.items)+1 {
				t.Fatalf("csv does not parse back into %d rows: %v", len(tt.items)+1, err)
			}
			if len(tt.items) > 1 && rows[2][1] != "Bob\tTab\nNewline" {
				t.Errorf("csv changed a cell: %q", rows[2][1])
			}
		})
	}
}

// --fields replaces the command's columns, and paths reach into nested
// objects and arrays. (A name the item lacks: TestFieldsUnknownName.)
func TestFieldsOverrideColumns(t *testing.T) {
	ios, out, _ := testIO(false)
	opts := Options{Format: "tsv", Columns: []string{"id"}, Fields: []string{"id", "meta.sender.name", "labels", "labels.1", "meta.assignee", "messages", "messages.0.content"}}
	if err := printList(t, ios, opts, conversation42); err != nil {
		t.Fatal(err)
	}
	want := "id\tmeta.sender.name\tlabels\tlabels.1\tmeta.assignee\tmessages\tmessages.0.content\n" +
		"42\tBob\tvip,billing\tbilling\t\t" + `[{"id":900,"content":"Hello\nthere","message_type":0,"created_at":1699999000}]` + "\tHello there\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
}

func TestTSVObjectIsOneRow(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printObject(t, ios, Options{Columns: []string{"id", "status", "timestamp", "agent_last_seen_at"}}, conversation42); err != nil {
		t.Fatal(err)
	}
	want := "42\topen\t2023-11-14T21:56:40Z\t2023-11-14T20:00:00Z\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// Without columns, a command like `woot api` still gets useful rows: the
// first item's top-level keys in the server's order.
func TestColumnsDerivedFromFirstItem(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printList(t, ios, Options{Format: "csv"}, `{"z":1,"a":{"k":[1,2]},"when_at":0}`, `{"a":"x","z":2,"extra":true}`); err != nil {
		t.Fatal(err)
	}
	want := "z,a,when_at\n1,\"{\"\"k\"\":[1,2]}\",1970-01-01T00:00:00Z\n2,x,\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestScalarItemsGetAValueColumn(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printList(t, ios, Options{Format: "tsv"}, `"vip"`, `7`); err != nil {
		t.Fatal(err)
	}
	if want := "value\nvip\n7\n"; out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestEmptyObjectItemGetsAValueColumn(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printList(t, ios, Options{Format: "tsv"}, `{}`, `{"a":1}`); err != nil {
		t.Fatal(err)
	}
	if want := "value\n{}\n{\"a\":1}\n"; out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
