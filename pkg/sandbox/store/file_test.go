package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func openLocked(t testing.TB, path string) *File {
	t.Helper()
	f, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Lock(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Unlock(); f.Close() })
	return f
}

// A crash after a compaction wrote the new snapshot but before it reset
// the journal leaves a journal of the old generation: Load must not apply
// those frames again (they are in the snapshot) and must not fail.
func TestLoadIgnoresAJournalAlreadyFoldedIn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.json")
	f := openLocked(t, path)
	st := Seed("empty", time.Unix(1700000000, 0))
	if err := f.Snapshot(st); err != nil {
		t.Fatal(err)
	}
	if err := f.Append([]byte("change 1")); err != nil {
		t.Fatal(err)
	}
	oldJournal, _ := os.ReadFile(path + ".wal")
	if err := f.Snapshot(st); err != nil { // the compaction
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".wal", oldJournal, 0o600); err != nil { // its reset undone
		t.Fatal(err)
	}
	_, entries, err := f.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Fatalf("Load replayed %q from a folded-in journal", entries)
	}
	if err := f.Append([]byte("change 2")); err != nil {
		t.Fatal(err)
	}
	_, entries, err = f.Load()
	if err != nil || len(entries) != 1 || string(entries[0]) != "change 2" {
		t.Fatalf("after the repair Load = %q, %v", entries, err)
	}
}

// Pending tells a process whether another committed since, without
// reading the snapshot again unless a compaction replaced it.
func TestPendingSeesOtherWritersAndCompactions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.json")
	a, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	st := Seed("empty", time.Unix(1700000000, 0))
	if err := a.Snapshot(st); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Load(); err != nil {
		t.Fatal(err)
	}
	if err := a.Append([]byte("from a")); err != nil {
		t.Fatal(err)
	}
	entries, reload, err := b.Pending(true)
	if err != nil || reload || len(entries) != 1 || !bytes.Equal(entries[0], []byte("from a")) {
		t.Fatalf("b.Pending = %q, reload %v, %v", entries, reload, err)
	}
	if entries, reload, _ := b.Pending(true); len(entries) != 0 || reload {
		t.Fatalf("b.Pending again = %q, reload %v", entries, reload)
	}
	if err := a.Snapshot(st); err != nil {
		t.Fatal(err)
	}
	if _, reload, _ := b.Pending(true); !reload {
		t.Fatal("b did not notice a's compaction")
	}
}

// BenchmarkCommitCost compares, on the demo seed, what one change costs to
// make durable: a journal frame under the lock (what the sandbox does) and
// a whole snapshot (what it would cost without a journal).
func BenchmarkCommitCost(b *testing.B) {
	st := Seed("demo", time.Now())
	frame := bytes.Repeat([]byte("x"), 600) // about a journaled contact create
	b.Run("journal", func(b *testing.B) {
		f := openLocked(b, filepath.Join(b.TempDir(), "sandbox.json"))
		if err := f.Snapshot(st); err != nil {
			b.Fatal(err)
		}
		f.Unlock()
		for b.Loop() {
			if err := f.Lock(); err != nil {
				b.Fatal(err)
			}
			if _, _, err := f.Pending(true); err != nil {
				b.Fatal(err)
			}
			if err := f.Append(frame); err != nil {
				b.Fatal(err)
			}
			if err := f.Unlock(); err != nil {
				b.Fatal(err)
			}
		}
		f.Lock() // for the cleanup's Unlock
	})
	b.Run("snapshot", func(b *testing.B) {
		f := openLocked(b, filepath.Join(b.TempDir(), "sandbox.json"))
		for b.Loop() {
			if err := f.Snapshot(st); err != nil {
				b.Fatal(err)
			}
		}
	})
}
