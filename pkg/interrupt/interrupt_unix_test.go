//go:build unix

package interrupt

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
	"time"
)

// within fails the test when ch does not deliver in a generous bound: a
// signal to oneself arrives in microseconds, so this only catches a hang.
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not happen", what)
	}
	var zero T
	return zero
}

func TestFirstSignalCancelsSecondForcesExit(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			forced := make(chan os.Signal, 1)
			ctx, stop := Notify(context.Background(), func(s os.Signal) { forced <- s })
			defer stop()
			if err := syscall.Kill(os.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			within(t, ctx.Done(), "cancellation by the first signal")
			if !errors.Is(ctx.Err(), context.Canceled) || Received(ctx) != sig {
				t.Fatalf("err %v, received %v", ctx.Err(), Received(ctx))
			}
			if !errors.Is(context.Cause(ctx), context.Canceled) {
				t.Errorf("the cause %v is not a cancellation", context.Cause(ctx))
			}
			select {
			case s := <-forced:
				t.Fatalf("forced exit after one signal (%v)", s)
			default:
			}
			if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			if s := within(t, forced, "the forced exit on the second signal"); s != syscall.SIGINT {
				t.Errorf("forced by %v", s)
			}
		})
	}
}

func TestStopWithoutSignalIsNotAnInterrupt(t *testing.T) {
	ctx, stop := Notify(context.Background(), func(os.Signal) { t.Error("forced exit without a signal") })
	stop()
	if Received(ctx) != nil {
		t.Errorf("received %v", Received(ctx))
	}
}

func TestStdoutClosedByReader(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r.Close()
	_, err = Stdout(w).Write([]byte("line\n"))
	if !errors.Is(err, ErrStdoutClosed) {
		t.Fatalf("write to a closed pipe: %v, want ErrStdoutClosed", err)
	}
	// The same errno elsewhere (a network connection) is not quiet.
	_, err = w.Write([]byte("line\n"))
	if !errors.Is(err, syscall.EPIPE) || errors.Is(err, ErrStdoutClosed) {
		t.Fatalf("unwrapped write: %v", err)
	}
}
