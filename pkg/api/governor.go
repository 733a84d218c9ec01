package api

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Governor is the one rate governor of a command: every request of it
// (list pages, exports, imports, bulk actions) goes through it, so all the
// workers of a job share what it learns.
//
// Chatwoot counts requests per client IP in fixed one-minute windows
// (rack-attack, 3,000 by default) and answers a spent window with a bare
// 429 and no Retry-After. Without --rate the governor sends unpaced until
// the first 429; then every worker stops, one probe at a time (backing off
// from 250 ms to a 120th of the window) finds the moment the window
// reopens, and the job resumes paced to what the last window let through,
// evenly spread over the next. The last second of each window goes
// unpaced, which spends what the pace left and shows an allowance larger
// than the one learnt; a later 429 inside a window it knows teaches the
// exact allowance and waits for that window's end. A 429 is
// never fatal while requests get through: a job fails (exit 6) only when
// a budget has refused everything for two of its windows (two minutes for
// Chatwoot's global limit).
//
// Some routes have a tighter budget of their own (FACTS.md §6): contact
// searches, v2 reports, transcripts and uploads. Each has its own budget,
// paced to Chatwoot's documented default from the start; a 429 on one of
// them blocks only that route.
type Governor struct {
	mu     sync.Mutex
	clock  Clock
	opts   GovernorOptions
	global *budget
	routes map[string]*budget

	answered  atomic.Int64 // answers that got past the rate limit
	throttled atomic.Int64 // 429 answers
	notices   noticeThrottle
}

// GovernorOptions configure a Governor; zero values are Chatwoot's defaults.
type GovernorOptions struct {
	Rate   float64       // requests a second at most (--rate); 0 = no cap of ours
	Window time.Duration // the server's global rate window (--rate-window); 0 = a minute
	// Unthrottled turns off the route budgets: a server with no rate
	// limiter (the embedded sandbox) needs no pacing at all.
	Unthrottled bool
	Clock       Clock
	// Notice receives the progress lines of long waits (stderr); nil = none.
	Notice func(line string)
}

// DefaultRateWindow is rack-attack's period for Chatwoot's global limit.
const DefaultRateWindow = time.Minute

// NewGovernor returns a governor for one command.
func NewGovernor(opts GovernorOptions) *Governor {
	if opts.Window <= 0 {
		opts.Window = DefaultRateWindow
	}
	if opts.Clock == nil {
		opts.Clock = realClock{}
	}
	var floor time.Duration
	if opts.Rate > 0 {
		floor = time.Duration(float64(time.Second) / opts.Rate)
	}
	g := &Governor{clock: opts.Clock, opts: opts, routes: map[string]*budget{}}
	g.global = newBudget("requests", opts.Window, 0, floor, opts.Clock.Now())
	return g
}

// Clock is the governor's time.
func (g *Governor) Clock() Clock { return g.clock }

// Throttled is the number of 429 answers seen.
func (g *Governor) Throttled() int64 { return g.throttled.Load() }

// Answered is the number of answers that got past the rate limit.
func (g *Governor) Answered() int64 { return g.answered.Load() }

// Ticket is one admitted request; Release hands it back with its answer.
type Ticket struct {
	sent    time.Time
	budgets [2]*budget
	probe   [2]bool
}

// RateLimitError means the server refused everything for stallAfter.
type RateLimitError struct {
	What   string        // the budget: "requests", "contact searches"
	For    time.Duration // how long nothing got through
	Window time.Duration // the budget's window
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("it refused all %s for %s, twice its rate window of %s (--rate-window)", e.What, e.For.Round(time.Second), e.Window)
}

// Acquire waits until a request to path may start.
func (g *Governor) Acquire(ctx context.Context, method, path string) (Ticket, error) {
	var t Ticket
	budgets := []*budget{g.routeBudget(path), g.global}
	i := 0
	for _, b := range budgets {
		if b == nil {
			continue
		}
		probe, err := g.take(ctx, b)
		if err != nil {
			return Ticket{}, err
		}
		t.budgets[i], t.probe[i] = b, probe
		i++
	}
	t.sent = g.clock.Now()
	return t, nil
}

