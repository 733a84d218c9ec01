package bulk

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// jobFlags are the flags every import and bulk action shares.
type jobFlags struct {
	journal     string
	rejects     string
	dryRun      bool
	restart     bool
	concurrency int
	format      string  // -o: "" for text, "json"
	pace        float64 // requests a second at most; 0 = no cap
}

// jobPace is --rate: a cap of the user's. Without one there is none; the
// rate governor finds the server's limit and keeps to it.
func jobPace(_ *cobra.Command, f *cmdutil.Factory) float64 {
	return f.Global.Rate
}

func addJobFlags(c *cobra.Command, o *jobFlags, defaultPaths string) {
	fs := c.Flags()
	fs.BoolVar(&o.dryRun, "dry-run", false, "Print the plan (creates, look-ups, rejects with reasons) and change nothing; imports read the account's labels, inboxes and agents to check the rows")
	fs.StringVar(&o.journal, "journal", "", "Journal of every row's outcome; the same command resumes from it (default: "+defaultPaths+")")
	fs.StringVar(&o.rejects, "rejects", "", "File receiving each rejected row with its reason (default: "+defaultPaths+")")
	fs.BoolVar(&o.restart, "restart", false, "Discard the journal and rejects file of an earlier run and start over")
	fs.IntVar(&o.concurrency, "concurrency", 4, "Rows worked on at once (requests keep to the server's rate limit, found from its 429s; --rate caps them)")
	fs.StringVarP(&o.format, "output", "o", "", "json: print the summary (or the dry-run plan) as JSON on stdout")
	_ = c.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp
	})
}

func (o *jobFlags) validate() error {
	if o.format != "" && o.format != "json" && o.format != "text" {
		return cmdutil.FlagErrorf("-o %q: a job prints its summary as text (the default) or json", o.format)
	}
	if o.concurrency < 1 {
		return cmdutil.FlagErrorf("--concurrency %d: use 1 or more", o.concurrency)
	}
	return nil
}

// job is one run of an import or bulk action, from flags to exit code.
type job struct {
	f       *cmdutil.Factory
	flags   *jobFlags
	what    string // "contacts import", for the summary
	journal string
	rejects string
	limiter *api.Governor
	bar     *output.Progress
}

// newJob resolves what every bulk job needs before it reads its input:
// the account, and a client paced by the command's rate governor.
func newJob(f *cmdutil.Factory, flags *jobFlags, what string) (*job, int64, *api.Client, error) {
	account, err := f.AccountID()
	if err != nil {
		return nil, 0, nil, err
	}
	client, lim, err := f.BulkClient(flags.pace)
	if err != nil {
		return nil, 0, nil, err
	}
	return &job{f: f, flags: flags, what: what, limiter: lim}, account, client, nil
}

// setPaths fills the journal and rejects paths, the flags winning over
// the defaults.
func (j *job) setPaths(journal, rejects string) {
	j.journal, j.rejects = journal, rejects
	if j.flags.journal != "" {
		j.journal = j.flags.journal
	}
	if j.flags.rejects != "" {
		j.rejects = j.flags.rejects
	}
}

// options are the engine options of this run; the progress bar draws
// only when stderr is a terminal.
func (j *job) options(label string) bulk.Options {
	j.bar = j.f.IOStreams.Progress(label)
	return bulk.Options{
		Journal: j.journal, Rejects: j.rejects, DryRun: j.flags.dryRun, Restart: j.flags.restart,
		Concurrency: j.flags.concurrency, Limiter: j.limiter, Progress: j.bar.Set,
	}
}

// summaryJSON is the -o json summary: the engine's counts and where the
// journal and rejects are.
type summaryJSON struct {
	bulk.Summary
	Journal string `json:"journal"`
	Rejects string `json:"rejects"`
}

// finish reports the run and picks the exit code: 0 when every row was
// done or deliberately skipped, 5 when rows were rejected, the error's
// own code when the job stopped.
func (j *job) finish(sum bulk.Summary, plan bulk.Plan, err error) error {
	j.bar.Done()
	if j.flags.dryRun {
		if err != nil {
			return err
		}
		return j.printPlan(plan)
	}
	var je *bulk.JournalError
	var ie *bulk.InputError
	if err != nil && (errors.As(err, &je) || errors.As(err, &ie)) {
		return err // nothing was done: no summary to show
	}
	if perr := j.printSummary(sum, err != nil); perr != nil && err == nil {
		err = perr
	}
	if err != nil {
		return err
	}
	if sum.HasRejects() {
		return &cmdutil.ExitError{Code: cmdutil.ExitValidation}
	}
	return nil
}

