package sandbox

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// direct answers one request in-process, as the embedded mode does.
func direct(t testing.TB, s *Sandbox, method, path string, body any) response {
	t.Helper()
	req := httptest.NewRequest(method, path, jsonBody(t, body))
	req.Header.Set("Content-Type", "application/json")
	req.Header["api_access_token"] = []string{store.SeedUserToken}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// stateJSON is the state as saved, minus the snapshot's generation id.
func stateJSON(t testing.TB, s *Sandbox) string {
	t.Helper()
	s.mu.RLock()
	defer s.mu.RUnlock()
	gen := s.st.Generation
	s.st.Generation = ""
	raw, err := json.Marshal(s.st)
	s.st.Generation = gen
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func openAgain(t testing.TB, path string) *Sandbox {
	t.Helper()
	s, err := New(Options{StatePath: path, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatalf("reopen %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestEveryChangeIsOnDiskBeforeItsAnswer runs every operation of the spec
// against a state file and, without Save, opens the file again as a
// restarted process would: the state is identical, down to the tokens and
// UUIDs each change drew.
func TestEveryChangeIsOnDiskBeforeItsAnswer(t *testing.T) {
	ops := readOperations(t)
	for _, op := range ops {
		tc, ok := opCases[op.id]
		if !ok || op.method == "GET" {
			continue
		}
		t.Run(op.id, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sandbox.json")
			s, srv := newTestSandbox(t, Options{StatePath: path})
			req, target := opRequest(t, s, srv.URL, op, tc)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode > 299 {
				t.Fatalf("%s %s: status %d: %s", op.method, target, resp.StatusCode, raw)
			}
			if got, want := stateJSON(t, openAgain(t, path)), stateJSON(t, s); got != want {
				t.Fatalf("the reopened state differs from the answered one\nreopened: %.300s\nanswered: %.300s", got, want)
			}
		})
	}
}

// TestTwoSandboxesOnOneFileLoseNoUpdate interleaves writes of two sandboxes
// (two processes, in effect: each holds its own lock descriptor) on one
// state file; each sees the other's rows and ids never collide.
func TestTwoSandboxesOnOneFileLoseNoUpdate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.json")
	a, b := openAgain(t, path), openAgain(t, path)
	var wg sync.WaitGroup
	ids := make([][]string, 2)
	for i, s := range []*Sandbox{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 25 {
				r := direct(t, s, "POST", "/api/v1/accounts/1/contacts", obj{"name": fmt.Sprintf("p%d-%d", i, n), "email": fmt.Sprintf("p%d-%d@example.com", i, n)})
				if r.status != 200 {
					t.Errorf("create: %d %s", r.status, r.body)
					return
				}
				ids[i] = append(ids[i], fmt.Sprint(dig(r.json(t), "payload.contact.id")))
			}
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, l := range ids {
		for _, id := range l {
			if seen[id] {
				t.Fatalf("contact id %s handed out twice", id)
			}
			seen[id] = true
		}
	}
	// Each side reads the other's last contact without a restart.
	for i, s := range []*Sandbox{a, b} {
		other := ids[1-i][len(ids[1-i])-1]
		if r := direct(t, s, "GET", "/api/v1/accounts/1/contacts/"+other, nil); r.status != 200 {
			t.Errorf("sandbox %d cannot see contact %s: %d", i, other, r.status)
		}
	}
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	// After a compaction by a, b reloads the new snapshot and still writes.
	r := direct(t, b, "POST", "/api/v1/accounts/1/contacts", obj{"name": "after", "email": "after@example.com"})
	mustStatus(t, r, 200, "create after the other's compaction")
	c := openAgain(t, path)
	if got := len(c.st.Contacts); got != store.DemoContacts+51 {
		t.Errorf("%d contacts on disk, want %d", got, store.DemoContacts+51)
	}
}

// childEnv names the state file a re-executed test binary writes to.
const childEnv = "WOOT_SANDBOX_DURABLE_CHILD"

// TestDurableChild is the child of TestKilledWriterLosesNothingAcknowledged:
// it creates contacts until it is killed, printing each id once answered.
func TestDurableChild(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("run by TestKilledWriterLosesNothingAcknowledged")
	}
	s, err := New(Options{StatePath: path})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for n := 0; n < 100000; n++ {
		r := direct(t, s, "POST", "/api/v1/accounts/1/contacts", obj{"name": "killed " + strconv.Itoa(n), "email": fmt.Sprintf("killed%d@example.com", n)})
		if r.status != 200 {
			fmt.Println("error", r.status, string(r.body))
			os.Exit(3)
		}
		fmt.Printf("ack %v killed%d@example.com\n", dig(r.json(t), "payload.contact.id"), n)
	}
	os.Exit(0)
}

// TestKilledWriterLosesNothingAcknowledged SIGKILLs a process that is
// creating contacts: every contact it answered for is in the state file.
func TestKilledWriterLosesNothingAcknowledged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.json")
	child := exec.Command(os.Args[0], "-test.run=^TestDurableChild$", "-test.count=1")
	child.Env = append(os.Environ(), childEnv+"="+path)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	acks := make(chan [2]string)
	go func() {
		defer close(acks)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) == 3 && f[0] == "ack" {
				acks <- [2]string{f[1], f[2]}
			} else if len(f) > 0 && f[0] == "error" {
				t.Errorf("child: %s", sc.Text())
				return
			}
		}
	}()
	var acked [][2]string
	deadline := time.After(60 * time.Second)
	for len(acked) < 40 {
		select {
		case a, ok := <-acks:
			if !ok {
				t.Fatalf("the child ended after %d answers", len(acked))
			}
			acked = append(acked, a)
		case <-deadline:
			child.Process.Kill()
			t.Fatalf("the child answered %d creates in 60s", len(acked))
		}
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for a := range acks { // answers printed before the kill landed
		acked = append(acked, a)
	}
	_ = child.Wait()

	s := openAgain(t, path)
	for _, a := range acked {
		r := direct(t, s, "GET", "/api/v1/accounts/1/contacts/"+a[0], nil)
		if r.status != 200 || dig(r.json(t), "payload.email") != a[1] {
			t.Fatalf("acknowledged contact %s (%s) after the kill: %d %s", a[0], a[1], r.status, r.body)
		}
	}
}

func TestUnusableStateFilesNameTheReset(t *testing.T) {
	for name, content := range map[string]string{
		"corrupt":       `{"version":1,"contacts":[{`,
		"not json":      "PK\x03\x04 something else",
		"other version": `{"version":99}`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sandbox.json")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := New(Options{StatePath: path})
			var se *store.StateError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), "woot sandbox reset") {
				t.Fatalf("New = %v, want a state error naming `woot sandbox reset`", err)
			}
			if raw, _ := os.ReadFile(path); string(raw) != content {
				t.Error("the unusable file was overwritten")
			}
		})
	}
}

