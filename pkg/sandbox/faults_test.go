package sandbox

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

func TestRateLimitAnswersRackAttacksThrottle(t *testing.T) {
	clock := testNow
	var mu sync.Mutex
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	_, srv := newTestSandbox(t, Options{RateLimit: 60, Now: now})
	for range 60 {
		r := call(t, srv, "GET", "/api/v1/accounts/1/labels", store.SeedUserToken, nil)
		mustStatus(t, r, 200, "request within the limit")
	}
	r := call(t, srv, "GET", "/api/v1/accounts/1/labels", store.SeedUserToken, nil)
	mustStatus(t, r, 429, "61st request within a minute")
	if string(r.body) != "Retry later\n" {
		t.Errorf("429 body %q, want %q", r.body, "Retry later\n")
	}
	if ct := r.header.Get("Content-Type"); ct != "text/plain" {
		t.Errorf("429 Content-Type %q, want text/plain", ct)
	}
	if _, ok := r.header["Retry-After"]; ok {
		t.Error("429 carries Retry-After; Chatwoot's does not (FACTS §6)")
	}
	if h := call(t, srv, "GET", "/health", "", nil); h.status != 200 {
		t.Errorf("/health is rate limited: %d", h.status)
	}
	mu.Lock()
	clock = clock.Add(61 * time.Second)
	mu.Unlock()
	mustStatus(t, call(t, srv, "GET", "/api/v1/accounts/1/labels", store.SeedUserToken, nil), 200, "a minute later")
}

func TestFailRateFailsTheGivenShare(t *testing.T) {
	_, srv := newTestSandbox(t, Options{FailRate: 0.2, RandSeed: 42})
	const n = 1000
	failed := 0
	kinds := map[int]bool{}
	for range n {
		r := call(t, srv, "GET", "/api/v1/accounts/1/labels", store.SeedUserToken, nil)
		switch r.status {
		case 200:
		case 500, 502, 503:
			failed++
			kinds[r.status] = true
			if r.status != 500 && !strings.Contains(string(r.body), "<html>") {
				t.Fatalf("%d body is not a proxy's HTML page: %q", r.status, r.body)
			}
		default:
			t.Fatalf("unexpected status %d", r.status)
		}
	}
	if share := float64(failed) / n; share < 0.17 || share > 0.23 {
		t.Errorf("%d of %d requests failed (%.1f%%), want 20%% ± 3%%", failed, n, share*100)
	}
	if len(kinds) != 3 {
		t.Errorf("failures used statuses %v, want all of 500, 502 and 503", kinds)
	}
}

func TestFailRateRepeatsWithTheSameSeed(t *testing.T) {
	run := func() string {
		_, srv := newTestSandbox(t, Options{FailRate: 0.5, RandSeed: 7})
		var b strings.Builder
		for range 50 {
			b.WriteString(http.StatusText(call(t, srv, "GET", "/api/v1/accounts/1/labels", store.SeedUserToken, nil).status)[:1])
		}
		return b.String()
	}
	if a, b := run(), run(); a != b {
		t.Errorf("same seed, different faults:\n%s\n%s", a, b)
	}
}

func TestResetRateDropsConnections(t *testing.T) {
	_, srv := newTestSandbox(t, Options{ResetRate: 1})
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Get(srv.URL + "/api/v1/accounts/1/labels")
	if err == nil {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		t.Fatalf("got %d %q, want the connection dropped", resp.StatusCode, body)
	}
	resp, err = client.Get(srv.URL + "/health")
	if err != nil {
		t.Fatalf("/health must be exempt from faults: %v", err)
	}
	resp.Body.Close()
}

func TestLatencyDelaysAnswers(t *testing.T) {
	_, srv := newTestSandbox(t, Options{Latency: 50 * time.Millisecond})
	start := time.Now()
	mustStatus(t, call(t, srv, "GET", "/api/v1/accounts/1/labels", store.SeedUserToken, nil), 200, "labels")
	if took := time.Since(start); took < 50*time.Millisecond {
		t.Errorf("answered in %s, want at least the 50ms latency", took)
	}
}
