package labeledit_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

func TestMain(m *testing.M) { cmdtest.Main(m) }

const accountLabels = `{"payload":[{"id":1,"title":"billing"},{"id":2,"title":"vip"},{"id":3,"title":"refund"}]}`

// posted returns the bodies of the label writes the stub received.
func posted(h *cmdtest.Harness) []string {
	var out []string
	for _, r := range h.Stub.Requests() {
		if r.Method == "POST" {
			out = append(out, string(r.Body))
		}
	}
	return out
}

func TestAddKeepsTheLabelsThere(t *testing.T) {
	for _, noun := range []string{"conversations", "contacts"} {
		t.Run(noun, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			path := "/api/v1/accounts/1/" + noun + "/42/labels"
			h.Stub.On("GET", "/api/v1/accounts/1/labels", 200, accountLabels)
			h.Stub.On("GET", path, 200, `{"payload":["vip"]}`)
			h.Stub.On("POST", path, 200, `{"payload":["vip","billing","refund"]}`)
			h.Stub.On("GET", path, 200, `{"payload":["vip","billing","refund"]}`)
			out := h.MustRun(noun, "labels", "add", "42", "Billing,refund", "vip")
			if out != "vip\nbilling\nrefund\n" {
				t.Errorf("printed %q", out)
			}
			if got := posted(h); len(got) != 1 || got[0] != `{"labels":["vip","billing","refund"]}` {
				t.Errorf("wrote %v", got)
			}
			if h.ErrOut.Len() != 0 {
				t.Errorf("stderr %q", h.ErrOut)
			}
		})
	}
}

func TestRemoveKeepsTheOthers(t *testing.T) {
	h := cmdtest.NewHarness(t)
	path := "/api/v1/accounts/1/conversations/42/labels"
	h.Stub.On("GET", path, 200, `{"payload":["vip","billing","refund"]}`)
	h.Stub.On("POST", path, 200, `{"payload":["vip","refund"]}`)
	h.Stub.On("GET", path, 200, `{"payload":["vip","refund"]}`)
	if out := h.MustRun("conversations", "labels", "remove", "42", "billing", "-o", "json"); out != "[\n  \"vip\",\n  \"refund\"\n]\n" {
		t.Errorf("printed %q", out)
	}
	if got := posted(h); len(got) != 1 || got[0] != `{"labels":["vip","refund"]}` {
		t.Errorf("wrote %v", got)
	}
}

// TestNothingToChangeWritesNothing: adding a label the object has, or
// removing one it lacks, sends no write.
func TestNothingToChangeWritesNothing(t *testing.T) {
	h := cmdtest.NewHarness(t)
	path := "/api/v1/accounts/1/contacts/7/labels"
	h.Stub.On("GET", "/api/v1/accounts/1/labels", 200, accountLabels)
	h.Stub.On("GET", path, 200, `{"payload":["vip"]}`)
	h.Stub.On("GET", path, 200, `{"payload":["vip"]}`)
	h.MustRun("contacts", "labels", "add", "7", "vip")
	if !strings.Contains(h.ErrOut.String(), "Contact 7 already has vip; nothing was written") {
		t.Errorf("stderr %q", h.ErrOut)
	}
	h.MustRun("contacts", "labels", "remove", "7", "billing")
	if !strings.Contains(h.ErrOut.String(), "Contact 7 already lacks billing") {
		t.Errorf("stderr %q", h.ErrOut)
	}
	if got := posted(h); len(got) != 0 {
		t.Errorf("wrote %v", got)
	}
}

// TestChangedUnderneathIsSaid: when the set read back is not the set
// written, someone else changed it; the user is told what it is now.
func TestChangedUnderneathIsSaid(t *testing.T) {
	h := cmdtest.NewHarness(t)
	path := "/api/v1/accounts/1/conversations/42/labels"
	h.Stub.On("GET", "/api/v1/accounts/1/labels", 200, accountLabels)
	h.Stub.On("GET", path, 200, `{"payload":["vip"]}`)
	h.Stub.On("POST", path, 200, `{"payload":["vip","billing"]}`)
	h.Stub.On("GET", path, 200, `{"payload":["billing","refund"]}`) // an automation rule acted
	out := h.MustRun("conversations", "labels", "add", "42", "billing")
	if out != "billing\nrefund\n" {
		t.Errorf("printed %q, want the set as it is now", out)
	}
	if !strings.Contains(h.ErrOut.String(), "changed while woot wrote them") || !strings.Contains(h.ErrOut.String(), "they are now billing, refund") {
		t.Errorf("stderr %q", h.ErrOut)
	}
}

func TestUnknownLabelOrIdIsRefusedBeforeAnyWrite(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/1/labels", 200, accountLabels)
	if code := h.Run("conversations", "labels", "add", "42", "nope"); code != cmdutil.ExitUsage ||
		!strings.Contains(h.ErrOut.String(), `label "nope" does not exist in the account: create it first (woot labels create --title nope)`) {
		t.Errorf("exit %d, stderr %q", code, h.ErrOut)
	}
	if code := h.Run("conversations", "labels", "add", "abc", "vip"); code != cmdutil.ExitUsage {
		t.Errorf("a non-numeric id: exit %d", code)
	}
	if n := len(h.Stub.Requests()); n != 1 {
		t.Errorf("%d requests, want only the account's labels read", n)
	}
}

// TestOnTheSandbox runs the help examples' commands on the embedded
// sandbox, where the labels route behaves like Chatwoot's.
func TestOnTheSandbox(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": h.Env["WOOT_CONFIG_DIR"], "CHATWOOT_URL": "sandbox"}
	h.MustRun("conversations", "labels", "set", "1", "--labels", "vip")
	if out := h.MustRun("conversations", "labels", "add", "1", "billing"); out != "vip\nbilling\n" {
		t.Errorf("add printed %q", out)
	}
	if out := h.MustRun("conversations", "labels", "remove", "1", "vip"); out != "billing\n" {
		t.Errorf("remove printed %q", out)
	}
	if out := h.MustRun("conversations", "labels", "list", "1"); out != "billing\n" {
		t.Errorf("the sandbox holds %q", out)
	}
}
