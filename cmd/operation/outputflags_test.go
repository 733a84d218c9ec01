package operation_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// --fields, -o and --template through a whole command: the output flags
// do what their help says (issue 13 item 6).
func TestOutputFlagsThroughCommands(t *testing.T) {
	t.Run("fields trim json", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		h.Stub.On("GET", appV1+"/contacts/42", 200, `{"payload":`+cmdtest.ContactJSON(42)+`}`)
		out := h.MustRun("contacts", "get", "42", "-o", "json", "--fields", "id,name,custom_attributes.plan")
		want := "{\n  \"id\": 42,\n  \"name\": \"Contact 42\",\n  \"custom_attributes\": {\n    \"plan\": \"pro\"\n  }\n}\n"
		if out != want {
			t.Errorf("got %q, want %q", out, want)
		}
	})
	t.Run("unknown field is a usage error", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		h.Stub.On("GET", appV1+"/contacts", 200, cmdtest.ContactsPage(2, 1))
		if code := h.Run("contacts", "list", "--fields", "id,emial"); code != 2 {
			t.Errorf("exit %d, want 2 (usage)", code)
		}
		if h.Out.Len() != 0 {
			t.Errorf("printed %q before failing", h.Out)
		}
		for _, want := range []string{`unknown field "emial"`, "email", "phone_number"} {
			if !strings.Contains(h.ErrOut.String(), want) {
				t.Errorf("stderr lacks %q: %s", want, h.ErrOut)
			}
		}
	})
	t.Run("ndjson template is one line per item", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		h.Stub.On("GET", appV1+"/contacts", 200, cmdtest.ContactsPage(3, 1))
		out := h.MustRun("contacts", "list", "-o", "ndjson", "--template", "{{.id}} {{.name}}")
		if want := "1 Contact 1\n2 Contact 2\n3 Contact 3\n"; out != want {
			t.Errorf("got %q, want %q", out, want)
		}
	})
}

// `search get` prints one table per kind of result, with the columns the
// operation table declares for it (issue 13 item 8).
func TestSearchGetTablePerKind(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.TTY = true
	conversation := `{"id":7,"account_id":1,"created_at":1763700000,"message":{"id":90,"content":"order 1001","message_type":0,"content_type":"text","source_id":null,"inbox_id":3,"conversation_id":7,"created_at":1763700000},"contact":{"email":"ann@example.com","id":5,"name":"Ann Lee","phone_number":null,"identifier":null,"additional_attributes":{},"last_activity_at":1763700000},"inbox":{"id":3,"name":"Website"},"agent":{"id":2,"name":"Agent Smith"}}`
	contact := `{"email":"ann@example.com","id":5,"name":"Ann Lee","phone_number":"+4915100000","identifier":"crm-5","additional_attributes":{},"last_activity_at":1763700000}`
	h.Stub.On("GET", appV1+"/search", 200, `{"payload":{"conversations":[`+conversation+`],"contacts":[`+contact+`],"messages":[]}}`).BeyondSpec = true
	out := h.MustRun("search", "get", "--q", "order 1001")
	for _, want := range []string{
		"CONTACTS\nID  NAME     EMAIL            PHONE_NUMBER  IDENTIFIER\n5   Ann Lee  ann@example.com  +4915100000   crm-5\n",
		"\nCONVERSATIONS\nID  CONTACT NAME  INBOX NAME  AGENT NAME   CREATED_AT\n7   Ann Lee       Website     Agent Smith  ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "[{") || strings.Contains(out, "MESSAGES") {
		t.Errorf("JSON in cells, or an empty kind printed:\n%s", out)
	}
}
