package operation_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd -update to create it)", err)
	}
	if string(want) != got {
		t.Fatalf("output differs from %s (go test ./cmd -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestContactsTableOnTerminal(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.TTY = true
	h.Stub.On("GET", "/api/v1/accounts/1/contacts", 200, cmdtest.ContactsPage(3, 1)).WithQuery("page", "1")
	golden(t, "contacts_list.table", h.MustRun("contacts", "list"))
	if h.ErrOut.Len() != 0 {
		t.Fatalf("stderr should be empty, got %q", h.ErrOut)
	}
}

func TestConversationsTableOnTerminal(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.TTY = true
	h.Stub.On("GET", "/api/v1/accounts/1/conversations", 200, cmdtest.ConversationsPage(3, 1)).WithQuery("page", "1")
	golden(t, "conversations_list.table", h.MustRun("conversations", "list"))
}

func TestContactGetOnTerminalAndPiped(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.TTY = true
	r := h.Stub.On("GET", "/api/v1/accounts/1/contacts/4", 200, `{"payload":`+cmdtest.ContactJSON(4)+`}`)
	r.Times = 2
	golden(t, "contacts_get.table", h.MustRun("contacts", "get", "4"))
	h.TTY = false
	golden(t, "contacts_get.tsv", h.MustRun("contacts", "get", "4"))
}
