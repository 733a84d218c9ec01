// Package triage is `woot conversations triage`: the open and pending
// conversations, most urgent and longest waiting first, with the time
// since the customer last wrote.
package triage

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type options struct {
	f     *cmdutil.Factory
	out   cmdutil.OutputFlags
	inbox int64
}

// NewCmdConversations holds `triage`, merged under "conversations".
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command {
	c := operation.GroupCmd("conversations", operation.NounShort("conversations"))
	c.GroupID = cmdutil.GroupApplication
	c.AddCommand(newCmd(f, nil))
	return c
}

var columns = []string{"id", "priority", "status", "waiting", "since_customer", "inbox", "assignee", "contact"}

func newCmd(f *cmdutil.Factory, runF func(*options) error) *cobra.Command {
	o := &options{f: f}
	c := &cobra.Command{
		Use:   "triage [--inbox ID]",
		Short: "Open and pending conversations, most urgent and longest waiting first",
		Long: `List the open and pending conversations in the order to work on them:
by priority (urgent, high, medium, low, then none), and within a priority
the longest waiting first. A conversation waits from the customer's first
message that no agent has answered yet (Chatwoot's waiting_since); those
answered last by an agent come after the waiting ones of their priority.

waiting is how long it has waited, since_customer the time since the
customer's last message (read from its messages when the last one is not
the customer's); waiting_seconds and since_customer_seconds carry them in
seconds for scripts.`,
		Example: `  $ woot conversations triage
  $ woot conversations triage --inbox 1 -o json --jq '.[0].id'`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := o.out.Options(columns).Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return run(c.Context(), o)
		},
	}
	c.Flags().Int64Var(&o.inbox, "inbox", 0, "Only this inbox id")
	cmdutil.AddOutputFlags(c, &o.out)
	return c
}

// Row is one conversation of the triage list.
type Row struct {
	ID                   int64  `json:"id"`
	Priority             string `json:"priority"`
	Status               string `json:"status"`
	Waiting              string `json:"waiting"`
	WaitingSeconds       *int64 `json:"waiting_seconds"`
	WaitingSince         string `json:"waiting_since"`
	SinceCustomer        string `json:"since_customer"`
	SinceCustomerSeconds *int64 `json:"since_customer_seconds"`
	CustomerLastAt       string `json:"customer_last_message_at"`
	Inbox                string `json:"inbox"`
	Assignee             string `json:"assignee"`
	Contact              string `json:"contact"`
}

type apiConversation struct {
	ID           int64   `json:"id"`
	InboxID      int64   `json:"inbox_id"`
	Status       string  `json:"status"`
	Priority     *string `json:"priority"`
	WaitingSince int64   `json:"waiting_since"`
	Last         *struct {
		MessageType int   `json:"message_type"`
		CreatedAt   int64 `json:"created_at"`
	} `json:"last_non_activity_message"`
	Meta struct {
		Sender *struct {
			Name string `json:"name"`
		} `json:"sender"`
		Assignee *struct {
			Name string `json:"name"`
		} `json:"assignee"`
	} `json:"meta"`
}

var priorityRank = map[string]int{"urgent": 0, "high": 1, "medium": 2, "low": 3, "": 4}

// Sort orders rows for triage: priority, then waiting (longest first),
// then not waiting, then id.
func Sort(rows []Row) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if pa, pb := priorityRank[a.Priority], priorityRank[b.Priority]; pa != pb {
			return pa < pb
		}
		switch {
		case a.WaitingSeconds != nil && b.WaitingSeconds != nil && *a.WaitingSeconds != *b.WaitingSeconds:
			return *a.WaitingSeconds > *b.WaitingSeconds
		case (a.WaitingSeconds == nil) != (b.WaitingSeconds == nil):
			return a.WaitingSeconds != nil
		}
		return a.ID < b.ID
	})
}

