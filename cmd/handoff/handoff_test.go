package handoff_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

func TestMain(m *testing.M) { cmdtest.Main(m) }

const (
	teams  = `[{"id":1,"name":"sales"},{"id":2,"name":"support"}]`
	agents = `[{"id":2,"name":"Bob Baker","email":"bob@acme.test"},{"id":3,"name":"Carol Chen","email":"carol@acme.test"}]`
)

// TestHandoffSendsTheStepsInOrder checks each request against Chatwoot's
// spec (the stub validates them) and their order: team, agent, priority,
// then the note.
func TestHandoffSendsTheStepsInOrder(t *testing.T) {
	h := cmdtest.NewHarness(t)
	conv := "/api/v1/accounts/1/conversations/42"
	h.Stub.On("GET", "/api/v1/accounts/1/teams", 200, teams)
	h.Stub.On("GET", "/api/v1/accounts/1/agents", 200, agents)
	h.Stub.On("POST", conv+"/assignments", 200, `{"id":2,"name":"support"}`)
	h.Stub.On("POST", conv+"/assignments", 200, `{"id":3,"name":"Carol Chen"}`)
	h.Stub.On("POST", conv+"/toggle_priority", 200, ``)
	h.Stub.On("POST", conv+"/messages", 200, `{"id":900,"content":"over to you","private":true}`)
	h.Stub.On("GET", conv, 200, cmdtest.ConversationJSON(42))
	h.MustRun("conversations", "handoff", "42", "--to-team", "Support", "--to-agent", "CAROL@acme.test", "--priority", "urgent", "--note", "over to you", "-o", "json")
	var bodies []string
	for _, r := range h.Stub.Requests() {
		if r.Method == "POST" {
			bodies = append(bodies, strings.TrimPrefix(r.Path, conv)+" "+string(r.Body))
		}
	}
	want := []string{
		`/assignments {"team_id":2}`,
		`/assignments {"assignee_id":3}`,
		`/toggle_priority {"priority":"urgent"}`,
		`/messages {"content":"over to you","message_type":"outgoing","private":true}`,
	}
	if strings.Join(bodies, "\n") != strings.Join(want, "\n") {
		t.Errorf("sent\n%s\nwant\n%s", strings.Join(bodies, "\n"), strings.Join(want, "\n"))
	}
	var printed struct{ ID int }
	if err := json.Unmarshal(h.Out.Bytes(), &printed); err != nil || printed.ID != 42 {
		t.Errorf("printed %s (%v), want the conversation", h.Out, err)
	}
	if !strings.Contains(h.ErrOut.String(), "✓ Conversation 42 handed off to team support, to carol@acme.test, priority urgent, with a private note") {
		t.Errorf("stderr %q", h.ErrOut)
	}
}

// TestHandoffChecksNamesBeforeChangingAnything: a team or agent that does
// not exist, or a bad flag, changes nothing.
func TestHandoffChecksNamesBeforeChangingAnything(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/1/teams", 200, teams).Times = 2 // the two cases that name a team and get that far
	h.Stub.On("GET", "/api/v1/accounts/1/agents", 200, agents)
	for args, want := range map[string]string{
		"42 --to-team billing":               `no team "billing" in the account`,
		"42 --to-team 2 --to-agent x@y.test": `no agent with e-mail "x@y.test"`,
		"42":                                 "say whom to hand the conversation to",
		"42 --to-team 2 --priority soon":     `--priority "soon" is not one of urgent, high, medium, low, none`,
		"abc --to-team 2":                    `CONVERSATION_ID "abc" is not a positive number`,
	} {
		code := h.Run(append([]string{"conversations", "handoff"}, strings.Fields(args)...)...)
		if code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), want) {
			t.Errorf("handoff %s: exit %d, stderr %q", args, code, h.ErrOut)
		}
	}
	for _, r := range h.Stub.Requests() {
		if r.Method != "GET" {
			t.Errorf("sent %s %s", r.Method, r.Path)
		}
	}
}

// TestHandoffOnTheSandbox: the conversation ends with the team, the agent,
// the priority and the note, and --dry-run changed nothing before it.
func TestHandoffOnTheSandbox(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": h.Env["WOOT_CONFIG_DIR"], "CHATWOOT_URL": "sandbox"}
	before := h.MustRun("conversations", "get", "1", "-o", "json")
	dry := h.MustRun("conversations", "handoff", "1", "--to-team", "sales", "--to-agent", "alice@acme.test", "--dry-run")
	if !strings.Contains(dry, `"team_id": 1`) || !strings.Contains(dry, `"assignee_id": 1`) {
		t.Errorf("dry run printed %s", dry)
	}
	if after := h.MustRun("conversations", "get", "1", "-o", "json"); after != before {
		t.Error("--dry-run changed the conversation")
	}
	h.MustRun("conversations", "handoff", "1", "--to-team", "sales", "--to-agent", "alice@acme.test", "--priority", "high", "--note", "VIP, call back today")
	got := h.MustRun("conversations", "get", "1", "-o", "json", "--jq", `[.meta.team.name, .meta.assignee.email, .priority] | join(" ")`)
	if got != "sales alice@acme.test high\n" {
		t.Errorf("after the handoff: %q", got)
	}
	note := h.MustRun("messages", "list", "1", "-o", "json", "--jq", `.[-1] | [.content, (.private|tostring)] | join(" ")`)
	if note != "VIP, call back today true\n" {
		t.Errorf("last message %q, want the private note", note)
	}
}
