package api

import (
	"fmt"
	"testing"
	"time"
)

// windowStart0 is a time on a minute boundary, so offsets into the
// server's window are exact.
var windowStart0 = time.Unix(1_800_000_000, 0).Truncate(time.Minute)

func newSim(t *testing.T, start time.Time, requests int, latency time.Duration) *sim {
	return &sim{t: t, now: start, requests: requests, latency: latency}
}

// figures of a finished simulation.
type simFigures struct {
	share      float64       // accepted requests over what the limit allows in the elapsed time
	gap        time.Duration // longest gap between accepted requests after the first refused window
	refused    int
	elapsed    time.Duration
	acceptedN  int
	firstReset time.Time
}

func (s *sim) figures(limit int, period time.Duration, start time.Time) simFigures {
	f := simFigures{refused: s.refused, acceptedN: len(s.accepted)}
	last := s.accepted[len(s.accepted)-1]
	f.elapsed = last.Sub(start)
	f.share = float64(len(s.accepted)) / (f.elapsed.Seconds() / period.Seconds() * float64(limit))
	// Gaps count from the end of the first window that refused: it is a
	// burst and a wait, since nothing tells a client the limit before it
	// is spent.
	f.firstReset = s.firstRefusal.Truncate(period).Add(period)
	for i := 1; i < len(s.accepted); i++ {
		if s.accepted[i-1].Before(f.firstReset) {
			continue
		}
		f.gap = max(f.gap, s.accepted[i].Sub(s.accepted[i-1]))
	}
	return f
}

func TestGovernorKeepsToChatwootsWindowWithoutBeingTold(t *testing.T) {
	// 100,000 contacts are 6,667 pages; Chatwoot allows 3,000 a minute.
	// The job starts at different moments of the server's minute: the
	// allowance it sees first may be whole or cut short.
	for _, offset := range []time.Duration{0, 20 * time.Second, 50 * time.Second, 59 * time.Second} {
		for _, workers := range []int{4, 8, 16} {
			t.Run(fmt.Sprintf("%d workers, %s into the window", workers, offset), func(t *testing.T) {
				start := windowStart0.Add(offset)
				server := &rackAttack{limit: 3000, period: time.Minute}
				global := newBudget("requests", time.Minute, 0, 0, start)
				s := newSim(t, start, 6667, 50*time.Millisecond)
				s.work = func(int) ([]*budget, []*rackAttack) { return []*budget{global}, []*rackAttack{server} }
				s.run(workers, 10*time.Minute)
				if s.stalled {
					t.Fatal("the governor gave up while the server let requests through")
				}
				f := s.figures(3000, time.Minute, start)
				t.Logf("%d requests in %s: %.1f%% of the limit, %d refused, longest gap after the first window %s, learnt %.0f/min",
					f.acceptedN, f.elapsed.Round(time.Millisecond), 100*f.share, f.refused, f.gap.Round(time.Millisecond), global.limit)
				if f.acceptedN != 6667 {
					t.Fatalf("%d requests accepted, want 6667", f.acceptedN)
				}
				if f.share < 0.95 {
					t.Errorf("%.1f%% of the limit over the job, want at least 95%%", 100*f.share)
				}
				if f.gap > 2*time.Second {
					t.Errorf("an idle gap of %s after the first window, want none over 2s", f.gap)
				}
				if f.refused > 300 {
					t.Errorf("%d requests refused: the probes and the paced windows should cost a few dozen", f.refused)
				}
			})
		}
	}
}

func TestGovernorLearnsAnotherLimitAndWindow(t *testing.T) {
	// A self-hosted installation with RACK_ATTACK_LIMIT=600 and a proxy
	// counting in 10-second windows, told with --rate-window 10s.
	start := windowStart0.Add(3 * time.Second)
	server := &rackAttack{limit: 100, period: 10 * time.Second}
	global := newBudget("requests", 10*time.Second, 0, 0, start)
	s := newSim(t, start, 2000, 20*time.Millisecond)
	s.work = func(int) ([]*budget, []*rackAttack) { return []*budget{global}, []*rackAttack{server} }
	s.run(8, 10*time.Minute)
	f := s.figures(100, 10*time.Second, start)
	if f.share < 0.95 || f.gap > 2*time.Second {
		t.Errorf("%.1f%% of a 100/10s limit, longest gap %s: want at least 95%% and no gap over 2s", 100*f.share, f.gap)
	}
}

func TestGovernorPacesToARateCap(t *testing.T) {
	start := windowStart0
	server := &rackAttack{limit: 3000, period: time.Minute}
	global := newBudget("requests", time.Minute, 0, 100*time.Millisecond, start) // --rate 10
	s := newSim(t, start, 100, 10*time.Millisecond)
	s.work = func(int) ([]*budget, []*rackAttack) { return []*budget{global}, []*rackAttack{server} }
	s.run(8, time.Minute)
	for i := 1; i < len(s.accepted); i++ {
		if d := s.accepted[i].Sub(s.accepted[i-1]); d < 100*time.Millisecond {
			t.Fatalf("requests %d and %d arrived %s apart, closer than --rate 10 allows", i-1, i, d)
		}
	}
	if s.refused != 0 {
		t.Errorf("%d refused under a cap well below the limit", s.refused)
	}
}

