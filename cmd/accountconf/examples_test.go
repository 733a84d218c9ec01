package accountconf_test

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/accountconf"
	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// Every help example of these commands runs on the embedded sandbox, in
// the order the help shows them, from one working directory.
func TestHelpExamplesRunOnTheSandbox(t *testing.T) {
	t.Chdir(t.TempDir())
	h := cmdtest.NewHarness(t)
	h.Env["WOOT_CONFIG_DIR"] = t.TempDir()
	f := &cmdutil.Factory{}
	var lines []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, l := range strings.Split(c.Example, "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "$ woot ") {
				lines = append(lines, strings.TrimPrefix(l, "$ woot "))
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(accountconf.NewCmd(f))
	walk(accountconf.NewCmdPortals(f))
	if len(lines) < 10 {
		t.Fatalf("found %d examples", len(lines))
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "|&;'\"") {
			t.Fatalf("example %q needs a shell; keep examples plain so they run as written", l)
		}
		args := append([]string{"--sandbox"}, strings.Fields(l)...)
		if code := h.Run(args...); code != 0 {
			t.Errorf("$ woot %s: exit %d\n%s", l, code, h.ErrOut)
		}
	}
}
