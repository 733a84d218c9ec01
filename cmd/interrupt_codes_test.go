package cmd

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/interrupt"
)

func TestCancellationExits130(t *testing.T) {
	for _, err := range []error{
		context.Canceled,
		fmt.Errorf("list contacts: %w", context.Canceled),
		&api.NetworkError{Err: context.Canceled},
		&interrupt.Error{},
	} {
		if code := exitCode(err); code != exitInterrupted {
			t.Errorf("exitCode(%v) = %d, want 130", err, code)
		}
	}
	if code := exitCode(fmt.Errorf("print: %w", interrupt.ErrStdoutClosed)); code != exitOK {
		t.Errorf("a closed stdout exits %d, want 0", code)
	}
}

func TestExitCodesHelpLists130(t *testing.T) {
	h := newHarness(t)
	out := h.mustRun("help", "exit-codes")
	if !strings.Contains(out, "130  interrupted or cancelled") {
		t.Fatalf("woot help exit-codes does not document 130:\n%s", out)
	}
}

// TestRefusedDeleteExits130: "a prompt refused" is a cancellation, and
// nothing reaches the server (the stub fails on any request).
func TestRefusedDeleteExits130(t *testing.T) {
	for _, answer := range []string{"n\n", "\n", ""} {
		h := newHarness(t)
		h.tty = true
		h.in = bytes.NewBufferString(answer)
		if code := h.run("contacts", "delete", "54"); code != exitInterrupted {
			t.Errorf("answer %q: exit %d, want 130; stderr: %s", answer, code, h.errOut)
		}
		if !strings.Contains(h.errOut.String(), "nothing was sent") {
			t.Errorf("answer %q: stderr %q", answer, h.errOut)
		}
	}
}
