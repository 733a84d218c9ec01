package cable

import (
	"math/rand/v2"
	"time"
)

// Backoff spaces reconnection attempts: Min doubling up to Max, each delay
// moved by up to ±Jitter of itself so that many clients do not reconnect
// in step after a server restart.
type Backoff struct {
	Min    time.Duration // default 500 ms
	Max    time.Duration // default 30 s
	Jitter float64       // fraction in [0, 1]; default 0.2, negative disables
}

// Defaults of Backoff.
const (
	DefaultBackoffMin    = 500 * time.Millisecond
	DefaultBackoffMax    = 30 * time.Second
	DefaultBackoffJitter = 0.2
)

func (b Backoff) withDefaults() Backoff {
	if b.Min <= 0 {
		b.Min = DefaultBackoffMin
	}
	if b.Max <= 0 {
		b.Max = DefaultBackoffMax
	}
	if b.Max < b.Min {
		b.Max = b.Min
	}
	switch {
	case b.Jitter == 0:
		b.Jitter = DefaultBackoffJitter
	case b.Jitter < 0:
		b.Jitter = 0
	case b.Jitter > 1:
		b.Jitter = 1
	}
	return b
}

// Delay returns the wait before reconnection attempt n (from 1).
func (b Backoff) Delay(attempt int) time.Duration {
	b = b.withDefaults()
	d := b.Min
	for i := 1; i < attempt && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	if b.Jitter > 0 {
		d += time.Duration(float64(d) * b.Jitter * (2*rand.Float64() - 1))
	}
	return max(min(d, b.Max), time.Millisecond)
}
