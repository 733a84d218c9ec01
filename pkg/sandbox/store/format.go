package store

import (
	"strings"
	"time"
)

func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// ISO formats a unix time the way Rails renders a datetime in JSON.
func ISO(t int64) string {
	return time.Unix(t, 0).UTC().Format("2006-01-02T15:04:05.000Z")
}

// Keep filters rows in place.
func Keep[T any](rows []T, ok func(T) bool) []T {
	out := rows[:0]
	for _, r := range rows {
		if ok(r) {
			out = append(out, r)
		}
	}
	clear(rows[len(out):])
	return out
}
