package cmdutil

import (
	"context"
	"fmt"

	"github.com/wootcli/woot/pkg/prompt"
)

// Confirm asks before a destructive request: on a terminal it prompts;
// elsewhere --yes is required. Anything but a yes (Ctrl-C and Ctrl-D
// included) cancels with exit 130 before a request is sent.
func Confirm(ctx context.Context, f *Factory, yes bool, what string) error {
	if yes {
		return nil
	}
	ios := f.IOStreams
	if !ios.CanPrompt() {
		return FlagErrorf("refusing to run %s without confirmation: pass --yes (no terminal to ask on)", what)
	}
	if ok, err := prompt.New(ios.In, ios.ErrOut).Confirm(ctx, "Really "+what+"?"); ok && err == nil {
		return nil
	}
	return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("cancelled: nothing was sent")}
}
