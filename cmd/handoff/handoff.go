// Package handoff is `woot conversations handoff`: pass a conversation to
// a team or an agent in one step, with a private note for whoever takes
// it and a priority, as a support lead does by hand in four clicks.
package handoff

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type options struct {
	team, agent, note, priority string
	dryRun                      bool
	out                         cmdutil.OutputFlags
}

var priorities = []string{"urgent", "high", "medium", "low", "none"}

// NewCmdConversations adds `handoff` under `woot conversations`.
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("conversations", newCmdHandoff(f))
}

func newCmdHandoff(f *cmdutil.Factory) *cobra.Command {
	o := &options{}
	c := &cobra.Command{
		Use:   "handoff CONVERSATION_ID (--to-team TEAM | --to-agent EMAIL) [--note TEXT] [--priority P]",
		Short: "Hand a conversation to a team or an agent, with a note and a priority",
		Long: `Hand a conversation over in one step: assign it to a team (by name or id)
and/or an agent (by e-mail), add a private note for whoever picks it up, and
set its priority. The team is assigned before the agent, as Chatwoot clears
an assignee who is not in the new team. The conversation is printed as it is
afterwards.

Names and e-mails are looked up before anything is changed, so a typo
changes nothing. --dry-run prints the requests that would change the
conversation and sends none of them.`,
		Example: `  $ woot conversations handoff 1 --to-team support --note "Customer asks for a refund, order 1182"
  $ woot conversations handoff 1 --to-agent bob@acme.test --priority high
  $ woot conversations handoff 1 --to-team sales --to-agent alice@acme.test --dry-run`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return cmdutil.FlagErrorf("CONVERSATION_ID %q is not a positive number", args[0])
			}
			if o.team == "" && o.agent == "" {
				return cmdutil.FlagErrorf("say whom to hand the conversation to: --to-team TEAM, --to-agent EMAIL, or both")
			}
			if o.priority != "" && !slices.Contains(priorities, o.priority) {
				return cmdutil.FlagErrorf("--priority %q is not one of %s", o.priority, strings.Join(priorities, ", "))
			}
			return run(c.Context(), f, o, id)
		},
	}
	fs := c.Flags()
	fs.StringVar(&o.team, "to-team", "", "Team to assign, by name or id")
	fs.StringVar(&o.agent, "to-agent", "", "Agent to assign, by e-mail")
	fs.StringVar(&o.note, "note", "", "Private note added for whoever picks the conversation up")
	fs.StringVar(&o.priority, "priority", "", "New priority: "+strings.Join(priorities, "|"))
	fs.BoolVar(&o.dryRun, "dry-run", false, "Print the requests that would change the conversation, as JSON, and send none of them")
	cmdutil.AddOutputFlags(c, &o.out)
	_ = c.RegisterFlagCompletionFunc("priority", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return priorities, cobra.ShellCompDirectiveNoFileComp
	})
	c.ValidArgsFunction = cmdutil.CompleteArgs(f, false, cmdutil.KindConversations)
	cmdutil.CompleteFlag(c, f, "to-team", cmdutil.KindTeamNames)
	cmdutil.CompleteFlag(c, f, "to-agent", cmdutil.KindAgentEmails)
	return c
}

func run(ctx context.Context, f *cmdutil.Factory, o *options, id int64) error {
	account, err := f.AccountID()
	if err != nil {
		return err
	}
	client, err := f.APIClient()
	if err != nil {
		return err
	}
	h := &handoff{client: client, acct: fmt.Sprintf("/api/v1/accounts/%d", account), id: id}
	plan, err := h.plan(ctx, o)
	if err != nil {
		return err
	}
	if o.dryRun {
		return operation.PrintDryRun(f, plan.requests)
	}
	for _, req := range plan.requests {
		if _, err := client.Do(ctx, req); err != nil {
			return fmt.Errorf("%w (the steps before this one were done: run `woot conversations get %d` to see where it stands)", err, id)
		}
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "✓ Conversation %d handed off %s\n", id, strings.Join(plan.said, ", "))
	return h.print(ctx, f, o)
}

