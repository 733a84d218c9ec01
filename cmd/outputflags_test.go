package cmd

import (
	"strings"
	"testing"
)

// --fields, -o and --template through a whole command: the output flags
// do what their help says (issue 13 item 6).
func TestOutputFlagsThroughCommands(t *testing.T) {
	t.Run("fields trim json", func(t *testing.T) {
		h := newHarness(t)
		h.stub.On("GET", appV1+"/contacts/42", 200, `{"payload":`+contactJSON(42)+`}`)
		out := h.mustRun("contacts", "get", "42", "-o", "json", "--fields", "id,name,custom_attributes.plan")
		want := "{\n  \"id\": 42,\n  \"name\": \"Contact 42\",\n  \"custom_attributes\": {\n    \"plan\": \"pro\"\n  }\n}\n"
		if out != want {
			t.Errorf("got %q, want %q", out, want)
		}
	})
	t.Run("unknown field is a usage error", func(t *testing.T) {
		h := newHarness(t)
		h.stub.On("GET", appV1+"/contacts", 200, contactsPage(2, 1))
		if code := h.run("contacts", "list", "--fields", "id,emial"); code != 2 {
			t.Errorf("exit %d, want 2 (usage)", code)
		}
		if h.out.Len() != 0 {
			t.Errorf("printed %q before failing", h.out)
		}
		for _, want := range []string{`unknown field "emial"`, "email", "phone_number"} {
			if !strings.Contains(h.errOut.String(), want) {
				t.Errorf("stderr lacks %q: %s", want, h.errOut)
			}
		}
	})
	t.Run("ndjson template is one line per item", func(t *testing.T) {
		h := newHarness(t)
		h.stub.On("GET", appV1+"/contacts", 200, contactsPage(3, 1))
		out := h.mustRun("contacts", "list", "-o", "ndjson", "--template", "{{.id}} {{.name}}")
		if want := "1 Contact 1\n2 Contact 2\n3 Contact 3\n"; out != want {
			t.Errorf("got %q, want %q", out, want)
		}
	})
}
