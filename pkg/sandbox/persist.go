package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Durability. With a StatePath every change is journaled before it is
// answered, as a real server commits before it replies. What the journal
// keeps is the request itself (method, URI, headers, body) with its clock
// and the seed of the tokens and UUIDs it drew: the handlers change rows in
// place, so replaying the request through the same routes is the one
// record of a change that cannot miss a field. A 600-row import journals
// 600 small frames instead of encoding the whole state 600 times.
//
// Every mutating request takes the state file's exclusive lock, first
// replays what other processes committed since (a cheap check of the
// journal's size and generation), then runs and journals. Reads catch up
// under the shared lock. Save folds the journal into a new snapshot.

// compactAfter is the journal size past which a commit also writes a new
// snapshot, so start-up never replays more than about this much.
const compactAfter = 1 << 20

// entry is one journaled request: everything its handler reads.
type entry struct {
	Method string      `json:"method"`
	URI    string      `json:"uri"`
	Header http.Header `json:"header,omitempty"`
	Body   []byte      `json:"body,omitempty"`
	At     int64       `json:"at"`   // the request's clock, unix seconds
	Seed   uint64      `json:"seed"` // the draw of its tokens and UUIDs
}

// replayKey marks a request rebuilt from the journal, carrying its entry.
type replayKey struct{}

// openState loads the state file (seeding and saving it when missing), or
// seeds an in-memory state without a StatePath.
func (s *Sandbox) openState() error {
	if s.opts.StatePath == "" {
		s.st = store.Seed(s.opts.Seed, s.now())
		return nil
	}
	f, err := store.OpenFile(s.opts.StatePath)
	if err != nil {
		return err
	}
	s.file = f
	if err := f.Lock(); err != nil {
		return fmt.Errorf("lock sandbox state: %w", err)
	}
	defer f.Unlock()
	return s.loadLocked()
}

// loadLocked reads the snapshot and replays the journal; the caller holds
// s.mu (or owns s alone) and the file's exclusive lock.
func (s *Sandbox) loadLocked() error {
	st, entries, err := s.file.Load()
	if errors.Is(err, os.ErrNotExist) {
		st = store.Seed(s.opts.Seed, s.now())
		if err := s.file.Snapshot(st); err != nil {
			return err
		}
		s.st = st
		return nil
	}
	if err != nil {
		return err
	}
	s.st = st
	return s.replay(entries)
}

// syncLocked brings s.st up to what is committed on disk, under the
// exclusive lock.
func (s *Sandbox) syncLocked() error {
	entries, reload, err := s.file.Pending(true)
	if err != nil {
		return err
	}
	if reload {
		return s.loadLocked()
	}
	return s.replay(entries)
}

// catchUp applies what other processes committed before a read.
func (s *Sandbox) catchUp() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil {
		return nil
	}
	if err := s.file.RLock(); err != nil {
		return fmt.Errorf("lock sandbox state: %w", err)
	}
	entries, reload, err := s.file.Pending(false)
	if err == nil && !reload {
		err = s.replay(entries)
	}
	s.file.Unlock()
	if err != nil || !reload {
		return err
	}
	// A compaction replaced the snapshot: load it under the exclusive lock.
	if err := s.file.Lock(); err != nil {
		return fmt.Errorf("lock sandbox state: %w", err)
	}
	defer s.file.Unlock()
	return s.syncLocked()
}

func (s *Sandbox) replay(entries [][]byte) error {
	for i, raw := range entries {
		var e entry
		err := json.Unmarshal(raw, &e)
		if err == nil {
			err = s.replayEntry(&e)
		}
		if err != nil {
			return &store.StateError{Path: s.file.Path() + ".wal", Reason: fmt.Sprintf("journal entry %d does not replay: %v", i+1, err)}
		}
	}
	if len(entries) > 0 {
		s.cache.reset()
	}
	return nil
}

func (s *Sandbox) replayEntry(e *entry) error {
	ctx := context.WithValue(context.Background(), replayKey{}, e)
	r, err := http.NewRequestWithContext(ctx, e.Method, "http://sandbox.invalid"+e.URI, bytes.NewReader(e.Body))
	if err != nil {
		return err
	}
	if e.Header != nil {
		r.Header = e.Header
	}
	w := &discardResponse{header: http.Header{}}
	s.mux.ServeHTTP(w, r)
	if w.status >= 400 {
		return fmt.Errorf("%s %s answered %d", e.Method, e.URI, w.status)
	}
	return nil
}

// commit journals a change the handler just made; the caller holds s.mu
// and the exclusive lock.
func (s *Sandbox) commit(c *ctx, body []byte, seed uint64) error {
	raw, err := json.Marshal(entry{Method: c.r.Method, URI: c.r.URL.RequestURI(), Header: c.r.Header, Body: body, At: c.at, Seed: seed})
	if err != nil {
		return err
	}
	if err := s.file.Append(raw); err != nil {
		return err
	}
	if s.file.Journaled() > compactAfter && !s.file.Followed() {
		if err := s.file.Snapshot(s.st); err != nil {
			// The change is journaled; only the compaction waits.
			s.logf("sandbox: compact the state: %v", err)
		}
	}
	return nil
}

// readBody keeps a write's body for the journal and hands the handler a
// fresh reader over it.
func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Method == http.MethodGet || r.Method == http.MethodHead {
		return nil, nil
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return nil, err
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return raw, nil
}

// newSeed draws the seed a request's tokens and UUIDs follow.
func newSeed() uint64 { return rand.Uint64() }

// Save folds the journal into a new snapshot of Options.StatePath
// (temporary file, fsync, rename; mode 0600). Every change is already on
// disk before it is answered; Save only makes the next start cheaper.
// Without a StatePath it does nothing, and while another process follows
// the file (Follow) it leaves the journal for the follower to read.
func (s *Sandbox) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil {
		return nil
	}
	if err := s.file.Lock(); err != nil {
		return fmt.Errorf("lock sandbox state: %w", err)
	}
	defer s.file.Unlock()
	if err := s.syncLocked(); err != nil {
		return err
	}
	if s.file.Followed() {
		return nil // the follower reads the journal; a later Save compacts
	}
	return s.file.Snapshot(s.st)
}

// Dirty says whether changes are journaled but not yet in the snapshot.
func (s *Sandbox) Dirty() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.file != nil && s.file.Journaled() > 0
}

// RemoveState deletes a state file with its journal (`woot sandbox
// reset`).
func RemoveState(path string) error { return store.RemoveFiles(path) }

// discardResponse takes a replayed request's answer; only the status
// matters.
type discardResponse struct {
	header http.Header
	status int
}

func (d *discardResponse) Header() http.Header { return d.header }

func (d *discardResponse) WriteHeader(code int) {
	if d.status == 0 {
		d.status = code
	}
}

func (d *discardResponse) Write(p []byte) (int, error) {
	d.WriteHeader(http.StatusOK)
	return len(p), nil
}
