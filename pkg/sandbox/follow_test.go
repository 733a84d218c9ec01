package sandbox

import (
	"bytes"
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/cable"
)

// followPair is two sandboxes on one state file, as two woot processes
// are: a follows, b writes; an agent listens on the cable of each.
func followPair(t *testing.T) (a, b *Sandbox, aEvents, bEvents chan cable.Event) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sandbox.json")
	a, b = openAgain(t, path), openAgain(t, path)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	creds := a.Credentials()
	agent := cable.Identifier{PubsubToken: creds.PubsubToken, AccountID: creds.AccountID, UserID: creds.UserID}
	for _, s := range []*Sandbox{a, b} {
		srv := httptest.NewServer(s)
		t.Cleanup(srv.Close)
		events := listen(t, ctx, srv.URL, agent)
		if s == a {
			aEvents = events
		} else {
			bEvents = events
		}
	}
	return a, b, aEvents, bEvents
}

func startFollowing(t *testing.T, s *Sandbox) func() {
	t.Helper()
	stop, err := s.Follow(5*time.Millisecond, func(err error) { t.Errorf("follow: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return stop
}

// TestFollowBroadcastsOtherProcessesWrites: a message created through
// one sandbox reaches the cable of another that follows the same state
// file, as the very frame the writer's own cable sent.
func TestFollowBroadcastsOtherProcessesWrites(t *testing.T) {
	a, b, aEvents, bEvents := followPair(t)
	startFollowing(t, a)
	r := direct(t, b, "POST", "/api/v1/accounts/1/conversations/1/messages", obj{"content": "followed hello"})
	mustStatus(t, r, 200, "create the message")
	sent := waitEvent(t, bEvents, "message.created")
	got := waitEvent(t, aEvents, "message.created")
	if !bytes.Equal(got.Raw, sent.Raw) {
		t.Errorf("the follower's frame differs from the writer's:\nfollower %s\nwriter   %s", got.Raw, sent.Raw)
	}
	if !bytes.Contains(got.Raw, []byte(`"followed hello"`)) {
		t.Errorf("the event is not the new message: %s", got.Raw)
	}
}

// TestSaveLeavesAFollowedJournal: a writer that exits (Save) while a
// listener follows must not fold its change into the snapshot before the
// follower read it; once no one follows, Save compacts again.
func TestSaveLeavesAFollowedJournal(t *testing.T) {
	a, b, aEvents, _ := followPair(t)
	stop := startFollowing(t, a)
	mustStatus(t, direct(t, b, "POST", "/api/v1/accounts/1/conversations/1/messages", obj{"content": "before exit"}), 200, "create the message")
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if !b.Dirty() {
		t.Error("Save compacted the journal while it was followed")
	}
	if ev := waitEvent(t, aEvents, "message.created"); !bytes.Contains(ev.Raw, []byte(`"before exit"`)) {
		t.Errorf("the follower relayed another message: %s", ev.Raw)
	}
	stop()
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if b.Dirty() {
		t.Error("Save still leaves the journal once no one follows")
	}
}

// TestFollowNeedsAStateFile: an in-memory sandbox has nothing to follow.
func TestFollowNeedsAStateFile(t *testing.T) {
	s, _ := newTestSandbox(t, Options{})
	if _, err := s.Follow(time.Millisecond, nil); err == nil {
		t.Fatal("Follow without a state file succeeded")
	}
}
