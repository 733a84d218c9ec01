package cmd_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

func TestRateLimitedCommandExits6AfterTwoWindows(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, "Retry later\n")
	}))
	defer srv.Close()
	for _, tc := range []struct {
		args []string
		say  string
	}{
		{nil, "all requests for 2m0s, twice its rate window of 1m0s"},
		{[]string{"--rate-window", "10s"}, "all requests for 20s, twice its rate window of 10s"},
	} {
		h := cmdtest.NewHarness(t)
		h.Env["CHATWOOT_URL"] = srv.URL
		hits.Store(0)
		if got := h.Run(append([]string{"contacts", "get", "42"}, tc.args...)...); got != cmdutil.ExitRateLimit {
			t.Fatalf("%v: exit %d, want %d; stderr: %s", tc.args, got, cmdutil.ExitRateLimit, h.ErrOut)
		}
		stderr := h.ErrOut.String()
		if !strings.Contains(stderr, "error: GET /api/v1/accounts/1/contacts/42: HTTP 429: Retry later") || !strings.Contains(stderr, tc.say) || !strings.Contains(stderr, "hint: ") {
			t.Errorf("%v: stderr does not say what failed and what to do:\n%s", tc.args, stderr)
		}
		// --retries 2 (the harness's) does not bound a 429: probes go on.
		if hits.Load() <= 3 {
			t.Errorf("%v: %d requests, want the probes of two windows", tc.args, hits.Load())
		}
		if !strings.Contains(stderr, "woot: the server is rate-limiting requests (HTTP 429)") {
			t.Errorf("%v: no progress line during the wait:\n%s", tc.args, stderr)
		}
	}
}
