package sandbox

import (
	"path/filepath"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

func TestEditChangesAnInMemorySandboxOnly(t *testing.T) {
	s, err := New(Options{Seed: "empty"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Edit(func(st *store.State, now int64) {
		st.AddContact(&store.Contact{AccountID: 1, Name: "Legacy", PhoneNumber: "0044 20 7946 0958"}, now)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.st.Contacts); n != 1 || s.st.Contacts[0].PhoneNumber != "0044 20 7946 0958" {
		t.Errorf("contacts after Edit: %d", n)
	}

	withFile, err := New(Options{Seed: "empty", StatePath: filepath.Join(t.TempDir(), "state.json")})
	if err != nil {
		t.Fatal(err)
	}
	defer withFile.Close()
	if err := withFile.Edit(func(*store.State, int64) { t.Error("Edit ran on a sandbox with a state file") }); err == nil {
		t.Error("Edit of a sandbox with a state file: no error")
	}
}
