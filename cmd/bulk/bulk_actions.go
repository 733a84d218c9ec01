package bulk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type bulkActionOptions struct {
	f         *cmdutil.Factory
	kind      string // bulk.KindConversations or bulk.KindContacts
	action    bulk.Action
	args      []string
	until     string
	yes       bool
	batchSize int
	job       jobFlags
}

// bulkActionSpec describes one bulk action command.
type bulkActionSpec struct {
	name    string
	short   string
	example string
	flags   func(c *cobra.Command, o *bulkActionOptions)
}

func newBulkCmd(f *cmdutil.Factory, kind string, runF func(*bulkActionOptions) error) *cobra.Command {
	c := operation.GroupCmd("bulk", "Apply one action to many "+kind+" (ids as arguments or on stdin), resumably")
	c.Long = `Apply one action to many ` + kind + ` through Chatwoot's bulk-actions endpoint,
100 ids per request. Ids come as arguments or, without arguments, one per line
on stdin (blank lines and # comments are skipped), e.g. piped from
` + "`woot " + kind + " list --all --jq '.[].id'`" + `.

A journal records every batch Chatwoot accepted, so running the same command
again after an interruption sends only the rest. By default it is kept in
woot's config directory under jobs/, named after the action and the ids.`
	specs := conversationBulkSpecs()
	if kind == bulk.KindContacts {
		specs = contactBulkSpecs()
	}
	for _, s := range specs {
		c.AddCommand(newBulkActionCmd(f, kind, s, runF))
	}
	c.AddCommand(newAttributeCmds(f, kind)...)
	if kind == bulk.KindConversations {
		c.AddCommand(newConversationsDeleteCmd(f, nil))
	}
	return c
}

