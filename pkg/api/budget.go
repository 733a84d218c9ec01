package api

import (
	"time"
)

// A budget is one of the server's request allowances: so many requests in
// a fixed window (rack-attack keys its counters by Time.now / period, so
// every client sees the same window boundaries). It learns the allowance
// from the answers and paces to it. Its methods run under the governor's
// lock and take the time as an argument, so the state machine is tested
// without a clock.
type budget struct {
	name   string        // what is counted, for messages: "requests", "contact searches"
	window time.Duration // the server's period
	floor  time.Duration // the least spacing between starts (--rate); 0 = none

	// limit is the allowance per window once known (learnt, or a route's
	// documented default); 0 paces nothing until the first 429.
	limit float64
	next  time.Time // earliest start of the next request

	sent     windowCounts // accepted requests by the time they were sent
	boundary time.Time    // the start of a window seen to reopen; zero until then
	// The current window's index since boundary, and whether a request
	// was refused in it.
	windowIdx int64
	refused   bool

	blocked       bool      // refused: everything waits for the window to reopen
	blockedAt     time.Time // send time of the first refused request
	lastRefusal   time.Time // send time of the latest refused request or probe
	probeAt       time.Time // when the next probe may go
	probeDelay    time.Duration
	probeOut      bool // a probe is in flight
	proberElected bool // a caller sleeps until probeAt to send the probe

	started     time.Time // first use, the "last success" before there was one
	lastSuccess time.Time
	changed     chan struct{} // closed and replaced on every change of state
}

const (
	// paceShare is the share of a learnt allowance a budget paces to: a
	// little room for an allowance counted a second too generously.
	paceShare = 0.98
	// sprint is the end of each known window in which requests go
	// unpaced: what the pace left of the allowance is spent, and an
	// allowance larger than the one learnt (one learnt while another
	// client shared it) shows itself, costing at most this long a wait
	// when the window is spent.
	sprint = time.Second
	// trustCount is the least count of accepted requests a learnt
	// allowance rests on; a window spent by someone else teaches nothing.
	trustCount = 30
	firstProbe = 250 * time.Millisecond
)

func newBudget(name string, window time.Duration, limit float64, floor time.Duration, now time.Time) *budget {
	return &budget{
		name: name, window: window, limit: limit, floor: floor,
		sent: newWindowCounts(window), started: now, changed: make(chan struct{}),
	}
}

// spacing is the time between two request starts.
func (b *budget) spacing() time.Duration {
	s := b.floor
	if b.limit > 0 {
		s = max(s, time.Duration(float64(b.window)/(b.limit*paceShare)))
	}
	return s
}

// maxProbeDelay bounds the backoff between probes: a 120th of the window
// (half a second for Chatwoot's minute) finds the reopened window within
// that much, and a refused probe costs the server next to nothing.
func (b *budget) maxProbeDelay() time.Duration { return max(firstProbe, b.window/120) }

// stallAfter is how long a budget may refuse everything before the job
// gives up: two windows, so a spent window always has time to reopen.
func (b *budget) stallAfter() time.Duration { return 2 * b.window }

func (b *budget) signal() {
	close(b.changed)
	b.changed = make(chan struct{})
}

// admission is what a caller does next.
type admission struct {
	wait    time.Duration   // sleep this long, then go (or, with probe, send the probe)
	probe   bool            // the request is the probe of a blocked budget
	changed <-chan struct{} // non-nil: wait for the budget to change, then ask again
	stalled bool            // nothing got through for stallAfter: give up
}

func (b *budget) admit(now time.Time) admission {
	if !b.blocked {
		b.rollWindow(now)
		at := now
		if b.inSprint(now) {
			return admission{}
		}
		if b.next.After(now) {
			at = b.next
			if b.inSprint(at) {
				at = b.windowStart(now).Add(b.window - sprint)
			}
		}
		if s := b.spacing(); s > 0 {
			b.next = at.Add(s)
		}
		return admission{wait: at.Sub(now)}
	}
	if now.Sub(b.lastGood()) >= b.stallAfter() {
		return admission{stalled: true}
	}
	if b.probeOut || b.proberElected {
		return admission{changed: b.changed}
	}
	b.proberElected = true
	return admission{wait: max(0, b.probeAt.Sub(now)), probe: true}
}

// probeSent marks the elected prober's request as on its way.
func (b *budget) probeSent() {
	b.proberElected = false
	b.probeOut = true
}

func (b *budget) lastGood() time.Time {
	if b.lastSuccess.After(b.started) {
		return b.lastSuccess
	}
	return b.started
}

// inSprint is true in the last second of a known window, for a budget
// paced to a learnt allowance.
func (b *budget) inSprint(t time.Time) bool {
	if b.boundary.IsZero() || b.limit <= 0 || b.window <= 4*sprint {
		return false
	}
	return b.windowStart(t).Add(b.window).Sub(t) <= sprint
}

