//go:build linux

package cmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/spectest"
)

// ptyEnv is a subprocess environment with its own config directory.
func ptyEnv(t *testing.T, stub *spectest.Stub, extra ...string) (env []string, configDir string) {
	configDir = t.TempDir()
	env = []string{"HOME=" + configDir, "WOOT_CONFIG_DIR=" + configDir, "NO_COLOR=1", "TERM=xterm"}
	return append(env, extra...), configDir
}

// TestCtrlCAtDeletePromptSendsNothing: Ctrl-C (the terminal's interrupt
// character) and Ctrl-D at the confirmation both end woot with 130, and
// the stub, which fails on any request, sees none.
func TestCtrlCAtDeletePromptSendsNothing(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	for name, key := range map[string]string{"ctrl-c": "\x03", "ctrl-d": "\x04"} {
		t.Run(name, func(t *testing.T) {
			stub := spectest.NewStub(t)
			env, _ := ptyEnv(t, stub, "CHATWOOT_URL="+stub.URL, "CHATWOOT_API_TOKEN="+cmdtest.TestToken, "CHATWOOT_ACCOUNT_ID=1")
			s := startOnPTY(t, woot, env, "contacts", "delete", "54")
			s.expect("? Really DELETE /api/v1/accounts/1/contacts/54? [y/N] ")
			s.typeKeys(key)
			if code := s.exitCode(); code != cmdutil.ExitInterrupted {
				t.Fatalf("exit %d, want 130; the terminal shows:\n%s", code, s.text())
			}
			if reqs := stub.Requests(); len(reqs) != 0 {
				t.Fatalf("requests sent after the prompt was aborted: %v", reqs)
			}
			if !strings.Contains(s.text(), "nothing was sent") {
				t.Errorf("no word of the cancellation:\n%s", s.text())
			}
		})
	}
}

// TestCtrlCAtEachLoginPromptSavesNothing stops auth login at the URL, at
// the hidden token (raw mode: Ctrl-C is a byte there, not a signal) and at
// the account choice.
func TestCtrlCAtEachLoginPromptSavesNothing(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	for _, at := range []string{"url", "token", "account"} {
		t.Run(at, func(t *testing.T) {
			stub := spectest.NewStub(t)
			if at == "account" {
				stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
			}
			env, dir := ptyEnv(t, stub)
			s := startOnPTY(t, woot, env, "auth", "login")
			s.expect("? Chatwoot URL: ")
			if at != "url" {
				s.typeKeys(stub.URL + "\r")
				s.expect("? Access token (input hidden): ")
			}
			if at == "account" {
				s.typeKeys(cmdtest.TestToken + "\r")
				s.expect("? Account [1]: ")
			}
			s.typeKeys("\x03")
			if code := s.exitCode(); code != cmdutil.ExitInterrupted {
				t.Fatalf("exit %d, want 130; the terminal shows:\n%s", code, s.text())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Fatalf("login wrote %v into the config directory", entries[0].Name())
			}
			if _, err := os.Stat(filepath.Join(dir, "config.json")); !os.IsNotExist(err) {
				t.Fatalf("config.json: %v", err)
			}
			if strings.Contains(s.text(), cmdtest.TestToken) {
				t.Errorf("the token was echoed:\n%s", s.text())
			}
			if !strings.Contains(s.text(), "login cancelled") {
				t.Errorf("no word of the cancellation:\n%s", s.text())
			}
		})
	}
}
