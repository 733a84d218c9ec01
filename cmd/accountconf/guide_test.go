package accountconf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

var shellBlock = regexp.MustCompile("(?s)```sh\n(.*?)```")

// Every command of docs/guides/move-an-account.md, taken from the guide
// itself so it cannot drift, moves the demo account into a new account of
// the sandbox: configuration, contacts and conversations with messages.
func TestMoveAnAccountGuide(t *testing.T) {
	bin := cmdtest.WootBinary(t)
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the guide's shell blocks")
	}
	guide, err := os.ReadFile(filepath.Join("..", "..", "docs", "guides", "move-an-account.md"))
	if err != nil {
		t.Fatal(err)
	}
	var script strings.Builder
	script.WriteString("set -euo pipefail\n")
	blocks := shellBlock.FindAllStringSubmatch(string(guide), -1)
	for _, b := range blocks {
		script.WriteString(b[1])
	}
	if len(blocks) < 5 || !strings.Contains(script.String(), "conversations export --with-messages") {
		t.Fatalf("found %d shell blocks in the guide; the test would prove little", len(blocks))
	}

	s := newConfSandbox(t)
	// The guide runs contacts and conversations imports too; their requests'
	// conformance is checked by their own package's tests.
	s.skipSpec()
	work := t.TempDir()
	cmd := exec.Command(bash, "-c", script.String())
	cmd.Dir = work
	cmd.Env = []string{
		"PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + work, "WOOT_CONFIG_DIR=" + filepath.Join(work, "config"), "NO_COLOR=1",
		"OLD_URL=" + s.URL, "NEW_URL=" + s.URL, "OLD_ACCOUNT=1", "NEW_USER_ID=1",
		"OLD_TOKEN=" + sandbox.SeedUserToken, "NEW_TOKEN=" + sandbox.SeedUserToken, "PLATFORM_TOKEN=" + sandbox.SeedPlatformToken,
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the guide's commands failed: %v\n%s", err, out.String())
	}

	h := s.harness(t)
	accounts := strings.TrimSpace(h.MustRun("platform", "accounts", "list", "-o", "json", "--jq", "map(.id) | max"))
	if accounts == "1" {
		t.Fatalf("the guide created no account:\n%s", out.String())
	}
	oldContacts := strings.TrimSpace(h.MustRun("contacts", "export", "--jq", ".id"))
	newContacts := strings.TrimSpace(h.MustRun("--account", accounts, "contacts", "export", "--jq", ".id"))
	if n, m := len(strings.Fields(oldContacts)), len(strings.Fields(newContacts)); n == 0 || n != m {
		t.Errorf("contacts: %d in the old account, %d in the new one", n, m)
	}
	oldConv := strings.Fields(h.MustRun("conversations", "export", "--jq", ".id"))
	newConv := strings.Fields(h.MustRun("--account", accounts, "conversations", "export", "--jq", ".id"))
	if len(oldConv) == 0 || len(oldConv) != len(newConv) {
		t.Errorf("conversations: %d in the old account, %d in the new one", len(oldConv), len(newConv))
	}
	h.MustRun("--account", accounts, "conversations", "export", "--with-messages", "--jq", ".messages | length")
	if strings.TrimSpace(strings.ReplaceAll(h.Out.String(), "0\n", "")) == "" {
		t.Error("the imported conversations have no messages")
	}
}
