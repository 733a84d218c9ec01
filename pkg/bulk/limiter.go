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
// sustainable just before becomes the ceiling: the successes of the last
// second, and, once the job has run for a minute, no more than the
// successes of the last minute (rack-attack counts per minute, so a
// second's burst overstates what a minute allows). On success the rate
// doubles every half second back to 90% of that ceiling, then creeps up by
// 5% of it a second to the ceiling, and beyond it by 5% a minute, probing
// for more, up to the cap. The halving stops a
// storm of 429s at once; the quick climb back keeps the average near the
// server's limit instead of the 75% plain AIMD settles at. Requests are
// spaced evenly (no bursts).
//
// While nothing gets through (the minute's allowance is spent) the rate
// keeps halving down to the floor, so a spent window costs a few refused
// requests rather than a storm; once answers succeed again it doubles
// back. A measurement resting on a handful of successes is not trusted,
// and one episode lowers the ceiling by at most half: a 429 at a quiet
// moment (the first request of a resumed job, say) must not pin the pace
// near the floor. Before any limit was measured, recovery is a slow start
// that doubles until the next 429.
type AdaptiveLimiter struct {
	mu sync.Mutex

	max     float64 // the user's cap; +Inf when none
	floor   float64
	rate    float64 // current pace; +Inf until a 429 when there is no cap
	ceiling float64 // the pace that last proved too much; 0 before any 429

	next         time.Time // earliest start of the next request
	lastDecrease time.Time
	lastAdjust   time.Time
	sawSuccess   bool      // a success came since the last decrease
	refusedSince time.Time // start of the current run of 429s with no success between
	fullCount    int       // successes of the last minute when the last run of 429s began

	successes []time.Time // ring of recent success times, for the measured rate
	ringPos   int
	minute    minuteCounts
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
	trustSamples    = 8               // successes a measured rate needs to count
	unknownStart    = 8.0             // requests a second, after a 429 before any success
	spentAfter      = 2 * time.Second // refusals this long mean a spent allowance
)

// minuteCounts counts successes per second over the last minute, and the
// second before it: a server's minute ends mid-second, and counting a
// second too many errs towards a pace a 429 corrects quickly, rather than
// one too slow that only probing would correct.
type minuteCounts struct {
	first   time.Time // the first success
	newest  int64     // unix second of the newest bucket
	buckets [61]int64
}

func (m *minuteCounts) add(now time.Time) {
	if m.first.IsZero() {
		m.first = now
	}
	m.roll(now.Unix())
	m.buckets[now.Unix()%61]++
}

// roll clears the buckets of the seconds between the newest and sec.
func (m *minuteCounts) roll(sec int64) {
	if sec <= m.newest {
		return
	}
	for s := max(m.newest+1, sec-60); s <= sec; s++ {
		m.buckets[s%61] = 0
	}
	m.newest = sec
}

// rate is the successes of the last minute per second, known once a
// minute has passed since the first.
func (m *minuteCounts) rate(now time.Time) (float64, bool) {
	if m.first.IsZero() || now.Sub(m.first) < time.Minute {
		return 0, false
	}
	return float64(m.count(now)) / 60, true
}

// count is the successes of the last minute.
func (m *minuteCounts) count(now time.Time) int {
	m.roll(now.Unix())
	var n int64
	for _, c := range m.buckets {
		n += c
	}
	return int(n)
}

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
	measured, trusted := l.measured(now)
	cur := l.rate
	switch {
	case math.IsInf(cur, 1) && trusted:
		cur = measured
	case math.IsInf(cur, 1):
		// Refused before anything got through (the window was spent by an
		// earlier run or another client): nothing is known about the
		// limit yet, so start low and let slow start find it.
		cur = unknownStart
	case l.sawSuccess && trusted && measured < cur:
		cur = math.Max(measured, l.floor)
	}
	if l.sawSuccess && trusted {
		if perMinute, ok := l.minute.rate(now); ok {
			// A minute's successes are what a per-minute limit allows;
			// the last second's may be a burst or a lull.
			l.ceiling = math.Max(perMinute, l.floor)
		} else {
			// One overloaded second must not pin the ceiling near the
			// floor: it falls by at most half per episode.
			l.ceiling = math.Max(cur, l.ceiling/2)
		}
		cur = math.Min(cur, l.ceiling)
	}
	if l.refusedSince.IsZero() {
		if l.sawSuccess {
			// Perhaps the allowance just ran out: remember what it held.
			l.fullCount = l.minute.count(now)
		} else {
			l.refusedSince = now
		}
	}
	l.rate = math.Max(l.floor, math.Min(cur/2, l.max))
	l.lastDecrease, l.lastAdjust, l.sawSuccess = now, now, false
	pause := time.Duration(float64(time.Second) / l.rate)
	pause = min(max(pause, minPause), maxPause)
	if l.next.Before(now.Add(pause)) {
		l.next = now.Add(pause)
	}
}

func (l *AdaptiveLimiter) increase(now time.Time) {
	l.sawSuccess = true
	if !l.refusedSince.IsZero() {
		l.windowReopened(now)
	}
	dt := now.Sub(l.lastAdjust)
	l.lastAdjust = now
	if math.IsInf(l.rate, 1) || dt <= 0 {
		return
	}
	dt = min(dt, time.Second)
	doubled := l.rate * math.Pow(2, float64(dt)/float64(recoverHalfLife))
	switch target := recoverTo * l.ceiling; {
	case l.ceiling == 0:
		// No limit measured yet: slow start, doubling until the next 429.
		l.rate = doubled
	case l.rate < target:
		l.rate = math.Min(target, doubled)
	case l.rate < l.ceiling:
		l.rate = math.Min(l.ceiling, l.rate+probeShare*l.ceiling*dt.Seconds())
	default:
		// Above what last proved too much, probe per minute, not per
		// second: a per-minute window banks what a quiet spell left
		// unused, so a 429 would come only long after the rate passed
		// the limit, and then as a wall.
		l.rate += probeShare * l.ceiling * dt.Seconds() / 60
	}
	l.rate = math.Min(l.rate, l.max)
}

// windowReopened ends a run of refusals. One that lasted seconds while
// the pace kept halving was no burst but a spent allowance: the server
// counts per period, rack-attack per minute. What had got through in the
// minute before the refusals began is then that allowance, and the pace
// to keep.
func (l *AdaptiveLimiter) windowReopened(now time.Time) {
	spent := now.Sub(l.refusedSince)
	l.refusedSince = time.Time{}
	n := l.fullCount
	l.fullCount = 0
	if spent < spentAfter || n < trustSamples {
		return // a brief overload, or spent by someone else: nothing learnt
	}
	perMinute := math.Max(float64(n)/60, l.floor)
	if l.ceiling == 0 || perMinute < l.ceiling {
		l.ceiling = perMinute
	}
}

func (l *AdaptiveLimiter) recordSuccess(now time.Time) {
	l.minute.add(now)
	if len(l.successes) < successRing {
		l.successes = append(l.successes, now)
		return
	}
	l.successes[l.ringPos] = now
	l.ringPos = (l.ringPos + 1) % successRing
}

// measured is the success rate over the last second, or over the time
// since the first success when that is shorter (a job's first second).
// It is trusted once it rests on enough successes: two answers in a
// quiet second say nothing about the server's limit.
func (l *AdaptiveLimiter) measured(now time.Time) (rate float64, trusted bool) {
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
	return float64(n) / span.Seconds(), n >= trustSamples
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
