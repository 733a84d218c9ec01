package cmd_test

import (
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// `woot version`, and --version beside other flags (which cobra answers
// through its default version function, not a template), print the same
// line.
func TestVersionLineIsTheSameWhicheverWayItIsAsked(t *testing.T) {
	want := cmdutil.VersionLine() + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"--profile=ci", "--version"}, {"-v"}} {
		h := cmdtest.NewHarness(t)
		if got := h.MustRun(args...); got != want {
			t.Errorf("woot %q printed %q, want %q", args, got, want)
		}
	}
}
