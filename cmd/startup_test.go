package cmd

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// A line that names a generated operation builds that operation and the
// nouns above it, and nothing else: neither its siblings (whose help is
// not printed) nor the hand-written commands merged into its noun.
func TestLineNamingAnOperationBuildsOnlyIt(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string // every command path under the root, but the root
	}{
		{[]string{"contacts", "list", "--help"}, []string{"woot contacts", "woot contacts list"}},
		{[]string{"contacts", "notes", "list", "7"}, []string{"woot contacts", "woot contacts notes", "woot contacts notes list"}},
	} {
		got := builtPaths(tc.args)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("woot %s built %q, want %q", strings.Join(tc.args, " "), got, tc.want)
		}
	}
	// A hand-written command still gets its noun in full, generated
	// operations included (help lists them, and an unknown verb is matched
	// against all of them).
	got := builtPaths([]string{"contacts", "import", "--help"})
	for _, want := range []string{"woot contacts import", "woot contacts list", "woot contacts merge-plan"} {
		if !slices.Contains(got, want) {
			t.Errorf("woot contacts import --help built no %q", want)
		}
	}
}

func builtPaths(args []string) []string {
	ios, _, _, _ := output.Test()
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }}
	root := newRootCmd(f, args)
	var paths []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" {
				continue
			}
			paths = append(paths, sub.CommandPath())
			walk(sub)
		}
	}
	walk(root)
	return paths
}
