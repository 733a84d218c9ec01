package cmdtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/sandbox"
	"github.com/wootcli/woot/pkg/spectest"
)

// Sandbox is a sandbox Chatwoot on 127.0.0.1 with a clock the test sets,
// counting the requests it receives, for tests that seed a conversation
// step by step and need exact times in the answers.
type Sandbox struct {
	*sandbox.Sandbox
	URL      string
	Requests atomic.Int64

	mu      sync.Mutex
	now     time.Time
	spec    *spectest.Spec
	checked map[string]bool // "METHOD path template" of the requests checked against the spec
}

// NewSandbox starts a sandbox with the given seed ("demo" or "empty") whose
// clock stands at now until the test moves it.
func NewSandbox(t testing.TB, seed string, now time.Time) *Sandbox {
	t.Helper()
	s := &Sandbox{now: now}
	sb, err := sandbox.New(sandbox.Options{Seed: seed, Now: s.Now})
	if err != nil {
		t.Fatal(err)
	}
	s.Sandbox = sb
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Requests.Add(1)
		s.conform(t, r)
		sb.ServeHTTP(w, r)
	}))
	s.URL = srv.URL
	t.Cleanup(func() {
		srv.Close()
		sb.Close()
	})
	return s
}

// CheckSpec makes every later request that Chatwoot's published spec
// covers be validated against it with kin-openapi (routes beyond the spec
// pass unchecked); it skips the test when the spec files are absent.
func (s *Sandbox) CheckSpec(t testing.TB) {
	t.Helper()
	spec := spectest.Load(t)
	s.mu.Lock()
	s.spec, s.checked = spec, map[string]bool{}
	s.mu.Unlock()
}

// Checked lists the spec operations ("GET /api/v1/accounts/{account_id}/…")
// requests were validated against since CheckSpec, sorted.
func (s *Sandbox) Checked() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ops []string
	for op := range s.checked {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	return ops
}

func (s *Sandbox) conform(t testing.TB, r *http.Request) {
	s.mu.Lock()
	spec := s.spec
	s.mu.Unlock()
	if spec == nil {
		return
	}
	route, _, err := spec.FindRoute(r)
	if err != nil {
		return // served beyond the spec
	}
	if err := spec.ValidateRequest(r); err != nil {
		t.Errorf("sandbox: %v", err)
	}
	s.mu.Lock()
	s.checked[r.Method+" "+route.Path] = true
	s.mu.Unlock()
}

// Now is the sandbox's clock.
func (s *Sandbox) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

// Set moves the clock to t.
func (s *Sandbox) Set(t time.Time) {
	s.mu.Lock()
	s.now = t
	s.mu.Unlock()
}

// Advance moves the clock forward by d.
func (s *Sandbox) Advance(d time.Duration) {
	s.mu.Lock()
	s.now = s.now.Add(d)
	s.mu.Unlock()
}

// Harness points a command harness at the sandbox as its administrator.
func (s *Sandbox) Harness(t *testing.T) *Harness {
	h := NewHarness(t)
	h.Env["CHATWOOT_URL"] = s.URL
	h.Env["CHATWOOT_API_TOKEN"] = sandbox.SeedUserToken
	return h
}

// Call sends one JSON request to the Application API of account 1 (a
// path under /api/v1/accounts/1, or one starting /public/ as it is) with
// token (the administrator's when empty) and decodes the answer into out
// (when not nil), failing the test on any error.
func (s *Sandbox) Call(t testing.TB, token, method, path string, body, out any) {
	t.Helper()
	full := "/api/v1/accounts/1" + path
	if strings.HasPrefix(path, "/public/") {
		full = path
	}
	if token == "" {
		token = sandbox.SeedUserToken
	}
	c, err := api.New(api.Config{BaseURL: s.URL, UserToken: token, Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	var b []byte
	if body != nil {
		if b, err = json.Marshal(body); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := c.Do(context.Background(), &api.Request{Family: api.FamilyApplication, Method: method, Path: full, Body: b})
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	if out != nil {
		if err := json.Unmarshal(resp.Body, out); err != nil {
			t.Fatalf("%s %s: decode %s: %v", method, path, resp.Body, err)
		}
	}
}

// Attach posts a message with one file to a conversation as the
// administrator.
func (s *Sandbox) Attach(t testing.TB, conversation int64, content, fileName, contentType string, data []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("content", content)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="attachments[]"; filename=%q`, fileName))
	h.Set("Content-Type", contentType)
	part, err := mw.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	part.Write(data)
	mw.Close()
	c, err := api.New(api.Config{BaseURL: s.URL, UserToken: sandbox.SeedUserToken, Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Do(context.Background(), &api.Request{Family: api.FamilyApplication, Method: "POST",
		Path: fmt.Sprintf("/api/v1/accounts/1/conversations/%d/messages", conversation), Body: body.Bytes(), ContentType: mw.FormDataContentType()})
	if err != nil {
		t.Fatalf("attach %s: %v", fileName, err)
	}
}
