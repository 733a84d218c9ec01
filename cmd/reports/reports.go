// Package reports is `woot reports conversations`: the per-conversation
// report (the join is pkg/convreport).
package reports

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/convreport"
	"github.com/wootcli/woot/pkg/output"
)

type options struct {
	f             *cmdutil.Factory
	out           cmdutil.OutputFlags
	since, until  string
	inbox         int64
	businessHours bool
	concurrency   int

	from, to time.Time // the window, from the flags
}

// NewCmd is the "reports" noun holding `conversations`. It is listed
// before the generated reports noun, so the generated `reports
// conversations get` is merged under this command rather than beside it.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("reports", newConversationsCmd(f, nil))
}

func newConversationsCmd(f *cmdutil.Factory, runF func(*options) error) *cobra.Command {
	o := &options{f: f}
	c := &cobra.Command{
		Use:   "conversations --since TIME [--until TIME]",
		Short: "One row per conversation: first response, resolution, replies, assignee, CSAT",
		Long: `Stream one row per conversation created in [--since, --until), joining
what Chatwoot's reports spread over several screens:

  first_response_seconds  the value of the conversation's first_response
                          reporting event: seconds from its start (or from a
                          bot's hand-off) to the first reply by a person; empty
                          when no person has answered
  resolution_seconds      the value of its latest conversation_resolved event:
                          seconds from creation to the last resolution; empty
                          unless the conversation is resolved now
  resolutions             how many conversation_resolved events it has (more
                          than 1: it was reopened and resolved again)
  replies                 public outgoing messages written by agents (bots'
                          messages, private notes and activity lines excluded)
  assignee, team, inbox, labels, status
                          as the conversation is now
  csat_rating, csat_comment
                          the conversation's latest CSAT survey answer

These are Chatwoot's own definitions (app/listeners/reporting_event_listener.rb):
the dashboard's averages are the averages of these events. --business-hours
uses each event's value_in_business_hours (the inbox's working hours) instead
of calendar seconds.

Times take RFC 3339, a date (2026-01-31, midnight UTC) or unix seconds;
--until defaults to now. It reads every conversation (status all), then one
reporting-events and one messages walk per conversation in the window, so
large windows take a while; rows print as they are ready.`,
		Example: `  $ woot reports conversations --since 2026-01-01 --until 2026-02-01 -o csv > january.csv
  $ woot reports conversations --since 30d -o ndjson --jq 'select(.first_response_seconds > 3600) | .conversation_id'
  $ woot reports conversations --since 2026-01-01 --inbox 1 --business-hours`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := o.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return run(c.Context(), o)
		},
	}
	fs := c.Flags()
	fs.StringVar(&o.since, "since", "", "Conversations created at or after this time (RFC 3339, 2026-01-31, unix seconds, or a duration back from now: 30d, 12h)")
	fs.StringVar(&o.until, "until", "", "Conversations created before this time (default: now)")
	fs.Int64Var(&o.inbox, "inbox", 0, "Only this inbox id")
	fs.IntVar(&o.concurrency, "concurrency", 4, "Conversations read at once (requests keep to the server's rate limit; --rate caps them)")
	fs.BoolVar(&o.businessHours, "business-hours", false, "Times in business hours (value_in_business_hours) instead of calendar seconds")
	cmdutil.AddOutputFlags(c, &o.out)
	cmdutil.CompleteFlag(c, f, "inbox", cmdutil.KindInboxes)
	return c
}

func (o *options) now() time.Time {
	if o.f.Now != nil {
		return o.f.Now()
	}
	return time.Now()
}

func (o *options) validate() error {
	if o.since == "" {
		return cmdutil.FlagErrorf("--since is required: the report covers conversations created from then (e.g. --since 2026-01-01)")
	}
	var err error
	if o.from, err = parseTime("--since", o.since, o.now()); err != nil {
		return err
	}
	o.to = o.now()
	if o.until != "" {
		if o.to, err = parseTime("--until", o.until, o.now()); err != nil {
			return err
		}
	}
	if o.concurrency < 1 {
		return cmdutil.FlagErrorf("--concurrency %d: use 1 or more", o.concurrency)
	}
	if !o.to.After(o.from) {
		return cmdutil.FlagErrorf("--until %s is not after --since %s", o.to.UTC().Format(time.RFC3339), o.from.UTC().Format(time.RFC3339))
	}
	return o.out.Options(convreport.Columns).Validate()
}

