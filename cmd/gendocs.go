package cmd

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// CommandTree builds every command with a neutral environment, for the
// documentation generator.
func CommandTree() *cobra.Command {
	ios, _, _, _ := output.Test()
	return fullTree(&cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }})
}

// fullTree builds every command, as root help does.
func fullTree(f *cmdutil.Factory) *cobra.Command {
	return newRootCmd(f, nil)
}

func allCommands(c *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{c}
	for _, sub := range c.Commands() {
		out = append(out, allCommands(sub)...)
	}
	return out
}
