package sandbox

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/wootcli/woot/pkg/lazyregexp"
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

	mu       sync.Mutex
	rnd      *rand.Rand
	counters map[throttleKey]int // rack-attack's cache: a count per throttle, key and period
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
	// rack-attack counts a request as it arrives, before the app's time.
	refused := f.limit > 0 && !f.allow(r)
	if f.latency > 0 {
		t := time.NewTimer(f.latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true
		}
	}
	if refused {
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

// throttle is one of rack-attack's throttles in Chatwoot's
// config/initializers/rack_attack.rb: a limit per period for the requests
// it counts. A throttle with a path counts the requests whose path matches
// it, per account (the pattern's first group), or per user and account;
// one without a path counts every request.
type throttle struct {
	name    string
	limit   int // 0: the --rate-limit given
	period  time.Duration
	path    *lazyregexp.Regexp
	perUser bool
}

type throttleKey struct {
	name, key string
	window    int64
}

// key is the counter the request adds to, "" when the throttle does not
// count it.
func (th *throttle) key(r *http.Request) string {
	if th.path == nil {
		return "ip" // one client here
	}
	m := th.path.FindStringSubmatch(r.URL.Path)
	if m == nil {
		return ""
	}
	if !th.perUser {
		return m[1]
	}
	user := r.Header.Get("Uid")
	if user == "" {
		user = r.Header.Get("api_access_token")
	}
	if user == "" {
		return ""
	}
	return user + ":" + m[1]
}

var (
	transcriptPath = &lazyregexp.Regexp{Expr: `/api/v1/accounts/(\d+)/conversations/(\d+)/transcript`}
	uploadPath     = &lazyregexp.Regexp{Expr: `/api/v1/accounts/(\d+)/upload`}
	searchPath     = &lazyregexp.Regexp{Expr: `/api/v1/accounts/(\d+)/contacts/search`}
	reportsPath    = &lazyregexp.Regexp{Expr: `/api/v2/accounts/(\d+)/reports`}
)

// throttles are the Application API's, in rack_attack.rb's order: the
// global one per IP first, then the route ones. The sign-in and widget
// throttles guard routes the sandbox does not serve.
var throttles = []throttle{
	{name: "req/ip", period: time.Minute},
	{name: "transcript", limit: 30, period: time.Hour, path: transcriptPath},
	{name: "upload", limit: 60, period: time.Hour, path: uploadPath},
	{name: "contacts/search", limit: 100, period: time.Minute, path: searchPath},
	{name: "reports/user", limit: 100, period: time.Minute, path: reportsPath, perUser: true},
	{name: "reports", limit: 1000, period: time.Minute, path: reportsPath},
}

// allow counts the request as rack-attack does: each throttle in turn
// increments its counter for the current fixed period (Time.now / period,
// the same boundaries for every client) and refuses once the count passes
// its limit. Refused requests count too, so hammering a spent window
// never reopens it early; the first throttle that refuses ends the check.
func (f *faults) allow(r *http.Request) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	if f.counters == nil {
		f.counters = map[throttleKey]int{}
	}
	for _, th := range throttles {
		key := th.key(r)
		if key == "" {
			continue
		}
		limit := th.limit
		if limit == 0 {
			limit = f.limit
		}
		k := throttleKey{th.name, key, now.UnixNano() / int64(th.period)}
		f.counters[k]++
		if f.counters[k] > limit {
			f.dropOldCounters(now)
			return false
		}
	}
	f.dropOldCounters(now)
	return true
}

// dropOldCounters forgets the periods that ended, as the cache's expiry does.
func (f *faults) dropOldCounters(now time.Time) {
	if len(f.counters) < 64 {
		return
	}
	for k := range f.counters {
		for _, th := range throttles {
			if th.name == k.name && k.window < now.UnixNano()/int64(th.period) {
				delete(f.counters, k)
			}
		}
	}
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
