package cmdtest

import (
	"bufio"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Served is a `woot sandbox serve` process started by a test.
type Served struct {
	Cmd    *exec.Cmd
	URL    string
	stderr *syncBuffer
}

// StartServe runs `woot sandbox serve` on a free loopback port (args may
// name another --addr: the last one wins) and returns once its banner has
// printed the URL. The process is killed when the test ends.
func StartServe(t *testing.T, woot string, env []string, args ...string) *Served {
	t.Helper()
	c := exec.Command(woot, append([]string{"sandbox", "serve", "--addr", "127.0.0.1:0", "-q"}, args...)...)
	c.Env = env
	out, err := c.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &Served{Cmd: c, stderr: &syncBuffer{}}
	c.Stderr = s.stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Process.Kill(); _ = c.Wait() })
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "CHATWOOT_URL="); ok {
				urls <- u
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case s.URL = <-urls:
		return s
	case <-time.After(30 * time.Second):
		t.Fatalf("sandbox serve printed no URL in 30s; stderr: %s", s.Stderr())
	}
	return nil
}

// Addr is the host:port the server listens on, for a restart on the same address.
func (s *Served) Addr() string { return strings.TrimPrefix(s.URL, "http://") }

// Stderr is what the server has written to stderr so far.
func (s *Served) Stderr() string { return s.stderr.String() }

// WaitExit waits, at most 30 s, for the server to stop after a signal and
// returns how it ended.
func (s *Served) WaitExit(t *testing.T) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.Cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		_ = s.Cmd.Process.Kill()
		t.Fatalf("sandbox serve did not stop within 30s of the signal; stderr: %s", s.Stderr())
	}
	return nil
}
