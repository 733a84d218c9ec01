package api

import (
	"context"

	"golang.org/x/time/rate"
)

// Limiter paces requests; the transport waits on it before every attempt.
type Limiter interface {
	Wait(ctx context.Context) error
}

// FeedbackLimiter also learns from each answer's status, so that an
// adaptive limiter can slow down on 429 and speed up again on success.
type FeedbackLimiter interface {
	Limiter
	Observe(status int)
}

// NewRateLimiter caps requests at perSecond (burst 1); 0 or less means no cap.
func NewRateLimiter(perSecond float64) Limiter {
	if perSecond <= 0 {
		return nil
	}
	return rate.NewLimiter(rate.Limit(perSecond), 1)
}
