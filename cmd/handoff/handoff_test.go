package handoff_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

var t0 = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

type conv struct {
	Priority *string `json:"priority"`
	Meta     struct {
		Assignee *struct {
			Email string `json:"email"`
		} `json:"assignee"`
		Team *struct {
			Name string `json:"name"`
		} `json:"team"`
	} `json:"meta"`
}

func TestHandoffToTeamWithNoteAndPriority(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	h := sb.Harness(t)
	h.MustRun("conversations", "handoff", "2", "--to-team", "Support", "--note", "Refund approved, please confirm", "--priority", "urgent")
	if got := h.ErrOut.String(); got != "✓ conversation 2: assigned to team support, note added, priority urgent\n" {
		t.Errorf("stderr %q", got)
	}
	var c conv
	sb.Call(t, "", "GET", "/conversations/2", nil, &c)
	if c.Meta.Team == nil || c.Meta.Team.Name != "support" || c.Priority == nil || *c.Priority != "urgent" {
		t.Errorf("conversation 2: team %+v priority %v", c.Meta.Team, c.Priority)
	}
	var msgs struct {
		Payload []struct {
			Content string `json:"content"`
			Private bool   `json:"private"`
		} `json:"payload"`
	}
	sb.Call(t, "", "GET", "/conversations/2/messages", nil, &msgs)
	found := false
	for _, m := range msgs.Payload {
		found = found || (m.Private && m.Content == "Refund approved, please confirm")
	}
	if !found {
		t.Errorf("no private note in %+v", msgs.Payload)
	}
}

func TestHandoffToAgent(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	h := sb.Harness(t)
	h.MustRun("conversations", "handoff", "2", "--to-agent", "Eve@Acme.test")
	var c conv
	sb.Call(t, "", "GET", "/conversations/2", nil, &c)
	if c.Meta.Assignee == nil || c.Meta.Assignee.Email != "eve@acme.test" {
		b, _ := json.Marshal(c)
		t.Errorf("assignee: %s", b)
	}
}

func TestHandoffErrors(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	h := sb.Harness(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"2"}, 2, "give one of --to-team"},
		{[]string{"2", "--to-team", "sales", "--to-agent", "bob@acme.test"}, 2, "give one of"},
		{[]string{"2", "--to-team", "sales", "--priority", "asap"}, 2, "use one of urgent, high"},
		{[]string{"2", "--to-team", "legal"}, 4, `no team "legal"; the teams are: sales, support`},
		{[]string{"2", "--to-agent", "zed@acme.test"}, 4, "no agent with the email"},
		{[]string{"9999", "--to-team", "sales", "--note", "x"}, 4, "conversation 9999"},
	} {
		if code := h.Run(append([]string{"conversations", "handoff"}, c.args...)...); code != c.code || !strings.Contains(h.ErrOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, h.ErrOut, c.code, c.want)
		}
	}
	var msgs struct {
		Payload []json.RawMessage `json:"payload"`
	}
	sb.Call(t, "", "GET", "/conversations/2/messages", nil, &msgs)
	for _, m := range msgs.Payload {
		if strings.Contains(string(m), `"private":true`) && strings.Contains(string(m), `"content":"x"`) {
			t.Errorf("a failed handoff left a note: %s", m)
		}
	}
}

func TestHandoffRequestsConformToTheSpec(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	sb.CheckSpec(t)
	sb.Harness(t).MustRun("conversations", "handoff", "2", "--to-agent", "bob@acme.test", "--note", "n", "--priority", "low")
	got := strings.Join(sb.Checked(), "; ")
	for _, op := range []string{"POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments", "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
		"POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority", "GET /api/v1/accounts/{account_id}/agents"} {
		if !strings.Contains(got, op) {
			t.Errorf("%s was not checked against the spec: %s", op, got)
		}
	}
}
