package triage_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

func TestMain(m *testing.M) { cmdtest.Main(m) }

// now is the harness's clock.
var now = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

// conv is a conversation in Chatwoot's list shape; waitingSince and the
// last message's age are given as durations before now (0: not set).
func conv(id int, status, priority string, waitingSince time.Duration, lastType int, lastAge time.Duration, content string) string {
	p := "null"
	if priority != "" {
		p = `"` + priority + `"`
	}
	ws := int64(0)
	if waitingSince > 0 {
		ws = now.Add(-waitingSince).Unix()
	}
	return fmt.Sprintf(`{"id":%d,"status":"%s","priority":%s,"inbox_id":1,"waiting_since":%d,`+
		`"meta":{"sender":{"name":"Contact %d"},"assignee":null,"team":{"name":"support"}},`+
		`"last_non_activity_message":{"content":%q,"message_type":%d,"created_at":%d}}`,
		id, status, p, ws, id, content, lastType, now.Add(-lastAge).Unix())
}

func page(items ...string) string {
	return fmt.Sprintf(`{"data":{"meta":{"all_count":%d},"payload":[%s]}}`, len(items), strings.Join(items, ","))
}

func stubQueue(h *cmdtest.Harness) {
	h.Stub.On("GET", "/api/v1/accounts/1/conversations", 200, page(
		conv(11, "open", "urgent", 2*time.Hour, 0, 2*time.Hour, "where is my order?"),
		conv(12, "open", "urgent", 0, 1, time.Hour, "it has shipped"),
		conv(13, "open", "high", 0, 0, 72*time.Hour, "any news?"),
		conv(14, "open", "", 10*time.Minute, 1, 5*time.Minute, "a bot answered"),
	)).WithQuery("status", "open", "assignee_type", "all")
	h.Stub.On("GET", "/api/v1/accounts/1/conversations", 200, page(
		conv(15, "pending", "low", 120*time.Hour, 0, 120*time.Hour, "hello?"),
	)).WithQuery("status", "pending", "assignee_type", "all")
}

// TestTriageOrder: priority first, then the longest wait; a conversation
// an agent answered last is not waiting; a bot's reply does not end the
// wait (Chatwoot keeps waiting_since).
func TestTriageOrder(t *testing.T) {
	h := cmdtest.NewHarness(t)
	stubQueue(h)
	got := h.MustRun("conversations", "triage")
	want := "11\turgent\topen\t2h00m\tContact 11\t\tsupport\t1\twhere is my order?\n" +
		"12\turgent\topen\t\tContact 12\t\tsupport\t1\tit has shipped\n" +
		"13\thigh\topen\t3d0h\tContact 13\t\tsupport\t1\tany news?\n" +
		"15\tlow\tpending\t5d0h\tContact 15\t\tsupport\t1\thello?\n" +
		"14\t\topen\t10m\tContact 14\t\tsupport\t1\ta bot answered\n"
	if got != want {
		t.Errorf("triage printed\n%s\nwant\n%s", got, want)
	}
}

func TestTriageByWaiting(t *testing.T) {
	h := cmdtest.NewHarness(t)
	stubQueue(h)
	got := h.MustRun("conversations", "triage", "--sort", "waiting", "--fields", "id,waiting")
	if want := "15\t5d0h\n13\t3d0h\n11\t2h00m\n14\t10m\n12\t\n"; got != want {
		t.Errorf("triage --sort waiting printed\n%s\nwant\n%s", got, want)
	}
}

func TestTriageJSONCarriesTheFigures(t *testing.T) {
	h := cmdtest.NewHarness(t)
	stubQueue(h)
	got := h.MustRun("conversations", "triage", "--limit", "2", "-o", "json", "--jq", `.[] | [.id, .waiting_seconds, .customer_waiting_since, .last_message_by, .priority] | @tsv`)
	want := "11\t7200\t2026-11-21T10:00:00Z\tcontact\turgent\n12\t\t\tagent\turgent\n"
	if got != want {
		t.Errorf("json rows\n%s\nwant\n%s", got, want)
	}
}

func TestTriageFlagsAndFilters(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/1/conversations", 200, page()).WithQuery("status", "open", "inbox_id", "3", "team_id", "2", "assignee_type", "unassigned")
	h.Stub.On("GET", "/api/v1/accounts/1/conversations", 200, page()).WithQuery("status", "pending", "inbox_id", "3", "team_id", "2", "assignee_type", "unassigned")
	if out := h.MustRun("conversations", "triage", "--inbox", "3", "--team", "2", "--assignee-type", "unassigned"); out != "" {
		t.Errorf("an empty queue printed %q", out)
	}
	for _, args := range [][]string{{"--sort", "age"}, {"--limit", "-1"}} {
		if code := h.Run(append([]string{"conversations", "triage"}, args...)...); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

// TestTriageOnTheSandbox: every open and pending conversation of the demo
// seed, and only those, urgent ones first.
func TestTriageOnTheSandbox(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": h.Env["WOOT_CONFIG_DIR"], "CHATWOOT_URL": "sandbox"}
	open := strings.Count(h.MustRun("conversations", "list", "--status", "open", "--all", "--fields", "id"), "\n")
	pending := strings.Count(h.MustRun("conversations", "list", "--status", "pending", "--all", "--fields", "id"), "\n")
	out := h.MustRun("conversations", "triage", "--fields", "priority,status")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != open+pending || open == 0 || pending == 0 {
		t.Fatalf("triage listed %d, the sandbox has %d open and %d pending", len(lines), open, pending)
	}
	if !strings.HasPrefix(lines[0], "urgent\t") {
		t.Errorf("first row %q, want an urgent one", lines[0])
	}
	for _, l := range lines {
		if s := strings.Split(l, "\t")[1]; s != "open" && s != "pending" {
			t.Errorf("row %q is %s", l, s)
		}
	}
}
