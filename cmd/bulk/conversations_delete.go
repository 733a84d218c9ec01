package bulk

import (
	"context"
	"fmt"
	"net/http"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// Chatwoot's bulk_actions route cannot delete conversations, so this job
// deletes them one by one (DELETE conversations/{id}), one journaled step
// each.

type conversationsDeleteOptions struct {
	f    *cmdutil.Factory
	args []string
	yes  bool
	job  jobFlags
}

func newConversationsDeleteCmd(f *cmdutil.Factory, runF func(*conversationsDeleteOptions) error) *cobra.Command {
	o := &conversationsDeleteOptions{f: f}
	c := &cobra.Command{
		Use:   "delete [ID...]",
		Short: "Delete many conversations and their messages, resumably",
		Long: `Delete many conversations with their messages and attachments (an
administrator's token is needed). Chatwoot's bulk-actions route cannot
delete conversations, so each is deleted with its own request.

Ids come as arguments (spaces or commas between them) or, without
arguments, one per line on stdin. On a terminal it asks first; elsewhere it
needs --yes. A journal records each deletion: running the same command
again after an interruption deletes only the rest, and a conversation whose
deletion was sent but not answered is looked up rather than deleted again.
Exit 5 when Chatwoot refused some (see the rejects file).`,
		Example: `  $ woot conversations bulk delete 101 102 --dry-run
  $ woot conversations list --status resolved --all --jq '.[].id' | woot conversations bulk delete --yes`,
		RunE: func(c *cobra.Command, args []string) error {
			o.args = args
			o.job.pace = jobPace(c, f)
			if err := o.job.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return conversationsDeleteRun(c.Context(), o)
		},
	}
	c.Flags().BoolVarP(&o.yes, "yes", "y", false, "Do not ask for confirmation")
	addJobFlags(c, &o.job, "in the config directory's jobs/")
	c.Flags().SortFlags = false
	completeObjects(c, f, bulk.KindConversations, true)
	return c
}

func deleteSteps(ids []int64) []bulk.Step {
	seen := map[int64]bool{}
	var steps []bulk.Step
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		path := fmt.Sprintf("/conversations/%d", id)
		steps = append(steps, bulk.Step{Label: fmt.Sprintf("delete conversation %d", id),
			Requests: []bulk.StepRequest{{Method: http.MethodDelete, Path: path}}, Gone: path})
	}
	return steps
}

func conversationsDeleteRun(ctx context.Context, o *conversationsDeleteOptions) error {
	ids, err := (&bulkActionOptions{f: o.f, args: o.args}).ids()
	if err != nil {
		return err
	}
	steps := deleteSteps(ids)
	if !o.job.dryRun {
		if err := cmdutil.Confirm(ctx, o.f, o.yes, fmt.Sprintf("delete %d conversations and their messages", len(steps))); err != nil {
			return err
		}
	}
	j, account, client, err := newJob(o.f, &o.job, "conversations bulk delete")
	if err != nil {
		return err
	}
	journal, rejects, err := stepJobPaths(o.f, &o.job, "conversations-delete", steps)
	if err != nil {
		return err
	}
	j.setPaths(journal, rejects)
	opts := j.options("Delete conversations")
	sum, plan, err := bulk.RunSteps(ctx, client, account, "conversations bulk delete", steps, opts)
	return j.finish(sum, plan, err)
}
