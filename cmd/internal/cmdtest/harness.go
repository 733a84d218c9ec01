package cmdtest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/spectest"
)

// testToken is the access token of every test; tests assert it never
// appears in any output.
const (
	TestToken         = "tok-user-5f2b9c1d8e7a"
	TestPlatformToken = "tok-platform-a9e8d7c6"
)

// harness runs woot commands in-process against a stub Chatwoot.
type Harness struct {
	t      *testing.T
	Stub   *spectest.Stub
	Env    map[string]string
	ios    *output.IOStreams
	In     *bytes.Buffer
	Out    *bytes.Buffer
	ErrOut *bytes.Buffer
	TTY    bool
	// Secrets stands in for the OS keyring; nil is a keyring that is never
	// available, so no test reaches the keyring of the machine it runs on.
	Secrets config.SecretStore
}

func NewHarness(t *testing.T) *Harness {
	t.Helper()
	stub := spectest.NewStub(t)
	h := &Harness{t: t, Stub: stub, Env: map[string]string{
		"CHATWOOT_URL":            stub.URL,
		"CHATWOOT_API_TOKEN":      TestToken,
		"CHATWOOT_PLATFORM_TOKEN": TestPlatformToken,
		"CHATWOOT_ACCOUNT_ID":     "1",
		"WOOT_CONFIG_DIR":         t.TempDir(),
	}}
	return h
}

// run executes one woot command line and returns its exit code; stdout
// and stderr are in h.out and h.errOut.
func (h *Harness) Run(args ...string) int {
	h.t.Helper()
	ios, in, out, errOut := output.Test()
	if h.In != nil {
		in.Write(h.In.Bytes())
	}
	ios.SetStdoutTTY(h.TTY)
	ios.SetStderrTTY(h.TTY)
	ios.SetStdinTTY(h.TTY)
	h.ios, h.Out, h.ErrOut = ios, out, errOut
	f := &cmdutil.Factory{
		IOStreams: ios,
		Getenv:    func(k string) string { return h.Env[k] },
		Now:       func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) },
		Sleep:     func(context.Context, time.Duration) error { return nil },
		Secrets:   h.Secrets,
	}
	if f.Secrets == nil {
		f.Secrets = config.NoKeyring{}
	}
	ios.SetNow(f.Now)
	if len(args) > 0 && args[0] != "__complete" {
		args = append(args, "--retries", "2")
	}
	code := cmd.Run(context.Background(), f, args)
	for _, s := range []string{TestToken, TestPlatformToken} {
		if strings.Contains(out.String(), s) || strings.Contains(errOut.String(), s) {
			h.t.Fatalf("a token appeared in the output of %v:\nstdout: %s\nstderr: %s", args, out, errOut)
		}
	}
	return code
}

// mustRun runs a command that must succeed.
func (h *Harness) MustRun(args ...string) string {
	h.t.Helper()
	if code := h.Run(args...); code != 0 {
		h.t.Fatalf("woot %s: exit %d\nstderr: %s", strings.Join(args, " "), code, h.ErrOut)
	}
	return h.Out.String()
}

// Complete runs `woot __complete ARGS` and splits its answer into the
// candidate lines and cobra's directive line (":4" is no file names).
func (h *Harness) Complete(args ...string) (candidates []string, directive string) {
	h.t.Helper()
	out := h.MustRun(append([]string{"__complete"}, args...)...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1]
}

// IOSForUnit returns fresh test streams for tests that build commands directly.
func (h *Harness) IOSForUnit() *output.IOStreams {
	ios, _, out, errOut := output.Test()
	h.Out, h.ErrOut = out, errOut
	return ios
}
