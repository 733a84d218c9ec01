package accountconf

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/accountconf"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type applyOptions struct {
	f        *cmdutil.Factory
	file     string
	only     []string
	prune    bool
	dryRun   bool
	yes      bool
	failFast bool
	journal  string
}

func newApplyCmd(f *cmdutil.Factory, runF func(*applyOptions) error) *cobra.Command {
	o := &applyOptions{f: f}
	c := &cobra.Command{
		Use:   "apply [-f DIR]",
		Short: "Make the account match the files",
		Long: `Make the account match the files: create what is missing in dependency
order (agents, labels, teams and inboxes before the rules and macros that
refer to them), update only the fields that differ, and delete what the files
do not have only with --prune (asking on a terminal; --yes otherwise).
Applying the same files twice sends no change the second time. Without -f
the files are those of the current directory.

Before any request the files are checked: YAML syntax, kinds, fields,
natural keys, references and ${ENV_VAR}s; a problem exits 2 naming the file,
the line and the fix. A change the server rejects (422) is reported with the
object and the field, and the rest continues unless --fail-fast.

A journal (DIR.journal next to the folder, or --journal) records each change before it is sent;
an apply that was killed is simply run again: the plan is recomputed from the
account by natural key, so nothing is created twice.`,
		Example: `  $ woot config apply --dry-run
  $ woot config export --dir acme
  $ woot config apply -f acme --dry-run
  $ woot config apply -f acme --only labels,teams
  $ woot config apply -f acme --prune --yes`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			load := func() (*accountconf.Desired, error) { return accountconf.Load(o.file, o.f.Getenv) }
			return applyRun(c.Context(), o, load)
		},
	}
	c.Flags().StringVarP(&o.file, "file", "f", ".", "The configuration `DIR` (or one YAML file)")
	addApplyFlags(c, o)
	cmdutil.StringListVar(c.Flags(), &o.only, "only", "Only these kinds (comma-separated)")
	return c
}

func addApplyFlags(c *cobra.Command, o *applyOptions) {
	c.Flags().BoolVar(&o.prune, "prune", false, "Delete objects the files do not have")
	c.Flags().BoolVar(&o.dryRun, "dry-run", false, "Print the requests as JSON and send nothing")
	c.Flags().BoolVar(&o.yes, "yes", false, "Do not ask before deleting (--prune)")
	c.Flags().BoolVar(&o.failFast, "fail-fast", false, "Stop at the first change the server rejects")
	c.Flags().StringVar(&o.journal, "journal", "", "Journal `FILE` (default: DIR.journal next to the files)")
}

func applyRun(ctx context.Context, o *applyOptions, load func() (*accountconf.Desired, error)) error {
	errOut := o.f.IOStreams.ErrOut
	r, d, live, p, err := planFor(ctx, o.f, load, o.only, o.prune)
	if err != nil {
		return err
	}
	if o.dryRun {
		reqs, err := p.DryRun(live, r.Account)
		if err != nil {
			return usageError(err)
		}
		shown := make([]*api.Request, 0, len(reqs))
		for _, req := range reqs {
			r := &api.Request{Family: api.FamilyApplication, Method: req.Method, Path: req.Path}
			if req.Body != nil {
				r.Body, _ = json.Marshal(req.Body)
			}
			shown = append(shown, r)
		}
		if err := operation.PrintDryRun(o.f, shown); err != nil {
			return err
		}
		fmt.Fprintf(errOut, "Dry run: %s; nothing was sent.\n", p.Summary())
		return nil
	}
	if p.Empty() {
		fmt.Fprintln(errOut, "No changes: the account matches the files.")
		// A journal left by a run killed after its last change reached the
		// server has nothing more to tell.
		if err := os.Remove(o.journalPath()); err == nil {
			fmt.Fprintln(errOut, "The journal of an earlier, interrupted apply is removed: everything it started is done.")
		}
		return nil
	}
	if n := countOp(p, accountconf.OpDelete); n > 0 {
		if err := cmdutil.Confirm(ctx, o.f, o.yes, fmt.Sprintf("delete %d object(s) the files do not have (--prune)", n)); err != nil {
			return err
		}
	}
	j, err := accountconf.OpenJournal(o.journalPath(), d.Fingerprint())
	if err != nil {
		return err
	}
	if j.Resumed.Done > 0 || len(j.Resumed.InFlight) > 0 {
		fmt.Fprintf(errOut, "Resuming an apply that stopped: %d change(s) were done", j.Resumed.Done)
		if len(j.Resumed.InFlight) > 0 {
			fmt.Fprintf(errOut, "; %s had no answer and was looked up by natural key", strings.Join(j.Resumed.InFlight, ", "))
		}
		fmt.Fprintln(errOut, ".")
	}
	res, err := r.Apply(ctx, p, live, accountconf.ApplyOptions{
		FailFast: o.failFast,
		Journal:  j,
		Progress: func(c accountconf.Change) { fmt.Fprintln(errOut, c) },
		Failed:   func(f accountconf.Failure) { fmt.Fprintf(errOut, "error: %v\n", f) },
	})
	finished := err == nil && len(res.Failures) == 0
	if cerr := j.Close(finished); cerr != nil && err == nil {
		err = cerr
	}
	if o.failFast && len(res.Failures) > 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitValidation, Err: fmt.Errorf("stopped at the first rejected change (--fail-fast): %d of %d change(s) done; fix it in the files and run apply again", res.Done, len(p.Changes))}
	}
	if err != nil {
		return err
	}
	if len(res.Failures) > 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitValidation, Err: fmt.Errorf("%d of %d change(s) were rejected (listed above); fix them in the files and run apply again", len(res.Failures), len(p.Changes))}
	}
	fmt.Fprintf(errOut, "Applied: %s.\n", p.Summary())
	return nil
}

func countOp(p *accountconf.Plan, op accountconf.Op) int {
	n := 0
	for _, c := range p.Changes {
		if c.Op == op {
			n++
		}
	}
	return n
}

// journalPath is next to the configuration, outside it: DIR.journal
// (for ".", named after the current directory).
func (o *applyOptions) journalPath() string {
	if o.journal != "" {
		return o.journal
	}
	if abs, err := filepath.Abs(o.file); err == nil && filepath.Dir(abs) != abs {
		return abs + ".journal"
	}
	return filepath.Clean(o.file) + ".journal"
}
