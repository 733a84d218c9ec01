package cmdutil

import "github.com/spf13/cobra"

// ProfileNames lists the config file's profiles for completion; nothing
// when the file cannot be read (completion stays silent on errors).
func ProfileNames(f *Factory) []string {
	cfg, err := f.Config()
	if err != nil {
		return nil
	}
	return cfg.Names()
}

// RegisterProfileCompletion makes --profile complete the profile names.
func RegisterProfileCompletion(root *cobra.Command, f *Factory) {
	_ = root.RegisterFlagCompletionFunc("profile", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return ProfileNames(f), cobra.ShellCompDirectiveNoFileComp
	})
}
