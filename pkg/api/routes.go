package api

import (
	"regexp"
	"strings"
	"sync"
	"time"
)

// routeThrottle is one of Chatwoot's route-specific rack-attack throttles
// (config/initializers/rack_attack.rb; FACTS.md §6), with its default
// limit. Each is counted per account, and its requests also count towards
// the global limit.
type routeThrottle struct {
	name   string                // what is counted, for messages
	marker string                // a cheap substring test before the pattern
	re     func() *regexp.Regexp // compiled on first use: start-up compiles no pattern
	limit  int
	window time.Duration
}

var routeThrottles = []routeThrottle{
	{"contact searches", "/contacts/search", lazyRegexp(`/api/v1/accounts/(\d+)/contacts/search`), 100, time.Minute},
	// 100 a minute per user and account; the per-account 1,000 is looser.
	{"v2 report requests", "/reports", lazyRegexp(`/api/v2/accounts/(\d+)/reports`), 100, time.Minute},
	{"conversation transcripts", "/transcript", lazyRegexp(`/api/v1/accounts/(\d+)/conversations/\d+/transcript`), 30, time.Hour},
	{"attachment uploads", "/upload", lazyRegexp(`/api/v1/accounts/(\d+)/upload`), 60, time.Hour},
}

// matchRouteThrottle finds path's own throttle and its counter key.
func matchRouteThrottle(path string) (*routeThrottle, string) {
	for i := range routeThrottles {
		rt := &routeThrottles[i]
		if !strings.Contains(path, rt.marker) {
			continue
		}
		if m := rt.re().FindStringSubmatch(path); m != nil {
			return rt, rt.name + ":" + m[1]
		}
	}
	return nil, ""
}

// lazyRegexp compiles expr the first time it is needed. A pattern compiled
// in a package-level var costs every command its start-up, whether or not
// the command ever matches a path.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
