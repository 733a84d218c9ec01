package sandbox

import (
	"sync"
	"testing"
	"time"
)

// settableClock is a sandbox clock a test moves by hand.
type settableClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *settableClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *settableClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func TestRateLimitCountsFixedPeriodsAsRackAttackDoes(t *testing.T) {
	clock := &settableClock{t: testNow.Add(30 * time.Second)} // half-way through a minute
	_, srv := newTestSandbox(t, Options{RateLimit: 60, Now: clock.now})
	labels := func() int { return call(t, srv, "GET", "/api/v1/accounts/1/labels", SeedUserToken, nil).status }
	for i := range 60 {
		if s := labels(); s != 200 {
			t.Fatalf("request %d within the limit: %d", i+1, s)
		}
	}
	// Refused requests are counted too: hammering a spent window keeps it spent.
	for range 50 {
		if s := labels(); s != 429 {
			t.Fatalf("a request past the limit: %d, want 429", s)
		}
	}
	clock.set(testNow.Add(59*time.Second + 999*time.Millisecond))
	if s := labels(); s != 429 {
		t.Fatalf("the last instant of the spent minute: %d, want 429", s)
	}
	// The period ends on the minute, not a minute after the first request:
	// a sliding window would still refuse here.
	clock.set(testNow.Add(time.Minute))
	for i := range 60 {
		if s := labels(); s != 200 {
			t.Fatalf("request %d of the next minute: %d, want 200", i+1, s)
		}
	}
	if s := labels(); s != 429 {
		t.Fatalf("request 61 of the next minute: %d, want 429", s)
	}
}

func TestRateLimitEmulatesTheRouteThrottles(t *testing.T) {
	clock := &settableClock{t: testNow}
	_, srv := newTestSandbox(t, Options{RateLimit: 3000, Now: clock.now})
	search := "/api/v1/accounts/1/contacts/search?q=a"
	for i := range 100 {
		if s := call(t, srv, "GET", search, SeedUserToken, nil).status; s != 200 {
			t.Fatalf("search %d of 100 a minute: %d", i+1, s)
		}
	}
	if s := call(t, srv, "GET", search, SeedUserToken, nil).status; s != 429 {
		t.Fatalf("search 101 in a minute: %d, want 429 (RATE_LIMIT_CONTACT_SEARCH)", s)
	}
	// Only the searches: other requests go on.
	if s := call(t, srv, "GET", "/api/v1/accounts/1/contacts", SeedUserToken, nil).status; s != 200 {
		t.Fatalf("a contacts list while searches are throttled: %d", s)
	}
	clock.set(testNow.Add(time.Minute))
	if s := call(t, srv, "GET", search, SeedUserToken, nil).status; s != 200 {
		t.Fatalf("a search in the next minute: %d", s)
	}
	// Transcripts: 30 an hour per account, whatever the conversation.
	for i := range 31 {
		r := call(t, srv, "POST", "/api/v1/accounts/1/conversations/1/transcript", SeedUserToken, map[string]any{"email": "a@example.com"})
		if i < 30 && r.status == 429 || i == 30 && r.status != 429 {
			t.Fatalf("transcript %d in an hour: %d", i+1, r.status)
		}
	}
}

func TestRateLimitCountsRouteRequestsTowardsTheGlobalLimit(t *testing.T) {
	clock := &settableClock{t: testNow}
	_, srv := newTestSandbox(t, Options{RateLimit: 10, Now: clock.now})
	for range 10 {
		call(t, srv, "GET", "/api/v1/accounts/1/contacts/search?q=a", SeedUserToken, nil)
	}
	if s := call(t, srv, "GET", "/api/v1/accounts/1/labels", SeedUserToken, nil).status; s != 429 {
		t.Fatalf("after 10 searches under a global 10/min: %d, want 429", s)
	}
}
