package bulk

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
)

// fakeClock drives an AdaptiveLimiter without sleeping.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestLimiter(perSecond float64) (*AdaptiveLimiter, *fakeClock) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	l := NewAdaptiveLimiter(perSecond)
	l.now = clock.now
	return l, clock
}

// succeed feeds successes at rate for d.
func succeed(l *AdaptiveLimiter, c *fakeClock, rate float64, d time.Duration) {
	step := time.Duration(float64(time.Second) / rate)
	for end := c.t.Add(d); c.t.Before(end); c.advance(step) {
		l.Observe(200)
	}
}

func TestAdaptiveLimiterSpacesRequests(t *testing.T) {
	l, clock := newTestLimiter(10)
	var waits []time.Duration
	for range 3 {
		waits = append(waits, l.reserve())
	}
	if waits[0] != 0 || waits[1] != 100*time.Millisecond || waits[2] != 200*time.Millisecond {
		t.Errorf("waits = %v, want 0, 100ms, 200ms", waits)
	}
	// A quiet spell earns no burst.
	clock.advance(10 * time.Second)
	if a, b := l.reserve(), l.reserve(); a != 0 || b != 100*time.Millisecond {
		t.Errorf("after a pause: %v, %v", a, b)
	}
}

func TestAdaptiveLimiterHalvesOn429AndClimbsBack(t *testing.T) {
	l, clock := newTestLimiter(100)
	succeed(l, clock, 80, 2*time.Second) // the server lets 80/s through
	l.Observe(429)
	if r := l.Rate(); math.Abs(r-40) > 2 {
		t.Fatalf("rate after 429 = %.1f, want about half of the 80/s that got through", r)
	}
	// Answers to requests already in flight must not halve it again.
	clock.advance(50 * time.Millisecond)
	l.Observe(429)
	l.Observe(429)
	if r := l.Rate(); math.Abs(r-40) > 2 {
		t.Fatalf("rate after in-flight 429s = %.1f, want unchanged", r)
	}
	if l.Throttled() != 3 {
		t.Errorf("throttled = %d", l.Throttled())
	}
	// The pause: the next slot is at least minPause away.
	if d := l.reserve(); d < 150*time.Millisecond {
		t.Errorf("no pause after a 429: next slot in %v", d)
	}
	succeed(l, clock, 40, time.Second)
	if r := l.Rate(); r < 72 || r > 77 {
		t.Errorf("rate a second later = %.1f, want back at 90%% of the ceiling (72), probing slowly above", r)
	}
	succeed(l, clock, 72, 10*time.Second)
	if r := l.Rate(); r <= 72 || r > 100 {
		t.Errorf("rate after probing = %.1f, want above 72 and never above the cap", r)
	}
}

func TestAdaptiveLimiterFloorAndNoCap(t *testing.T) {
	l, clock := newTestLimiter(0)
	if !math.IsInf(l.Rate(), 1) || l.reserve() != 0 || l.reserve() != 0 {
		t.Fatal("an uncapped limiter must not pace before the first 429")
	}
	succeed(l, clock, 200, time.Second)
	l.Observe(429)
	if r := l.Rate(); math.Abs(r-100) > 5 {
		t.Fatalf("rate = %.1f, want half the measured 200/s", r)
	}
	// Refused again and again with nothing getting through (the
	// allowance is spent): it slows down to the floor, so waiting costs
	// a few requests, not a storm…
	for range 20 {
		clock.advance(time.Second)
		l.Observe(429)
	}
	if r := l.Rate(); r != limiterFloor {
		t.Errorf("rate = %.1f, want the floor %.1f", r, limiterFloor)
	}
	// …and once answers succeed again, it takes what got through before
	// the refusals (200 requests) as the minute's allowance and climbs
	// back to 90% of that pace within seconds.
	succeed(l, clock, 10, 3*time.Second)
	if r, allowance := l.Rate(), 200.0/60; r < 0.9*allowance-0.01 || r > allowance+0.01 {
		t.Errorf("rate 3s after the window reopened = %.2f, want between 90%% and 100%% of %.2f", r, allowance)
	}
	slow, c2 := newTestLimiter(1)
	for range 10 {
		c2.advance(time.Second)
		slow.Observe(429)
	}
	if r := slow.Rate(); r < limiterFloor {
		t.Errorf("rate %.2f below the floor", r)
	}
}

// tokenBucket answers 429 above rate requests a second, with a small
// burst, the way a per-IP limit does.
type tokenBucket struct {
	rate, burst, tokens float64
	last                time.Time
}

func (b *tokenBucket) take() bool {
	now := time.Now()
	if !b.last.IsZero() {
		b.tokens = math.Min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func TestAdaptiveLimiterThroughputNearServerLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for about three seconds")
	}
	const limit, rows = 100.0, 300
	f := newFake(t)
	bucket := &tokenBucket{rate: limit, burst: 10, tokens: 10}
	f.throttle = func() bool { return !bucket.take() }
	lim := NewAdaptiveLimiter(4 * limit)
	c, err := api.New(api.Config{BaseURL: f.srv.URL, UserToken: "tok", Retries: 2, Limiter: lim})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("email\n")
	for i := range rows {
		fmt.Fprintf(&b, "u%d@example.com\n", i)
	}
	in := writeFile(t, t.TempDir(), "c.csv", b.String())
	opts := testOptions(t, ".csv")
	opts.Concurrency = 8
	opts.Limiter = lim
	opts.sleep = nil // real waits: this test is about time
	start := time.Now()
	sum, _, err := ImportContacts(context.Background(), c, 1, openContacts(t, in, false), ContactImport{}, opts)
	elapsed := time.Since(start).Seconds()
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != rows || f.numContacts() != rows {
		t.Fatalf("created %d, contacts %d: a throttled create must be repeated, never doubled", sum.Created, f.numContacts())
	}
	f.mu.Lock()
	throttled, served := f.throttled, len(f.requests)
	f.mu.Unlock()
	rate := float64(served) / elapsed
	ratio := float64(throttled) / float64(throttled+served)
	t.Logf("%.0f req/s served against a %.0f/s limit; %d 429s (%.1f%%); limiter at %.0f/s; elapsed %.2fs", rate, limit, throttled, 100*ratio, lim.Rate(), elapsed)
	if rate < 0.6*limit || rate > 1.15*limit {
		t.Errorf("throughput %.0f req/s, want near the limit of %.0f", rate, limit)
	}
	if ratio > 0.2 {
		t.Errorf("%.0f%% of requests were refused: a 429 storm", 100*ratio)
	}
	if sum.Retried < int64(throttled) {
		t.Errorf("summary retried %d, want at least the %d 429s", sum.Retried, throttled)
	}
}
