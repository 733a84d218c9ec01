// Package triage is `woot conversations triage`: the open and pending
// conversations of an account as a work queue, most urgent first, with how
// long each customer has been waiting for an answer.
package triage

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type options struct {
	inbox, team  int64
	assigneeType string
	sortBy       string
	limit        int
	out          cmdutil.OutputFlags
}

// NewCmdConversations adds `triage` under `woot conversations`.
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("conversations", newCmdTriage(f))
}

var columns = []string{"id", "priority", "status", "waiting", "contact", "assignee", "team", "inbox_id", "last_message"}

func newCmdTriage(f *cmdutil.Factory) *cobra.Command {
	o := &options{}
	c := &cobra.Command{
		Use:   "triage",
		Short: "List open and pending conversations as a work queue: most urgent, longest waiting first",
		Long: `List every open and pending conversation, sorted by priority (urgent, high,
medium, low, none) and then by how long the customer has waited, longest
first; --sort waiting puts waiting time first.

"waiting" is the time since the customer's last message that no agent has
answered yet: from Chatwoot's waiting_since when it is set (a bot's reply
does not clear it), else from the conversation's last message when the
customer sent it. A conversation an agent answered last shows no waiting time.
-o json adds waiting_seconds, customer_waiting_since (RFC 3339) and
last_message_by (contact or agent) to each row.`,
		Example: `  $ woot conversations triage
  $ woot conversations triage --inbox 1 --assignee-type unassigned --limit 10
  $ woot conversations triage --sort waiting -o json --jq '.[0].id'`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if o.sortBy != "priority" && o.sortBy != "waiting" {
				return cmdutil.FlagErrorf("--sort %q: use priority or waiting", o.sortBy)
			}
			if o.limit < 0 {
				return cmdutil.FlagErrorf("--limit %d: use 0 (every conversation) or more", o.limit)
			}
			return run(c.Context(), f, o)
		},
	}
	fs := c.Flags()
	fs.Int64Var(&o.inbox, "inbox", 0, "Only this inbox (id)")
	fs.Int64Var(&o.team, "team", 0, "Only this team (id)")
	fs.StringVar(&o.assigneeType, "assignee-type", "all", "Whose conversations: me, unassigned, assigned or all")
	fs.StringVar(&o.sortBy, "sort", "priority", "Order: priority (then waiting) or waiting (then priority)")
	fs.IntVar(&o.limit, "limit", 0, "Print at most this many (0: all)")
	cmdutil.AddOutputFlags(c, &o.out)
	_ = c.RegisterFlagCompletionFunc("sort", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"priority", "waiting"}, cobra.ShellCompDirectiveNoFileComp
	})
	_ = c.RegisterFlagCompletionFunc("assignee-type", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"me", "unassigned", "assigned", "all"}, cobra.ShellCompDirectiveNoFileComp
	})
	cmdutil.CompleteFlag(c, f, "inbox", cmdutil.KindInboxes)
	cmdutil.CompleteFlag(c, f, "team", cmdutil.KindTeams)
	return c
}

func run(ctx context.Context, f *cmdutil.Factory, o *options) error {
	account, err := f.AccountID()
	if err != nil {
		return err
	}
	client, err := f.APIClient()
	if err != nil {
		return err
	}
	now := f.Now()
	var rows []row
	for _, status := range []string{"open", "pending"} {
		err := client.Paginate(ctx, listRequest(account, status, o), "data.payload", &api.List{Pager: api.PageNumber, PageSize: 25},
			api.PageOptions{All: true}, func(raw json.RawMessage) error {
				r, err := rowOf(raw, now)
				if err == nil {
					rows = append(rows, r)
				}
				return err
			})
		if err != nil {
			return err
		}
	}
	sortQueue(rows, o.sortBy)
	if o.limit > 0 && len(rows) > o.limit {
		rows = rows[:o.limit]
	}
	ios, finish, err := o.out.Streams(f.IOStreams)
	if err != nil {
		return err
	}
	return finish(cmdutil.PrintRows(ios, o.out.Options(columns), rows))
}

func listRequest(account int64, status string, o *options) *api.Request {
	q := map[string][]string{"status": {status}, "assignee_type": {o.assigneeType}}
	if o.inbox > 0 {
		q["inbox_id"] = []string{strconv.FormatInt(o.inbox, 10)}
	}
	if o.team > 0 {
		q["team_id"] = []string{strconv.FormatInt(o.team, 10)}
	}
	return &api.Request{Family: api.FamilyApplication, Method: "GET", Path: fmt.Sprintf("/api/v1/accounts/%d/conversations", account), Query: q}
}

