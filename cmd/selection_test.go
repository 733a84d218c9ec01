package cmd

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// Each command's help, from a run that builds only what its command line
// needs, must be exactly what the full tree renders: a stub must never be
// what a command line reaches.
func TestSelectedCommandHelpMatchesFullTree(t *testing.T) {
	ios, _, _, _ := output.Test()
	full := fullTree(&cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }})
	var leaves int
	for _, c := range allCommands(full) {
		if c == full || c.Hidden {
			continue
		}
		path := strings.Fields(strings.TrimPrefix(c.CommandPath(), "woot "))
		want := helpOf(t, full, path)
		got := selectedHelp(t, append(path, "--help"))
		if got != want {
			t.Errorf("woot %s --help differs from the full tree's:\n--- selected\n%s\n--- full\n%s", strings.Join(path, " "), got, want)
			continue
		}
		if !c.HasSubCommands() {
			leaves++
			if got := selectedHelp(t, append([]string{"help"}, path...)); got != want {
				t.Errorf("woot help %s differs from woot %[1]s --help", strings.Join(path, " "))
			}
		}
	}
	if leaves < 250 {
		t.Fatalf("checked %d leaf commands; the tree has over 250", leaves)
	}
}

func helpOf(t *testing.T, root *cobra.Command, path []string) string {
	t.Helper()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs(append(path, "--help"))
	if err := root.Execute(); err != nil {
		t.Fatalf("woot %s --help: %v", strings.Join(path, " "), err)
	}
	return out.String()
}

func selectedHelp(t *testing.T, args []string) string {
	t.Helper()
	ios, _, stdout, stderr := output.Test()
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), f, args); code != 0 {
		t.Fatalf("woot %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return stdout.String()
}

// A command line that names an operation builds it in full and stubs
// only its named siblings; words it cannot place keep everything full.
func TestWantsInFull(t *testing.T) {
	known := map[string]bool{}
	for _, p := range []string{"contacts list", "contacts get", "contacts notes list", "contacts notes create"} {
		words := strings.Fields(p)
		for i := 1; i <= len(words); i++ {
			known[strings.Join(words[:i], " ")] = true
		}
	}
	for _, tc := range []struct {
		path, line string
		want       bool
	}{
		{"contacts list", "contacts list", true},
		{"contacts get", "contacts list", false},
		{"contacts notes list", "contacts list", false},
		{"contacts notes list", "contacts notes create", false},
		{"contacts notes create", "contacts notes create", true},
		{"contacts get", "contacts", true},          // help of the noun lists every verb
		{"contacts get", "contacts import x", true}, // a hand-written sibling
		{"contacts get", "contacts json list", true},
		{"contacts notes list", "contacts notes", true},
	} {
		var words []string
		if tc.line != "" {
			words = strings.Fields(tc.line)
		}
		if got := operation.WantsInFull(strings.Fields(tc.path), words, known); got != tc.want {
			t.Errorf("wantsInFull(%q, line %q) = %v, want %v", tc.path, tc.line, got, tc.want)
		}
	}
	if !operation.WantsInFull([]string{"contacts", "get"}, nil, known) {
		t.Error("with no command line everything must be built")
	}
}

func TestCommandWords(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"contacts list --help", "contacts list"},
		{"help contacts list", "contacts list"},
		{"--profile prod contacts get 42 -o json", "contacts get 42 json"},
		{"--sandbox conversations list --all", "conversations list"},
		{"api -- /api/v1/profile", "api"},
	} {
		if got := strings.Join(operation.CommandWords(strings.Fields(tc.args)), " "); got != tc.want {
			t.Errorf("commandWords(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
