package cmd

import (
	"slices"
	"strings"
	"sync"

	apicmd "github.com/wootcli/woot/cmd/api"
	"github.com/wootcli/woot/cmd/auth"
	"github.com/wootcli/woot/cmd/operation"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// topCommand is one top-level command and how to build it. Building is
// deferred so that `woot contacts list --help` constructs only "contacts".
type topCommand struct {
	name      string
	build     func(f *cmdutil.Factory) *cobra.Command
	generated bool // built from the operation tables
}

// traverseRunHooks sets cobra's switch once: it is a package variable that
// every command line reads, and tests run command lines side by side.
var traverseRunHooks sync.Once

func newRootCmd(f *cmdutil.Factory, args []string) *cobra.Command {
	root := &cobra.Command{
		Use:   "woot <command> <subcommand> [flags]",
		Short: "Drive every Chatwoot API from a terminal",
		Long: `woot drives Chatwoot's Application API (agents and admins), Client API
(custom chat front ends) and Platform API (installation admins) from a terminal.

Commands of the Application API sit at the top level, noun then verb; the
Client and Platform APIs live under "woot client" and "woot platform".`,
		Example: `  $ woot auth login
  $ woot conversations list --status open
  $ woot contacts search --q ann --all -o csv
  $ woot --sandbox conversations list --all --jq '.[].id'`,
		// Any version gives the root its --version flag; the real one is
		// read from the build info only on a line that asks for it.
		Version:       "dev",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	if asksVersion(args) {
		// cobra prints "woot version " and this. A version template
		// instead would link text/template's executor, whose method
		// lookup by name keeps every exported method in the binary.
		root.Version = cmdutil.VersionDetail()
		// Declared here, not left to cobra: cobra adds its own only after
		// it has looked for the subcommand, and until then reads
		// `--version --profile ci` as --version=--profile and "ci" as a
		// command.
		root.Flags().BoolP("version", "v", false, "print woot's version")
	}
	root.AddGroup(
		&cobra.Group{ID: cmdutil.GroupApplication, Title: "Application API (agents and admins):"},
		&cobra.Group{ID: cmdutil.GroupFamilies, Title: "Client and Platform APIs:"},
		&cobra.Group{ID: cmdutil.GroupRealtime, Title: "Realtime and webhooks:"},
		&cobra.Group{ID: cmdutil.GroupTools, Title: "Setup and tools:"},
	)
	root.SetHelpCommandGroupID(cmdutil.GroupTools)
	root.SetCompletionCommandGroupID(cmdutil.GroupTools)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cmdutil.FlagError{Err: err} })
	// Signals are handled from the moment a command runs (help alone never
	// arms them); every parent's hook runs, so a command with a hook of its
	// own cannot skip this one.
	traverseRunHooks.Do(func() { cobra.EnableTraverseRunHooks = true })
	root.PersistentPreRun = func(*cobra.Command, []string) {
		if f.ArmInterrupts != nil {
			f.ArmInterrupts()
		}
	}
	cmdutil.BindGlobalFlags(root, &f.Global)
	cmdutil.RegisterProfileCompletion(root, f)

	tops := selectTopCommands(f, args)
	for _, top := range tops {
		root.AddCommand(top.build(f))
	}
	for _, top := range root.Commands() {
		nounsShowHelp(top)
	}
	if len(tops) == 1 {
		// cobra builds its completion command (four shells, their flags)
		// on every run; a line that names another command never needs it.
		root.CompletionOptions.DisableDefaultCmd = true
	}
	return root
}

// topCommands lists the top-level command builders called name, or all
// of them for "". A line that names its command gets a list of one or
// two: the closures of the others are never made.
func topCommands(name string) []topCommand {
	var tops []topCommand
	add := func(list ...topCommand) {
		for _, t := range list {
			if name == "" || t.name == name {
				tops = append(tops, t)
			}
		}
	}
	add(
		topCommand{name: "api", build: apicmd.NewCmd},
		topCommand{name: "auth", build: auth.NewCmd},
		topCommand{name: "version", build: newVersionCmd},
		topCommand{name: "client", build: func(f *cmdutil.Factory) *cobra.Command { return operation.NewFamilyCmd(f, api.FamilyClient) }},
		topCommand{name: "platform", build: func(f *cmdutil.Factory) *cobra.Command { return operation.NewFamilyCmd(f, api.FamilyPlatform) }},
	)
	add(extraTopCommands()...)
	for _, noun := range operation.OperationNouns() {
		if name != "" && noun != name {
			continue
		}
		tops = append(tops, topCommand{name: noun, build: func(f *cmdutil.Factory) *cobra.Command { return operation.NewNounCmd(f, noun) }, generated: true})
	}
	return tops
}

