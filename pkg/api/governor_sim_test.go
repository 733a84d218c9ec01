package api

import (
	"container/heap"
	"testing"
	"time"
)

// rackAttack is a fake of Chatwoot's rate limiter: a fixed window keyed
// by time / period, every request counted, refused ones included.
type rackAttack struct {
	limit  int
	period time.Duration
	counts map[int64]int
}

func (r *rackAttack) allow(at time.Time) bool {
	if r.counts == nil {
		r.counts = map[int64]int{}
	}
	k := at.UnixNano() / int64(r.period)
	r.counts[k]++
	return r.counts[k] <= r.limit
}

// sim drives budgets with simulated workers in virtual time: each worker
// does what Governor.take and Client.attempt do (admit, sleep for the
// slot, send, release), a request reaches the server half a latency after
// it is sent and its answer comes back a latency after. No clock, no
// goroutines: the same run gives the same figures every time.
type sim struct {
	t        *testing.T
	now      time.Time
	latency  time.Duration
	events   eventQueue
	waiting  []waiter // workers waiting for their budget to change
	requests int      // requests still to send
	work     func(worker int) (b []*budget, server []*rackAttack)

	accepted []time.Time // server arrival times of accepted requests
	refused  int
	stalled  bool

	firstRefusal time.Time
	seq          int
}

type simEvent struct {
	at     time.Time
	seq    int
	worker int
	do     func()
}

type eventQueue []simEvent

func (q eventQueue) Len() int { return len(q) }
func (q eventQueue) Less(i, j int) bool {
	if !q[i].at.Equal(q[j].at) {
		return q[i].at.Before(q[j].at)
	}
	return q[i].seq < q[j].seq
}
func (q eventQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *eventQueue) Push(x any)   { *q = append(*q, x.(simEvent)) }
func (q *eventQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

func (s *sim) at(t time.Time, f func()) {
	s.seq++
	heap.Push(&s.events, simEvent{at: t, seq: s.seq, do: f})
}

func (s *sim) run(workers int, until time.Duration) {
	end := s.now.Add(until)
	for w := range workers {
		s.at(s.now, func() { s.next(w) })
	}
	for s.events.Len() > 0 && !s.stalled {
		e := heap.Pop(&s.events).(simEvent)
		if e.at.After(end) {
			s.t.Fatalf("the simulation ran past %s with %d requests left", until, s.requests)
		}
		s.now = e.at
		e.do()
	}
}

// next starts a worker's next request, if any are left.
func (s *sim) next(w int) {
	if s.requests == 0 {
		return
	}
	s.requests--
	budgets, servers := s.work(w)
	s.admit(w, budgets, servers, 0, make([]bool, len(budgets)))
}

// admit takes budgets[i:] in order, as Governor.Acquire does.
func (s *sim) admit(w int, budgets []*budget, servers []*rackAttack, i int, probes []bool) {
	if i == len(budgets) {
		s.send(w, budgets, servers, probes)
		return
	}
	b := budgets[i]
	a := b.admit(s.now)
	switch {
	case a.stalled:
		s.stalled = true
	case a.changed != nil:
		retry := func() { s.admit(w, budgets, servers, i, probes) }
		s.waitFor(a.changed, retry)
	default:
		s.at(s.now.Add(a.wait), func() {
			if a.probe {
				b.probeSent()
				probes[i] = true
				s.admit(w, budgets, servers, i+1, probes)
				return
			}
			if b.blocked {
				s.admit(w, budgets, servers, i, probes)
				return
			}
			s.admit(w, budgets, servers, i+1, probes)
		})
	}
}

// waitFor runs f once ch is closed, checked after every answer.
func (s *sim) waitFor(ch <-chan struct{}, f func()) {
	s.waiting = append(s.waiting, waiter{ch, f})
}

type waiter struct {
	ch <-chan struct{}
	f  func()
}

func (s *sim) wake() {
	var still []waiter
	var ready []func()
	for _, w := range s.waiting {
		select {
		case <-w.ch:
			ready = append(ready, w.f)
		default:
			still = append(still, w)
		}
	}
	s.waiting = still
	for _, f := range ready {
		s.at(s.now, f)
	}
}

func (s *sim) send(w int, budgets []*budget, servers []*rackAttack, probes []bool) {
	sent := s.now
	s.at(sent.Add(s.latency/2), func() {
		ok := true
		for _, srv := range servers { // rack-attack stops at the first throttle that refuses
			if !srv.allow(s.now) {
				ok = false
				break
			}
		}
		if ok {
			s.accepted = append(s.accepted, s.now)
		} else {
			if s.refused == 0 {
				s.firstRefusal = s.now
			}
			s.refused++
		}
		s.at(sent.Add(s.latency), func() {
			if ok {
				for i, b := range budgets {
					b.acceptedAt(s.now, sent, probes[i])
				}
				s.next(w)
			} else {
				budgets[0].refusedAt(s.now, sent, probes[0])
				if len(budgets) > 1 && probes[1] {
					budgets[1].refusedAt(s.now, sent, true)
				}
				s.requests++ // the same request again
				s.next(w)
			}
			s.wake()
		})
	})
}
