package cmdutil

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// IsGlobalValueFlag is a hand-kept list; it must name exactly the global
// flags that take a value, or the word after one is taken for a command.
func TestIsGlobalValueFlagMatchesTheBoundFlags(t *testing.T) {
	root := &cobra.Command{Use: "woot"}
	BindGlobalFlags(root, &GlobalOptions{})
	root.PersistentFlags().VisitAll(func(f *pflag.Flag) {
		takesValue := f.NoOptDefVal == "" // bool flags have "true" here
		if got := IsGlobalValueFlag("--" + f.Name); got != takesValue {
			t.Errorf("IsGlobalValueFlag(--%s) = %v, but the flag takes a value: %v", f.Name, got, takesValue)
		}
	})
	if IsGlobalValueFlag("--no-such-flag") {
		t.Error("IsGlobalValueFlag accepted a flag that is not bound")
	}
}