func (j *job) printSummary(sum bulk.Summary, stopped bool) error {
	ios := j.f.IOStreams
	if j.flags.format == "json" {
		b, err := json.Marshal(summaryJSON{Summary: sum, Journal: j.journal, Rejects: j.rejects})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(ios.Out, string(b))
		return err
	}
	mark, verb := ios.Green("✓"), "done"
	switch {
	case stopped:
		mark, verb = ios.Red("✗"), "stopped"
	case sum.HasRejects():
		mark, verb = ios.Yellow("!"), "done with rejects"
	}
	if sum.DidNothing() {
		fmt.Fprintf(ios.ErrOut, "%s %s already done: all %d were finished by an earlier run (%s; journal %s); nothing was sent\n",
			mark, j.what, sum.AlreadyDone, bulk.DescribeCounts(sum.Earlier), j.journal)
	} else {
		fmt.Fprintf(ios.ErrOut, "%s %s %s in %.1fs: %d created, %d updated, %d skipped, %d rejected, %d retried\n",
			mark, j.what, verb, sum.Seconds, sum.Created, sum.Updated, sum.Skipped, sum.Rejected, sum.Retried)
	}
	if sum.AlreadyDone > 0 && !sum.DidNothing() {
		fmt.Fprintf(ios.ErrOut, "  and %d already done by an earlier run, not touched again (%s; journal %s)\n", sum.AlreadyDone, bulk.DescribeCounts(sum.Earlier), j.journal)
	}
	if sum.HasRejects() && j.rejects != "" {
		fmt.Fprintf(ios.ErrOut, "  rejected rows and reasons: %s (fix them and import that file)\n", j.rejects)
	}
	if stopped {
		fmt.Fprintf(ios.ErrOut, "  run the same command again to resume from the journal %s\n", j.journal)
	}
	return nil
}

// printPlan shows a dry run's plan on stdout; planned rejects exit 5, so
// a dry run checks a file in CI.
func (j *job) printPlan(p bulk.Plan) error {
	out := j.f.IOStreams.Out
	if j.flags.format == "json" {
		if p.Items == nil {
			p.Items = []bulk.PlanItem{}
		}
		b, err := json.MarshalIndent(p, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(out, string(b))
	} else {
		writePlanText(out, p)
		if len(p.Read) > 0 {
			fmt.Fprintf(j.f.IOStreams.ErrOut, "dry run: nothing was changed; the rows were checked against %s\n", strings.Join(p.Read, ", "))
		} else {
			fmt.Fprintln(j.f.IOStreams.ErrOut, "dry run: nothing was sent")
		}
	}
	if p.Reject > 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitValidation}
	}
	return nil
}

func writePlanText(w io.Writer, p bulk.Plan) {
	batches, steps := 0, 0
	for _, it := range p.Items {
		unit := "row"
		switch it.Action {
		case "bulk":
			unit = "batch"
			batches++
		case bulk.ActionStep:
			unit = "step"
			steps++
		}
		fmt.Fprintf(w, "%s %-6d %-7s", unit, it.Row, it.Action)
		switch {
		case it.Reason != "":
			fmt.Fprintf(w, " %s", it.Reason)
		case it.Match != "":
			fmt.Fprintf(w, " %s", it.Match)
		}
		var reqs []string
		for _, r := range it.Requests {
			reqs = append(reqs, r.Method+" "+r.Path)
		}
		if len(reqs) > 0 {
			fmt.Fprintf(w, " [%s]", strings.Join(reqs, ", "))
		}
		fmt.Fprintln(w)
	}
	if batches > 0 {
		fmt.Fprintf(w, "plan: %d batches to send, %d sent by an earlier run\n", batches, p.Done)
		return
	}
	if steps > 0 || p.Done > 0 && p.Create+p.Match+p.Reject == 0 {
		fmt.Fprintf(w, "plan: %d steps to run, %d done by an earlier run\n", steps, p.Done)
		return
	}
	fmt.Fprintf(w, "plan: %d to create, %d to look up first, %d to reject, %d done by an earlier run\n", p.Create, p.Match, p.Reject, p.Done)
}
