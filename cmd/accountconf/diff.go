package accountconf

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/accountconf"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type diffOptions struct {
	f        *cmdutil.Factory
	file     string
	only     []string
	prune    bool
	format   string
	exitCode bool
}

func newDiffCmd(f *cmdutil.Factory, runF func(*diffOptions) error) *cobra.Command {
	o := &diffOptions{f: f}
	c := &cobra.Command{
		Use:   "diff [-f DIR]",
		Short: "Show what apply would change",
		Long: `Compare the files with the account and print the plan: what apply would
create, update (field by field) and, with --prune, delete. Only the kinds the
files contain are compared, and only the fields they set. Without -f the
files are those of the current directory, as terraform reads its own.

-o json prints the plan as data. --exit-code exits 10 when there are changes
and 0 when there are none, for CI gates.`,
		Example: `  $ woot config diff
  $ woot config export --dir acme
  $ woot config diff -f acme --prune -o json
  $ woot config diff -f acme --exit-code`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if o.format != "" && o.format != "json" {
				return cmdutil.FlagErrorf("-o %s: config diff prints the plan as text or -o json", o.format)
			}
			if runF != nil {
				return runF(o)
			}
			return diffRun(c.Context(), o)
		},
	}
	c.Flags().StringVarP(&o.file, "file", "f", ".", "The configuration `DIR` (or one YAML file)")
	cmdutil.StringListVar(c.Flags(), &o.only, "only", "Only these kinds (comma-separated)")
	c.Flags().BoolVar(&o.prune, "prune", false, "Also show deletions of objects the files do not have")
	c.Flags().StringVarP(&o.format, "output", "o", "", "Format: json")
	c.Flags().BoolVar(&o.exitCode, "exit-code", false, "Exit 10 when there are changes, 0 when none")
	return c
}

func diffRun(ctx context.Context, o *diffOptions) error {
	load := func() (*accountconf.Desired, error) { return accountconf.Load(o.file, o.f.Getenv) }
	_, _, _, p, err := planFor(ctx, o.f, load, o.only, o.prune)
	if err != nil {
		return err
	}
	if err := printPlan(o.f, p, o.format); err != nil {
		return err
	}
	if o.exitCode && !p.Empty() {
		return &cmdutil.ExitError{Code: cmdutil.ExitChangesPending}
	}
	return nil
}

func printPlan(f *cmdutil.Factory, p *accountconf.Plan, format string) error {
	if format == "json" {
		if p.Changes == nil {
			p.Changes = []accountconf.Change{}
		}
		b, err := json.MarshalIndent(p, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(f.IOStreams.Out, string(b))
		return err
	}
	p.Print(f.IOStreams.Out)
	return nil
}
