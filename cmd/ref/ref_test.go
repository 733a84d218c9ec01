package ref_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/cmd/ref"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

func TestParse(t *testing.T) {
	for _, c := range []struct{ url, command, path string }{
		{"https://chat.acme.test/app/accounts/1/conversations/42", "woot conversations get 42", "/api/v1/accounts/1/conversations/42"},
		{"https://chat.acme.test/app/accounts/3/inbox/2/conversations/42?messageId=9", "woot conversations get 42", "/api/v1/accounts/3/conversations/42"},
		{"https://chat.acme.test/app/accounts/1/label/vip/conversations/7", "woot conversations get 7", "/api/v1/accounts/1/conversations/7"},
		{"https://chat.acme.test/app/accounts/1/contacts/15", "woot contacts get 15", "/api/v1/accounts/1/contacts/15"},
		{"https://chat.acme.test/app/accounts/1/settings/inboxes/4", "woot inboxes get 4", "/api/v1/accounts/1/inboxes/4"},
		{"https://chat.acme.test/app/accounts/1/inbox/4", "woot inboxes get 4", "/api/v1/accounts/1/inboxes/4"},
		{"https://chat.acme.test/app/accounts/1/portals/acme-help/en/articles/edit/31", "woot portals articles get acme-help 31", "/api/v1/accounts/1/portals/acme-help/articles/31"},
	} {
		r, err := ref.Parse(c.url)
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		if got := strings.Join(r.Command, " "); got != c.command || r.Path != c.path {
			t.Errorf("%s: %q %s, want %q %s", c.url, got, r.Path, c.command, c.path)
		}
	}
	for _, bad := range []string{"conversations/42", "https://chat.acme.test/app/accounts/1/reports", "https://chat.acme.test/hc/acme-help", "https://chat.acme.test/app/accounts/x/contacts/1"} {
		if _, err := ref.Parse(bad); err == nil {
			t.Errorf("%s parsed", bad)
		}
	}
}

func TestRefAndOpenOnTheSandbox(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC))
	h := sb.Harness(t)
	out := h.MustRun("ref", "https://chat.acme.test/app/accounts/1/contacts/1", "-o", "ndjson")
	want := `{"kind":"contact","account_id":1,"id":1,"command":["woot","contacts","get","1"],"path":"/api/v1/accounts/1/contacts/1","host":"chat.acme.test"}` + "\n"
	if out != want {
		t.Errorf("ref -o ndjson:\n%s\nwant\n%s", out, want)
	}
	// open prints what the get command prints.
	got := h.MustRun("open", "https://chat.acme.test/app/accounts/1/contacts/1", "-o", "json")
	if wantGet := h.MustRun("contacts", "get", "1", "-o", "json"); got != wantGet {
		t.Errorf("open differs from contacts get:\n%s\n%s", got, wantGet)
	}
	got = h.MustRun("open", "https://chat.acme.test/app/accounts/1/portals/acme-help/en/articles/edit/1", "-o", "json", "--jq", ".title")
	if got != "Creating your account\n" {
		t.Errorf("article: %q", got)
	}
	if code := h.Run("open", "https://chat.acme.test/app/accounts/1/conversations/9999"); code != 4 {
		t.Errorf("a missing conversation: exit %d, want 4", code)
	}
	if code := h.Run("ref", "https://chat.acme.test/app/accounts/1/reports"); code != 2 || !strings.Contains(h.ErrOut.String(), "not a link to a conversation, contact, inbox or article") {
		t.Errorf("exit %d %s", code, h.ErrOut)
	}
}

func TestOpenRequestsConformToTheSpec(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC))
	sb.CheckSpec(t)
	h := sb.Harness(t)
	h.MustRun("open", "https://chat.acme.test/app/accounts/1/contacts/1")
	h.MustRun("open", "https://chat.acme.test/app/accounts/1/inbox/1/conversations/1")
	h.MustRun("open", "https://chat.acme.test/app/accounts/1/settings/inboxes/1")
	if got := strings.Join(sb.Checked(), "; "); got != "GET /api/v1/accounts/{account_id}/contacts/{id}; GET /api/v1/accounts/{account_id}/conversations/{conversation_id}; GET /api/v1/accounts/{account_id}/inboxes/{id}" {
		t.Errorf("checked: %s", got)
	}
}
