package bulk

import (
	"testing"
	"time"
)

// windowLimit refuses a request when limit requests arrived in the
// current window: a sliding one (the sandbox) or one fixed to the clock's
// minutes (rack-attack's throttle, Chatwoot's).
type windowLimit struct {
	limit  int
	period time.Duration
	fixed  bool
	recent []time.Time
}

func (w *windowLimit) allow(now time.Time) bool {
	cutoff := now.Add(-w.period)
	if w.fixed {
		cutoff = now.Truncate(w.period).Add(-time.Nanosecond)
	}
	i := 0
	for i < len(w.recent) && !w.recent[i].After(cutoff) {
		i++
	}
	w.recent = w.recent[i:]
	if len(w.recent) >= w.limit {
		return false
	}
	w.recent = append(w.recent, now)
	return true
}

// simulate drives l against a windowed server for d of simulated time,
// one request at a time taking latency each, and returns the successes
// per simulated minute and the refusals.
func simulate(l *AdaptiveLimiter, c *fakeClock, w *windowLimit, latency, d time.Duration) (perMinute []int, refused int) {
	start := c.t
	perMinute = make([]int, int(d/time.Minute)+1)
	for c.t.Sub(start) < d {
		c.advance(l.reserve())
		c.advance(latency)
		if w.allow(c.t) {
			l.Observe(200)
			perMinute[int(c.t.Sub(start)/time.Minute)]++
		} else {
			l.Observe(429)
			refused++
		}
	}
	return perMinute[:len(perMinute)-1], refused
}

// TestAdaptiveLimiterKeepsUpWithAWindowedLimit runs six simulated minutes
// against Chatwoot's default 3,000 requests a minute: once the limit is
// learnt every minute must carry at least 90% of the limit, with few 429s,
// however the limiter starts: capped above the limit, just under it,
// uncapped, or refused from its very first request because the window was
// already spent (by an earlier run of the same job, say).
func TestAdaptiveLimiterKeepsUpWithAWindowedLimit(t *testing.T) {
	for _, tc := range []struct {
		name       string
		cap        float64
		fixed      bool
		spent      bool
		maxRefused float64 // share of all requests
		settled    int     // the first full minute that must carry 90%
	}{
		{"sliding, capped above the limit", 200, false, false, 0.02, 2},
		{"sliding, capped just under it", 49, false, false, 0, 1},
		{"sliding, uncapped", 0, false, false, 0.02, 2},
		{"sliding, window spent at the start", 0, false, true, 0.02, 3},
		{"fixed, capped above the limit", 200, true, false, 0.02, 2},
		// Spent by someone else, the first allowance teaches nothing:
		// learning the limit costs one more minute.
		{"fixed, window spent at the start", 200, true, true, 0.02, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, clock := newTestLimiter(tc.cap)
			w := &windowLimit{limit: 3000, period: time.Minute, fixed: tc.fixed}
			if tc.spent {
				for range 3000 {
					w.recent = append(w.recent, clock.t)
				}
				clock.advance(time.Second)
			}
			perMinute, refused := simulate(l, clock, w, time.Millisecond, 6*time.Minute)
			total := refused
			for _, n := range perMinute {
				total += n
			}
			share := float64(refused) / float64(total)
			t.Logf("successes per minute %v; %d refused (%.1f%%); rate at the end %.1f/s", perMinute, refused, 100*share, l.Rate())
			for m := tc.settled; m <= len(perMinute); m++ {
				if n := perMinute[m-1]; n < 2700 {
					t.Errorf("minute %d: %d requests got through, want at least 90%% of 3000", m, n)
				}
			}
			if share > tc.maxRefused {
				t.Errorf("%.1f%% of requests were refused, want at most %.0f%%: a 429 storm", 100*share, 100*tc.maxRefused)
			}
		})
	}
}