func TestGovernorGivesUpOnlyAfterTwoWindowsOfNothing(t *testing.T) {
	start := windowStart0.Add(30 * time.Second)
	server := &rackAttack{limit: 0, period: time.Minute} // refuses everything
	global := newBudget("requests", time.Minute, 0, 0, start)
	s := newSim(t, start, 10, 50*time.Millisecond)
	s.work = func(int) ([]*budget, []*rackAttack) { return []*budget{global}, []*rackAttack{server} }
	s.run(4, 10*time.Minute)
	if !s.stalled {
		t.Fatal("the governor never gave up on a server that refuses everything")
	}
	waited := s.now.Sub(start)
	if waited < 2*time.Minute || waited > 2*time.Minute+time.Second {
		t.Errorf("gave up after %s, want two windows (2m)", waited)
	}
	// Probes, not a storm: one at a time, at most two a second.
	if s.refused > 4+2*120+10 {
		t.Errorf("%d requests refused in two minutes: the workers did not stop for the probes", s.refused)
	}
}

func TestGovernorRouteBudgetPacesFromTheStartAndSparesTheRest(t *testing.T) {
	// An import that searches for each row's contact before creating it:
	// the searches have Chatwoot's 100 a minute of their own.
	start := windowStart0.Add(10 * time.Second)
	global := &rackAttack{limit: 3000, period: time.Minute}
	searchLimit := &rackAttack{limit: 100, period: time.Minute}
	g := newBudget("requests", time.Minute, 0, 0, start)
	search := newBudget("contact searches", time.Minute, 100, 0, start)
	s := newSim(t, start, 300, 50*time.Millisecond)
	s.work = func(int) ([]*budget, []*rackAttack) {
		return []*budget{search, g}, []*rackAttack{global, searchLimit}
	}
	s.run(8, 10*time.Minute)
	if s.refused != 0 {
		t.Errorf("%d searches refused: the route's budget must be kept from the first request", s.refused)
	}

	// A 429 on a route with a tighter limit than the default blocks that
	// route alone: plain requests go on at the global pace.
	start = windowStart0.Add(5 * time.Second)
	global = &rackAttack{limit: 3000, period: time.Minute}
	searchLimit = &rackAttack{limit: 40, period: time.Minute}
	g = newBudget("requests", time.Minute, 0, 0, start)
	search = newBudget("contact searches", time.Minute, 100, 0, start)
	s = newSim(t, start, 2000, 50*time.Millisecond)
	var plainAfterBlock int
	s.work = func(w int) ([]*budget, []*rackAttack) {
		if w == 0 {
			return []*budget{search, g}, []*rackAttack{global, searchLimit}
		}
		if search.blocked {
			plainAfterBlock++
		}
		return []*budget{g}, []*rackAttack{global}
	}
	s.run(4, 10*time.Minute)
	if search.limit < 30 || search.limit > 45 {
		t.Errorf("learnt %.0f searches a minute, want about the server's 40", search.limit)
	}
	if g.blocked || plainAfterBlock == 0 {
		t.Errorf("plain requests stopped while only the searches were refused (global blocked %v, %d plain requests during the block)", g.blocked, plainAfterBlock)
	}
}

func TestGovernorRecoversAnAllowanceLearntWhileShared(t *testing.T) {
	// Another client spent half of the first minute's allowance before
	// the job began: the job learns 1,500 a minute at first. The unpaced
	// last second of each window shows there is more: the allowance grows
	// by what a second's sprint gets through (about 130 requests at 8
	// workers and 50 ms), with no idle gap on the way.
	start := windowStart0.Add(10 * time.Second)
	server := &rackAttack{limit: 3000, period: time.Minute}
	server.counts = map[int64]int{start.UnixNano() / int64(time.Minute): 1500}
	global := newBudget("requests", time.Minute, 0, 0, start)
	s := newSim(t, start, 36000, 50*time.Millisecond)
	s.work = func(int) ([]*budget, []*rackAttack) { return []*budget{global}, []*rackAttack{server} }
	s.run(8, 30*time.Minute)
	// The last three minutes of the job.
	end := s.accepted[len(s.accepted)-1]
	from := end.Add(-3 * time.Minute)
	n := 0
	for _, at := range s.accepted {
		if !at.Before(from) {
			n++
		}
	}
	if share := float64(n) / 9000; share < 0.85 || global.limit < 2600 {
		t.Errorf("%.1f%% of the limit in the job's last three minutes (learnt %.0f/min): the allowance never grew back", 100*share, global.limit)
	}
	f := s.figures(3000, time.Minute, start)
	if f.gap > 2*time.Second {
		t.Errorf("an idle gap of %s after the first window", f.gap)
	}
}