// Duration is a waiting time as a person reads it: 3d4h, 2h5m, 7m, 40s.
func Duration(s int64) string {
	d := time.Duration(s) * time.Second
	switch {
	case d >= 24*time.Hour:
		return fmt.Sprintf("%dd%dh", d/(24*time.Hour), (d%(24*time.Hour))/time.Hour)
	case d >= time.Hour:
		return fmt.Sprintf("%dh%dm", d/time.Hour, (d%time.Hour)/time.Minute)
	case d >= time.Minute:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return fmt.Sprintf("%ds", max(s, 0))
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
	now := time.Now()
	if o.f.Now != nil {
		now = o.f.Now()
	}
	base := fmt.Sprintf("/api/v1/accounts/%d", account)
	inboxes, err := inboxNames(ctx, client, base)
	if err != nil {
		return err
	}
	var rows []Row
	for _, status := range []string{"open", "pending"} {
		q := url.Values{"status": {status}, "assignee_type": {"all"}}
		if o.inbox != 0 {
			q.Set("inbox_id", strconv.FormatInt(o.inbox, 10))
		}
		req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: base + "/conversations", Query: q}
		err := client.Paginate(ctx, req, "data.payload", &api.List{Pager: api.PageNumber, PageSize: 25}, api.PageOptions{All: true}, func(raw json.RawMessage) error {
			var cv apiConversation
			if err := json.Unmarshal(raw, &cv); err != nil {
				return fmt.Errorf("read a conversation: %w", err)
			}
			last, err := customerLast(ctx, client, base, cv)
			if err != nil {
				return err
			}
			rows = append(rows, row(cv, last, now, inboxes))
			return nil
		})
		if err != nil {
			return fmt.Errorf("list %s conversations: %w", status, err)
		}
	}
	Sort(rows)
	ios, finish, err := o.out.Streams(o.f.IOStreams)
	if err != nil {
		return err
	}
	return finish(cmdutil.PrintRows(ios, o.out.Options(columns), rows))
}

func row(cv apiConversation, customerLast int64, now time.Time, inboxes map[int64]string) Row {
	r := Row{ID: cv.ID, Status: cv.Status, Inbox: inboxes[cv.InboxID]}
	if cv.Priority != nil {
		r.Priority = *cv.Priority
	}
	if cv.WaitingSince > 0 {
		s := now.Unix() - cv.WaitingSince
		r.WaitingSeconds, r.Waiting = &s, Duration(s)
		r.WaitingSince = time.Unix(cv.WaitingSince, 0).UTC().Format(time.RFC3339)
	}
	if customerLast > 0 {
		s := now.Unix() - customerLast
		r.SinceCustomerSeconds, r.SinceCustomer = &s, Duration(s)
		r.CustomerLastAt = time.Unix(customerLast, 0).UTC().Format(time.RFC3339)
	}
	if cv.Meta.Sender != nil {
		r.Contact = cv.Meta.Sender.Name
	}
	if cv.Meta.Assignee != nil {
		r.Assignee = cv.Meta.Assignee.Name
	}
	return r
}

// customerLast is when the customer last wrote: the conversation's last
// message when it is theirs, else found in its messages, newest first.
func customerLast(ctx context.Context, c *api.Client, base string, cv apiConversation) (int64, error) {
	if cv.Last != nil && cv.Last.MessageType == 0 {
		return cv.Last.CreatedAt, nil
	}
	var last int64
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: fmt.Sprintf("%s/conversations/%d/messages", base, cv.ID)}
	err := c.Paginate(ctx, req, "payload", &api.List{Pager: api.BeforeID, PageSize: 20}, api.PageOptions{All: true}, func(raw json.RawMessage) error {
		var m struct {
			MessageType int   `json:"message_type"`
			CreatedAt   int64 `json:"created_at"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return err
		}
		if m.MessageType == 0 && m.CreatedAt > last {
			last = m.CreatedAt
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("messages of conversation %d: %w", cv.ID, err)
	}
	return last, nil
}

func inboxNames(ctx context.Context, c *api.Client, base string) (map[int64]string, error) {
	names := map[int64]string{}
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: base + "/inboxes"}
	err := c.Paginate(ctx, req, "payload", nil, api.PageOptions{}, func(raw json.RawMessage) error {
		var in struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		}
		if err := json.Unmarshal(raw, &in); err != nil {
			return err
		}
		names[in.ID] = in.Name
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list inboxes: %w", err)
	}
	return names, nil
}
