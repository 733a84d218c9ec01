package bulk

import (
	"context"
	"math"
	"net/http"
	"sync"
	"time"
)

// AdaptiveLimiter paces requests and adapts to the server's limit, which
// for Chatwoot is rack-attack's 3,000 requests a minute per IP by default,
// answered with a bare 429 and no Retry-After. It implements
// api.FeedbackLimiter: the transport calls Wait before each attempt and
// Observe with each answer's status.
//
// The scheme is AIMD with a memory. On a 429 the rate is halved (never
// below a floor) and requests pause briefly; the rate that was
// sustainable just before, measured as successes over the last second,
// becomes the ceiling. On success the rate doubles every half second back
// to 90% of that ceiling, then creeps up by 5% of it a second, probing
// for more, up to the cap. The halving stops a storm of 429s at once; the
// quick climb back keeps the average near the server's limit instead of
// the 75% plain AIMD settles at. Requests are spaced evenly (no bursts).
type AdaptiveLimiter struct {
	mu sync.Mutex

	max     float64 // the user's cap; +Inf when none
	floor   float64
	rate    float64 // current pace; +Inf until a 429 when there is no cap
	ceiling float64 // the pace that last proved too much; 0 before any 429

	next         time.Time // earliest start of the next request
	lastDecrease time.Time
	lastAdjust   time.Time
	sawSuccess   bool // a success came since the last decrease

	successes []time.Time // ring of recent success times, for the measured rate
	ringPos   int
	throttled int64

	now func() time.Time
}

const (
	limiterFloor    = 0.5 // requests a second
	decreaseGap     = 250 * time.Millisecond
	recoverHalfLife = 500 * time.Millisecond
	probeShare      = 0.05 // of the ceiling, per second
	recoverTo       = 0.9  // of the ceiling
	maxPause        = time.Second
	minPause        = 200 * time.Millisecond
	successRing     = 1024
)

// NewAdaptiveLimiter starts at perSecond requests a second and never goes
// above it; 0 or less means no cap (pacing starts at the first 429).
func NewAdaptiveLimiter(perSecond float64) *AdaptiveLimiter {
	l := &AdaptiveLimiter{max: math.Inf(1), floor: limiterFloor, now: time.Now, successes: make([]time.Time, 0, successRing)}
	if perSecond > 0 {
		l.max = perSecond
		l.floor = math.Min(limiterFloor, perSecond)
	}
	l.rate = l.max
	return l
}

// Wait blocks until the next request may start.
func (l *AdaptiveLimiter) Wait(ctx context.Context) error {
	d := l.reserve()
	if d <= 0 {
		return ctx.Err()
	}
	return sleepCtx(ctx, d)
}

// reserve books the next start slot and returns how long to wait for it.
// Slots are spaced 1/rate apart and never bunch up after a quiet spell.
func (l *AdaptiveLimiter) reserve() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	at := l.next
	if at.Before(now) {
		at = now
	}
	if !math.IsInf(l.rate, 1) {
		l.next = at.Add(time.Duration(float64(time.Second) / l.rate))
	}
	return at.Sub(now)
}

// Observe adapts the pace to one answer's status.
func (l *AdaptiveLimiter) Observe(status int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	switch {
	case status == http.StatusTooManyRequests:
		l.throttled++
		l.decrease(now)
	case status >= 500:
		// Not a statement about the rate.
	default:
		l.recordSuccess(now)
		l.increase(now)
	}
}

func (l *AdaptiveLimiter) decrease(now time.Time) {
	// Answers to requests already in flight report the same overload.
	if now.Sub(l.lastDecrease) < decreaseGap {
		return
	}
	cur := l.rate
	if measured := l.measured(now); math.IsInf(cur, 1) || (l.sawSuccess && measured < cur) {
		cur = math.Max(measured, l.floor)
	}
	if l.sawSuccess || l.ceiling == 0 {
		l.ceiling = cur
	}
	next := cur / 2
	if !l.sawSuccess {
		// Still refused with nothing getting through: the window is spent;
		// slow further, but not so far that recovery takes long.
		next = math.Max(next, l.ceiling/8)
	}
	l.rate = math.Max(l.floor, math.Min(next, l.max))
	l.lastDecrease, l.lastAdjust, l.sawSuccess = now, now, false
	pause := time.Duration(float64(time.Second) / l.rate)
	pause = min(max(pause, minPause), maxPause)
	if l.next.Before(now.Add(pause)) {
		l.next = now.Add(pause)
	}
}

func (l *AdaptiveLimiter) increase(now time.Time) {
	l.sawSuccess = true
	dt := now.Sub(l.lastAdjust)
	l.lastAdjust = now
	if math.IsInf(l.rate, 1) || l.ceiling == 0 || dt <= 0 {
		return
	}
	dt = min(dt, time.Second)
	target := recoverTo * l.ceiling
	if l.rate < target {
		l.rate = math.Min(target, l.rate*math.Pow(2, float64(dt)/float64(recoverHalfLife)))
	} else {
		l.rate += probeShare * l.ceiling * dt.Seconds()
	}
	l.rate = math.Min(l.rate, l.max)
}

func (l *AdaptiveLimiter) recordSuccess(now time.Time) {
	if len(l.successes) < successRing {
		l.successes = append(l.successes, now)
		return
	}
	l.successes[l.ringPos] = now
	l.ringPos = (l.ringPos + 1) % successRing
}

// measured is the success rate over the last second, or over the time
// since the first success when that is shorter (a job's first second).
func (l *AdaptiveLimiter) measured(now time.Time) float64 {
	n := 0
	oldest := now
	for _, t := range l.successes {
		if now.Sub(t) <= time.Second {
			n++
			if t.Before(oldest) {
				oldest = t
			}
		}
	}
	span := min(max(now.Sub(oldest), 100*time.Millisecond), time.Second)
	return float64(n) / span.Seconds()
}

// Rate is the current pace in requests a second (+Inf when unpaced).
func (l *AdaptiveLimiter) Rate() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.rate
}

// Throttled is the number of 429 answers seen.
func (l *AdaptiveLimiter) Throttled() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.throttled
}
