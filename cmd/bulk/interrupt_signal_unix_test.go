//go:build unix

package bulk_test

import (
	"bufio"
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// signalWait bounds each wait on woot; only a hang reaches it.
const signalWait = 20 * time.Second

// holdingSandbox serves a sandbox with 40 contacts whose second contacts
// page is held until release is closed (never, when nil) or the client
// gives up: a command listing them is certain to be mid-way, with output
// written, when the test acts.
func holdingSandbox(t *testing.T, release <-chan struct{}) (b *bulkSandbox, held <-chan struct{}) {
	t.Helper()
	sb, err := sandbox.New(sandbox.Options{Seed: "empty"})
	if err != nil {
		t.Fatal(err)
	}
	reached := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "GET" && strings.HasSuffix(r.URL.Path, "/contacts") && r.URL.Query().Get("page") == "2" {
			once.Do(func() { close(reached) })
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
		sb.Close()
	})
	b = &bulkSandbox{Sandbox: sb, URL: srv.URL}
	b.seedContacts(t, seedCSV(40))
	return b, reached
}

// awaitExit waits for the process behind exited, killing it on a hang.
func awaitExit(t *testing.T, cmd *exec.Cmd, exited <-chan error, when string) {
	t.Helper()
	select {
	case <-exited:
	case <-time.After(signalWait):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("woot still runs %v %s", signalWait, when)
	}
}

// TestSignalKeepsOutputFile: SIGINT or SIGTERM while an export or a list
// writes --output-file leaves the existing file byte for byte as it was,
// removes the temporary files (the CSV spool included) and exits 130.
func TestSignalKeepsOutputFile(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	const old = "id,name\n1,the export of yesterday\n"
	for _, c := range []struct {
		name string
		args []string
	}{
		{"export", []string{"contacts", "export", "-o", "csv"}},
		{"list", []string{"contacts", "list", "--all"}},
	} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(c.name+"/"+sig.String(), func(t *testing.T) {
				b, held := holdingSandbox(t, nil)
				out, tmp := t.TempDir(), t.TempDir()
				keep := filepath.Join(out, "keep.csv")
				if err := os.WriteFile(keep, []byte(old), 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(woot, append(c.args, "--output-file", keep)...)
				cmd.Env = append(b.env(t.TempDir()), "TMPDIR="+tmp)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				exited := make(chan error, 1)
				go func() { exited <- cmd.Wait() }()
				select {
				case <-held:
				case err := <-exited:
					t.Fatalf("woot ended before the held page: %v\n%s", err, stderr.String())
				case <-time.After(signalWait):
					cmd.Process.Kill()
					t.Fatal("woot never asked for the second page")
				}
				cmd.Process.Signal(sig)
				awaitExit(t, cmd, exited, "after "+sig.String())
				if code := cmd.ProcessState.ExitCode(); code != cmdutil.ExitInterrupted {
					t.Errorf("exit %d, want 130; stderr: %s", code, stderr.String())
				}
				cmdtest.AssertFileUnchanged(t, keep, old)
				if left, _ := os.ReadDir(tmp); len(left) != 0 {
					t.Errorf("temporary files left in TMPDIR: %v", left[0].Name())
				}
				if !strings.Contains(stderr.String(), "interrupted") {
					t.Errorf("stderr: %q", stderr.String())
				}
			})
		}
	}
}

// TestClosedStdoutEndsQuietly: the reader takes one line and closes the
// pipe before the second page arrives, so woot's next write is certain
// to meet a closed pipe. It must stop with 0 and say nothing.
func TestClosedStdoutEndsQuietly(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	release := make(chan struct{})
	b, held := holdingSandbox(t, release)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(woot, "contacts", "list", "--all")
	cmd.Env = b.env(t.TempDir())
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "1\t") {
		t.Fatalf("first line %q: %v", line, err)
	}
	select {
	case <-held:
	case <-time.After(signalWait):
		t.Fatal("woot never asked for the second page")
	}
	r.Close()
	close(release)
	awaitExit(t, cmd, exited, "after its reader went away")
	if code := cmd.ProcessState.ExitCode(); code != 0 || stderr.Len() != 0 {
		t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, stderr.String())
	}
}

// TestSandboxListIntoHead is the shell's `woot --sandbox contacts list
// --all | head -1`: one line on stdout, nothing on stderr, woot's own
// status 0 (whether or not head has closed the pipe by its next write).
func TestSandboxListIntoHead(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	headPath, err := exec.LookPath("head")
	if err != nil {
		t.Skip("no head on this machine")
	}
	dir := t.TempDir()
	head := exec.Command(headPath, "-1")
	var out bytes.Buffer
	head.Stdout = &out
	pipe, err := head.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	list := exec.Command(woot, "--sandbox", "contacts", "list", "--all")
	list.Env = []string{"HOME=" + dir, "WOOT_CONFIG_DIR=" + dir}
	var stderr bytes.Buffer
	list.Stdout, list.Stderr = pipe, &stderr
	if err := head.Start(); err != nil {
		t.Fatal(err)
	}
	if err := list.Start(); err != nil {
		t.Fatal(err)
	}
	// Only the two processes hold the pipe now, as in a shell.
	pipe.Close()
	listErr := make(chan error, 1)
	go func() { listErr <- list.Wait() }()
	awaitExit(t, list, listErr, "after head took its line")
	head.Wait()
	if code := list.ProcessState.ExitCode(); code != 0 {
		t.Errorf("woot exited %d (%v), want 0", code, list.ProcessState)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %q", stderr.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 1 {
		t.Errorf("head printed %d lines: %q", n, out.String())
	}
}
