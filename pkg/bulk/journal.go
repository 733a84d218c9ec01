package bulk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// The journal is an append-only file of JSON lines: a header naming the
// job and its input, then records as rows progress:
//
//	{"t":"header","v":1,"job":"contacts","input":{"path":"c.csv","size":812,"head":"…"},"time":"…"}
//	{"t":"intent","row":7,"key":"7:9f…","step":"create"}
//	{"t":"step","row":9,"key":"9:04…","step":"conversation","id":311}
//	{"t":"done","row":7,"key":"7:9f…","outcome":"created","id":4412}
//	{"t":"done","row":8,"key":"8:c1…","outcome":"rejected","reason":"…","reject":"<rejects-file record>"}
//
// An intent is written and fsynced before every request that creates
// something, so a crash between the server acting and the outcome being
// recorded leaves an intent without an outcome, which the next run
// reconciles by looking the object up instead of creating it again.
// Other records are fsynced in batches: losing them costs a repeat of
// idempotent work, never a duplicate. A torn last line (the process died
// mid-write) is dropped on load.
const journalVersion = 1

const (
	syncEvery    = 64                     // records between fsyncs of outcomes
	syncInterval = 500 * time.Millisecond // or this much time, whichever comes first
)

type jrecord struct {
	T       string   `json:"t"`
	V       int      `json:"v,omitempty"`
	Job     string   `json:"job,omitempty"`
	Input   *InputID `json:"input,omitempty"`
	Time    string   `json:"time,omitempty"`
	Row     int64    `json:"row,omitempty"`
	Key     string   `json:"key,omitempty"`
	Step    string   `json:"step,omitempty"`
	ID      int64    `json:"id,omitempty"`
	Ref     string   `json:"ref,omitempty"`
	Outcome string   `json:"outcome,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	Reject  string   `json:"reject,omitempty"`
}

// rowState is what earlier runs recorded about one row.
type rowState struct {
	key     string
	outcome string // "" while unfinished
	id      int64
	intents map[string]bool
	steps   map[string]stepResult
}

type stepResult struct {
	id  int64
	ref string
}

func (s *rowState) hasIntent(step string) bool { return s != nil && s.intents[step] }

func (s *rowState) stepDone(step string) (stepResult, bool) {
	if s == nil {
		return stepResult{}, false
	}
	r, ok := s.steps[step]
	return r, ok
}

// JournalError is a journal that cannot be used for this job: written for
// another input or job, or damaged. The fix is in the message.
type JournalError struct {
	Path string
	Msg  string
}

func (e *JournalError) Error() string { return "journal " + e.Path + ": " + e.Msg }

type journal struct {
	path     string
	readOnly bool

	mu       sync.Mutex
	f        *os.File
	pending  int
	lastSync time.Time

	rows    map[int64]*rowState
	rejects []string         // rendered rejects, in journal order
	counts  map[string]int64 // outcomes recorded by earlier runs
	created bool             // this run started the journal: nothing to resume
}

// openJournal opens (or creates) the journal for job over input id. A nil
// journal (no path) records nothing. readOnly (dry runs) never writes.
func openJournal(path, job string, id InputID, restart, readOnly bool) (*journal, error) {
	if path == "" {
		return nil, nil
	}
	j := &journal{path: path, readOnly: readOnly, rows: map[int64]*rowState{}, counts: map[string]int64{}}
	if readOnly {
		return j, j.loadReadOnly(job, id, restart)
	}
	if restart {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("restart journal: %w", err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	j.f = f
	if err := j.load(job, id); err != nil {
		f.Close()
		return nil, err
	}
	return j, nil
}

func (j *journal) loadReadOnly(job string, id InputID, restart bool) error {
	if restart {
		return nil
	}
	data, err := os.ReadFile(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	_, err = j.parse(data, job, id)
	return err
}

func (j *journal) load(job string, id InputID) error {
	data, err := io.ReadAll(j.f)
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	good, err := j.parse(data, job, id)
	if err != nil {
		return err
	}
	if good < int64(len(data)) {
		// A torn last line: the process died while writing it.
		if err := j.f.Truncate(good); err != nil {
			return fmt.Errorf("repair journal: %w", err)
		}
	}
	if _, err := j.f.Seek(good, io.SeekStart); err != nil {
		return fmt.Errorf("open journal: %w", err)
	}
	if good == 0 {
		j.created = true
		return j.writeHeader(job, id)
	}
	return nil
}

func (j *journal) writeHeader(job string, id InputID) error {
	h := jrecord{T: "header", V: journalVersion, Job: job, Input: &id, Time: time.Now().UTC().Format(time.RFC3339)}
	if err := j.write(h, true); err != nil {
		return err
	}
	syncDir(filepath.Dir(j.path))
	return nil
}

// syncDir makes a new file's directory entry durable; filesystems that
// cannot do this are left to their defaults.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// parse applies every complete record and returns the length of the
// intact prefix. An unreadable line is tolerated only at the very end.
func (j *journal) parse(data []byte, job string, id InputID) (int64, error) {
	var off int
	for n := 1; off < len(data); n++ {
		nl := bytes.IndexByte(data[off:], '\n')
		if nl < 0 {
			break // no newline: the last write never finished
		}
		var r jrecord
		if err := json.Unmarshal(data[off:off+nl], &r); err != nil {
			if off+nl+1 == len(data) {
				break
			}
			return 0, &JournalError{Path: j.path, Msg: fmt.Sprintf("line %d is damaged: move the file away, or pass --restart to start over", n)}
		}
		if n == 1 {
			if err := j.checkHeader(r, job, id); err != nil {
				return 0, err
			}
		} else {
			j.apply(r)
		}
		off += nl + 1
	}
	return int64(off), nil
}

func (j *journal) checkHeader(h jrecord, job string, id InputID) error {
	if h.T != "header" || h.Input == nil {
		return &JournalError{Path: j.path, Msg: "this is not a woot journal: choose another --journal path"}
	}
	if h.V > journalVersion {
		return &JournalError{Path: j.path, Msg: "written by a newer woot: upgrade woot, or pass --restart"}
	}
	if h.Job != job {
		return &JournalError{Path: j.path, Msg: fmt.Sprintf("it records a %q job, not %q: choose another --journal, or pass --restart to start over", h.Job, job)}
	}
	if !sameInput(*h.Input, id) {
		return &JournalError{Path: j.path, Msg: fmt.Sprintf("it was written for another input (%s, %s) than this one (%s, %s): run the same command on the original input to resume, pass --restart to start over, or choose another --journal",
			nameOf(h.Input.Path), sizeOf(h.Input.Size), nameOf(id.Path), sizeOf(id.Size))}
	}
	return nil
}

func nameOf(p string) string {
	switch p {
	case "":
		return "a stream"
	case "-":
		return "stdin"
	}
	return p
}

func sizeOf(n int64) string {
	if n < 0 {
		return "size unknown"
	}
	return fmt.Sprintf("%d bytes", n)
}

func (j *journal) row(num int64, key string) *rowState {
	st := j.rows[num]
	if st == nil || st.key != key {
		st = &rowState{key: key}
		j.rows[num] = st
	}
	return st
}

func (j *journal) apply(r jrecord) {
	switch r.T {
	case "intent":
		st := j.row(r.Row, r.Key)
		if st.intents == nil {
			st.intents = map[string]bool{}
		}
		st.intents[r.Step] = true
	case "step":
		st := j.row(r.Row, r.Key)
		if st.steps == nil {
			st.steps = map[string]stepResult{}
		}
		st.steps[r.Step] = stepResult{id: r.ID, ref: r.Ref}
	case "done":
		st := j.row(r.Row, r.Key)
		if st.outcome != "" {
			return
		}
		st.outcome, st.id = r.Outcome, r.ID
		st.intents, st.steps = nil, nil // a finished row needs no more detail
		j.counts[r.Outcome]++
		if r.Reject != "" {
			j.rejects = append(j.rejects, r.Reject)
		}
	}
}

// state is what earlier runs, and this run's intents and steps so far,
// recorded for row num, or nil.
func (j *journal) state(num int64) *rowState {
	if j == nil {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.rows[num]
}

// intent and step also apply to the in-memory state, so a row tried again
// within the same run (after a 5xx or a dropped connection) reconciles its
// creates exactly as a resumed run would.
func (j *journal) intent(num int64, key, step string) error {
	return j.writeApplied(jrecord{T: "intent", Row: num, Key: key, Step: step}, true)
}

func (j *journal) step(num int64, key, step string, id int64, ref string) error {
	return j.writeApplied(jrecord{T: "step", Row: num, Key: key, Step: step, ID: id, Ref: ref}, false)
}

func (j *journal) writeApplied(r jrecord, sync bool) error {
	if err := j.write(r, sync); err != nil || j == nil || j.readOnly {
		return err
	}
	j.mu.Lock()
	j.apply(r)
	j.mu.Unlock()
	return nil
}

// done records an outcome. A reject is fsynced at once, because the
// rejects file is written next and must never be ahead of the journal.
func (j *journal) done(num int64, key string, o outcome, reject string) error {
	return j.write(jrecord{T: "done", Row: num, Key: key, Outcome: o.kind, ID: o.id, Reason: o.reason, Reject: reject}, reject != "")
}

// write appends one record in a single write call, and fsyncs it when
// asked (intents) or when a batch is due.
func (j *journal) write(r jrecord, sync bool) error {
	if j == nil || j.readOnly {
		return nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode journal record: %w", err)
	}
	b = append(b, '\n')
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(b); err != nil {
		return fmt.Errorf("write journal %s: %w", j.path, err)
	}
	j.pending++
	if sync || j.pending >= syncEvery || time.Since(j.lastSync) >= syncInterval {
		return j.syncLocked()
	}
	return nil
}

func (j *journal) syncLocked() error {
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("sync journal %s: %w", j.path, err)
	}
	j.pending = 0
	j.lastSync = time.Now()
	return nil
}

func (j *journal) close() error {
	if j == nil || j.f == nil {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	err := j.syncLocked()
	if cerr := j.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close journal: %w", cerr)
	}
	j.f = nil
	return err
}
