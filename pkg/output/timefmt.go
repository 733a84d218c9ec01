package output

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// cellFormat says how cells of tabular formats render times.
type cellFormat struct {
	relative bool             // "5m ago" (a table on a terminal); else RFC 3339 UTC
	now      func() time.Time // the clock relative times are measured against
}

// rfc3339Cells is the machine-readable form used by csv, tsv and piped tables.
func rfc3339Cells() cellFormat { return cellFormat{} }

// isTimeColumn recognises Chatwoot's time fields by name: created_at,
// last_activity_at, agent_last_seen_at…, and messages' timestamp.
func isTimeColumn(segs []string) bool {
	if len(segs) == 0 {
		return false
	}
	last := segs[len(segs)-1]
	return strings.HasSuffix(last, "_at") || last == "timestamp" || strings.HasSuffix(last, "_timestamp")
}

// timeCell renders a time value; false when v is not a recognisable time,
// so the cell falls back to the value as written.
func (f cellFormat) timeCell(v json.RawMessage) (string, bool) {
	t, ok := parseTimeJSON(v)
	if !ok {
		return "", false
	}
	if f.relative {
		now := time.Now
		if f.now != nil {
			now = f.now
		}
		return relativeTime(t, now()), true
	}
	return t.UTC().Format(time.RFC3339), true
}

// parseTimeJSON accepts unix seconds (Chatwoot's usual form) or a time string.
func parseTimeJSON(v json.RawMessage) (time.Time, bool) {
	if len(v) == 0 {
		return time.Time{}, false
	}
	if v[0] == '"' {
		var s string
		if json.Unmarshal(v, &s) != nil {
			return time.Time{}, false
		}
		return parseTimeString(s)
	}
	return parseUnix(string(v))
}

// parseUnix reads unix seconds, with a fraction or not. Values beyond
// 1e12 can only be milliseconds (seconds would be past year 33000).
func parseUnix(s string) (time.Time, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n >= 1e12 || n <= -1e12 {
			return time.UnixMilli(n), true
		}
		return time.Unix(n, 0), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return time.Time{}, false
	}
	if math.Abs(f) >= 1e12 {
		f /= 1000
	}
	sec := math.Floor(f)
	return time.Unix(int64(sec), int64((f-sec)*1e9)), true
}

// timeLayouts are the string forms Chatwoot and Rails emit.
var timeLayouts = [...]string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
}

func parseTimeString(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if s[0] >= '0' && s[0] <= '9' && !strings.ContainsAny(s, "-:T ") {
		return parseUnix(s)
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// relativeTime is the short form a table shows: "just now", "5m ago",
// "3h ago", "2d ago", "4mo ago", "2y ago", "in 4h".
func relativeTime(t, now time.Time) string {
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	const day = 24 * time.Hour
	var n int64
	var unit string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		n, unit = int64(d/time.Minute), "m"
	case d < day:
		n, unit = int64(d/time.Hour), "h"
	case d < 30*day:
		n, unit = int64(d/day), "d"
	case d < 365*day:
		n, unit = int64(d/(30*day)), "mo"
	default:
		n, unit = int64(d/(365*day)), "y"
	}
	if future {
		return fmt.Sprintf("in %d%s", n, unit)
	}
	return fmt.Sprintf("%d%s ago", n, unit)
}