// parseTime reads an RFC 3339 time, a date, unix seconds or a duration
// back from now (30d, 12h).
func parseTime(flag, s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
		return time.Unix(n, 0), nil
	}
	if n := len(s); n > 1 && s[n-1] == 'd' {
		if days, err := strconv.Atoi(s[:n-1]); err == nil && days > 0 {
			return now.AddDate(0, 0, -days), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, cmdutil.FlagErrorf("%s %q: give RFC 3339 (2026-01-31T09:00:00Z), a date (2026-01-31), unix seconds or a duration back from now (30d, 12h)", flag, s)
}

type runner struct {
	client  *api.Client
	account int64
	opts    *options
}

func (r runner) path(format string, args ...any) string {
	return fmt.Sprintf("/api/v1/accounts/%d", r.account) + fmt.Sprintf(format, args...)
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
	r := runner{client: client, account: account, opts: o}
	inboxes, err := r.inboxNames(ctx)
	if err != nil {
		return err
	}
	csat, err := r.csatAnswers(ctx)
	if err != nil {
		return err
	}
	ios, finish, err := o.out.Streams(o.f.IOStreams)
	if err != nil {
		return err
	}
	return finish(r.rows(ctx, ios, inboxes, csat))
}

// rows walks every conversation and prints the ones created in the
// window as their rows are ready: up to --concurrency conversations are
// read at once, and rows keep the list's order.
func (r runner) rows(ctx context.Context, ios *output.IOStreams, inboxes map[int64]string, csat convreport.CSATIndex) error {
	printer, err := output.New(ios, r.opts.out.Options(convreport.Columns))
	if err != nil {
		return err
	}
	query := url.Values{"status": {"all"}}
	if r.opts.inbox != 0 {
		query.Set("inbox_id", strconv.FormatInt(r.opts.inbox, 10))
	}
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: r.path("/conversations"), Query: query}
	from, to := r.opts.from.Unix(), r.opts.to.Unix()
	var batch []convreport.Conversation
	flush := func() error {
		rows, err := r.batchRows(ctx, batch, inboxes, csat)
		batch = batch[:0]
		if err != nil {
			return err
		}
		for _, row := range rows {
			b, err := json.Marshal(row)
			if err != nil {
				return err
			}
			if err := printer.Item(b); err != nil {
				return err
			}
		}
		return nil
	}
	err = r.client.Paginate(ctx, req, "data.payload", &api.List{Pager: api.PageNumber, PageSize: 25}, api.PageOptions{All: true},
		func(raw json.RawMessage) error {
			var cv convreport.Conversation
			if err := json.Unmarshal(raw, &cv); err != nil {
				return fmt.Errorf("read a conversation: %w", err)
			}
			if cv.CreatedAt < from || cv.CreatedAt >= to || (r.opts.inbox != 0 && cv.InboxID != r.opts.inbox) {
				return nil
			}
			if batch = append(batch, cv); len(batch) >= r.opts.concurrency {
				return flush()
			}
			return nil
		})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("conversation report: %w", err)
	}
	return printer.Close()
}

// batchRows reads the conversations of a batch at once, each on its own
// goroutine, and returns their rows in the batch's order.
func (r runner) batchRows(ctx context.Context, batch []convreport.Conversation, inboxes map[int64]string, csat convreport.CSATIndex) ([]convreport.Row, error) {
	rows := make([]convreport.Row, len(batch))
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, cv := range batch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows[i], errs[i] = r.row(ctx, cv, inboxes, csat)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}

func (r runner) row(ctx context.Context, cv convreport.Conversation, inboxes map[int64]string, csat convreport.CSATIndex) (convreport.Row, error) {
	resp, err := r.client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: r.path("/conversations/%d/reporting_events", cv.ID)})
	if err != nil {
		return convreport.Row{}, fmt.Errorf("reporting events of conversation %d: %w", cv.ID, err)
	}
	events, err := convreport.DecodeEvents(resp.Body)
	if err != nil {
		return convreport.Row{}, fmt.Errorf("conversation %d: %w", cv.ID, err)
	}
	var messages []convreport.Message
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: r.path("/conversations/%d/messages", cv.ID)}
	err = r.client.Paginate(ctx, req, "payload", &api.List{Pager: api.BeforeID, PageSize: 20}, api.PageOptions{All: true},
		func(raw json.RawMessage) error {
			var m convreport.Message
			if err := json.Unmarshal(raw, &m); err != nil {
				return err
			}
			messages = append(messages, m)
			return nil
		})
	if err != nil {
		return convreport.Row{}, fmt.Errorf("messages of conversation %d: %w", cv.ID, err)
	}
	in := convreport.Input{Conversation: cv, InboxName: inboxes[cv.InboxID], Events: events, Messages: messages, CSAT: csat[cv.ID]}
	return convreport.Compute(in, convreport.Options{BusinessHours: r.opts.businessHours}), nil
}

func (r runner) inboxNames(ctx context.Context) (map[int64]string, error) {
	names := map[int64]string{}
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: r.path("/inboxes")}
	err := r.client.Paginate(ctx, req, "payload", nil, api.PageOptions{}, func(raw json.RawMessage) error {
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

// csatAnswers reads the survey answers given since the window opened (an
// answer cannot precede its conversation), by conversation.
func (r runner) csatAnswers(ctx context.Context) (convreport.CSATIndex, error) {
	index := convreport.CSATIndex{}
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: r.path("/csat_survey_responses"),
		Query: url.Values{"since": {strconv.FormatInt(r.opts.from.Unix(), 10)}}}
	err := r.client.Paginate(ctx, req, "", &api.List{Pager: api.PageNumber, PageSize: 25}, api.PageOptions{All: true},
		func(raw json.RawMessage) error {
			var c convreport.CSAT
			if err := json.Unmarshal(raw, &c); err != nil {
				return err
			}
			index.Add(c)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("list CSAT responses: %w", err)
	}
	return index, nil
}
