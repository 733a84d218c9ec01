// Package handoff is `woot conversations handoff`: pass a conversation to
// a team or an agent in one step, with a private note and a priority.
package handoff

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type options struct {
	f        *cmdutil.Factory
	id       int64
	team     string
	agent    string
	note     string
	priority string
}

var priorities = []string{"urgent", "high", "medium", "low", "none"}

// NewCmdConversations holds `handoff`, merged under "conversations".
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command {
	c := operation.GroupCmd("conversations", operation.NounShort("conversations"))
	c.GroupID = cmdutil.GroupApplication
	c.AddCommand(newCmd(f, nil))
	return c
}

func newCmd(f *cmdutil.Factory, runF func(*options) error) *cobra.Command {
	o := &options{f: f}
	c := &cobra.Command{
		Use:   "handoff ID (--to-team TEAM | --to-agent EMAIL) [--note TEXT] [--priority P]",
		Short: "Hand a conversation to a team or an agent, with a note and a priority",
		Long: `Hand a conversation over in one step: the private note first (so it is
there when the new owner opens the conversation), then the priority, then
the assignment. --to-team takes a team's id or name, --to-agent an agent's
email. Each step is a separate request; when one fails, the message says
which steps were already done.`,
		Example: `  $ woot conversations handoff 1 --to-team sales --note "Wants a quote for 40 seats" --priority high
  $ woot conversations handoff 1 --to-agent bob@acme.test`,
		Args: operation.ExactArgs([]string{"ID"}),
		RunE: func(c *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return cmdutil.FlagErrorf("%q is not a conversation id", args[0])
			}
			o.id = id
			if (o.team == "") == (o.agent == "") {
				return cmdutil.FlagErrorf("give one of --to-team TEAM or --to-agent EMAIL")
			}
			if o.priority != "" && !contains(priorities, o.priority) {
				return cmdutil.FlagErrorf("--priority %q: use one of %s", o.priority, strings.Join(priorities, ", "))
			}
			if runF != nil {
				return runF(o)
			}
			return run(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.team, "to-team", "", "Team id or name to hand the conversation to")
	c.Flags().StringVar(&o.agent, "to-agent", "", "Email of the agent to hand the conversation to")
	c.Flags().StringVar(&o.note, "note", "", "Private note for the new owner")
	c.Flags().StringVar(&o.priority, "priority", "", "Set the priority: "+strings.Join(priorities, ", "))
	return c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

type runner struct {
	c    *api.Client
	base string
}

func (r runner) send(ctx context.Context, method, path string, body any) ([]byte, error) {
	var b []byte
	if body != nil {
		b, _ = json.Marshal(body)
	}
	resp, err := r.c.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: method, Path: r.base + path, Body: b})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func run(ctx context.Context, o *options) error {
	account, err := o.f.AccountID()
	if err != nil {
		return err
	}
	client, err := o.f.APIClient()
	if err != nil {
		return err
	}
	r := runner{c: client, base: fmt.Sprintf("/api/v1/accounts/%d", account)}
	assign, to, err := r.target(ctx, o)
	if err != nil {
		return err
	}
	conv := fmt.Sprintf("/conversations/%d", o.id)
	if _, err := r.send(ctx, "GET", conv, nil); err != nil {
		return fmt.Errorf("conversation %d: %w", o.id, err)
	}
	var done []string
	fail := func(step string, err error) error {
		if len(done) > 0 {
			return fmt.Errorf("hand off conversation %d: %s: %w (already done: %s)", o.id, step, err, strings.Join(done, ", "))
		}
		return fmt.Errorf("hand off conversation %d: %s: %w", o.id, step, err)
	}
	if o.note != "" {
		if _, err := r.send(ctx, "POST", conv+"/messages", map[string]any{"content": o.note, "private": true}); err != nil {
			return fail("add the note", err)
		}
		done = append(done, "note added")
	}
	if o.priority != "" {
		if _, err := r.send(ctx, "POST", conv+"/toggle_priority", map[string]any{"priority": o.priority}); err != nil {
			return fail("set the priority", err)
		}
		done = append(done, "priority "+o.priority)
	}
	if _, err := r.send(ctx, "POST", conv+"/assignments", assign); err != nil {
		return fail("assign it to "+to, err)
	}
	done = append([]string{"assigned to " + to}, done...)
	ios := o.f.IOStreams
	fmt.Fprintf(ios.ErrOut, "%s conversation %d: %s\n", ios.Green("✓"), o.id, strings.Join(done, ", "))
	return nil
}

// target resolves --to-team or --to-agent into the assignment's body.
func (r runner) target(ctx context.Context, o *options) (map[string]any, string, error) {
	if o.team != "" {
		body, err := r.send(ctx, "GET", "/teams", nil)
		if err != nil {
			return nil, "", fmt.Errorf("list teams: %w", err)
		}
		var teams []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		}
		if err := json.Unmarshal(body, &teams); err != nil {
			return nil, "", &api.ShapeError{What: "teams are not a list"}
		}
		var names []string
		for _, t := range teams {
			if strconv.FormatInt(t.ID, 10) == o.team || strings.EqualFold(t.Name, o.team) {
				return map[string]any{"team_id": t.ID}, "team " + t.Name, nil
			}
			names = append(names, t.Name)
		}
		return nil, "", &cmdutil.ExitError{Code: cmdutil.ExitNotFound, Err: fmt.Errorf("no team %q; the teams are: %s", o.team, strings.Join(names, ", "))}
	}
	body, err := r.send(ctx, "GET", "/agents", nil)
	if err != nil {
		return nil, "", fmt.Errorf("list agents: %w", err)
	}
	var agents []struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Email string `json:"email"`
	}
	if err := json.Unmarshal(body, &agents); err != nil {
		return nil, "", &api.ShapeError{What: "agents are not a list"}
	}
	for _, a := range agents {
		if strings.EqualFold(a.Email, strings.TrimSpace(o.agent)) {
			return map[string]any{"assignee_id": a.ID}, a.Name + " <" + a.Email + ">", nil
		}
	}
	return nil, "", &cmdutil.ExitError{Code: cmdutil.ExitNotFound, Err: fmt.Errorf("no agent with the email %q in this account; see `woot agents list`", o.agent)}
}
