package sandbox_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd"
	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

func TestEmbeddedSandboxKeepsStateBetweenInvocations(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": h.Env["WOOT_CONFIG_DIR"]}
	out := h.MustRun("--sandbox", "contacts", "create", "--name", "Ann Example", "--email", "ann@example.test", "-o", "json", "--jq", ".name")
	if out != "Ann Example\n" {
		t.Fatalf("create printed %q", out)
	}
	if h.ErrOut.Len() != 0 {
		t.Fatalf("stderr is not a terminal, yet it got: %q", h.ErrOut)
	}
	h.TTY = true
	h.MustRun("--sandbox", "contacts", "list")
	if !strings.Contains(h.ErrOut.String(), "embedded sandbox") {
		t.Fatalf("no sandbox notice on a terminal's stderr: %q", h.ErrOut)
	}
	h.TTY = false
	h.Env["CHATWOOT_URL"] = "sandbox" // the other way to ask for it
	out = h.MustRun("contacts", "search", "--q", "ann@example.test", "--fields", "name")
	if out != "Ann Example\n" {
		t.Fatalf("the contact created by the previous invocation is not found: %q", out)
	}
	h.MustRun("sandbox", "reset")
	if _, err := os.Stat(filepath.Join(h.Env["WOOT_CONFIG_DIR"], "sandbox.json")); !os.IsNotExist(err) {
		t.Fatalf("reset left the state file: %v", err)
	}
	out = h.MustRun("contacts", "search", "--q", "ann@example.test")
	if out != "" {
		t.Fatalf("after reset the contact still exists: %q", out)
	}
}

func TestEmbeddedSandboxPagesLikeChatwoot(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": h.Env["WOOT_CONFIG_DIR"], "CHATWOOT_URL": "sandbox"}
	all := strings.Count(h.MustRun("conversations", "list", "--all", "--status", "all", "--fields", "id"), "\n")
	first := strings.Count(h.MustRun("conversations", "list", "--status", "all", "--fields", "id"), "\n")
	if first != 25 || all <= 25 {
		t.Fatalf("first page %d items (want Chatwoot's 25), --all %d", first, all)
	}
}

// TestSandboxServe runs `woot sandbox serve` on a free port, reads the
// banner, makes a request with the printed credentials, and stops it.
func TestSandboxServe(t *testing.T) {
	ios, _, _, errOut := output.Test()
	pr, pw := io.Pipe()
	ios.Out = pw
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- cmd.Run(ctx, f, []string{"sandbox", "serve", "--addr", "127.0.0.1:0", "--quiet"})
		pw.Close()
	}()
	env := map[string]string{}
	sc := bufio.NewScanner(pr)
	for len(env) < 4 && sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "=")
		env[k] = v
	}
	go io.Copy(io.Discard, pr)
	if !strings.HasPrefix(env["CHATWOOT_URL"], "http://127.0.0.1:") || env["CHATWOOT_API_TOKEN"] == "" {
		t.Fatalf("banner: %v", env)
	}
	req, _ := http.NewRequest("GET", env["CHATWOOT_URL"]+"/api/v1/accounts/"+env["CHATWOOT_ACCOUNT_ID"]+"/contacts", nil)
	req.Header["api_access_token"] = []string{env["CHATWOOT_API_TOKEN"]}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"payload"`) {
		t.Fatalf("contacts list from the served sandbox: %d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d: %s", code, errOut)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s of the interrupt")
	}
}

// TestSandboxResetForgetsTheSandboxProfile: what `--save` wrote in sandbox
// mode names records of the old state, so reset must forget it too, or the
// next sandbox's client commands use a contact that no longer exists.
func TestSandboxResetForgetsTheSandboxProfile(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env = map[string]string{"WOOT_CONFIG_DIR": h.Env["WOOT_CONFIG_DIR"]}
	h.MustRun("--sandbox", "client", "contacts", "create", "--name", "Zed", "--identifier", "u-42", "--save")
	profile := filepath.Join(h.Env["WOOT_CONFIG_DIR"], "sandbox-profile")
	if _, err := os.Stat(profile); err != nil {
		t.Fatalf("--save wrote no sandbox profile at %s: %v", profile, err)
	}
	h.MustRun("sandbox", "reset")
	if _, err := os.Stat(profile); !os.IsNotExist(err) {
		t.Fatalf("reset left the sandbox profile: %v", err)
	}
	if status := h.MustRun("--sandbox", "auth", "status", "--offline"); strings.Contains(status, "u-42") {
		t.Errorf("after reset, auth status still shows the saved contact:\n%s", status)
	}
}
