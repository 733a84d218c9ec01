package cmd_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// `woot version`, and --version beside other flags (which cobra answers
// through its default version function, not a template), print the same
// line.
func TestVersionLineIsTheSameWhicheverWayItIsAsked(t *testing.T) {
	want := cmdutil.VersionLine() + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"--profile=ci", "--version"}, {"-v"}} {
		h := cmdtest.NewHarness(t)
		if got := h.MustRun(args...); got != want {
			t.Errorf("woot %q printed %q, want %q", args, got, want)
		}
	}
}

// `woot --version` answers before the IO streams exist; a stdout that
// cannot be written still gets a message and exit 1, not silence and 0.
func TestVersionReportsAFailedWrite(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here to refuse a write")
	}
	defer full.Close()
	cmd := exec.Command(cmdtest.WootBinary(t), "--version")
	cmd.Stdout = full
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != cmdutil.ExitOther {
		t.Fatalf("woot --version > /dev/full: %v, want exit %d", err, cmdutil.ExitOther)
	}
	if !strings.Contains(stderr.String(), "write the version to stdout") {
		t.Errorf("stderr %q does not say what failed", stderr.String())
	}
}
