//go:build linux

package cmd_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// ptyWait bounds every wait on a process behind a pseudo-terminal; it
// only matters when woot hangs, which is the failure these tests catch.
const ptyWait = 20 * time.Second

// ptySession is woot running on a pseudo-terminal, as at a user's shell:
// stdin, stdout and stderr are the terminal, and Ctrl-C typed into it
// goes through the terminal's line discipline.
type ptySession struct {
	t       *testing.T
	cmd     *exec.Cmd
	master  *os.File
	mu      sync.Mutex
	screen  bytes.Buffer
	changed chan struct{}
	exited  chan struct{}
	drained chan struct{} // closed when no more output can come
}

// startOnPTY runs bin with args on a new pseudo-terminal.
func startOnPTY(t *testing.T, bin string, env []string, args ...string) *ptySession {
	t.Helper()
	master, slave := openPTY(t)
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	// A session of its own with the terminal as controlling terminal: the
	// terminal's Ctrl-C then signals woot, as it does in a shell.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start woot on a terminal: %v", err)
	}
	slave.Close()
	s := &ptySession{t: t, cmd: cmd, master: master, changed: make(chan struct{}, 1), exited: make(chan struct{}), drained: make(chan struct{})}
	go s.readScreen()
	go func() {
		cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			cmd.Process.Kill()
			<-s.exited
		}
		master.Close()
	})
	return s
}

// openPTY opens a pseudo-terminal pair through /dev/ptmx.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals on this machine: %v", err)
	}
	var unlock int32
	var n uint32
	if err := ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		t.Skipf("unlock the pseudo-terminal: %v", err)
	}
	if err := ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		t.Skipf("name the pseudo-terminal: %v", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open the pseudo-terminal: %v", err)
	}
	return master, slave
}

func ioctl(f *os.File, req uint, arg unsafe.Pointer) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), uintptr(req), uintptr(arg)); errno != 0 {
		return errno
	}
	return nil
}

// readScreen collects everything woot writes to the terminal.
func (s *ptySession) readScreen() {
	defer close(s.drained)
	buf := make([]byte, 4096)
	for {
		n, err := s.master.Read(buf)
		if n > 0 {
			s.mu.Lock()
			s.screen.Write(buf[:n])
			s.mu.Unlock()
			select {
			case s.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

func (s *ptySession) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.screen.String()
}

// expect waits until the terminal shows want.
func (s *ptySession) expect(want string) {
	s.t.Helper()
	deadline := time.After(ptyWait)
	for !strings.Contains(s.text(), want) {
		select {
		case <-s.changed:
		case <-s.drained:
			if !strings.Contains(s.text(), want) {
				s.t.Fatalf("woot exited without showing %q; the terminal shows:\n%s", want, s.text())
			}
		case <-deadline:
			s.t.Fatalf("the terminal never showed %q; it shows:\n%s", want, s.text())
		}
	}
}

// typeKeys types into the terminal.
func (s *ptySession) typeKeys(keys string) {
	s.t.Helper()
	if _, err := s.master.Write([]byte(keys)); err != nil {
		s.t.Fatalf("type %q: %v", keys, err)
	}
}

// exitCode waits for woot to end, and for all it wrote to be read, and
// returns its exit status.
func (s *ptySession) exitCode() int {
	s.t.Helper()
	deadline := time.After(ptyWait)
	for _, ch := range []chan struct{}{s.exited, s.drained} {
		select {
		case <-ch:
		case <-deadline:
			s.t.Fatalf("woot still runs %v after the keys were typed; the terminal shows:\n%s", ptyWait, s.text())
		}
	}
	return s.cmd.ProcessState.ExitCode()
}
