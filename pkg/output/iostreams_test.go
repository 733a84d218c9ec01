package output

import (
	"strings"
	"testing"
	"time"
)

func TestColorRules(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		stdoutTTY bool
		want      bool
	}{
		{"terminal", nil, true, true},
		{"pipe", nil, false, false},
		{"NO_COLOR on a terminal", map[string]string{"NO_COLOR": "1"}, true, false},
		{"NO_COLOR any value", map[string]string{"NO_COLOR": "false"}, true, false},
		{"NO_COLOR empty is unset", map[string]string{"NO_COLOR": ""}, true, true},
		{"CLICOLOR_FORCE in a pipe", map[string]string{"CLICOLOR_FORCE": "1"}, false, true},
		{"CLICOLOR_FORCE=0 forces nothing", map[string]string{"CLICOLOR_FORCE": "0"}, false, false},
		{"NO_COLOR beats CLICOLOR_FORCE", map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, false, false},
		{"CLICOLOR=0", map[string]string{"CLICOLOR": "0"}, true, false},
		{"dumb terminal", map[string]string{"TERM": "dumb"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			s := newIOStreams(getenv, false, tt.stdoutTTY, false)
			if s.ColorEnabled() != tt.want {
				t.Errorf("ColorEnabled = %v, want %v", s.ColorEnabled(), tt.want)
			}
		})
	}
}

// System reads the real environment; under `go test` stdout is not a
// terminal, so only the variables can turn colour on.
func TestSystemHonoursEnvironment(t *testing.T) {
	if System().IsStdoutTTY() {
		t.Skip("stdout is a terminal; this test needs it piped")
	}
	t.Setenv("NO_COLOR", "")
	t.Setenv("CLICOLOR_FORCE", "1")
	if !System().ColorEnabled() {
		t.Error("CLICOLOR_FORCE=1 did not force colour into a pipe")
	}
	t.Setenv("NO_COLOR", "1")
	if System().ColorEnabled() {
		t.Error("NO_COLOR did not win over CLICOLOR_FORCE")
	}
	t.Setenv("NO_COLOR", "")
	t.Setenv("CLICOLOR_FORCE", "")
	if System().ColorEnabled() {
		t.Error("colour on in a pipe without CLICOLOR_FORCE")
	}
	t.Setenv("COLUMNS", "132")
	if w := System().TerminalWidth(); w != 132 {
		t.Errorf("TerminalWidth = %d, want $COLUMNS 132 when stdout is piped", w)
	}
}

func TestTestStreams(t *testing.T) {
	ios, in, out, errOut := Test()
	if ios.IsStdinTTY() || ios.IsStdoutTTY() || ios.IsStderrTTY() || ios.ColorEnabled() || ios.CanPrompt() {
		t.Error("Test() streams must start as non-terminals without colour")
	}
	if ios.TerminalWidth() != 80 {
		t.Errorf("TerminalWidth = %d, want 80", ios.TerminalWidth())
	}
	in.WriteString("y\n")
	buf := make([]byte, 2)
	if n, _ := ios.In.Read(buf); n != 2 || string(buf) != "y\n" {
		t.Error("In is not the returned buffer")
	}
	ios.Out.Write([]byte("data"))
	ios.ErrOut.Write([]byte("note"))
	if out.String() != "data" || errOut.String() != "note" {
		t.Error("Out/ErrOut are not the returned buffers")
	}

	ios.SetStdinTTY(true)
	if ios.CanPrompt() {
		t.Error("CanPrompt without a terminal on stderr")
	}
	ios.SetStderrTTY(true)
	if !ios.CanPrompt() {
		t.Error("CanPrompt false with stdin and stderr terminals")
	}
	ios.SetTerminalWidth(42)
	if ios.TerminalWidth() != 42 {
		t.Errorf("TerminalWidth = %d after SetTerminalWidth(42)", ios.TerminalWidth())
	}
	ios.SetTerminalWidth(0)
	if ios.TerminalWidth() != 80 {
		t.Errorf("an unknown width must read as 80, got %d", ios.TerminalWidth())
	}
	at := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	ios.SetNow(func() time.Time { return at })
	if !ios.Now().Equal(at) {
		t.Error("SetNow did not replace the clock")
	}
}

func TestColorHelpers(t *testing.T) {
	ios, _, _, _ := Test()
	if got := ios.Bold("ID"); got != "ID" {
		t.Errorf("Bold without colour = %q", got)
	}
	ios.SetColorEnabled(true)
	if got := ios.Bold("ID"); got != "\x1b[1mID\x1b[0m" {
		t.Errorf("Bold = %q", got)
	}
	if got := ios.Red("x"); !strings.HasPrefix(got, "\x1b[31m") {
		t.Errorf("Red = %q", got)
	}
}
