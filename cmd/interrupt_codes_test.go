package cmd_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/interrupt"
)

func TestCancellationExits130(t *testing.T) {
	for _, err := range []error{
		context.Canceled,
		fmt.Errorf("list contacts: %w", context.Canceled),
		&api.NetworkError{Err: context.Canceled},
		&interrupt.Error{},
	} {
		if code := cmdutil.ExitCode(err); code != cmdutil.ExitInterrupted {
			t.Errorf("cmdutil.ExitCode(%v) = %d, want 130", err, code)
		}
	}
	if code := cmdutil.ExitCode(fmt.Errorf("print: %w", interrupt.ErrStdoutClosed)); code != cmdutil.ExitOK {
		t.Errorf("a closed stdout exits %d, want 0", code)
	}
}

func TestExitCodesHelpLists130(t *testing.T) {
	h := cmdtest.NewHarness(t)
	out := h.MustRun("help", "exit-codes")
	if !strings.Contains(out, "130  interrupted or cancelled") {
		t.Fatalf("woot help exit-codes does not document 130:\n%s", out)
	}
}

// TestRefusedDeleteExits130: "a prompt refused" is a cancellation, and
// nothing reaches the server (the stub fails on any request).
func TestRefusedDeleteExits130(t *testing.T) {
	for _, answer := range []string{"n\n", "\n", ""} {
		h := cmdtest.NewHarness(t)
		h.TTY = true
		h.In = bytes.NewBufferString(answer)
		if code := h.Run("contacts", "delete", "54"); code != cmdutil.ExitInterrupted {
			t.Errorf("answer %q: exit %d, want 130; stderr: %s", answer, code, h.ErrOut)
		}
		if !strings.Contains(h.ErrOut.String(), "nothing was sent") {
			t.Errorf("answer %q: stderr %q", answer, h.ErrOut)
		}
	}
}
