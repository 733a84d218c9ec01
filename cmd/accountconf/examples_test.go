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

// TestExportLeavesOutInboxesTheAPICannotCreate: the demo seed has a
// WhatsApp inbox; an export that held it could never be applied (the
// channel needs the provider's sign-up), so it is left out.
func TestExportLeavesOutInboxesTheAPICannotCreate(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": t.TempDir(), "CHATWOOT_URL": "sandbox"}
	all := h.MustRun("inboxes", "list", "-o", "json", "--jq", ".[].channel_type")
	if !strings.Contains(all, "Channel::Whatsapp") || !strings.Contains(all, "Channel::Api") {
		t.Fatalf("the seed's inboxes are %q; the test needs an API and a WhatsApp one", all)
	}
	out := h.MustRun("config", "export", "--only", "inboxes")
	if strings.Contains(strings.ToLower(out), "whatsapp") {
		t.Errorf("the export holds the WhatsApp inbox:\n%s", out)
	}
	if !strings.Contains(out, "channel_type: api") {
		t.Errorf("the export lost the API inbox:\n%s", out)
	}
}
