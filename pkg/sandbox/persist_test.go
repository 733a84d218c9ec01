package sandbox

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "sandbox.json")
	s, srv := newTestSandbox(t, Options{StatePath: path})
	if s.Dirty() {
		t.Fatal("a fresh seed is dirty")
	}
	mustStatus(t, call(t, srv, "GET", "/api/v1/accounts/1/contacts", store.SeedUserToken, nil), 200, "read")
	if s.Dirty() {
		t.Fatal("a read made the state dirty")
	}
	created := call(t, srv, "POST", "/api/v1/accounts/1/contacts", store.SeedUserToken, obj{"name": "Persisted", "email": "persisted@example.com", "inbox_id": 1})
	mustStatus(t, created, 200, "create contact")
	id := itoa(int64(dig(created.json(t), "payload.contact.id").(float64)))
	mustStatus(t, call(t, srv, "POST", "/api/v1/accounts/1/labels", store.SeedUserToken, obj{"title": "saved"}), 200, "create label")
	if !s.Dirty() {
		t.Fatal("writes did not make the state dirty")
	}
	if err := s.Save(); err != nil {
		t.Fatalf("Save: %v", err)
	}
	if s.Dirty() {
		t.Error("still dirty after Save")
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("state file mode %v, want 0600", info.Mode().Perm())
	}

	reloaded, srv2 := newTestSandbox(t, Options{StatePath: path})
	if reloaded.Dirty() {
		t.Error("a loaded state is dirty")
	}
	got := call(t, srv2, "GET", "/api/v1/accounts/1/contacts/"+id, store.SeedUserToken, nil)
	mustStatus(t, got, 200, "contact after reload")
	if dig(got.json(t), "payload.email") != "persisted@example.com" {
		t.Errorf("reloaded contact %s", got.body)
	}
	before := call(t, srv, "GET", "/api/v1/accounts/1/conversations?status=all&page=2", store.SeedUserToken, nil)
	after := call(t, srv2, "GET", "/api/v1/accounts/1/conversations?status=all&page=2", store.SeedUserToken, nil)
	if string(before.body) != string(after.body) {
		t.Error("conversations differ after a save and load")
	}
	labels := call(t, srv2, "GET", "/api/v1/accounts/1/labels", store.SeedUserToken, nil).json(t)["payload"].([]any)
	if last := labels[len(labels)-1].(map[string]any); last["title"] != "saved" {
		t.Errorf("last label after reload %v", last)
	}
	// New ids continue after the saved ones.
	next := call(t, srv2, "POST", "/api/v1/accounts/1/contacts", store.SeedUserToken, obj{"name": "Next", "email": "next@example.com"})
	if nid := dig(next.json(t), "payload.contact.id").(float64); itoa(int64(nid)) == id {
		t.Errorf("a new contact reused id %v", nid)
	}
	if reloaded.Credentials() != s.Credentials() {
		t.Errorf("credentials changed across a reload: %+v vs %+v", reloaded.Credentials(), s.Credentials())
	}
}

func TestLoadRejectsOtherVersions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.json")
	if err := os.WriteFile(path, []byte(`{"version":99}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{StatePath: path}); err == nil {
		t.Fatal("New loaded a state file of another version")
	}
}

func TestSeedsAreDeterministic(t *testing.T) {
	now := func() time.Time { return testNow }
	a, _ := New(Options{Now: now})
	b, _ := New(Options{Now: now})
	defer a.Close()
	defer b.Close()
	if len(a.st.Contacts) != store.DemoContacts || len(a.st.Conversations) != store.DemoConversations {
		t.Fatalf("demo seed has %d contacts and %d conversations", len(a.st.Contacts), len(a.st.Conversations))
	}
	for i, cv := range a.st.Conversations {
		other := b.st.Conversations[i]
		if cv.UUID != other.UUID || cv.Status != other.Status || len(cv.Messages) != len(other.Messages) {
			t.Fatalf("conversation %d differs between two seeds", i)
		}
	}
	statuses := map[string]bool{}
	for _, cv := range a.st.Conversations {
		statuses[cv.Status] = true
		if n := len(cv.Messages); n < 2 {
			t.Errorf("conversation %d has %d messages", cv.DisplayID, n)
		}
	}
	if len(statuses) != 4 {
		t.Errorf("demo conversations cover statuses %v, want all four", statuses)
	}
	e, _ := New(Options{Seed: "empty", Now: now})
	defer e.Close()
	if len(e.st.Accounts) != 1 || len(e.st.Users) != 1 || len(e.st.Inboxes) != 1 || len(e.st.Contacts) != 0 {
		t.Errorf("empty seed: %d accounts, %d users, %d inboxes, %d contacts", len(e.st.Accounts), len(e.st.Users), len(e.st.Inboxes), len(e.st.Contacts))
	}
	if _, err := New(Options{Seed: "bogus"}); err == nil {
		t.Error("New accepted an unknown seed")
	}
}

func TestDemoCredentials(t *testing.T) {
	s, _ := newTestSandbox(t, Options{BaseURL: "http://127.0.0.1:4000"})
	want := Credentials{URL: "http://127.0.0.1:4000", UserToken: store.SeedUserToken, PlatformToken: store.SeedPlatformToken,
		AgentBotToken: store.SeedAgentBotToken, AccountID: 1, InboxIdentifier: store.SeedInboxIdentifier, HMACToken: store.SeedHMACToken,
		ContactIdentifier: store.SeedContactIdentifier, WebhookSecret: store.SeedWebhookSecret, UserID: 1, PubsubToken: store.SeedPubsubToken}
	if got := s.Credentials(); got != want {
		t.Errorf("credentials %+v, want %+v", got, want)
	}
	// The empty seed has no demo contact to act as.
	e, _ := newTestSandbox(t, Options{Seed: "empty"})
	if got := e.Credentials().ContactIdentifier; got != "" {
		t.Errorf("empty seed's contact identifier %q, want none", got)
	}
}

func BenchmarkNewDemo(b *testing.B) {
	for b.Loop() {
		s, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkLoadDemo(b *testing.B) {
	path := filepath.Join(b.TempDir(), "sandbox.json")
	s, _ := New(Options{StatePath: path})
	if err := s.Save(); err != nil {
		b.Fatal(err)
	}
	s.Close()
	for b.Loop() {
		s, err := New(Options{StatePath: path})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
