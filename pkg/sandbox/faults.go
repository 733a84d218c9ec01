package sandbox

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// Bodies a proxy or the Rails app sends when things go wrong; clients must
// cope with HTML as well as JSON.
const (
	body500 = `{"status":500,"error":"Internal Server Error"}`
	body502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	body503 = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	// body429 is rack-attack's default throttled response (FACTS §6).
	body429 = "Retry later\n"
)

// faults applies Options' latency, dropped connections, 5xx answers and
// rate limit. The dice come from a generator seeded with RandSeed, so a
// run repeats exactly.
type faults struct {
	latency   time.Duration
	failRate  float64
	resetRate float64
	limit     int
	now       func() time.Time

	mu     sync.Mutex
	rnd    *rand.Rand
	recent []time.Time // request times within the last minute, oldest first
}

func newFaults(o Options) *faults {
	seed := uint64(o.RandSeed)
	return &faults{
		latency: o.Latency, failRate: o.FailRate, resetRate: o.ResetRate, limit: o.RateLimit,
		now: o.Now, rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
	}
}

// faultExempt: health checks and the websocket are never disturbed, so a
// readiness probe or a listener keeps working while the API misbehaves.
func faultExempt(r *http.Request) bool {
	switch r.URL.Path {
	case "/health", "/api", "/cable":
		return r.Method == http.MethodGet || r.Method == http.MethodHead
	}
	return false
}

// apply injects the configured faults; true means it answered the request
// (or dropped it) and the API must not see it.
func (f *faults) apply(w http.ResponseWriter, r *http.Request) bool {
	if f.latency > 0 {
		t := time.NewTimer(f.latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true
		}
	}
	if f.limit > 0 && !f.allow() {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(body429))
		return true
	}
	if f.resetRate <= 0 && f.failRate <= 0 {
		return false
	}
	f.mu.Lock()
	reset := f.resetRate > 0 && f.rnd.Float64() < f.resetRate
	fail := !reset && f.failRate > 0 && f.rnd.Float64() < f.failRate
	kind := f.rnd.IntN(3)
	f.mu.Unlock()
	switch {
	case reset:
		dropConnection(w)
		return true
	case fail:
		serverError(w, kind)
		return true
	}
	return false
}

// allow is a sliding one-minute window: the request is let through when
// fewer than limit requests arrived in the minute before it.
func (f *faults) allow() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	cutoff := now.Add(-time.Minute)
	i := 0
	for i < len(f.recent) && !f.recent[i].After(cutoff) {
		i++
	}
	f.recent = f.recent[i:]
	if len(f.recent) >= f.limit {
		return false
	}
	f.recent = append(f.recent, now)
	return true
}

func serverError(w http.ResponseWriter, kind int) {
	switch kind {
	case 0:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(body500))
	case 1:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte(body502))
	default:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(body503))
	}
}

// dropConnection closes the connection without an answer, as a crashed
// upstream or a reset would. Without hijacking (HTTP/2) the handler aborts,
// which resets the stream.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
