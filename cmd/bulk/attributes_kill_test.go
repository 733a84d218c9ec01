package bulk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

// killGate serves a demo sandbox and, from the blockAfter-th contact
// update on, applies each update and then holds its answer back until
// released: the process is killed while Chatwoot has done work it never
// heard about, the case a journal must survive. Updates that reach it
// after the kill are refused unapplied (no one is left to answer).
type killGate struct {
	sb         *sandbox.Sandbox
	method     string
	write      *regexp.Regexp
	blockAfter int
	blocked    chan struct{} // closed when the first update is held
	release    chan struct{}

	mu      sync.Mutex
	n       int
	killed  bool
	applied map[string]int // path of each contact update applied → times
	once    sync.Once
}

func (g *killGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != g.method || !g.write.MatchString(r.URL.Path) {
		g.sb.ServeHTTP(w, r)
		return
	}
	g.mu.Lock()
	if g.killed {
		g.mu.Unlock()
		http.Error(w, "gone", http.StatusServiceUnavailable)
		return
	}
	g.n++
	hold := g.n >= g.blockAfter
	rec := httptest.NewRecorder()
	g.sb.ServeHTTP(rec, r)
	if rec.Code == http.StatusOK {
		g.applied[r.URL.Path]++
	}
	g.mu.Unlock()
	if hold {
		g.once.Do(func() { close(g.blocked) })
		<-g.release
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

func TestBulkSetAttributeSurvivesSIGKILLWithNothingDoneTwice(t *testing.T) {
	for _, c := range []struct {
		kind, method, write, read string
		attrs                     func(body []byte) map[string]any
	}{
		{"contacts", http.MethodPut, `^/api/v1/accounts/1/contacts/(\d+)$`, "/api/v1/accounts/1/contacts/%d", func(b []byte) map[string]any {
			var v struct {
				Payload struct {
					CustomAttributes map[string]any `json:"custom_attributes"`
				} `json:"payload"`
			}
			json.Unmarshal(b, &v)
			return v.Payload.CustomAttributes
		}},
		{"conversations", http.MethodPost, `^/api/v1/accounts/1/conversations/(\d+)/custom_attributes$`, "/api/v1/accounts/1/conversations/%d", func(b []byte) map[string]any {
			var v struct {
				CustomAttributes map[string]any `json:"custom_attributes"`
			}
			json.Unmarshal(b, &v)
			return v.CustomAttributes
		}},
	} {
		t.Run(c.kind, func(t *testing.T) {
			killAndResume(t, c.kind, c.method, regexp.MustCompile(c.write), c.read, c.attrs)
		})
	}
}

func killAndResume(t *testing.T, kind, method string, write *regexp.Regexp, read string, attrsOf func([]byte) map[string]any) {
	bin := cmdtest.WootBinary(t)
	sb, err := sandbox.New(sandbox.Options{Seed: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	g := &killGate{sb: sb, method: method, write: write, blockAfter: 10, blocked: make(chan struct{}), release: make(chan struct{}), applied: map[string]int{}}
	srv := httptest.NewServer(g)
	defer srv.Close()
	defer func() {
		select {
		case <-g.release:
		default:
			close(g.release)
		}
	}()

	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = srv.URL
	h.Env["CHATWOOT_API_TOKEN"] = sandbox.SeedUserToken
	var ids []string
	for id := 1; id <= 50; id++ {
		ids = append(ids, fmt.Sprint(id))
	}
	args := []string{kind, "bulk", "set-attribute", "tier=gold", "seats:=5", "--ids", strings.Join(ids, ","), "--concurrency", "3"}

	cmd := exec.Command(bin, args...)
	cmd.Env = []string{"CHATWOOT_URL=" + srv.URL, "CHATWOOT_API_TOKEN=" + sandbox.SeedUserToken, "CHATWOOT_ACCOUNT_ID=1",
		"WOOT_CONFIG_DIR=" + h.Env["WOOT_CONFIG_DIR"], "HOME=" + h.Env["WOOT_CONFIG_DIR"], "NO_COLOR=1"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case <-g.blocked: // the 10th update is applied and its answer held: kill now
	case err := <-exited:
		t.Fatalf("woot finished before the 10th update was held: %v\n%s", err, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatal("the 10th update never arrived")
	}
	cmd.Process.Kill()
	<-exited
	g.mu.Lock()
	g.killed = true
	before := len(g.applied)
	g.mu.Unlock()
	close(g.release)
	if before >= 50 {
		t.Fatalf("all 50 were applied before the kill; the test did not interrupt anything")
	}

	// The same command again, in-process: it finishes the job.
	g.mu.Lock()
	g.killed = false
	g.blockAfter = 1 << 30
	g.mu.Unlock()
	if code := h.Run(args...); code != 0 {
		t.Fatalf("re-run: exit %d\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "already done by an earlier run") {
		t.Errorf("the re-run did not resume from the journal:\n%s", h.ErrOut)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.applied) != 50 {
		t.Errorf("%d objects updated, want 50", len(g.applied))
	}
	for path, n := range g.applied {
		if n != 1 {
			t.Errorf("%s was applied %d times, want exactly once", path, n)
		}
	}
	for _, id := range []int{1, 10, 50} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", fmt.Sprintf(read, id), nil)
		req.Header.Set("api_access_token", sandbox.SeedUserToken)
		sb.ServeHTTP(rec, req)
		if a := attrsOf(rec.Body.Bytes()); a["tier"] != "gold" || a["seats"] != float64(5) {
			t.Errorf("%s %d attributes %v", kind, id, a)
		}
	}
}
