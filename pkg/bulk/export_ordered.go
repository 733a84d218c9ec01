package bulk

import "context"

// OrderedWork runs a function over a stream of inputs, up to n calls at
// once, and hands the results on in input order. Inputs arrive one by one
// (from a list's pages as they come), so the workers stay busy across the
// pages' boundaries: there is no batch that waits for its slowest item.
// Up to 2n results may be waiting for an earlier, slower one; beyond that
// Add blocks, which bounds memory.
//
// Add, Close and emit run on the caller's goroutine only; fn runs on
// others.
type OrderedWork[In, Out any] struct {
	ctx    context.Context
	cancel context.CancelFunc
	fn     func(context.Context, In) (Out, error)
	emit   func(Out) error
	drop   func(Out)
	sem    chan struct{}
	window []chan orderedResult[Out]
	err    error
}

type orderedResult[Out any] struct {
	out Out
	err error
}

// NewOrderedWork starts an empty pipeline. emit owns each result it is
// given; drop, when set, releases a result that will never be emitted
// because an earlier item failed (a spool to close).
func NewOrderedWork[In, Out any](ctx context.Context, n int, fn func(context.Context, In) (Out, error), emit func(Out) error, drop func(Out)) *OrderedWork[In, Out] {
	ctx, cancel := context.WithCancel(ctx)
	n = max(n, 1)
	return &OrderedWork[In, Out]{ctx: ctx, cancel: cancel, fn: fn, emit: emit, drop: drop, sem: make(chan struct{}, n)}
}

// Add starts work on in once a worker is free, first emitting the
// results that are ready. It returns the first error of the pipeline, after
// which nothing more is started.
func (w *OrderedWork[In, Out]) Add(in In) error {
	if w.err != nil {
		return w.err
	}
	if err := w.emitReady(len(w.window) >= 2*cap(w.sem)); err != nil {
		return w.fail(err)
	}
	select {
	case w.sem <- struct{}{}:
	case <-w.ctx.Done():
		return w.fail(w.ctx.Err())
	}
	ch := make(chan orderedResult[Out], 1)
	w.window = append(w.window, ch)
	go func() {
		out, err := w.fn(w.ctx, in)
		<-w.sem
		ch <- orderedResult[Out]{out, err}
	}()
	return nil
}

// emitReady emits finished results from the head of the window; with
// wait, it waits for the head, so the window shrinks by at least one.
func (w *OrderedWork[In, Out]) emitReady(wait bool) error {
	for len(w.window) > 0 {
		var res orderedResult[Out]
		if wait {
			res = <-w.window[0]
			wait = false
		} else {
			select {
			case res = <-w.window[0]:
			default:
				return nil
			}
		}
		w.window = w.window[1:]
		if res.err != nil {
			return res.err
		}
		if err := w.emit(res.out); err != nil {
			return err
		}
	}
	return nil
}

// Close emits every remaining result in order and returns the first
// error. On an error it stops the work in flight and releases what it
// produced; either way no worker is left running.
func (w *OrderedWork[In, Out]) Close() error {
	for len(w.window) > 0 && w.err == nil {
		if err := w.emitReady(true); err != nil {
			w.fail(err)
		}
	}
	w.cancel()
	return w.err
}

// Abort stops the work after err happened outside the pipeline (the
// list's next page failed, Ctrl-C): nothing more is emitted, every
// result is released and no worker is left running.
func (w *OrderedWork[In, Out]) Abort(err error) error {
	return w.fail(err)
}

// fail records the first error, stops the workers and waits for them,
// releasing their results.
func (w *OrderedWork[In, Out]) fail(err error) error {
	if w.err == nil {
		w.err = err
	}
	w.cancel()
	for _, ch := range w.window {
		if res := <-ch; res.err == nil {
			w.release(res.out)
		}
	}
	w.window = nil
	return w.err
}

func (w *OrderedWork[In, Out]) release(out Out) {
	if w.drop != nil {
		w.drop(out)
	}
}

// FeedAhead runs produce on its own goroutine and consume on the
// caller's, with up to ahead items between them. A list's pager fetches
// the next page only once the last one is handed on; with consume
// blocked on busy workers, it would fetch nothing until they free up,
// and they would then idle through the next page's round trip. With
// room for a page or two ahead, the next page is already there.
//
// It returns consume's first error (which stops produce) or else
// produce's; either way produce has returned.
func FeedAhead[T any](ctx context.Context, ahead int, produce func(context.Context, func(T) error) error, consume func(T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan T, max(ahead, 0))
	produced := make(chan error, 1)
	go func() {
		defer close(items)
		produced <- produce(ctx, func(it T) error {
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	for it := range items {
		if err := consume(it); err != nil {
			cancel()
			for range items { // let produce see the cancel and return
			}
			<-produced
			return err
		}
	}
	return <-produced
}
