package output

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"time"

	"golang.org/x/term"
)

// defaultWidth is what TerminalWidth reports when the width is unknown
// (stdout piped, or the terminal would not say).
const defaultWidth = 80

// IOStreams is woot's one view of stdin, stdout and stderr.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	colorEnabled                   bool

	// width reports the terminal's columns; nil or a non-positive result
	// means unknown. It is asked on every call because terminals resize.
	width func() int
	now   func() time.Time
}

// System returns the process's streams with TTY detection, NO_COLOR and CLICOLOR_FORCE applied.
func System() *IOStreams {
	s := newIOStreams(os.Getenv,
		term.IsTerminal(int(os.Stdin.Fd())),
		term.IsTerminal(int(os.Stdout.Fd())),
		term.IsTerminal(int(os.Stderr.Fd())))
	s.In, s.Out, s.ErrOut = os.Stdin, os.Stdout, os.Stderr
	s.width = func() int { return systemWidth(s.stdoutTTY, os.Getenv) }
	return s
}

// newIOStreams applies the environment's colour rules to the given TTY
// flags; System passes the real ones, tests pass fakes.
func newIOStreams(getenv func(string) string, stdinTTY, stdoutTTY, stderrTTY bool) *IOStreams {
	return &IOStreams{
		stdinTTY:     stdinTTY,
		stdoutTTY:    stdoutTTY,
		stderrTTY:    stderrTTY,
		colorEnabled: colorWanted(getenv, stdoutTTY),
		now:          time.Now,
	}
}

// colorWanted decides colour once: NO_COLOR (any value) always wins
// (no-color.org), CLICOLOR_FORCE forces it into pipes, and otherwise colour
// follows stdout being a terminal, minus the classic opt-outs.
func colorWanted(getenv func(string) string, stdoutTTY bool) bool {
	if getenv("NO_COLOR") != "" {
		return false
	}
	if f := getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return true
	}
	if getenv("CLICOLOR") == "0" || getenv("TERM") == "dumb" {
		return false
	}
	return stdoutTTY
}

// systemWidth asks the terminal behind stdout, then $COLUMNS.
func systemWidth(stdoutTTY bool, getenv func(string) string) int {
	if stdoutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			return w
		}
	}
	if w, err := strconv.Atoi(getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return defaultWidth
}

// Test returns streams backed by buffers; no stream is a terminal until set.
func Test() (ios *IOStreams, in *bytes.Buffer, out *bytes.Buffer, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	ios = &IOStreams{In: in, Out: out, ErrOut: errOut, now: time.Now}
	return ios, in, out, errOut
}

func (s *IOStreams) IsStdinTTY() bool       { return s.stdinTTY }
func (s *IOStreams) IsStdoutTTY() bool      { return s.stdoutTTY }
func (s *IOStreams) IsStderrTTY() bool      { return s.stderrTTY }
func (s *IOStreams) SetStdinTTY(v bool)     { s.stdinTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool)    { s.stdoutTTY = v }
func (s *IOStreams) SetStderrTTY(v bool)    { s.stderrTTY = v }
func (s *IOStreams) ColorEnabled() bool     { return s.colorEnabled }
func (s *IOStreams) SetColorEnabled(v bool) { s.colorEnabled = v }

// CanPrompt is true when both stdin and stderr are terminals.
func (s *IOStreams) CanPrompt() bool { return s.stdinTTY && s.stderrTTY }

// TerminalWidth is the width of the terminal behind stdout, 80 when unknown.
func (s *IOStreams) TerminalWidth() int {
	if s.width != nil {
		if w := s.width(); w > 0 {
			return w
		}
	}
	return defaultWidth
}

// SetTerminalWidth fixes the width TerminalWidth reports (tests, or a
// --width style override).
func (s *IOStreams) SetTerminalWidth(w int) { s.width = func() int { return w } }

// Now is the clock that relative times ("5m ago") and progress rates use.
func (s *IOStreams) Now() time.Time {
	if s.now == nil {
		return time.Now()
	}
	return s.now()
}

// SetNow replaces the clock, so tests get stable relative times.
func (s *IOStreams) SetNow(now func() time.Time) { s.now = now }