func newBulkActionCmd(f *cmdutil.Factory, kind string, s bulkActionSpec, runF func(*bulkActionOptions) error) *cobra.Command {
	o := &bulkActionOptions{f: f, kind: kind, action: bulk.Action{Name: s.name}}
	c := &cobra.Command{
		Use:     s.name + " [ID...]",
		Short:   s.short,
		Long:    s.short + ".\n\nIds come as arguments (spaces or commas between them) or, without arguments,\none per line on stdin. Exit 0 when Chatwoot accepted every batch, 5 when it\nrefused some (their ids are in the rejects file with the reason).",
		Example: s.example,
		RunE: func(c *cobra.Command, args []string) error {
			o.args = args
			o.job.pace = jobPace(c, f)
			if err := o.prepare(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return bulkActionRun(c.Context(), o)
		},
	}
	if s.flags != nil {
		s.flags(c, o)
	}
	c.Flags().IntVar(&o.batchSize, "batch-size", bulk.DefaultBatchSize, "Ids per bulk-actions request")
	addJobFlags(c, &o.job, "in the config directory's jobs/")
	c.Flags().SortFlags = false
	completeObjects(c, f, kind, true)
	return c
}

func labelFlags(c *cobra.Command, o *bulkActionOptions) {
	cmdutil.StringListVar(c.Flags(), &o.action.Labels, "labels", "Labels (repeat or comma-separate)")
}

func conversationBulkSpecs() []bulkActionSpec {
	return []bulkActionSpec{
		{name: "resolve", short: "Resolve many conversations",
			example: "  $ woot conversations bulk resolve 101 102 103\n  $ woot conversations list --status pending --all --jq '.[].id' | woot conversations bulk resolve"},
		{name: "open", short: "Reopen many conversations",
			example: "  $ woot conversations bulk open 101,102"},
		{name: "pending", short: "Mark many conversations pending",
			example: "  $ woot conversations bulk pending < ids.txt"},
		{name: "snooze", short: "Snooze many conversations until a time or the next reply",
			example: "  $ woot conversations bulk snooze 101 102 --until 2026-01-05T09:00:00Z\n  $ woot conversations bulk snooze 101 --until 24h",
			flags: func(c *cobra.Command, o *bulkActionOptions) {
				c.Flags().StringVar(&o.until, "until", "", "Snooze until this RFC 3339 time or duration from now (24h); default: the next reply")
			}},
		{name: "assign", short: "Assign many conversations to an agent and/or a team",
			example: "  $ woot conversations bulk assign 101 102 --agent 7\n  $ woot conversations bulk assign --team 2 < ids.txt",
			flags: func(c *cobra.Command, o *bulkActionOptions) {
				c.Flags().Int64Var(&o.action.AssigneeID, "agent", 0, "Agent id to assign")
				c.Flags().Int64Var(&o.action.TeamID, "team", 0, "Team id to assign")
			}},
		{name: "unassign", short: "Remove the assigned agent (and with --team the team) from many conversations",
			example: "  $ woot conversations bulk unassign 101 102\n  $ woot conversations bulk unassign 101 --team",
			flags: func(c *cobra.Command, o *bulkActionOptions) {
				c.Flags().BoolVar(&o.action.UnassignTeam, "team", false, "Remove the team as well")
			}},
		{name: "label", short: "Add labels to many conversations", flags: labelFlags,
			example: "  $ woot conversations bulk label 101 102 --labels billing,vip"},
		{name: "unlabel", short: "Remove labels from many conversations", flags: labelFlags,
			example: "  $ woot conversations bulk unlabel 101 --labels spam"},
	}
}

func contactBulkSpecs() []bulkActionSpec {
	return []bulkActionSpec{
		{name: "label", short: "Add labels to many contacts", flags: labelFlags,
			example: "  $ woot contacts bulk label 4 5 6 --labels vip\n  $ woot contacts search --q globex.example --all --jq '.[].id' | woot contacts bulk label --labels vip"},
		{name: "unlabel", short: "Remove labels from many contacts", flags: labelFlags,
			example: "  $ woot contacts bulk unlabel 40 41 --labels churn-risk"},
		{name: "delete", short: "Delete many contacts",
			example: "  $ woot contacts bulk delete 40 41 --yes\n  $ woot contacts bulk delete --dry-run < spam-ids.txt",
			flags: func(c *cobra.Command, o *bulkActionOptions) {
				c.Flags().BoolVarP(&o.yes, "yes", "y", false, "Do not ask for confirmation")
			}},
	}
}

// prepare checks the flags that need no ids.
func (o *bulkActionOptions) prepare() error {
	if err := o.job.validate(); err != nil {
		return err
	}
	if o.batchSize < 1 {
		return cmdutil.FlagErrorf("--batch-size %d: use 1 or more", o.batchSize)
	}
	if o.until != "" {
		t, err := o.snoozeUntil()
		if err != nil {
			return err
		}
		o.action.SnoozedUntil = t
	}
	if err := o.action.Validate(o.kind); err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	return nil
}

// snoozeUntil reads --until: an RFC 3339 time, a duration from now, or
// unix seconds.
func (o *bulkActionOptions) snoozeUntil() (int64, error) {
	now := time.Now
	if o.f.Now != nil {
		now = o.f.Now
	}
	if t, err := time.Parse(time.RFC3339, o.until); err == nil {
		return t.Unix(), nil
	}
	if d, err := time.ParseDuration(o.until); err == nil && d > 0 {
		return now().Add(d).Unix(), nil
	}
	if n, err := strconv.ParseInt(o.until, 10, 64); err == nil && n > 0 {
		return n, nil
	}
	return 0, cmdutil.FlagErrorf("--until %q: give an RFC 3339 time (2026-01-05T09:00:00Z), a duration (24h) or unix seconds", o.until)
}

// ids reads the ids from the arguments or, without any, from stdin.
func (o *bulkActionOptions) ids() ([]int64, error) {
	var ids []int64
	var err error
	if len(o.args) > 0 {
		ids, err = bulk.ParseIDs(o.args)
	} else if o.f.IOStreams.IsStdinTTY() {
		return nil, cmdutil.FlagErrorf("give the ids as arguments, or pipe them one per line on stdin")
	} else {
		ids, err = bulk.ReadIDs(o.f.IOStreams.In)
	}
	if err != nil {
		return nil, &cmdutil.FlagError{Err: fmt.Errorf("ids: %w", err)}
	}
	if len(ids) == 0 {
		return nil, cmdutil.FlagErrorf("no ids given: pass them as arguments or one per line on stdin")
	}
	return ids, nil
}

func bulkActionRun(ctx context.Context, o *bulkActionOptions) error {
	ids, err := o.ids()
	if err != nil {
		return err
	}
	if o.action.Name == "delete" && !o.job.dryRun {
		if err := cmdutil.Confirm(ctx, o.f, o.yes, fmt.Sprintf("delete %d %s", len(ids), o.kind)); err != nil {
			return err
		}
	}
	j, account, client, err := newJob(o.f, &o.job, o.kind+" bulk "+o.action.Name)
	if err != nil {
		return err
	}
	journal, rejects, err := o.defaultPaths(ids)
	if err != nil {
		return err
	}
	j.setPaths(journal, rejects)
	opts := j.options(strings.ToUpper(o.action.Name[:1]) + o.action.Name[1:] + " " + o.kind)
	opts.BatchSize = o.batchSize
	sum, plan, err := bulk.BulkAction(ctx, client, account, o.kind, ids, o.action, opts)
	return j.finish(sum, plan, err)
}

// defaultPaths names the journal after the action and its ids, so that
// the same command resumes and a different one starts afresh, in the
// config directory rather than wherever the command happened to run.
func (o *bulkActionOptions) defaultPaths(ids []int64) (journal, rejects string, err error) {
	if o.job.journal != "" && o.job.rejects != "" {
		return o.job.journal, o.job.rejects, nil
	}
	dir, err := o.f.ConfigDir()
	if err != nil {
		return "", "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s %+v %d\n", o.kind, o.action, o.batchSize)
	for _, id := range ids {
		fmt.Fprintf(h, "%d\n", id)
	}
	stem := filepath.Join(dir, "jobs", fmt.Sprintf("%s-%s-%s", o.kind, o.action.Name, hex.EncodeToString(h.Sum(nil))[:12]))
	if err := os.MkdirAll(filepath.Dir(stem), 0o700); err != nil {
		return "", "", fmt.Errorf("create the jobs directory: %w (or pass --journal and --rejects)", err)
	}
	return stem + ".journal", stem + ".rejects.ndjson", nil
}
