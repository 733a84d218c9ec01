package cmdutil

import "github.com/spf13/cobra"

// NoArgs is cobra.PositionalArgs for commands that take none, as a usage error.
func NoArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return FlagErrorf("%s takes no arguments, got %q", c.CommandPath(), args[0])
	}
	return nil
}
