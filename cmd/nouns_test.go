package cmd_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// TestBareNounShowsItsHelp: a noun named alone prints its help on stdout
// and exits 0, as gh does, whichever package built the noun.
func TestBareNounShowsItsHelp(t *testing.T) {
	for _, args := range [][]string{{"contacts"}, {"client", "contacts"}, {"conversations", "labels"}, {"platform"}, {"webhooks"}} {
		h := cmdtest.NewHarness(t)
		if code := h.Run(args...); code != cmdutil.ExitOK {
			t.Errorf("woot %s: exit %d, want 0; stderr: %s", strings.Join(args, " "), code, h.ErrOut)
			continue
		}
		if !strings.Contains(h.Out.String(), "Available Commands:") {
			t.Errorf("woot %s printed no help on stdout:\n%s", strings.Join(args, " "), h.Out)
		}
		if len(h.Stub.Requests()) != 0 {
			t.Errorf("woot %s sent a request", strings.Join(args, " "))
		}
	}
}

// TestMistypedVerbSuggests: an unknown verb or noun is a usage error that
// names the word and suggests the near misses.
func TestMistypedVerbSuggests(t *testing.T) {
	cases := []struct {
		args    []string
		suggest string
	}{
		{[]string{"contacts", "lst"}, "list"},
		{[]string{"client", "contacts", "crate"}, "create"},
		{[]string{"conversations", "labels", "lst"}, "list"},
		{[]string{"platform", "usrs"}, "users"},
		{[]string{"contcts", "list"}, "contacts"},
	}
	for _, tc := range cases {
		h := cmdtest.NewHarness(t)
		line := strings.Join(tc.args, " ")
		if code := h.Run(tc.args...); code != cmdutil.ExitUsage {
			t.Errorf("woot %s: exit %d, want %d; stderr: %s", line, code, cmdutil.ExitUsage, h.ErrOut)
			continue
		}
		errOut := h.ErrOut.String()
		if !strings.Contains(errOut, "Did you mean this?") || !strings.Contains(errOut, "\t"+tc.suggest+"\n") {
			t.Errorf("woot %s: no suggestion of %q:\n%s", line, tc.suggest, errOut)
		}
		if h.Out.Len() != 0 {
			t.Errorf("woot %s wrote to stdout: %s", line, h.Out)
		}
	}
}
