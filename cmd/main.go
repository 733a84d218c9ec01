// Package cmd is woot's root command: Main, the root, help topics and the
// choice of the one top-level command a line names. The operation commands
// are built by cmd/operation from the pkg/application|client|platform
// tables; each hand-written feature (api, auth, bulk, listen, sandbox,
// webhooks) is a package of its own under cmd/, and what they share is in
// pkg/cmdutil. See docs/architecture.md.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/interrupt"
	"github.com/wootcli/woot/pkg/output"
)

// Main runs woot with the process's arguments and returns the exit code.
func Main() int {
	args := os.Args[1:]
	// The version needs no command tree, nor even the IO streams: answer
	// before anything else, so the most common health check of a CLI
	// touches no more of the binary than it must.
	if len(args) == 1 && (args[0] == "--version" || args[0] == "version") {
		if _, err := os.Stdout.WriteString(cmdutil.VersionLine() + "\n"); err != nil {
			fmt.Fprintf(os.Stderr, "error: write the version to stdout: %v\n", err)
			return cmdutil.ExitOther
		}
		return cmdutil.ExitOK
	}
	ios := output.System()
	ios.Out = interrupt.Stdout(ios.Out)
	ctx, arm, stop := interrupt.Prepare(context.Background(), forceExit)
	defer stop()
	f := &cmdutil.Factory{IOStreams: ios, Getenv: os.Getenv, Now: time.Now, ArmInterrupts: arm}
	code := Run(ctx, f, args)
	if code != cmdutil.ExitOK && interrupt.Received(ctx) != nil {
		// Whatever the command failed on, it failed because it was
		// interrupted (a request cut short, a read abandoned).
		return cmdutil.ExitInterrupted
	}
	return code
}

// forceExit ends the process on a second Ctrl-C: the user will not wait
// for a clean stop. Only the temporary files go; the files the user asked
// for keep their previous content.
func forceExit(os.Signal) {
	output.RemoveTempFiles()
	os.Exit(cmdutil.ExitInterrupted)
}

// run executes args against a command tree built for them and reports
// any error on stderr; tests call it with a test Factory.
func Run(ctx context.Context, f *cmdutil.Factory, args []string) int {
	root := newRootCmd(f, args)
	root.SetArgs(args)
	root.SetIn(f.IOStreams.In)
	root.SetOut(f.IOStreams.Out)
	root.SetErr(f.IOStreams.ErrOut)
	err := root.ExecuteContext(ctx)
	defer f.CloseSandbox()
	if err == nil {
		return cmdutil.ExitOK
	}
	err = classifyCobraError(err)
	printError(f.IOStreams, err)
	return cmdutil.ExitCode(err)
}

func printError(ios *output.IOStreams, err error) {
	if errors.Is(err, cmdutil.ErrSilent) || errors.Is(err, interrupt.ErrStdoutClosed) {
		return
	}
	var exitErr *cmdutil.ExitError
	if errors.As(err, &exitErr) && exitErr.Err == nil {
		return
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(ios.ErrOut, "interrupted")
		return
	}
	fmt.Fprintf(ios.ErrOut, "error: %s\n", err)
	if hint := cmdutil.ErrorHint(err); hint != "" {
		fmt.Fprintf(ios.ErrOut, "hint: %s\n", hint)
	}
}

// classifyCobraError marks cobra's own usage complaints (unknown command,
// unknown or missing flags) as usage errors.
func classifyCobraError(err error) error {
	var flagErr *cmdutil.FlagError
	if errors.As(err, &flagErr) {
		return err
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "required flag", "invalid argument", "flag needs an argument", "accepts ", "requires at least"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return &cmdutil.FlagError{Err: err}
		}
	}
	return err
}
