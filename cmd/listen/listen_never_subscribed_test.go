package listen_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// pageServer answers every request, the websocket upgrade included, with
// an HTTP status and a page: a web app or proxy where /cable should be.
func pageServer(t *testing.T, status int) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		_, _ = w.Write([]byte("<!doctype html><title>Chatwoot</title>"))
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http") + "/cable"
}

// TestListenGivesUpOnAPageWhereTheWebsocketShouldBe: an endpoint that
// answers the upgrade with 200 is a wrong URL; a few refusals in a row end
// listen with exit 8 naming the status, instead of retrying until --timeout
// and then exiting 0 as if it had listened.
func TestListenGivesUpOnAPageWhereTheWebsocketShouldBe(t *testing.T) {
	h := cmdtest.NewHarness(t)
	for _, status := range []int{http.StatusOK, http.StatusNotFound} {
		l := cmdtest.StartWoot(t, h.Env, "listen", "--pubsub-token", "t1", "--cable-url", pageServer(t, status), "--timeout", "10m")
		if code := l.Wait(60 * time.Second); code != cmdutil.ExitNetwork {
			t.Errorf("HTTP %d: exit %d, want 8\n%s", status, code, l.ErrOut)
		}
		if want := "refused with HTTP " + cmdtest.Itoa(status); !strings.Contains(l.ErrOut.String(), want) {
			t.Errorf("HTTP %d: stderr does not say %q:\n%s", status, want, l.ErrOut)
		}
	}
}

// TestListenNeverExitsZeroWithoutASubscription: a server that keeps
// failing (a 503 may heal, so listen retries) until --timeout ends the
// listen is a failure, exit 8, not "stopped after 0 events".
func TestListenNeverExitsZeroWithoutASubscription(t *testing.T) {
	h := cmdtest.NewHarness(t)
	l := cmdtest.StartWoot(t, h.Env, "listen", "--pubsub-token", "t1", "--cable-url", pageServer(t, http.StatusServiceUnavailable), "--timeout", "1s")
	if code := l.Wait(60 * time.Second); code != cmdutil.ExitNetwork {
		t.Fatalf("exit %d, want 8\n%s", code, l.ErrOut)
	}
	if !strings.Contains(l.ErrOut.String(), "--timeout 1s passed without a subscription") || !strings.Contains(l.ErrOut.String(), "HTTP 503") {
		t.Errorf("stderr: %s", l.ErrOut)
	}
}
