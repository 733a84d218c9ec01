package accountconf_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// An apply SIGKILLed at three moments, chosen by the requests it has
// sent (never by time), and run again ends as a clean apply does: the
// same export, nothing created twice.
func TestConfigApplyKilledThenRerun(t *testing.T) {
	bin := cmdtest.WootBinary(t)
	moments := []struct {
		name        string
		at          func(req string, n int) bool
		serverActed bool // the server carried out the request before the kill: its answer is lost
	}{
		{"before the first change reached the server", func(_ string, n int) bool { return n == 1 }, false},
		{"after the server created a team, the answer lost", func(req string, _ int) bool {
			return strings.HasPrefix(req, "POST ") && strings.HasSuffix(req, "/teams")
		}, true},
		{"after an article was created, the answer lost", func(req string, _ int) bool {
			return strings.HasPrefix(req, "POST ") && strings.HasSuffix(req, "/articles")
		}, true},
	}
	for _, m := range moments {
		t.Run(m.name, func(t *testing.T) {
			s := newConfSandbox(t)
			h := s.harness(t)
			dir := filepath.Join(t.TempDir(), "acme")
			h.MustRun("config", "export", "--dir", dir)
			want := readTree(t, dir)
			account := newAccount(t, h)
			journal := dir + ".journal"

			var (
				mu      sync.Mutex
				child   *exec.Cmd
				fired   bool
				inJrnl  string
				started = make(chan struct{})
			)
			s.setIntercept(func(w http.ResponseWriter, r *http.Request, n int) bool {
				mu.Lock()
				defer mu.Unlock()
				if fired || !m.at(r.Method+" "+r.URL.Path, n) {
					return false
				}
				fired = true
				if m.serverActed {
					s.Sandbox.ServeHTTP(httptest.NewRecorder(), r)
				}
				data, _ := os.ReadFile(journal)
				inJrnl = string(data)
				<-started
				child.Process.Kill() // SIGKILL: nothing runs after it
				return true
			})
			s.counts()
			child = exec.Command(bin, "--account", account, "config", "apply", "-f", dir)
			child.Env = []string{"CHATWOOT_URL=" + s.URL, "CHATWOOT_API_TOKEN=" + sandbox.SeedUserToken,
				"WOOT_CONFIG_DIR=" + t.TempDir(), "HOME=" + t.TempDir(), "NO_COLOR=1"}
			var stderr bytes.Buffer
			child.Stderr = &stderr
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			close(started)
			err := child.Wait()
			var exitErr *exec.ExitError
			if !errors.As(err, &exitErr) || exitErr.ExitCode() != -1 {
				t.Fatalf("the apply was not killed (err %v); fired %v\nstderr: %s", err, fired, stderr.String())
			}
			s.setIntercept(nil)
			lines := strings.Split(strings.TrimSpace(inJrnl), "\n")
			if last := lines[len(lines)-1]; !strings.Contains(last, `"t":"intent"`) {
				t.Errorf("at the kill the journal's last record is %s, want the intent of the change in flight", last)
			}

			h.MustRun("--account", account, "config", "apply", "-f", dir)
			if !strings.Contains(h.ErrOut.String(), "Resuming an apply that stopped") {
				t.Errorf("the re-run does not say it resumes:\n%s", h.ErrOut)
			}
			got := filepath.Join(t.TempDir(), "copy")
			h.MustRun("--account", account, "config", "export", "--dir", got)
			assertSameTree(t, want, readTree(t, got))

			s.counts()
			h.MustRun("--account", account, "config", "apply", "-f", dir)
			if _, sent := s.counts(); len(sent) != 0 {
				t.Errorf("after the re-run another apply still sends %v", sent)
			}
		})
	}
}

// Ctrl-C in the middle of an apply exits 130 and keeps the journal; the
// next run resumes and ends as a clean apply.
func TestConfigApplyInterruptedThenResumed(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir)
	want := readTree(t, dir)
	account := newAccount(t, h)
	s.counts()

	reached, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	s.setIntercept(func(_ http.ResponseWriter, _ *http.Request, n int) bool {
		if n == 6 {
			once.Do(func() { close(reached) })
			<-release // held until the client has given up
		}
		return false
	})
	env := map[string]string{}
	for k, v := range h.Env {
		env[k] = v
	}
	live := cmdtest.StartWoot(t, env, "--account", account, "config", "apply", "-f", dir)
	<-reached
	code := live.Stop(30 * time.Second)
	close(release)
	s.setIntercept(nil)
	if code != cmdutil.ExitInterrupted {
		t.Fatalf("interrupted apply: exit %d, want %d\n%s", code, cmdutil.ExitInterrupted, live.ErrOut.String())
	}
	data, err := os.ReadFile(dir + ".journal")
	if err != nil {
		t.Fatalf("the interrupted apply left no journal: %v", err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if !strings.HasPrefix(line, "{") || !strings.HasSuffix(line, "}") {
			t.Errorf("journal line %d is torn: %q", i+1, line)
		}
	}

	h.MustRun("--account", account, "config", "apply", "-f", dir)
	if !strings.Contains(h.ErrOut.String(), "Resuming an apply that stopped: 5 change(s) were done") {
		t.Errorf("the re-run does not report the interrupted one:\n%s", h.ErrOut)
	}
	got := filepath.Join(t.TempDir(), "copy")
	h.MustRun("--account", account, "config", "export", "--dir", got)
	assertSameTree(t, want, readTree(t, got))
}
