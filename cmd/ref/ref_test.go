package ref_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

func TestMain(m *testing.M) { cmdtest.Main(m) }

// sandboxHarness runs commands on a fresh embedded sandbox.
func sandboxHarness(t *testing.T) *cmdtest.Harness {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": h.Env["WOOT_CONFIG_DIR"], "CHATWOOT_URL": "sandbox"}
	return h
}

// TestOpenPrintsWhatTheGetPrints: for each kind of page, `open URL` prints
// exactly what the get command it stands for prints, flags included.
func TestOpenPrintsWhatTheGetPrints(t *testing.T) {
	h := sandboxHarness(t)
	for url, get := range map[string][]string{
		"https://chat.example.com/app/accounts/1/conversations/1":                      {"conversations", "get", "1"},
		"https://chat.example.com/app/accounts/1/inbox/1/conversations/2?messageId=3":  {"conversations", "get", "2"},
		"https://chat.example.com/app/accounts/1/contacts/1":                           {"contacts", "get", "1"},
		"https://chat.example.com/app/accounts/1/settings/inboxes/1":                   {"inboxes", "get", "1"},
		"https://chat.example.com/app/accounts/1/portals/acme-help/en/articles/edit/1": {"portals", "articles", "get", "acme-help", "1"},
	} {
		for _, flags := range [][]string{nil, {"-o", "json"}, {"--fields", "id", "-o", "csv"}} {
			want := h.MustRun(append(get, flags...)...)
			got := h.MustRun(append([]string{"open", url}, flags...)...)
			if got != want || got == "" {
				t.Errorf("open %s %v printed\n%s\nwant what %v prints:\n%s", url, flags, got, get, want)
			}
		}
	}
}

// TestOpenNeverSendsTheTokenToAnotherInstallation: a URL of another host
// than the profile's is refused before any request, so an id of one
// installation never shows another's object.
func TestOpenNeverSendsTheTokenToAnotherInstallation(t *testing.T) {
	h := cmdtest.NewHarness(t) // CHATWOOT_URL is the stub's 127.0.0.1 address
	code := h.Run("open", "https://chat.example.com/app/accounts/1/conversations/1")
	if code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), "the URL is on https://chat.example.com but the profile in use points at http://127.0.0.1") {
		t.Errorf("exit %d, stderr %q", code, h.ErrOut)
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Errorf("%d requests were sent", n)
	}
}

func TestOpenTakesTheAccountFromTheURL(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/7/contacts/5", 200, `{"payload":{"id":5,"name":"Ann","email":"ann@example.com"}}`)
	url := h.Env["CHATWOOT_URL"] + "/app/accounts/7/contacts/5"
	if out := h.MustRun("open", url, "-o", "json", "--jq", ".email"); out != "ann@example.com\n" {
		t.Errorf("open printed %q", out)
	}
	if code := h.Run("open", url, "--account", "1"); code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), "the URL is in account 7 but --account says 1") {
		t.Errorf("a contradicting --account: exit %d, %q", code, h.ErrOut)
	}
}

func TestRefNamesTheCommandWithoutARequest(t *testing.T) {
	h := cmdtest.NewHarness(t)
	out := h.MustRun("ref", "https://chat.example.com/app/accounts/3/portals/help/fr/categories/billing/articles/31", "-o", "json")
	want := `{
  "kind": "article",
  "account_id": 3,
  "id": 31,
  "portal": "help",
  "locale": "fr",
  "host": "https://chat.example.com",
  "command": "woot portals articles get help 31 --account 3"
}
`
	if out != want {
		t.Errorf("ref printed\n%s\nwant\n%s", out, want)
	}
	if code := h.Run("ref", "https://chat.example.com/app/accounts/1/settings/agents"); code != cmdutil.ExitUsage {
		t.Errorf("a page naming no object: exit %d", code)
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Errorf("ref sent %d requests", n)
	}
}
