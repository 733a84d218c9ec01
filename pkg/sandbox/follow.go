package sandbox

import (
	"errors"
	"sync"
	"time"
)

// follow is what Follow keeps: whether replayed requests' cable events are
// wanted, and those not yet broadcast. Replays run under s.mu, Follow's
// loop takes them under its own lock.
type follow struct {
	mu     sync.Mutex
	on     bool
	queued []outEvent
}

// keep holds the events of a replayed request for broadcasting, when
// following; otherwise they are dropped, as they always were.
func (f *follow) keep(events []outEvent) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.on {
		f.queued = append(f.queued, events...)
	}
}

func (f *follow) set(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.on, f.queued = on, nil
}

func (f *follow) take() []outEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.queued
	f.queued = nil
	return out
}

// Follow makes this sandbox's /cable carry the events of the changes
// other processes commit to its state file, as if their requests had come
// here: `woot --sandbox listen` shows what `woot --sandbox messages
// create` does in another terminal. Every interval it replays what was
// committed since (the journal check is a stat under a shared lock) and
// broadcasts the cable events those requests produced, byte for byte what
// the writer's own cable sent. Webhooks are not sent again: the writer
// sent them.
//
// While a process follows, nobody compacts the journal (Save and large
// commits leave it be), so no change is folded away unread. Follow returns
// once the file is marked followed; stop ends it and waits for the loop.
// A failure to read the journal ends following and is passed to onErr.
func (s *Sandbox) Follow(interval time.Duration, onErr func(error)) (stop func(), err error) {
	s.mu.RLock()
	file := s.file
	s.mu.RUnlock()
	if file == nil {
		return nil, errors.New("the sandbox has no state file whose changes it could follow")
	}
	release, err := file.Follow()
	if err != nil {
		return nil, err
	}
	s.follow.set(true)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer func() { _ = release() }()
		defer s.follow.set(false)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			if err := s.relay(); err != nil {
				if onErr != nil {
					onErr(err)
				}
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() { close(done) })
		<-finished
	}, nil
}

// relay catches up with the state file and broadcasts the cable events of
// the requests replayed, here or by any read or write since the last call.
func (s *Sandbox) relay() error {
	if err := s.catchUp(); err != nil {
		return err
	}
	for _, e := range s.follow.take() {
		for _, stream := range uniq(e.streams) {
			s.cable.Broadcast(stream, e.payload)
		}
	}
	return nil
}
