package auth_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox"
)

// TestSandboxClientAPIWorksOutOfTheBox: in sandbox mode the Client API
// acts as the demo seed's contact with no setup, as the Application API
// uses the seed's user token; a contact identifier the user gives wins,
// and an inbox of the user's own gets no seeded contact (it is not in it).
func TestSandboxClientAPIWorksOutOfTheBox(t *testing.T) {
	h := loggedOutHarness(t)
	var contact struct {
		SourceID string `json:"source_id"`
		Name     string `json:"name"`
	}
	if err := json.Unmarshal([]byte(h.MustRun("--sandbox", "client", "contacts", "get", "-o", "json")), &contact); err != nil {
		t.Fatal(err)
	}
	if contact.SourceID != sandbox.SeedContactIdentifier || contact.Name != "Mia Okafor" {
		t.Errorf("sandbox mode's client contact %+v, want the seeded %s", contact, sandbox.SeedContactIdentifier)
	}
	if out := h.MustRun("--sandbox", "client", "conversations", "list", "--fields", "id"); !strings.Contains(out, "55\n") {
		t.Errorf("the seeded contact's conversations %q do not include 55", out)
	}

	h.Env["CHATWOOT_CONTACT_IDENTIFIER"] = "0d1e2f30-aaaa-4bbb-8ccc-000000000000"
	if code := h.Run("--sandbox", "client", "contacts", "get"); code == 0 || strings.Contains(h.Out.String(), "Mia Okafor") {
		t.Errorf("CHATWOOT_CONTACT_IDENTIFIER did not replace the seeded contact: exit %d, %s", code, h.Out)
	}
	delete(h.Env, "CHATWOOT_CONTACT_IDENTIFIER")

	if code := h.Run("--sandbox", "client", "contacts", "get", "--inbox-identifier", "someone-elses-inbox"); code == 0 ||
		!strings.Contains(h.ErrOut.String(), "no contact identifier configured") {
		t.Errorf("another inbox got the seeded contact: exit %d, stderr %s", code, h.ErrOut)
	}
}
