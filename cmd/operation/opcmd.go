package operation

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// opOptions hold one operation command's parsed invocation.
type opOptions struct {
	f      *cmdutil.Factory
	op     api.Operation
	args   []string
	params []*paramFlag
	out    cmdutil.OutputFlags
	input  string
	all    bool
	page   int
	limit  int
	conc   int
	yes    bool
	dryRun bool
	hook   opHook
	flags  *pflag.FlagSet // the command's flags, to tell a value given from a default
}

// newOperationCmd builds the command for one operation; runF replaces
// the run function in tests of flag parsing.
func newOperationCmd(f *cmdutil.Factory, op api.Operation, runF func(*opOptions) error) *cobra.Command {
	opts := &opOptions{f: f, op: op}
	words := strings.Fields(op.Command)
	names := argNames(op)
	use := words[len(words)-1]
	for _, n := range names {
		use += " " + n
	}
	c := &cobra.Command{
		Use:     use,
		Short:   op.Short,
		Long:    operationLong(op),
		Example: op.Example,
		Args:    ExactArgs(names),
		Annotations: map[string]string{
			"method": op.Method, "path": op.Path,
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.args, opts.flags = args, c.Flags()
			if runF != nil {
				return runF(opts)
			}
			return runOperation(c.Context(), opts)
		},
	}
	for _, p := range op.Params {
		opts.params = append(opts.params, bindParam(c, p))
	}
	fs := c.Flags()
	if hasBodyParams(op) || methodHasBody(op.Method) {
		fs.StringVar(&opts.input, "input", "", "Read the JSON request body from a file (- for stdin); flags override its fields")
	}
	if !op.Raw {
		cmdutil.AddOutputFlags(c, &opts.out)
	} else {
		fs.StringVar(&opts.out.OutputFile, "output-file", "", "Write the downloaded file here instead of stdout")
	}
	if op.List != nil {
		// Unpaged lists come whole; --all is accepted there too so scripts
		// need not know which endpoints page.
		fs.BoolVar(&opts.all, "all", false, "Fetch every page, streaming items as they arrive")
		fs.IntVar(&opts.limit, "limit", 0, "Stop after this many items (fetches more pages as needed)")
	}
	if op.List != nil && op.List.Pager == api.PageNumber {
		fs.IntVar(&opts.page, "page", 0, "Page number to fetch (with --all: the first page)")
		fs.IntVar(&opts.conc, "concurrency", 4, "With --all: pages fetched at once, as an export does (output stays in order)")
	}
	if op.Confirm {
		fs.BoolVarP(&opts.yes, "yes", "y", false, "Do not ask for confirmation")
	}
	if newHook, ok := opHooks()[op.Command]; ok {
		opts.hook = newHook(f, c)
	}
	wireIDCompletion(f, op, c)
	fs.BoolVar(&opts.dryRun, "dry-run", false, "Print the request that would be sent, as JSON, and send nothing")
	c.Flags().SortFlags = false
	return c
}

func operationLong(op api.Operation) string {
	long := op.Short
	if op.Long != "" {
		long += "\n\n" + op.Long
	}
	note := "Calls " + op.Method + " " + op.Path
	if !op.InSpec {
		note += " (served by Chatwoot, not in its published spec)"
	}
	return long + "\n\n" + note + "."
}

func ExactArgs(names []string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == len(names) {
			return nil
		}
		if len(names) == 0 {
			return cmdutil.FlagErrorf("%s takes no arguments, got %q", c.CommandPath(), args[0])
		}
		return cmdutil.FlagErrorf("%s needs %d argument(s): %s (got %d)", c.CommandPath(), len(names), strings.Join(names, " "), len(args))
	}
}

// groupCmd is a noun that only holds subcommands. Alone it shows its
// help (as gh does); an unknown verb is a usage error with suggestions.
// NounCmd is a top-level Application API noun holding subs: the generated
// nouns and the hand-written commands merged into them read alike.
func NounCmd(noun string, subs ...*cobra.Command) *cobra.Command {
	c := GroupCmd(noun, NounShort(noun))
	c.GroupID = cmdutil.GroupApplication
	c.AddCommand(subs...)
	return c
}

func GroupCmd(name, short string) *cobra.Command {
	return &cobra.Command{
		Use:   name,
		Short: short,
		Args:  UnknownVerb,
		RunE: func(c *cobra.Command, args []string) error {
			return c.Help()
		},
	}
}

// UnknownVerb rejects a word that names no subcommand of c, suggesting the
// near misses cobra finds.
func UnknownVerb(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
	if near := c.SuggestionsFor(args[0]); len(near) > 0 {
		msg += "\n\nDid you mean this?\n\t" + strings.Join(near, "\n\t")
	}
	return cmdutil.FlagErrorf("%s", msg)
}

func NounShort(noun string) string {
	if s := nounDescription(noun); s != "" {
		return s
	}
	return "Manage " + strings.ReplaceAll(noun, "-", " ")
}