type handoff struct {
	client *api.Client
	acct   string
	id     int64
}

// plan is the requests of a handoff, in order, and what each does in words.
type plan struct {
	requests []*api.Request
	said     []string
}

func (p *plan) add(path string, body map[string]any, said string) {
	b, _ := json.Marshal(body)
	p.requests = append(p.requests, &api.Request{Family: api.FamilyApplication, Method: "POST", Path: path, Body: b})
	p.said = append(p.said, said)
}

func (h *handoff) plan(ctx context.Context, o *options) (*plan, error) {
	p := &plan{}
	conv := fmt.Sprintf("%s/conversations/%d", h.acct, h.id)
	if o.team != "" {
		team, err := h.team(ctx, o.team)
		if err != nil {
			return nil, err
		}
		p.add(conv+"/assignments", map[string]any{"team_id": team.ID}, "to team "+team.Name)
	}
	if o.agent != "" {
		agent, err := h.agent(ctx, o.agent)
		if err != nil {
			return nil, err
		}
		p.add(conv+"/assignments", map[string]any{"assignee_id": agent.ID}, "to "+agent.Email)
	}
	if o.priority != "" {
		p.add(conv+"/toggle_priority", map[string]any{"priority": o.priority}, "priority "+o.priority)
	}
	if o.note != "" {
		p.add(conv+"/messages", map[string]any{"content": o.note, "private": true, "message_type": "outgoing"}, "with a private note")
	}
	return p, nil
}

type named struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// team finds a team by id or, ignoring case, by name.
func (h *handoff) team(ctx context.Context, want string) (named, error) {
	teams, err := h.list(ctx, "/teams")
	if err != nil {
		return named{}, err
	}
	for _, t := range teams {
		if strconv.FormatInt(t.ID, 10) == want || strings.EqualFold(t.Name, want) {
			return t, nil
		}
	}
	return named{}, cmdutil.FlagErrorf("no team %q in the account: `woot teams list` shows the teams", want)
}

// agent finds an agent by e-mail, ignoring case.
func (h *handoff) agent(ctx context.Context, email string) (named, error) {
	agents, err := h.list(ctx, "/agents")
	if err != nil {
		return named{}, err
	}
	for _, a := range agents {
		if strings.EqualFold(a.Email, email) {
			return a, nil
		}
	}
	return named{}, cmdutil.FlagErrorf("no agent with e-mail %q in the account: `woot agents list` shows them", email)
}

// list reads an account-level list that Chatwoot answers as a bare array.
func (h *handoff) list(ctx context.Context, path string) ([]named, error) {
	resp, err := h.client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: h.acct + path})
	if err != nil {
		return nil, err
	}
	items, err := api.Items(resp.Body, "")
	if err != nil {
		return nil, err
	}
	out := make([]named, 0, len(items))
	for _, raw := range items {
		var n named
		if err := json.Unmarshal(raw, &n); err == nil {
			out = append(out, n)
		}
	}
	return out, nil
}

// print shows the conversation as `woot conversations get` does.
func (h *handoff) print(ctx context.Context, f *cmdutil.Factory, o *options) error {
	resp, err := h.client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: fmt.Sprintf("%s/conversations/%d", h.acct, h.id)})
	if err != nil {
		return err
	}
	ios, finish, err := o.out.Streams(f.IOStreams)
	if err != nil {
		return err
	}
	return finish(cmdutil.PrintObject(ios, o.out.Options(getColumns()), resp.Body))
}

// getColumns are the table columns of `woot conversations get`.
func getColumns() []string {
	for _, op := range application.OperationsOf("conversations") {
		if op.Command == "conversations get" {
			return op.Columns
		}
	}
	return nil
}