// row is one conversation of the queue.
type row struct {
	ID             int64   `json:"id"`
	Priority       *string `json:"priority"`
	Status         string  `json:"status"`
	Waiting        string  `json:"waiting"`
	WaitingSeconds *int64  `json:"waiting_seconds"`
	WaitingSince   *string `json:"customer_waiting_since"`
	LastMessageBy  string  `json:"last_message_by"`
	Contact        string  `json:"contact"`
	Assignee       string  `json:"assignee"`
	Team           string  `json:"team"`
	InboxID        int64   `json:"inbox_id"`
	LastMessage    string  `json:"last_message"`
	rank           int
}

// conversation is the part of Chatwoot's conversation view triage reads.
type conversation struct {
	ID           int64   `json:"id"`
	Status       string  `json:"status"`
	Priority     *string `json:"priority"`
	InboxID      int64   `json:"inbox_id"`
	WaitingSince int64   `json:"waiting_since"`
	Meta         struct {
		Sender   *struct{ Name string } `json:"sender"`
		Assignee *struct{ Name string } `json:"assignee"`
		Team     *struct{ Name string } `json:"team"`
	} `json:"meta"`
	Last *struct {
		Content     string `json:"content"`
		MessageType int    `json:"message_type"`
		CreatedAt   int64  `json:"created_at"`
	} `json:"last_non_activity_message"`
}

// Chatwoot's message types: 0 incoming (the contact), 1 outgoing (an
// agent or bot), 2 activity, 3 template.
const incoming = 0

func priorityRank() map[string]int {
	return map[string]int{"urgent": 0, "high": 1, "medium": 2, "low": 3}
}

func rowOf(raw json.RawMessage, now time.Time) (row, error) {
	var c conversation
	if err := json.Unmarshal(raw, &c); err != nil {
		return row{}, &api.ShapeError{What: "a conversation is not an object: " + err.Error()}
	}
	r := row{ID: c.ID, Status: c.Status, InboxID: c.InboxID, rank: len(priorityRank())}
	if c.Priority != nil {
		r.Priority = c.Priority
		if n, ok := priorityRank()[*c.Priority]; ok {
			r.rank = n
		}
	}
	if s := c.Meta.Sender; s != nil {
		r.Contact = s.Name
	}
	if a := c.Meta.Assignee; a != nil {
		r.Assignee = a.Name
	}
	if t := c.Meta.Team; t != nil {
		r.Team = t.Name
	}
	since := c.WaitingSince
	if c.Last != nil {
		r.LastMessage = c.Last.Content
		r.LastMessageBy = "agent"
		if c.Last.MessageType == incoming {
			r.LastMessageBy = "contact"
			if since == 0 {
				since = c.Last.CreatedAt
			}
		}
	}
	if since > 0 {
		at := time.Unix(since, 0).UTC()
		secs := int64(now.Sub(at).Seconds())
		stamp := at.Format(time.RFC3339)
		r.WaitingSeconds, r.WaitingSince, r.Waiting = &secs, &stamp, human(now.Sub(at))
	}
	return r, nil
}

// sortQueue orders the queue; ties keep the oldest conversation first.
func sortQueue(rows []row, by string) {
	waited := func(r row) int64 {
		if r.WaitingSeconds == nil {
			return -1
		}
		return *r.WaitingSeconds
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		byPriority := a.rank - b.rank
		byWaiting := int(max(-1, min(1, waited(b)-waited(a))))
		first, second := byPriority, byWaiting
		if by == "waiting" {
			first, second = byWaiting, byPriority
		}
		switch {
		case first != 0:
			return first
		case second != 0:
			return second
		}
		return int(a.ID - b.ID)
	})
}

// human writes a waiting time the way a support lead reads it: 3d4h, 5h12m, 7m.
func human(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	days, hours, mins := int(d.Hours())/24, int(d.Hours())%24, int(d.Minutes())%60
	switch {
	case days > 0:
		return fmt.Sprintf("%dd%dh", days, hours)
	case hours > 0:
		return fmt.Sprintf("%dh%02dm", hours, mins)
	}
	return fmt.Sprintf("%dm", mins)
}
