package triage_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/cmd/triage"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

// noon is the harness's clock: the triage is read at 12:00.
var noon = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func at(h, m int) time.Time { return time.Date(2026, 11, 21, h, m, 0, 0, time.UTC) }

func TestTriageOrderAndTimes(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "empty", at(6, 0))
	// The empty seed has one contact-less account: add a contact to write as.
	var ct struct {
		Payload struct {
			Contact struct {
				ID int64 `json:"id"`
			} `json:"contact"`
		} `json:"payload"`
	}
	sb.Call(t, "", "POST", "/contacts", map[string]any{"name": "Pat", "email": "pat@example.com"}, &ct)
	open := func(when time.Time, priority string) int64 {
		sb.Set(when)
		var cv struct {
			ID int64 `json:"id"`
		}
		sb.Call(t, "", "POST", "/conversations", map[string]any{"inbox_id": 1, "contact_id": ct.Payload.Contact.ID}, &cv)
		sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/messages", cv.ID), map[string]any{"content": "help", "message_type": "incoming"}, nil)
		if priority != "" {
			sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/toggle_priority", cv.ID), map[string]any{"priority": priority}, nil)
		}
		return cv.ID
	}
	say := func(id int64, when time.Time, incoming bool) {
		sb.Set(when)
		body := map[string]any{"content": "more"}
		if incoming {
			body["message_type"] = "incoming"
		}
		sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/messages", id), body, nil)
	}
	a := open(at(8, 0), "low")    // waiting 4h
	b := open(at(9, 0), "urgent") // waiting 3h
	c := open(at(7, 0), "")       // answered at 7:30, then pending: not waiting; customer 5h ago
	say(c, at(7, 30), false)
	sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/toggle_status", c), map[string]any{"status": "pending"}, nil)
	d := open(at(10, 0), "")       // waiting 2h
	e := open(at(6, 30), "urgent") // resolved: not listed
	sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/toggle_status", e), map[string]any{"status": "resolved"}, nil)
	f := open(at(11, 0), "high") // waiting 1h; wrote again at 11:30
	say(f, at(11, 30), true)
	sb.Set(noon)

	h := sb.Harness(t)
	out := h.MustRun("conversations", "triage", "-o", "csv", "--fields", "id,priority,status,waiting,waiting_seconds,since_customer")
	want := fmt.Sprintf(`id,priority,status,waiting,waiting_seconds,since_customer
%d,urgent,open,3h0m,10800,3h0m
%d,high,open,1h0m,3600,30m
%d,low,open,4h0m,14400,4h0m
%d,,open,2h0m,7200,2h0m
%d,,pending,,,5h0m
`, b, f, a, d, c)
	if out != want {
		t.Errorf("triage:\n%s\nwant\n%s", out, want)
	}
	if out := h.MustRun("conversations", "triage", "--inbox", "2", "-o", "csv"); out != "id,priority,status,waiting,since_customer,inbox,assignee,contact\n" {
		t.Errorf("--inbox 2 (no conversations): %q", out)
	}
}

func TestDuration(t *testing.T) {
	for s, want := range map[int64]string{40: "40s", 420: "7m", 7500: "2h5m", 3*86400 + 4*3600 + 59: "3d4h", -5: "0s"} {
		if got := triage.Duration(s); got != want {
			t.Errorf("Duration(%d) = %s, want %s", s, got, want)
		}
	}
}

func TestTriageRequestsConformToTheSpec(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", noon)
	sb.CheckSpec(t)
	sb.Harness(t).MustRun("conversations", "triage", "--inbox", "1")
	if got := strings.Join(sb.Checked(), "; "); !strings.Contains(got, "GET /api/v1/accounts/{account_id}/conversations;") {
		t.Errorf("checked: %s", got)
	}
}
