package api

import "context"

// Limiter is what the transport consults around every attempt: it admits
// the request (pacing, or holding it while the server's window is spent)
// and learns from its answer. *Governor is the implementation; nil in a
// Config gets a default one.
type Limiter interface {
	Acquire(ctx context.Context, method, path string) (Ticket, error)
	Release(t Ticket, status int)
}
