package cmd

import (
	"context"
	"testing"

	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// BenchmarkContactsListHelp measures the in-process part of
// `woot contacts list --help`: building the command tree it needs and
// rendering the help. scripts/bench-startup measures the whole process.
func BenchmarkContactsListHelp(b *testing.B) {
	args := []string{"contacts", "list", "--help"}
	for i := 0; i < b.N; i++ {
		ios, _, _, _ := output.Test()
		f := &cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }}
		if code := Run(context.Background(), f, args); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkFullTree is the cost of building every command (root help,
// completion), which contacts list --help avoids.
func BenchmarkFullTree(b *testing.B) {
	for i := 0; i < b.N; i++ {
		CommandTree()
	}
}
