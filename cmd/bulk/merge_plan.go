package bulk

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/dedupe"
)

type mergePlanOptions struct {
	f    *cmdutil.Factory
	file string
	yes  bool
	job  jobFlags
}

func newMergePlanCmd(f *cmdutil.Factory, runF func(*mergePlanOptions) error) *cobra.Command {
	c := operation.GroupCmd("merge-plan", "Carry out a merge plan written by `woot contacts duplicates --plan`")
	c.AddCommand(newMergePlanApplyCmd(f, runF))
	return c
}

func newMergePlanApplyCmd(f *cmdutil.Factory, runF func(*mergePlanOptions) error) *cobra.Command {
	o := &mergePlanOptions{f: f}
	c := &cobra.Command{
		Use:   "apply FILE",
		Short: "Merge the contacts of a merge plan, resumably",
		Long: `Merge every contact in each group's "merge" list into the group's
"survivor" through Chatwoot's contact merge (POST actions/contact_merge):
the survivor takes over the other contact's conversations, notes and
inboxes, keeps its own values where both have one, and the other contact is
deleted. Merging cannot be undone: run with --dry-run first. On a terminal
it asks before merging; elsewhere it needs --yes.

Each merge is one journal entry: an interrupted run resumes at the first
merge not yet done, and a merge whose answer was lost is not sent again
once the merged contact is gone. Exit 5 when Chatwoot refused some merges
(they are in the rejects file with the reason).`,
		Example: `  $ woot contacts duplicates --plan merges.json && woot contacts merge-plan apply merges.json --dry-run
  $ woot contacts duplicates --plan merges.json && woot contacts merge-plan apply merges.json --yes`,
		Args: operation.ExactArgs([]string{"FILE"}),
		RunE: func(c *cobra.Command, args []string) error {
			o.file = args[0]
			o.job.pace = jobPace(c, f)
			if err := o.job.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return mergePlanRun(c.Context(), o)
		},
	}
	c.Flags().BoolVarP(&o.yes, "yes", "y", false, "Do not ask for confirmation")
	addJobFlags(c, &o.job, "in the config directory's jobs/")
	c.Flags().SortFlags = false
	return c
}

// mergeSteps turns a plan into one step per contact merged away.
func mergeSteps(p dedupe.Plan) []bulk.Step {
	var steps []bulk.Step
	for _, g := range p.Groups {
		for _, id := range g.Merge {
			steps = append(steps, bulk.Step{
				Label: fmt.Sprintf("merge contact %d into %d", id, g.Survivor),
				Requests: []bulk.StepRequest{{Method: http.MethodPost, Path: "/actions/contact_merge",
					Body: map[string]int64{"base_contact_id": g.Survivor, "mergee_contact_id": id}}},
				Gone: fmt.Sprintf("/contacts/%d", id),
			})
		}
	}
	return steps
}

func mergePlanRun(ctx context.Context, o *mergePlanOptions) error {
	in, err := os.Open(o.file)
	if err != nil {
		return cmdutil.FlagErrorf("merge plan: %v", err)
	}
	plan, err := dedupe.ReadPlan(in)
	in.Close()
	if err != nil {
		return cmdutil.FlagErrorf("%s: %v", o.file, err)
	}
	steps := mergeSteps(plan)
	if !o.job.dryRun && len(steps) > 0 {
		what := fmt.Sprintf("merge %d contacts into %d others (the merged contacts are deleted)", len(steps), len(plan.Groups))
		if err := cmdutil.Confirm(ctx, o.f, o.yes, what); err != nil {
			return err
		}
	}
	j, account, client, err := newJob(o.f, &o.job, "contacts merge-plan apply")
	if err != nil {
		return err
	}
	journal, rejects, err := stepJobPaths(o.f, &o.job, "merge-plan", steps)
	if err != nil {
		return err
	}
	j.setPaths(journal, rejects)
	opts := j.options("Merge contacts")
	sum, p, err := bulk.RunSteps(ctx, client, account, "contacts merge-plan apply", steps, opts)
	return j.finish(sum, p, err)
}
