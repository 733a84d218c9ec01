package reports_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

// t0 is when the demo seed is made; its 80 conversations are all older,
// so a window opening at t0 holds only the conversations seeded here.
var t0 = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

type seeder struct {
	t  *testing.T
	sb *cmdtest.Sandbox
}

// conversation opens a conversation with contact 1 in the API inbox at
// the given offset from t0, with its first (incoming) message.
func (s seeder) conversation(at time.Duration, extra map[string]any) int64 {
	s.sb.Set(t0.Add(at))
	body := map[string]any{"inbox_id": 1, "contact_id": 1}
	for k, v := range extra {
		body[k] = v
	}
	var cv struct {
		ID int64 `json:"id"`
	}
	s.sb.Call(s.t, "", "POST", "/conversations", body, &cv)
	s.incoming(cv.ID, at)
	return cv.ID
}

func (s seeder) at(d time.Duration) { s.sb.Set(t0.Add(d)) }

func (s seeder) msg(id int64, at time.Duration, token string, body map[string]any) {
	s.at(at)
	s.sb.Call(s.t, token, "POST", fmt.Sprintf("/conversations/%d/messages", id), body, nil)
}

func (s seeder) incoming(id int64, at time.Duration) {
	s.msg(id, at, "", map[string]any{"content": "question", "message_type": "incoming"})
}
func (s seeder) reply(id int64, at time.Duration) {
	s.msg(id, at, "", map[string]any{"content": "answer"})
}
func (s seeder) note(id int64, at time.Duration) {
	s.msg(id, at, "", map[string]any{"content": "note", "private": true})
}
func (s seeder) botReply(id int64, at time.Duration) {
	s.msg(id, at, sandbox.SeedAgentBotToken, map[string]any{"content": "I'm a bot"})
}

func (s seeder) resolve(id int64, at time.Duration) {
	s.at(at)
	s.sb.Call(s.t, "", "POST", fmt.Sprintf("/conversations/%d/toggle_status", id), map[string]any{"status": "resolved"}, nil)
}

// rate answers the conversation's CSAT survey as the customer would.
func (s seeder) rate(id int64, at time.Duration, rating int, comment string) {
	s.at(at)
	var cv struct {
		UUID string `json:"uuid"`
	}
	s.sb.Call(s.t, "", "GET", fmt.Sprintf("/conversations/%d", id), nil, &cv)
	s.sb.Call(s.t, "", "PATCH", "/public/api/v1/csat_survey/"+cv.UUID, map[string]any{"message": map[string]any{
		"submitted_values": map[string]any{"csat_survey_response": map[string]any{"rating": rating, "feedback_message": comment}}}}, nil)
}

const (
	mins = time.Minute
	hrs  = time.Hour
)

// seedReport writes six conversations whose figures are worked out by
// hand in TestReportConversationsFigures.
func seedReport(t *testing.T) *cmdtest.Sandbox {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	s := seeder{t, sb}

	// A: answered twice, resolved once, rated 5; assigned to Bob, labelled.
	a := s.conversation(1*hrs, map[string]any{"assignee_id": 2})
	sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/labels", a), map[string]any{"labels": []string{"billing", "vip"}}, nil)
	s.reply(a, 1*hrs+10*mins)
	s.incoming(a, 1*hrs+20*mins)
	s.reply(a, 1*hrs+30*mins)
	s.resolve(a, 2*hrs)
	s.rate(a, 2*hrs+5*mins, 5, "Great, thanks")

	// B: reopened: resolved, the customer writes again, resolved again.
	b := s.conversation(2*hrs, map[string]any{"team_id": 1})
	s.reply(b, 2*hrs+5*mins)
	s.resolve(b, 2*hrs+30*mins)
	s.incoming(b, 4*hrs) // reopens it
	s.reply(b, 4*hrs+10*mins)
	s.resolve(b, 5*hrs)
	s.rate(b, 5*hrs+1*mins, 2, "Took two tries")

	// C: never answered: only a private note, still open.
	c := s.conversation(3*hrs, nil)
	s.note(c, 3*hrs+10*mins)

	// D: a bot replies first, a person 15 minutes after the start.
	d := s.conversation(4*hrs, nil)
	s.botReply(d, 4*hrs+1*mins)
	s.reply(d, 4*hrs+15*mins)
	s.resolve(d, 4*hrs+45*mins)

	// E: resolved without a reply.
	e := s.conversation(5*hrs, nil)
	s.resolve(e, 5*hrs+20*mins)

	// F: created after --until: not in the report.
	f := s.conversation(30*hrs, nil)
	s.reply(f, 30*hrs+1*mins)
	return sb
}

