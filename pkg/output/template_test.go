package output

import (
	"errors"
	"strings"
	"testing"
)

func TestTemplateOverWholeList(t *testing.T) {
	ios, out, _ := testIO(false)
	tmpl := `{{range .}}{{.id}} {{upper .name}} {{lower .email}} {{timeago .created_at}} {{time .last_activity_at}}{{"\n"}}{{end}}`
	if err := printList(t, ios, Options{Template: tmpl}, contactAlice, contactChen); err != nil {
		t.Fatal(err)
	}
	want := "1 ALICE SCHMIDT alice@example.com 4h ago 2023-11-14T22:13:20Z\n" +
		"12345678901234567 陈伟 chen@example.cn 3y ago 2023-11-14T22:13:10Z\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestTemplateFuncs(t *testing.T) {
	ios, out, _ := testIO(false)
	tmpl := `{{join ", " .labels}}|{{json .meta.sender}}|{{timeago .agent_last_seen_at}}|{{join "+" .missing}}|{{pretty .custom_attributes}}`
	if err := printObject(t, ios, Options{Template: tmpl}, conversation42); err != nil {
		t.Fatal(err)
	}
	want := `vip, billing|{"email":"bob@example.org","id":7,"name":"Bob","thumbnail":""}|4h ago||{}`
	if out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestTemplatePerItemWithNDJSON(t *testing.T) {
	ios, out, _ := testIO(false)
	p, err := New(ios, Options{Format: "ndjson", Template: "{{.id}}\n"})
	if err != nil {
		t.Fatal(err)
	}
	item(t, p, contactAlice)
	if out.String() != "1\n" {
		t.Fatalf("after one item got %q", out)
	}
	item(t, p, contactBob)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "1\n2\n" {
		t.Errorf("got %q", out)
	}
}

// A template written for one item prints one line per item with -o ndjson,
// newline or not; over the whole list the output is the template's own.
func TestTemplatePerItemEndsLines(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printList(t, ios, Options{Format: "ndjson", Template: "{{.id}}"}, contactAlice, contactBob, contactChen); err != nil {
		t.Fatal(err)
	}
	if want := "1\n2\n12345678901234567\n"; out.String() != want {
		t.Errorf("per item: got %q, want %q", out, want)
	}
	ios, out, _ = testIO(false)
	if err := printList(t, ios, Options{Template: "{{range .}}{{.id}},{{end}}"}, contactAlice, contactBob); err != nil {
		t.Fatal(err)
	}
	if want := "1,2,"; out.String() != want {
		t.Errorf("whole list: got %q, want %q", out, want)
	}
}

func TestTemplateErrors(t *testing.T) {
	var ue *UsageError
	if err := (Options{Template: "{{.id"}).Validate(); !errors.As(err, &ue) {
		t.Errorf("unclosed action: got %v, want *UsageError", err)
	}
	if err := (Options{Template: "{{nosuch .id}}"}).Validate(); !errors.As(err, &ue) || !strings.Contains(ue.Msg, "nosuch") {
		t.Errorf("unknown function: got %v, want *UsageError naming it", err)
	}
	ios, _, _ := testIO(false)
	err := printList(t, ios, Options{Template: `{{join "," .}}{{index . 5}}`}, `{"id":1}`)
	if err == nil || errors.As(err, &ue) {
		t.Errorf("execution error: got %v, want an ordinary error", err)
	}
}