// selectTopCommands returns only the top-level command args name, when it
// names one; root help, completion and unknown words get every command.
func selectTopCommands(f *cmdutil.Factory, args []string) []topCommand {
	word := firstWord(args)
	if word == "help" {
		word = firstWord(args[indexOf(args, "help")+1:])
	}
	if named := topCommands(word); word != "" && len(named) > 0 {
		f.CommandWords = operation.CommandWords(args)
		return mergeTops(named)
	}
	return mergeTops(topCommands(""))
}

// mergeTops joins builders of the same name (a noun with generated and
// hand-written subcommands) into one, in the order of first appearance.
func mergeTops(tops []topCommand) []topCommand {
	var names []string
	var parts [][]topCommand
	for _, t := range tops {
		i := slices.Index(names, t.name)
		if i < 0 {
			i = len(names)
			names = append(names, t.name)
			parts = append(parts, nil)
		}
		parts[i] = append(parts[i], t)
	}
	out := make([]topCommand, len(names))
	for i, name := range names {
		out[i] = topCommand{name: name, build: mergedBuild(parts[i])}
	}
	return out
}

// mergedBuild builds parts in order, each merged into the first. A line
// that names a generated operation (`contacts list`) gets the generated
// noun alone: the hand-written siblings it would never run are not built,
// which is most of the start-up of such a line.
func mergedBuild(parts []topCommand) func(f *cmdutil.Factory) *cobra.Command {
	if len(parts) == 1 {
		return parts[0].build
	}
	return func(f *cmdutil.Factory) *cobra.Command {
		built := make([]*cobra.Command, len(parts))
		for i, p := range parts {
			if !p.generated {
				continue
			}
			built[i] = p.build(f)
			if namesOperation(built[i], f.CommandWords) {
				return built[i]
			}
		}
		var c *cobra.Command
		for i, p := range parts {
			if built[i] == nil {
				built[i] = p.build(f)
			}
			if c == nil {
				c = built[i]
				continue
			}
			mergeInto(c, built[i])
			operation.RefreshNounShorts(c)
		}
		return c
	}
}

// namesOperation reports whether words (the command line's, noun first)
// lead through noun to a runnable command that has no subcommands.
func namesOperation(noun *cobra.Command, words []string) bool {
	if len(words) < 2 || words[0] != noun.Name() {
		return false
	}
	cur := noun
	for _, w := range words[1:] {
		sub := cmdutil.FindSub(cur, w)
		if sub == nil {
			break
		}
		cur = sub
	}
	return cur != noun && cur.Runnable() && !cur.HasSubCommands()
}

// mergeInto moves src's subcommands under dst, recursing where both have
// a command of the same name.
func mergeInto(dst, src *cobra.Command) {
	for _, sub := range src.Commands() {
		src.RemoveCommand(sub)
		if existing := cmdutil.FindSub(dst, sub.Name()); existing != nil && sub.HasSubCommands() {
			mergeInto(existing, sub)
			adoptGroupText(existing, sub)
			continue
		}
		dst.AddCommand(sub)
	}
}

// adoptGroupText gives a hand-written group (a bare `labels` holding
// add/remove) the summary and marks of the generated noun merged into it.
func adoptGroupText(dst, src *cobra.Command) {
	if dst.Short == "" {
		dst.Short = src.Short
	}
	for k, v := range src.Annotations {
		if dst.Annotations == nil {
			dst.Annotations = map[string]string{}
		}
		if _, ok := dst.Annotations[k]; !ok {
			dst.Annotations[k] = v
		}
	}
}

// asksVersion reports whether args hold the root's --version flag (or
// its -v shorthand).
func asksVersion(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--version" || a == "-v" {
			return true
		}
	}
	return false
}

func firstWord(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if cmdutil.IsGlobalValueFlag(a) {
			i++
			continue
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		return a
	}
	return ""
}

func indexOf(args []string, s string) int {
	for i, a := range args {
		if a == s {
			return i
		}
	}
	return -1
}

func newVersionCmd(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print woot's version and commit",
		Args:    cmdutil.NoArgs,
		GroupID: cmdutil.GroupTools,
		Example: "  $ woot version",
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := c.OutOrStdout().Write([]byte(cmdutil.VersionLine() + "\n"))
			return err
		},
	}
}

// nounsShowHelp makes every noun (a command that only holds others) print
// its help when named alone and reject an unknown verb with suggestions,
// whichever package built it.
func nounsShowHelp(c *cobra.Command) {
	if !c.HasSubCommands() {
		return
	}
	if c.Run == nil && c.RunE == nil {
		c.Args = operation.UnknownVerb
		c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	}
	for _, sub := range c.Commands() {
		nounsShowHelp(sub)
	}
}
