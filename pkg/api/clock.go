package api

import (
	"context"
	"sync"
	"time"
)

// Clock is the transport's time: the governor's pacing and probes and the
// waits between retries all go through it, so a test steps it instead of
// sleeping.
type Clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

// ClockFor is the real clock when sleep is nil; otherwise a clock that
// waits with sleep and advances by what it was asked to wait, so a test
// that makes waits instant still sees time pass (and a job that can get
// nothing through still gives up).
func ClockFor(sleep func(ctx context.Context, d time.Duration) error) Clock {
	if sleep == nil {
		return realClock{}
	}
	return &stepClock{sleep: sleep, now: time.Now()}
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error { return sleepContext(ctx, d) }

type stepClock struct {
	sleep func(ctx context.Context, d time.Duration) error
	mu    sync.Mutex
	now   time.Time
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *stepClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := c.sleep(ctx, d); err != nil {
		return err
	}
	if d > 0 {
		c.mu.Lock()
		c.now = c.now.Add(d)
		c.mu.Unlock()
	}
	return ctx.Err()
}
