package cable

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A redirected handshake must not open the socket elsewhere: the other
// server would then receive the pubsub token in the subscribe frame.
func TestListenRefusesARedirectedHandshake(t *testing.T) {
	var reached atomic.Int32
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		stop() // Listen must not run on here: it would subscribe with the token
		http.NotFound(w, r)
	}))
	defer other.Close()
	for _, status := range []int{301, 302, 307, 308} {
		origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+"/cable", status)
		}))
		err := fastDialer("ws"+strings.TrimPrefix(origin.URL, "http")+"/cable").Listen(ctx, agent, func(Event) error { return nil })
		origin.Close()
		var rd *RedirectError
		if !errors.As(err, &rd) || rd.Status != status || !strings.Contains(err.Error(), "CHATWOOT_URL") {
			t.Errorf("%d: Listen = %v, want a fatal RedirectError naming CHATWOOT_URL", status, err)
		}
	}
	if n := reached.Load(); n > 0 {
		t.Fatalf("the other server was reached %d times", n)
	}
}
