// Package interrupt is woot's one signal policy. The first SIGINT or
// SIGTERM cancels the command's context, so the command stops the way it
// stops on any error: journals flushed, temporary files removed, the old
// output file kept; it then exits 130. A second signal means the user
// will not wait: the process exits at once. SIGPIPE is caught, so a
// reader that closes stdout early (`woot … | head -1`) shows up as a
// write error the command ends on quietly, instead of killing woot.
package interrupt

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// ExitCode is the exit status of an interrupted or cancelled command, the
// shells' 128+SIGINT.
const ExitCode = 130

// Signals are the signals that cancel a command. (syscall.SIGINT is
// os.Interrupt; a constant keeps the slice out of start-up's work.)
var Signals = []os.Signal{syscall.SIGINT, syscall.SIGTERM}

// Error is the cause of a context cancelled by a signal.
type Error struct{ Signal os.Signal }

func (e *Error) Error() string { return fmt.Sprintf("interrupted by %v", e.Signal) }

// Unwrap makes the cause an instance of context.Canceled, like the
// context's own error.
func (e *Error) Unwrap() error { return context.Canceled }

// Notify returns a context that the first of Signals cancels; on a second
// one it calls forceExit, which must end the process. stop releases the
// signals (and cancels the context).
func Notify(parent context.Context, forceExit func(os.Signal)) (ctx context.Context, stop func()) {
	ctx, arm, stop := Prepare(parent, forceExit)
	arm()
	return ctx, stop
}

// Prepare is Notify with the handlers installed only when arm is first
// called (later calls do nothing). Installing them starts the runtime's
// signal machinery, which costs a command line that only prints its help
// about a fifth of its start-up: woot arms them when a command runs.
func Prepare(parent context.Context, forceExit func(os.Signal)) (ctx context.Context, arm func(), stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 2)
	pipe := make(chan os.Signal, 1)
	released := make(chan struct{})
	var once sync.Once
	arm = func() {
		once.Do(func() {
			signal.Notify(sigs, Signals...)
			// Without a handler, a write to a closed stdout pipe kills the
			// process with SIGPIPE before it can clean up; with one, the
			// write fails.
			signal.Notify(pipe, syscall.SIGPIPE)
			go watch(sigs, released, cancel, forceExit)
		})
	}
	return ctx, arm, func() {
		once.Do(func() {}) // an arm after stop installs nothing
		signal.Stop(sigs)  // a no-op for channels never armed
		signal.Stop(pipe)
		close(released)
		cancel(nil)
	}
}

// watch cancels on the first signal and calls forceExit on the second.
func watch(sigs <-chan os.Signal, released <-chan struct{}, cancel context.CancelCauseFunc, forceExit func(os.Signal)) {
	select {
	case s := <-sigs:
		cancel(&Error{Signal: s})
	case <-released:
		return
	}
	select {
	case s := <-sigs:
		forceExit(s)
	case <-released:
	}
}

// Received is the signal that cancelled ctx, or nil.
func Received(ctx context.Context) os.Signal {
	if e, ok := context.Cause(ctx).(*Error); ok {
		return e.Signal
	}
	return nil
}
