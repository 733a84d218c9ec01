package cmd

import (
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
)

// Help groups: root help lists commands by API family.
const (
	groupApplication = "application"
	groupFamilies    = "families"
	groupRealtime    = "realtime"
	groupTools       = "tools"
)

// topCommand is one top-level command and how to build it. Building is
// deferred so that `woot contacts list --help` constructs only "contacts".
type topCommand struct {
	name  string
	build func(f *Factory) *cobra.Command
}

func newRootCmd(f *Factory, args []string) *cobra.Command {
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
		Version:       Version(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate(versionLine() + "\n")
	root.AddGroup(
		&cobra.Group{ID: groupApplication, Title: "Application API (agents and admins):"},
		&cobra.Group{ID: groupFamilies, Title: "Client and Platform APIs:"},
		&cobra.Group{ID: groupRealtime, Title: "Realtime and webhooks:"},
		&cobra.Group{ID: groupTools, Title: "Setup and tools:"},
	)
	root.SetHelpCommandGroupID(groupTools)
	root.SetCompletionCommandGroupID(groupTools)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &FlagError{Err: err} })
	bindGlobalFlags(root, &f.Global)

	tops := selectTopCommands(f, args)
	for _, top := range tops {
		root.AddCommand(top.build(f))
	}
	if len(tops) == 1 {
		// cobra builds its completion command (four shells, their flags)
		// on every run; a line that names another command never needs it.
		root.CompletionOptions.DisableDefaultCmd = true
	}
	return root
}

func bindGlobalFlags(root *cobra.Command, g *GlobalOptions) {
	fs := root.PersistentFlags()
	fs.StringVar(&g.Profile, "profile", "", "Use this named profile (env WOOT_PROFILE)")
	fs.StringVar(&g.Account, "account", "", "Account id for Application API paths (env CHATWOOT_ACCOUNT_ID)")
	fs.StringVar(&g.URL, "url", "", "Chatwoot base URL (env CHATWOOT_URL)")
	fs.BoolVar(&g.Debug, "debug", false, "Log requests and responses to stderr, tokens redacted (env WOOT_DEBUG=api)")
	fs.DurationVar(&g.Timeout, "timeout", 30*time.Second, "Time limit for each HTTP attempt")
	fs.IntVar(&g.Retries, "retries", 3, "Retries for safe requests on network errors and 5xx (a 429 waits for the rate window instead)")
	fs.Float64Var(&g.Rate, "rate", 0, "Cap requests per second (0 = no cap; the server's limit is found from its 429s)")
	fs.DurationVar(&g.RateWindow, "rate-window", api.DefaultRateWindow, "The server's rate-limit window (Chatwoot: 1m); everything refused for two windows gives up with exit 6")
	fs.BoolVar(&g.Sandbox, "sandbox", false, "Serve every request from the embedded sandbox (or CHATWOOT_URL=sandbox)")
	fs.BoolVar(&g.Insecure, "insecure", false, "Skip TLS certificate verification (not recommended)")
}

// topCommands lists every top-level command builder.
func topCommands() []topCommand {
	tops := []topCommand{
		{"api", newAPICmd},
		{"auth", newAuthCmd},
		{"version", newVersionCmd},
		{"client", func(f *Factory) *cobra.Command { return newFamilyCmd(f, api.FamilyClient) }},
		{"platform", func(f *Factory) *cobra.Command { return newFamilyCmd(f, api.FamilyPlatform) }},
	}
	tops = append(tops, extraTopCommands()...)
	for _, noun := range operationNouns() {
		noun := noun
		tops = append(tops, topCommand{noun, func(f *Factory) *cobra.Command { return newNounCmd(f, noun) }})
	}
	return tops
}

// selectTopCommands returns only the top-level command args name, when it
// names one; root help, completion and unknown words get every command.
func selectTopCommands(f *Factory, args []string) []topCommand {
	all := mergeTops(topCommands())
	word := firstWord(args)
	if word == "help" {
		word = firstWord(args[indexOf(args, "help")+1:])
	}
	for _, t := range all {
		if t.name == word {
			f.commandWords = commandWords(args)
			return []topCommand{t}
		}
	}
	return all
}

// mergeTops joins builders of the same name (a noun with generated and
// hand-written subcommands).
func mergeTops(tops []topCommand) []topCommand {
	var out []topCommand
	index := map[string]int{}
	for _, t := range tops {
		i, ok := index[t.name]
		if !ok {
			index[t.name] = len(out)
			out = append(out, t)
			continue
		}
		prev, next := out[i].build, t.build
		out[i].build = func(f *Factory) *cobra.Command {
			c := prev(f)
			mergeInto(c, next(f))
			return c
		}
	}
	return out
}

// mergeInto moves src's subcommands under dst, recursing where both have
// a command of the same name.
func mergeInto(dst, src *cobra.Command) {
	for _, sub := range src.Commands() {
		src.RemoveCommand(sub)
		if existing := findSub(dst, sub.Name()); existing != nil && sub.HasSubCommands() {
			mergeInto(existing, sub)
			continue
		}
		dst.AddCommand(sub)
	}
}

func findSub(c *cobra.Command, name string) *cobra.Command {
	for _, sub := range c.Commands() {
		if sub.Name() == name {
			return sub
		}
	}
	return nil
}

// globalValueFlags take a value, so the word after them is not a command.
var globalValueFlags = map[string]bool{"--profile": true, "--account": true, "--url": true, "--timeout": true, "--retries": true, "--rate": true}

func firstWord(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if globalValueFlags[a] {
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

func newVersionCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print woot's version and commit",
		Args:    noArgs,
		GroupID: groupTools,
		Example: "  $ woot version",
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := c.OutOrStdout().Write([]byte(versionLine() + "\n"))
			return err
		},
	}
}

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return flagErrorf("%s takes no arguments, got %q", c.CommandPath(), args[0])
	}
	return nil
}
