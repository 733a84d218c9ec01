package output

import (
	"encoding/json"
	"testing"
	"time"
)

func TestRelativeTime(t *testing.T) {
	tests := []struct {
		ago  time.Duration
		want string
	}{
		{10 * time.Second, "just now"},
		{-10 * time.Second, "just now"},
		{5 * time.Minute, "5m ago"},
		{59*time.Minute + 59*time.Second, "59m ago"},
		{3 * time.Hour, "3h ago"},
		{47 * time.Hour, "1d ago"},
		{2 * 24 * time.Hour, "2d ago"},
		{65 * 24 * time.Hour, "2mo ago"},
		{800 * 24 * time.Hour, "2y ago"},
		{-4 * time.Hour, "in 4h"},
		{-3 * 24 * time.Hour, "in 3d"},
	}
	for _, tt := range tests {
		if got := relativeTime(fixedNow.Add(-tt.ago), fixedNow); got != tt.want {
			t.Errorf("relativeTime(now-%v) = %q, want %q", tt.ago, got, tt.want)
		}
	}
}

func TestTimeCells(t *testing.T) {
	tests := []struct {
		raw, rfc, rel string
	}{
		{`1700000000`, "2023-11-14T22:13:20Z", "1h ago"},
		{`1700000000.5`, "2023-11-14T22:13:20Z", "1h ago"},
		{`1700000000000`, "2023-11-14T22:13:20Z", "1h ago"}, // milliseconds
		{`"2023-11-14T20:00:00.000Z"`, "2023-11-14T20:00:00Z", "4h ago"},
		{`"2023-11-15T05:30:00+05:30"`, "2023-11-15T00:00:00Z", "just now"},
		{`"2023-11-14 18:00:00 UTC"`, "2023-11-14T18:00:00Z", "6h ago"},
		{`"1700000000"`, "2023-11-14T22:13:20Z", "1h ago"},
		{`1700086400`, "2023-11-15T22:13:20Z", "in 22h"},
		{`"not a time"`, "not a time", "not a time"},
		{`null`, "", ""},
		{`true`, "true", "true"},
	}
	rel := cellFormat{relative: true, now: func() time.Time { return fixedNow }}
	for _, tt := range tests {
		if got := rfc3339Cells().cell(json.RawMessage(tt.raw), true); got != tt.rfc {
			t.Errorf("RFC 3339 cell of %s = %q, want %q", tt.raw, got, tt.rfc)
		}
		if got := rel.cell(json.RawMessage(tt.raw), true); got != tt.rel {
			t.Errorf("relative cell of %s = %q, want %q", tt.raw, got, tt.rel)
		}
	}
	// Columns not named like times print numbers as written.
	if got := rfc3339Cells().cell(json.RawMessage(`1700000000`), false); got != "1700000000" {
		t.Errorf("plain number column = %q", got)
	}
}

func TestIsTimeColumn(t *testing.T) {
	for path, want := range map[string]bool{
		"created_at": true, "last_activity_at": true, "meta.sender.last_seen_at": true,
		"timestamp": true, "messages.0.created_at": true, "before_timestamp": true,
		"id": false, "status": false, "format": false, "at": false,
	} {
		segs, _ := parsePath(path)
		if got := isTimeColumn(segs); got != want {
			t.Errorf("isTimeColumn(%q) = %v, want %v", path, got, want)
		}
	}
}
