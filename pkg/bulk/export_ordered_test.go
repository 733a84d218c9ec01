package bulk

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// bounded waits for cond, failing the test after a few seconds.
func bounded(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// Results come out in input order however the work finishes, at most n
// calls run at once, and at most 2n results are held waiting for a slow
// earlier one: while item 0 is stuck, the rest run up to the window and
// no further.
func TestOrderedWorkKeepsOrderWithinABoundedWindow(t *testing.T) {
	const n, items = 3, 40
	release := make(chan struct{})
	var running, maxRunning, started, emitted atomic.Int64
	var tooFar atomic.Int64
	fn := func(ctx context.Context, i int) (int, error) {
		if held := int64(i) - emitted.Load(); held >= 2*n {
			tooFar.Store(int64(i))
		}
		started.Add(1)
		r := running.Add(1)
		for m := maxRunning.Load(); r > m && !maxRunning.CompareAndSwap(m, r); m = maxRunning.Load() {
		}
		if i == 0 {
			<-release
		}
		running.Add(-1)
		return i * 10, nil
	}
	var got []int
	emit := func(v int) error {
		got = append(got, v)
		emitted.Add(1)
		return nil
	}
	w := NewOrderedWork(t.Context(), n, fn, emit, nil)
	done := make(chan error, 1)
	go func() {
		for i := range items {
			if err := w.Add(i); err != nil {
				done <- err
				return
			}
		}
		done <- w.Close()
	}()
	// Item 0 is stuck: the others fill the window, 2n items in all.
	bounded(t, "the window to fill behind a stuck item", func() bool { return started.Load() == 2*n })
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(got) != items {
		t.Fatalf("emitted %d of %d", len(got), items)
	}
	for i, v := range got {
		if v != i*10 {
			t.Fatalf("result %d is %d: out of order", i, v)
		}
	}
	if maxRunning.Load() > n {
		t.Errorf("%d calls ran at once, want at most %d", maxRunning.Load(), n)
	}
	if i := tooFar.Load(); i > 0 {
		t.Errorf("item %d started with %d or more results unemitted before it, want fewer than 2n", i, 2*n)
	}
}

// A failed item stops the pipeline: its error is returned, nothing after
// it is emitted, and every result produced but not emitted is released.
func TestOrderedWorkReleasesWhatAFailureLeftBehind(t *testing.T) {
	boom := errors.New("boom")
	var produced, emitted, dropped atomic.Int64
	fn := func(ctx context.Context, i int) (int, error) {
		if i == 5 {
			return 0, boom
		}
		produced.Add(1)
		return i, nil
	}
	w := NewOrderedWork(t.Context(), 4, fn, func(int) error { emitted.Add(1); return nil }, func(int) { dropped.Add(1) })
	var err error
	for i := 0; i < 50 && err == nil; i++ {
		err = w.Add(i)
	}
	if err == nil {
		err = w.Close()
	}
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the item's error", err)
	}
	if emitted.Load() != 5 {
		t.Errorf("emitted %d results, want the 5 before the failure", emitted.Load())
	}
	if produced.Load() != emitted.Load()+dropped.Load() {
		t.Errorf("%d results produced, %d emitted, %d released: some leaked", produced.Load(), emitted.Load(), dropped.Load())
	}
}

// The producer runs ahead of a blocked consumer by the room given, and
// no further.
func TestFeedAheadProducesWhileTheConsumerIsBusy(t *testing.T) {
	const ahead, items = 5, 20
	var produced atomic.Int64
	produce := func(ctx context.Context, emit func(int) error) error {
		for i := range items {
			if err := emit(i); err != nil {
				return err
			}
			produced.Add(1)
		}
		return nil
	}
	consumed := 0
	err := FeedAhead(t.Context(), ahead, produce, func(i int) error {
		if i == 0 {
			// Item 0 taken, the channel full behind it.
			bounded(t, "the producer to run ahead", func() bool { return produced.Load() == ahead+1 })
		}
		if p := produced.Load(); p > int64(consumed)+ahead+1 {
			t.Errorf("%d produced with %d consumed: more than %d ahead", p, consumed, ahead)
		}
		if i != consumed {
			t.Errorf("got item %d, want %d", i, consumed)
		}
		consumed++
		return nil
	})
	if err != nil || consumed != items {
		t.Fatalf("consumed %d (%v)", consumed, err)
	}
}

// A consumer's error stops the producer, which has returned by then; a
// producer's error comes back after what it produced was consumed.
func TestFeedAheadStopsOnEitherSidesError(t *testing.T) {
	stop := errors.New("consumer stops")
	var producerDone atomic.Bool
	endless := func(ctx context.Context, emit func(int) error) error {
		defer producerDone.Store(true)
		for i := 0; ; i++ {
			if err := emit(i); err != nil {
				return err
			}
		}
	}
	err := FeedAhead(t.Context(), 3, endless, func(i int) error {
		if i == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || !producerDone.Load() {
		t.Errorf("got %v, producer returned %v", err, producerDone.Load())
	}

	broken := errors.New("page 3 failed")
	n := 0
	err = FeedAhead(t.Context(), 3, func(ctx context.Context, emit func(int) error) error {
		for i := range 7 {
			if err := emit(i); err != nil {
				return err
			}
		}
		return broken
	}, func(int) error { n++; return nil })
	if !errors.Is(err, broken) || n != 7 {
		t.Errorf("got %v after %d items, want the producer's error after 7", err, n)
	}
}
