package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// testNow is the fixed clock of the tests' sandboxes.
var testNow = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)

// newTestSandbox starts a sandbox behind an httptest server on 127.0.0.1;
// both are stopped when the test ends.
func newTestSandbox(t testing.TB, opts Options) (*Sandbox, *httptest.Server) {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() {
		srv.Close()
		_ = s.Close()
	})
	return s, srv
}

// response is one answer, with helpers to decode it.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
	return m
}

func (r response) list(t testing.TB) []any {
	t.Helper()
	var l []any
	if err := json.Unmarshal(r.body, &l); err != nil {
		t.Fatalf("decode list %s: %v", r.body, err)
	}
	return l
}

// call sends a JSON request with the user token header when token is set.
func call(t testing.TB, srv *httptest.Server, method, path, token string, body any) response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, jsonBody(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header["api_access_token"] = []string{token}
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: raw}
}

func mustStatus(t testing.TB, r response, want int, what string) {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s: status %d, want %d; body %s", what, r.status, want, strings.TrimSpace(string(r.body)))
	}
}

// num reads a JSON number at a dotted path of a decoded object.
func dig(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// webhookSecret reads the secret from a webhook create answer, which
// Chatwoot wraps as {"payload":{"webhook":{…}}}.
func webhookSecret(t testing.TB, r response) string {
	t.Helper()
	payload, _ := r.json(t)["payload"].(map[string]any)
	hook, _ := payload["webhook"].(map[string]any)
	secret, _ := hook["secret"].(string)
	if secret == "" {
		t.Fatalf("webhook answer without payload.webhook.secret: %s", r.body)
	}
	return secret
}

// jsonBody encodes a request body; nil sends none.
func jsonBody(t testing.TB, body any) io.Reader {
	t.Helper()
	if body == nil {
		return http.NoBody
	}
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(raw)
}
