package api

import (
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/lazyregexp"
)

// routeThrottle is one of Chatwoot's route-specific rack-attack throttles
// (config/initializers/rack_attack.rb; FACTS.md §6), with its default
// limit. Each is counted per account, and its requests also count towards
// the global limit.
type routeThrottle struct {
	name   string             // what is counted, for messages
	marker string             // a cheap substring test before the pattern
	re     *lazyregexp.Regexp // its first group is the account id
	limit  int
	window time.Duration
}

var routeThrottles = []routeThrottle{
	{"contact searches", "/contacts/search", &lazyregexp.Regexp{Expr: `/api/v1/accounts/(\d+)/contacts/search`}, 100, time.Minute},
	// 100 a minute per user and account; the per-account 1,000 is looser.
	{"v2 report requests", "/reports", &lazyregexp.Regexp{Expr: `/api/v2/accounts/(\d+)/reports`}, 100, time.Minute},
	{"conversation transcripts", "/transcript", &lazyregexp.Regexp{Expr: `/api/v1/accounts/(\d+)/conversations/\d+/transcript`}, 30, time.Hour},
	{"attachment uploads", "/upload", &lazyregexp.Regexp{Expr: `/api/v1/accounts/(\d+)/upload`}, 60, time.Hour},
}

// matchRouteThrottle finds path's own throttle and its counter key.
func matchRouteThrottle(path string) (*routeThrottle, string) {
	for i := range routeThrottles {
		rt := &routeThrottles[i]
		if !strings.Contains(path, rt.marker) {
			continue
		}
		if m := rt.re.FindStringSubmatch(path); m != nil {
			return rt, rt.name + ":" + m[1]
		}
	}
	return nil, ""
}