func TestCorruptJournalFrameIsAnErrorButATornTailIsNot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.json")
	s := openAgain(t, path)
	mustStatus(t, direct(t, s, "POST", "/api/v1/accounts/1/labels", obj{"title": "kept"}), 200, "label")
	s.Close()
	wal, err := os.OpenFile(path+".wal", os.O_RDWR|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	// A writer killed halfway through a frame: a header promising more.
	if _, err := wal.Write([]byte{0, 0, 1, 0, 1, 2}); err != nil {
		t.Fatal(err)
	}
	wal.Close()
	again := openAgain(t, path)
	if labels := again.st.Labels; labels[len(labels)-1].Title != "kept" {
		t.Fatal("the change before a torn frame was lost")
	}
	again.Close()

	raw, _ := os.ReadFile(path + ".wal")
	raw[len(raw)-1] ^= 0xff // a complete frame, damaged
	if err := os.WriteFile(path+".wal", raw, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = New(Options{StatePath: path})
	if err == nil || !strings.Contains(err.Error(), "woot sandbox reset") {
		t.Fatalf("New on a damaged journal = %v", err)
	}
}

func TestStaleTemporaryStateFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sandbox.json")
	stale := filepath.Join(dir, ".sandbox-state-sandbox.json-123")
	other := filepath.Join(dir, ".sandbox-state-other.json-123") // another state file's
	for _, p := range []string{stale, other} {
		if err := os.WriteFile(p, []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	openAgain(t, path)
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temp file still there (%v)", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another state file's temp file was removed: %v", err)
	}
}

// BenchmarkCommit measures one contact create in-process on the demo seed,
// in memory and journaled to a state file, side by side.
func BenchmarkCommit(b *testing.B) {
	for _, mode := range []string{"memory", "journaled"} {
		b.Run(mode, func(b *testing.B) {
			opts := Options{}
			if mode == "journaled" {
				opts.StatePath = filepath.Join(b.TempDir(), "sandbox.json")
			}
			s, err := New(opts)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			n := 0
			for b.Loop() {
				n++
				r := direct(b, s, "POST", "/api/v1/accounts/1/contacts", obj{"name": "Bench", "email": fmt.Sprintf("bench%d@example.com", n)})
				if r.status != 200 {
					b.Fatalf("create: %d %s", r.status, r.body)
				}
			}
		})
	}
}
