package api

import "net/http"

// idleConnsPerHost is the idle pool kept per host. Go's default of 2 makes
// a job of 8 workers close 6 connections after every answer and open new
// ones (thousands of TIME_WAIT sockets in a long export); the pool must
// hold at least a job's workers. Beyond a few dozen workers a job only
// waits on the rate governor, so this bound is never what limits it.
const idleConnsPerHost = 256

// NewTransport is the HTTP transport woot talks to a server through: Go's
// default (proxy from the environment, HTTP/2, timeouts) with an idle pool
// that fits a job's concurrency, so connections are reused.
func NewTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = idleConnsPerHost
	t.MaxIdleConnsPerHost = idleConnsPerHost
	return t
}
