package cmd

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/spectest"
)

// testToken is the access token of every test; tests assert it never
// appears in any output.
const (
	testToken         = "tok-user-5f2b9c1d8e7a"
	testPlatformToken = "tok-platform-a9e8d7c6"
)

// harness runs woot commands in-process against a stub Chatwoot.
type harness struct {
	t      *testing.T
	stub   *spectest.Stub
	env    map[string]string
	ios    *output.IOStreams
	in     *bytes.Buffer
	out    *bytes.Buffer
	errOut *bytes.Buffer
	tty    bool
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	stub := spectest.NewStub(t)
	h := &harness{t: t, stub: stub, env: map[string]string{
		"CHATWOOT_URL":            stub.URL,
		"CHATWOOT_API_TOKEN":      testToken,
		"CHATWOOT_PLATFORM_TOKEN": testPlatformToken,
		"CHATWOOT_ACCOUNT_ID":     "1",
		"WOOT_CONFIG_DIR":         t.TempDir(),
	}}
	return h
}

// run executes one woot command line and returns its exit code; stdout
// and stderr are in h.out and h.errOut.
func (h *harness) run(args ...string) int {
	h.t.Helper()
	ios, in, out, errOut := output.Test()
	if h.in != nil {
		in.Write(h.in.Bytes())
	}
	ios.SetStdoutTTY(h.tty)
	ios.SetStderrTTY(h.tty)
	ios.SetStdinTTY(h.tty)
	h.ios, h.out, h.errOut = ios, out, errOut
	f := &cmdutil.Factory{
		IOStreams: ios,
		Getenv:    func(k string) string { return h.env[k] },
		Now:       func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) },
		Sleep:     func(context.Context, time.Duration) error { return nil },
	}
	ios.SetNow(f.Now)
	if len(args) > 0 && args[0] != "__complete" {
		args = append(args, "--retries", "2")
	}
	code := run(context.Background(), f, args)
	for _, s := range []string{testToken, testPlatformToken} {
		if strings.Contains(out.String(), s) || strings.Contains(errOut.String(), s) {
			h.t.Fatalf("a token appeared in the output of %v:\nstdout: %s\nstderr: %s", args, out, errOut)
		}
	}
	return code
}

// mustRun runs a command that must succeed.
func (h *harness) mustRun(args ...string) string {
	h.t.Helper()
	if code := h.run(args...); code != 0 {
		h.t.Fatalf("woot %s: exit %d\nstderr: %s", strings.Join(args, " "), code, h.errOut)
	}
	return h.out.String()
}

// iosForUnit returns fresh test streams for tests that build commands directly.
func (h *harness) iosForUnit() *output.IOStreams {
	ios, _, out, errOut := output.Test()
	h.out, h.errOut = out, errOut
	return ios
}