func TestReportConversationsFigures(t *testing.T) {
	sb := seedReport(t)
	h := sb.Harness(t)
	out := h.MustRun("reports", "conversations", "--since", t0.Format(time.RFC3339), "--until", t0.Add(24*time.Hour).Format(time.RFC3339), "-o", "csv")
	// Rows come in the conversation list's order (Chatwoot's: latest
	// activity first), which the report keeps; compare them as a set.
	want := []string{
		"conversation_id,created_at,status,inbox,assignee,team,labels,first_response_seconds,resolution_seconds,resolutions,replies,csat_rating,csat_comment",
		// A, created 13:00. First reply 13:10: 10 min = 600 s. Resolved
		// 14:00: 60 min = 3600 s. Two agent replies. Rated 5.
		"81,2026-11-21T13:00:00Z,resolved,API Inbox,Bob Baker,,\"billing,vip\",600,3600,1,2,5,\"Great, thanks\"",
		// B, created 14:00. First reply 14:05: 300 s. Resolved at 14:30
		// (1800 s) and, after reopening at 16:00, again at 17:00: the
		// latest resolution counts from creation, 3 h = 10800 s; two
		// resolutions; replies at 14:05 and 16:10. Rated 2.
		"82,2026-11-21T14:00:00Z,resolved,API Inbox,,sales,,300,10800,2,2,2,Took two tries",
		// C, created 15:00: only a private note, so no first response, no
		// resolution and no replies.
		"83,2026-11-21T15:00:00Z,open,API Inbox,,,,,,0,0,,",
		// D, created 16:00. The bot's 16:01 answer is not a first
		// response; the person's at 16:15 is: 15 min = 900 s. Resolved
		// 16:45: 45 min = 2700 s. One reply (the bot's is not counted).
		"84,2026-11-21T16:00:00Z,resolved,API Inbox,,,,900,2700,1,1,,",
		// E, created 17:00, resolved 17:20 unanswered: 20 min = 1200 s.
		"85,2026-11-21T17:00:00Z,resolved,API Inbox,,,,,1200,1,0,,",
	}
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(got) != len(want) || got[0] != want[0] {
		t.Fatalf("report:\n%s\nwant the header and %d rows (F, created after --until, left out)", out, len(want)-1)
	}
	rows := map[string]bool{}
	for _, l := range got[1:] {
		rows[l] = true
	}
	for _, w := range want[1:] {
		if !rows[w] {
			t.Errorf("missing row %s\nreport:\n%s", w, out)
		}
	}
}

func TestReportConversationsInboxFilterAndNDJSON(t *testing.T) {
	sb := seedReport(t)
	h := sb.Harness(t)
	out := h.MustRun("reports", "conversations", "--since", t0.Format(time.RFC3339), "--until", t0.Add(24*time.Hour).Format(time.RFC3339),
		"--inbox", "2", "-o", "ndjson")
	if out != "" {
		t.Errorf("inbox 2 has none of the seeded conversations, got:\n%s", out)
	}
	out = h.MustRun("reports", "conversations", "--since", t0.Format(time.RFC3339), "--until", t0.Add(24*time.Hour).Format(time.RFC3339),
		"-o", "ndjson")
	line := ""
	for _, l := range strings.SplitAfter(out, "\n") {
		if strings.HasPrefix(l, `{"conversation_id":83,`) {
			line = l
		}
	}
	want := `{"conversation_id":83,"created_at":"2026-11-21T15:00:00Z","status":"open","inbox_id":1,"inbox":"API Inbox","assignee":"","team":"","labels":[],"first_response_seconds":null,"resolution_seconds":null,"resolutions":0,"replies":0,"csat_rating":null,"csat_comment":""}` + "\n"
	if line != want {
		t.Errorf("ndjson row of conversation 83:\n%s\nwant\n%s\nin:\n%s", line, want, out)
	}
}

func TestReportConversationsFlags(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "empty", t0)
	h := sb.Harness(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "--since is required"},
		{[]string{"--since", "yesterday"}, `--since "yesterday": give RFC 3339`},
		{[]string{"--since", "2026-11-22", "--until", "2026-11-21"}, "is not after --since"},
	} {
		if code := h.Run(append([]string{"reports", "conversations"}, c.args...)...); code != 2 || !strings.Contains(h.ErrOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, h.ErrOut, c.want)
		}
	}
	// The generated `reports conversations get` is still there, under this command.
	if code := h.Run("reports", "conversations", "get", "--help"); code != 0 || !strings.Contains(h.Out.String(), "Count open, unattended") {
		t.Errorf("reports conversations get --help: exit %d\n%s", code, h.Out)
	}
}

func TestReportRequestsConformToTheSpec(t *testing.T) {
	sb := seedReport(t)
	sb.CheckSpec(t)
	sb.Harness(t).MustRun("reports", "conversations", "--since", t0.Format(time.RFC3339), "--until", t0.Add(24*time.Hour).Format(time.RFC3339), "-o", "csv")
	for _, op := range []string{"GET /api/v1/accounts/{account_id}/conversations", "GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/reporting_events",
		"GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages", "GET /api/v1/accounts/{account_id}/inboxes"} {
		if !strings.Contains(strings.Join(sb.Checked(), "\n"), op) {
			t.Errorf("%s was not checked against the spec: %v", op, sb.Checked())
		}
	}
}

// Rows read in parallel come out in the same order as read one by one.
func TestReportConcurrencyKeepsTheOrder(t *testing.T) {
	sb := seedReport(t)
	h := sb.Harness(t)
	args := []string{"reports", "conversations", "--since", "2026-10-01", "--until", t0.Add(24 * time.Hour).Format(time.RFC3339), "-o", "csv"}
	one := h.MustRun(append(args, "--concurrency", "1")...)
	many := h.MustRun(append(args, "--concurrency", "7")...)
	if one != many {
		t.Errorf("--concurrency 7 changed the rows:\n%s\nvs\n%s", many, one)
	}
	if n := strings.Count(one, "\n"); n < 80 {
		t.Errorf("%d lines: the window should hold the demo's conversations too", n)
	}
}
