package cmdutil

import (
	"bufio"
	"fmt"
	"strings"
)

// Confirm asks before a destructive request: on a terminal it prompts;
// elsewhere --yes is required.
func Confirm(f *Factory, yes bool, what string) error {
	if yes {
		return nil
	}
	ios := f.IOStreams
	if !ios.CanPrompt() {
		return FlagErrorf("refusing to run %s without confirmation: pass --yes (no terminal to ask on)", what)
	}
	fmt.Fprintf(ios.ErrOut, "? Really %s? [y/N] ", what)
	line, _ := bufio.NewReader(ios.In).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return nil
	}
	return &ExitError{Code: ExitOther, Err: fmt.Errorf("cancelled: nothing was sent")}
}