// rollWindow notices the start of a new window once the boundary is known:
// a window that ended unrefused let through all that was sent in it, which
// is then the least allowance to keep to.
func (b *budget) rollWindow(now time.Time) {
	if b.boundary.IsZero() || now.Before(b.boundary) {
		return
	}
	idx := int64(now.Sub(b.boundary) / b.window)
	if idx == b.windowIdx {
		return
	}
	if !b.refused && b.limit > 0 && idx == b.windowIdx+1 {
		prev := b.boundary.Add(time.Duration(b.windowIdx) * b.window)
		if n := b.sent.between(prev, prev.Add(b.window-b.sent.slot)); float64(n) > b.limit {
			b.limit = float64(n)
		}
	}
	b.windowIdx, b.refused = idx, false
}

// windowStart is the start of the window holding t, once a boundary is known.
func (b *budget) windowStart(t time.Time) time.Time {
	if t.Before(b.boundary) {
		return b.boundary
	}
	return b.boundary.Add(t.Sub(b.boundary) / b.window * b.window)
}

// refusedAt handles a 429 for a request sent at sent.
func (b *budget) refusedAt(now, sent time.Time, probe bool) {
	b.lastRefusal = sent
	if probe {
		b.probeOut = false
		b.probeDelay = min(2*b.probeDelay, b.maxProbeDelay())
		b.probeAt = now.Add(b.probeDelay)
		b.signal()
		return
	}
	if b.blocked {
		return // sent before the block: the same news
	}
	b.blocked, b.blockedAt, b.refused = true, sent, true
	b.probeDelay = firstProbe
	b.probeAt = now.Add(b.probeDelay)
	if !b.boundary.IsZero() {
		// The window's start is known: what it let through is its
		// allowance. Probing starts at once all the same: should the
		// window be shorter than the one configured, waiting for the
		// predicted end would idle for nothing, and a refused probe costs
		// the server next to nothing.
		b.learn(b.sent.between(b.windowStart(sent), sent))
	}
	b.signal()
}

// acceptedAt handles an answer that got past the rate limit.
func (b *budget) acceptedAt(now, sent time.Time, probe bool) {
	b.sent.add(sent)
	b.lastSuccess = now
	if probe {
		b.probeOut = false
	}
	if !b.blocked || (!probe && !sent.After(b.blockedAt)) {
		if probe {
			b.signal()
		}
		return
	}
	// The window reopened just before sent.
	if b.boundary.IsZero() {
		// The previous window ended between the last refusal and sent; all
		// it let through was sent before the first refusal. Counting from
		// a window before the last refusal errs by at most a probe delay
		// towards too much, which the next window's 429 corrects.
		b.learn(b.sent.between(b.lastRefusal.Add(-b.window), b.blockedAt))
	}
	b.boundary, b.windowIdx, b.refused = sent, 0, false
	b.blocked = false
	b.next = now
	b.signal()
}

// noAnswer handles a request that got no HTTP answer: it says nothing
// about the rate, but a probe must be sent again.
func (b *budget) noAnswer(now time.Time, probe bool) {
	if probe {
		b.probeOut = false
		b.probeAt = now
		b.signal()
	}
}

func (b *budget) learn(n int) {
	if n >= trustCount {
		b.limit = float64(n)
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// windowCounts counts events in slots of a 600th of a window over the
// last two windows and a bit: enough to count back from a refusal to a
// window before the last probe.
type windowCounts struct {
	slot   time.Duration
	counts []int
	newest int64 // index of the newest slot written
}

func newWindowCounts(window time.Duration) windowCounts {
	slot := max(window/600, time.Millisecond)
	return windowCounts{slot: slot, counts: make([]int, 2*600+8), newest: -1}
}

func (w *windowCounts) index(t time.Time) int64 { return t.UnixNano() / int64(w.slot) }

func (w *windowCounts) add(t time.Time) {
	i := w.index(t)
	n := int64(len(w.counts))
	switch {
	case w.newest < 0 || i > w.newest:
		from := i
		if w.newest >= 0 {
			from = max(w.newest+1, i-n+1)
		}
		for j := from; j <= i; j++ {
			w.counts[j%n] = 0
		}
		w.newest = i
	case w.newest-i >= n:
		return // older than the ring holds
	}
	w.counts[i%n]++
}

// between counts the events in the slots from from's to to's, inclusive.
func (w *windowCounts) between(from, to time.Time) int {
	lo, hi := w.index(from), w.index(to)
	n := int64(len(w.counts))
	hi = min(hi, w.newest)
	lo = max(lo, w.newest-n+1)
	total := 0
	for i := lo; i <= hi; i++ {
		total += w.counts[((i%n)+n)%n]
	}
	return total
}
