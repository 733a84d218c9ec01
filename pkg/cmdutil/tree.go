package cmdutil

import "github.com/spf13/cobra"

// FindSub returns c's direct subcommand called name, or nil.
func FindSub(c *cobra.Command, name string) *cobra.Command {
	for _, sub := range c.Commands() {
		if sub.Name() == name {
			return sub
		}
	}
	return nil
}
