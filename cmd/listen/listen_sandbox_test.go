package listen_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

// sandboxListen is `woot --sandbox listen` running as its own process on
// the embedded sandbox state of dir, as in a user's first terminal.
type sandboxListen struct {
	cmd        *exec.Cmd
	stderr     bytes.Buffer // read once exited
	lines      chan string  // stdout, line by line
	subscribed chan struct{}
	exited     chan error
}

func sandboxEnv(dir string) []string {
	return []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "WOOT_CONFIG_DIR=" + dir}
}

func startSandboxListen(t *testing.T, woot, dir string, args ...string) *sandboxListen {
	t.Helper()
	l := &sandboxListen{lines: make(chan string, 64), subscribed: make(chan struct{}), exited: make(chan error, 1)}
	l.cmd = exec.Command(woot, append([]string{"--sandbox", "listen"}, args...)...)
	l.cmd.Env = sandboxEnv(dir)
	outPipe, err := l.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errPipe, err := l.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := l.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var read sync.WaitGroup
	read.Add(2)
	go func() {
		defer read.Done()
		defer close(l.lines)
		sc := bufio.NewScanner(outPipe)
		for sc.Scan() {
			l.lines <- sc.Text()
		}
	}()
	go func() {
		defer read.Done()
		sc := bufio.NewScanner(errPipe)
		said := false
		for sc.Scan() {
			l.stderr.WriteString(sc.Text() + "\n")
			if !said && strings.Contains(sc.Text(), "subscribed to RoomChannel") {
				said = true
				close(l.subscribed)
			}
		}
	}()
	go func() {
		read.Wait() // Wait closes the pipes: read them to the end first
		l.exited <- l.cmd.Wait()
	}()
	t.Cleanup(func() { _ = l.cmd.Process.Kill() })
	return l
}

// waitSubscribed fails the test if listen exits first or takes over d.
func (l *sandboxListen) waitSubscribed(t *testing.T, d time.Duration) {
	t.Helper()
	select {
	case <-l.subscribed:
	case err := <-l.exited:
		t.Fatalf("listen exited (%v) before subscribing:\n%s", err, &l.stderr)
	case <-time.After(d):
		t.Fatalf("listen did not subscribe within %v", d)
	}
}

// line returns listen's next line of stdout, failing the test after d or
// when listen ends first.
func (l *sandboxListen) line(t *testing.T, d time.Duration) string {
	t.Helper()
	select {
	case s, ok := <-l.lines:
		if !ok {
			t.Fatalf("listen ended its output without another line")
		}
		return s
	case <-time.After(d):
		t.Fatalf("listen printed nothing within %v", d)
		return ""
	}
}

// wait returns how listen exited and what else it printed, failing the
// test after d.
func (l *sandboxListen) wait(t *testing.T, d time.Duration) (rest []string, err error) {
	t.Helper()
	select {
	case err = <-l.exited:
	case <-time.After(d):
		t.Fatalf("listen still running after %v", d)
	}
	for s := range l.lines {
		rest = append(rest, s)
	}
	return rest, err
}

// TestSandboxListenShowsAnotherProcessesWrite is the newcomer's two
// terminals: `woot --sandbox listen` in one, `woot --sandbox messages
// create` in another; listen prints the new message's message.created
// event and, with --count 1, exits 0.
func TestSandboxListenShowsAnotherProcessesWrite(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	dir := t.TempDir()
	l := startSandboxListen(t, woot, dir, "--events", "message.created", "--count", "1", "--timeout", "1m")
	l.waitSubscribed(t, 30*time.Second)

	create := exec.Command(woot, "--sandbox", "messages", "create", "1", "--content", "hi from the other terminal", "-o", "json", "--jq", ".id")
	create.Env = sandboxEnv(dir)
	raw, err := create.Output()
	if err != nil {
		t.Fatalf("messages create: %v", err)
	}
	id, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64)
	if err != nil {
		t.Fatalf("messages create printed %q, not an id", raw)
	}

	first := l.line(t, time.Minute)
	rest, err := l.wait(t, time.Minute)
	if err != nil {
		t.Fatalf("listen: %v\n%s", err, &l.stderr)
	}
	if len(rest) != 0 {
		t.Errorf("listen printed more than the one event: %q", rest)
	}
	if !strings.Contains(l.stderr.String(), "connecting to the embedded sandbox as agent") {
		t.Errorf("stderr does not say listen connects to the embedded sandbox:\n%s", &l.stderr)
	}
	var ev struct {
		Event string `json:"event"`
		Data  struct {
			ID             int64  `json:"id"`
			Content        string `json:"content"`
			ConversationID int64  `json:"conversation_id"`
			AccountID      int64  `json:"account_id"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(first), &ev); err != nil {
		t.Fatalf("listen printed %q: %v", first, err)
	}
	if ev.Event != "message.created" || ev.Data.ID != id || ev.Data.Content != "hi from the other terminal" || ev.Data.ConversationID != 1 || ev.Data.AccountID != 1 {
		t.Errorf("listen printed %s, want message.created of message %d in conversation 1 of account 1", first, id)
	}
}

// TestSandboxListenStopsCleanlyOnInterrupt: the example without --count
// ends with Ctrl-C, exit 0, after printing what another process wrote.
func TestSandboxListenStopsCleanlyOnInterrupt(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	dir := t.TempDir()
	l := startSandboxListen(t, woot, dir, "--events", "conversation.status_changed", "--jq", ".data.status")
	l.waitSubscribed(t, 30*time.Second)
	set := exec.Command(woot, "--sandbox", "conversations", "set-status", "2", "--status", "resolved")
	set.Env = sandboxEnv(dir)
	if out, err := set.CombinedOutput(); err != nil {
		t.Fatalf("set-status: %v\n%s", err, out)
	}
	if got := l.line(t, time.Minute); got != "resolved" {
		t.Errorf("listen printed %q, want the new status", got)
	}
	if err := l.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	rest, err := l.wait(t, time.Minute)
	if err != nil {
		t.Fatalf("listen after Ctrl-C: %v\n%s", err, &l.stderr)
	}
	if len(rest) != 0 {
		t.Errorf("listen printed more after the event: %q", rest)
	}
	if !strings.Contains(l.stderr.String(), "stopped after 1 event(s)") {
		t.Errorf("stderr does not sum up the one event:\n%s", &l.stderr)
	}
}
