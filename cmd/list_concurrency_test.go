package cmd

import (
	"testing"

	"github.com/spf13/cobra"

	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// `list --all` reads pages as an export does (issue 18): the same
// default concurrency, so a list is at the server's limit by default too.
func TestListAllDefaultsToExportConcurrency(t *testing.T) {
	ios, _, _, _ := output.Test()
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }}
	root := newRootCmd(f, nil)
	find := func(args ...string) *cobra.Command {
		c, _, err := root.Find(args)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	export := find("contacts", "export").Flags().Lookup("concurrency")
	for _, words := range [][]string{{"contacts", "list"}, {"conversations", "list"}} {
		list := find(words...).Flags().Lookup("concurrency")
		if list == nil || export == nil || list.DefValue != export.DefValue {
			t.Errorf("%v --concurrency defaults to %v, export to %v: want the same", words, list, export)
		}
	}
}