// take admits one request on b, sleeping for its slot or the window.
func (g *Governor) take(ctx context.Context, b *budget) (probe bool, err error) {
	for {
		g.mu.Lock()
		now := g.clock.Now()
		a := b.admit(now)
		if a.stalled {
			g.mu.Unlock()
			return false, &RateLimitError{What: b.name, For: now.Sub(b.lastGood()), Window: b.window}
		}
		if a.changed != nil || a.probe {
			g.noteRateWait(b, now)
		}
		g.mu.Unlock()
		if a.changed != nil {
			select {
			case <-a.changed:
				continue
			case <-ctx.Done():
				return false, ctx.Err()
			}
		}
		if a.wait > 0 {
			if err := g.clock.Sleep(ctx, a.wait); err != nil {
				if a.probe {
					g.mu.Lock()
					b.proberElected = false
					b.signal()
					g.mu.Unlock()
				}
				return false, err
			}
		}
		if a.probe {
			g.mu.Lock()
			b.probeSent()
			g.mu.Unlock()
			return true, nil
		}
		g.mu.Lock()
		blocked := b.blocked
		g.mu.Unlock()
		if !blocked {
			return false, nil
		}
		// Refused while this request waited for its slot: wait for the window.
	}
}

// Release reports a ticket's answer: status 0 when none came.
func (g *Governor) Release(t Ticket, status int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.clock.Now()
	switch {
	case status == 0:
		for i, b := range t.budgets {
			if b != nil {
				b.noAnswer(now, t.probe[i])
			}
		}
	case status == 429:
		g.throttled.Add(1)
		// A route's own throttle refuses first; when it is the global one,
		// the route's other requests are refused too and block it as well.
		t.budgets[0].refusedAt(now, t.sent, t.probe[0])
		if t.budgets[1] != nil && t.probe[1] {
			t.budgets[1].refusedAt(now, t.sent, true)
		}
	default:
		g.answered.Add(1)
		for i, b := range t.budgets {
			if b != nil {
				b.acceptedAt(now, t.sent, t.probe[i])
			}
		}
	}
}

// Hold keeps path's budget closed for at least d: the server said when
// to come back (Retry-After), so no probe goes before that.
func (g *Governor) Hold(path string, d time.Duration) {
	b := g.routeBudget(path)
	if b == nil {
		b = g.global
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if b.blocked {
		b.probeAt = maxTime(b.probeAt, g.clock.Now().Add(d))
	}
}

// routeBudget is the budget of path's own throttle, nil for none.
func (g *Governor) routeBudget(path string) *budget {
	if g.opts.Unthrottled {
		return nil
	}
	rt, key := matchRouteThrottle(path)
	if rt == nil {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	b := g.routes[key]
	if b == nil {
		b = newBudget(rt.name, rt.window, float64(rt.limit), 0, g.clock.Now())
		g.routes[key] = b
	}
	return b
}

// noteRateWait prints a progress line for a budget that waits on 429s.
func (g *Governor) noteRateWait(b *budget, now time.Time) {
	if !b.blocked {
		return
	}
	g.notices.note(g.opts.Notice, now, b.blockedAt, func() string {
		return fmt.Sprintf("woot: the server is rate-limiting %s (HTTP 429) for %s: waiting for its %s window to reopen; %d requests answered so far",
			b.name, now.Sub(b.blockedAt).Round(time.Second), b.window, g.answered.Load())
	})
}

// NoteRetryWait prints a progress line while a request waits to be
// retried (the server down or failing).
func (g *Governor) NoteRetryWait(why string, since time.Time, wait time.Duration) {
	now := g.clock.Now()
	g.notices.note(g.opts.Notice, now, since, func() string {
		return fmt.Sprintf("woot: %s for %s: retrying in %s; %d requests answered so far",
			why, now.Sub(since).Round(time.Second), wait.Round(100*time.Millisecond), g.answered.Load())
	})
}

// noticeThrottle lets through one progress line every noticeEvery, and
// none for a wait shorter than noticeAfter: on a terminal and in a CI
// log alike, a long wait says why every half minute and a hiccup is silent.
type noticeThrottle struct {
	mu   sync.Mutex
	last time.Time
}

const (
	noticeAfter = 5 * time.Second
	noticeEvery = 30 * time.Second
)

func (n *noticeThrottle) note(out func(string), now, since time.Time, line func() string) {
	if out == nil || now.Sub(since) < noticeAfter {
		return
	}
	n.mu.Lock()
	if !n.last.IsZero() && now.Sub(n.last) < noticeEvery {
		n.mu.Unlock()
		return
	}
	n.last = now
	n.mu.Unlock()
	out(line())
}
