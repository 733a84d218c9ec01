package cmd

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

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

// Signal handlers are installed when a command runs, before it sends
// anything, whichever package wrote it; a line that only prints help
// never installs them (they cost it a fifth of its start-up).
func TestSignalsAreArmedWhenACommandRunsAndNotForHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		arms int
	}{
		{[]string{"contacts", "list", "--help"}, 0},
		{[]string{"help", "conversations", "list"}, 1}, // `help` is itself a command
		{[]string{"--sandbox", "contacts", "list"}, 1},
		{[]string{"--sandbox", "contacts", "export", "-o", "csv"}, 1},
	} {
		arms, requestsBeforeArming := 0, 0
		ios, _, _, stderr := output.Test()
		f := &cmdutil.Factory{
			IOStreams:     ios,
			Getenv:        func(k string) string { return map[string]string{"WOOT_CONFIG_DIR": t.TempDir()}[k] },
			Now:           time.Now,
			ArmInterrupts: func() { arms++ },
			WrapSandbox: func(next http.RoundTripper) http.RoundTripper {
				return roundTripFunc(func(r *http.Request) (*http.Response, error) {
					if arms == 0 {
						requestsBeforeArming++
					}
					return next.RoundTrip(r)
				})
			},
		}
		if code := Run(context.Background(), f, tc.args); code != 0 {
			t.Fatalf("woot %s: exit %d: %s", strings.Join(tc.args, " "), code, stderr)
		}
		if arms != tc.arms || requestsBeforeArming != 0 {
			t.Errorf("woot %s armed the signal handlers %d times (want %d), %d requests before", strings.Join(tc.args, " "), arms, tc.arms, requestsBeforeArming)
		}
	}
}
