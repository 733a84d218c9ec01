package operation_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// sandboxCompletion runs `woot __complete ARGS` against the embedded
// sandbox and returns the candidate lines and the directive line.
func sandboxCompletion(t *testing.T, args ...string) (candidates []string, directive string) {
	t.Helper()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = "sandbox"
	return h.Complete(args...)
}

func TestConversationIDsCompleteWithContactAndStatus(t *testing.T) {
	got, directive := sandboxCompletion(t, "conversations", "get", "")
	if directive != ":4" {
		t.Errorf("directive %s, want :4 (no file completion)", directive)
	}
	if len(got) < 2 {
		t.Fatalf("conversation ids: %q", got)
	}
	for _, line := range got {
		id, desc, ok := strings.Cut(line, "\t")
		name, status, ok2 := strings.Cut(desc, " · ")
		if !ok || !ok2 || id == "" || name == "" || !strings.Contains("open resolved pending snoozed", status) {
			t.Errorf("candidate %q is not ID<TAB>contact · status", line)
		}
	}
}

func TestIDCompletionsPerSource(t *testing.T) {
	cases := []struct {
		args []string
		want string // one candidate line the sandbox's seed must produce
	}{
		{[]string{"contacts", "get", ""}, "1\tAva Smith <ava.smith1@example.com>"},
		{[]string{"teams", "get", ""}, "2\tsupport"},
		{[]string{"inboxes", "get", ""}, "1\tAPI Inbox"},
		{[]string{"conversations", "assign", "3", "--assignee-id", ""}, "2\tBob Baker <bob@acme.test>"},
		{[]string{"conversations", "assign", "3", "--team-id", ""}, "1\tsales"},
		{[]string{"conversations", "list", "--inbox-id", ""}, "2\tAcme Website"},
		{[]string{"conversations", "labels", "set", "3", "--labels", ""}, "billing\tInvoices, payments and refunds"},
		{[]string{"portals", "get", ""}, "acme-help\tAcme Help Center"},
	}
	for _, tc := range cases {
		got, directive := sandboxCompletion(t, tc.args...)
		found := false
		for _, line := range got {
			found = found || line == tc.want
		}
		if !found || directive != ":4" {
			t.Errorf("completion of %q: %q %s, want a line %q", tc.args, got, directive, tc.want)
		}
	}
}

func TestIDCompletionOnlyForArgumentsThatTakeIDs(t *testing.T) {
	// `conversations get` takes one argument: nothing completes a second.
	if got, directive := sandboxCompletion(t, "conversations", "get", "3", ""); len(got) != 0 || directive != ":4" {
		t.Errorf("completion past the last argument: %q %s", got, directive)
	}
}

func TestIDCompletionIsSilentWhenServerFails(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/1/contacts", 500, `{"error":"boom"}`)
	out := h.MustRun("__complete", "contacts", "get", "")
	if out != ":5\n" {
		t.Fatalf("completion against a failing server printed %q, want only the error directive", out)
	}
	if h.ErrOut.Len() != 0 && strings.Contains(h.ErrOut.String(), "boom") {
		t.Errorf("completion leaked the server error: %s", h.ErrOut)
	}
}

func TestIDCompletionGivesUpOnASlowServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // answers only when the client gives up
	}))
	defer srv.Close()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = srv.URL
	if out := h.MustRun("__complete", "contacts", "get", ""); out != ":5\n" {
		t.Fatalf("completion against a hanging server printed %q", out)
	}
}

// TestDerivedCompletionKeepsTypedWordsInTheirSegment: an argument typed
// before the one completing fills its path segment escaped, so a word
// like 1/../../contacts cannot point the listing elsewhere.
func TestDerivedCompletionKeepsTypedWordsInTheirSegment(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath())
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"payload":[]}`))
	}))
	defer srv.Close()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = srv.URL
	h.MustRun("__complete", "captain", "scenarios", "get", "1/../../contacts", "")
	want := "/api/v1/accounts/1/captain/assistants/1%2F..%2F..%2Fcontacts/scenarios"
	if len(paths) != 1 || paths[0] != want {
		t.Fatalf("completion requested %q, want only %s", paths, want)
	}
}
