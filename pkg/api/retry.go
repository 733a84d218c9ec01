package api

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

const (
	backoffBase = 500 * time.Millisecond
	backoffMax  = 30 * time.Second
	// retryAfterMax bounds a server's Retry-After so a bad header cannot park a job for hours.
	retryAfterMax = 2 * time.Minute
)

// retryPolicy decides whether an attempt is repeated. Idempotent methods
// are retried on network errors and 5xx. Anything else (POST, PATCH) only
// when the server cannot have acted on it: the connection was never made.
// A double-sent message is a bug; a missing one is an error the user sees.
// A 429 is not the policy's business: rack-attack refuses before the app
// runs, so every method is repeated, when the Governor lets it go.
type retryPolicy struct{ idempotent bool }

func retryPolicyFor(method string) retryPolicy {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return retryPolicy{idempotent: true}
	}
	return retryPolicy{}
}

func (p retryPolicy) decide(attempt, retries int, res *attemptResult, err error) (bool, time.Duration) {
	if attempt >= retries {
		return false, 0
	}
	if err != nil {
		if isCanceled(err) {
			return false, 0
		}
		if p.idempotent || res == nil || !res.sent || isConnRefused(err) {
			return true, backoff(attempt)
		}
		return false, 0
	}
	if res.status >= 500 && p.idempotent {
		return true, retryAfter(res.header, attempt)
	}
	return false, 0
}

// backoff is exponential with full jitter: a random wait in [d/2, d].
func backoff(attempt int) time.Duration {
	d := backoffBase << attempt
	if d > backoffMax || d <= 0 {
		d = backoffMax
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter honours a Retry-After header and falls back to backoff.
func retryAfter(h http.Header, attempt int) time.Duration {
	if d, ok := parseRetryAfter(h); ok {
		return d
	}
	return backoff(attempt)
}

// parseRetryAfter reads a Retry-After header (seconds or an HTTP date),
// bounded by retryAfterMax; Chatwoot's own 429 never sends one.
func parseRetryAfter(h http.Header) (time.Duration, bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	} else {
		return 0, false
	}
	return min(max(d, 0), retryAfterMax), true
}

// isCanceled is true when the caller stopped the request (Ctrl-C); that is never retried.
func isCanceled(err error) bool { return errors.Is(err, context.Canceled) }

func isConnRefused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }

// writeTracker records whether any byte of the request reached the wire.
type writeTracker struct{ n atomic.Bool }

func (w *writeTracker) attach(r *http.Request) *http.Request {
	trace := &httptrace.ClientTrace{
		WroteHeaders: func() { w.n.Store(true) },
	}
	return r.WithContext(httptrace.WithClientTrace(r.Context(), trace))
}

func (w *writeTracker) wrote() bool { return w.n.Load() }
