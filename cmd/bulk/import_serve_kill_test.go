package bulk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// TestImportSurvivesKillsOfClientAndServedSandbox is issue 11's second
// acceptance run: 600 rows (6 malformed) imported into `woot sandbox serve
// --state F` with faults and Chatwoot's real rate limit, the import killed
// with SIGKILL five times and the server killed (SIGKILL) and restarted on
// the same address once while an import runs. The moments are chosen by the
// journal's progress, not by the clock, so every run kills at the same
// points of the job whatever the machine's speed. In the end the served
// state holds exactly the 594 valid rows, once each, and the rejects file
// the 6 malformed ones.
func TestImportSurvivesKillsOfClientAndServedSandbox(t *testing.T) {
	bin := cmdtest.WootBinary(t)
	dir := t.TempDir()
	state := filepath.Join(dir, "served.json")
	serveArgs := []string{"--state", state, "--seed", "demo", "--fail-rate", "0.1", "--reset-rate", "0.05",
		"--rate-limit", "3000/min", "--rand-seed", "7"}
	serverEnv := []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "WOOT_CONFIG_DIR=" + filepath.Join(dir, "server-config")}
	srv := cmdtest.StartServe(t, bin, serverEnv, serveArgs...)

	in, valid, malformed := killCSV(t, dir, 600)
	journal := in + ".journal"
	env := []string{"CHATWOOT_URL=" + srv.URL, "CHATWOOT_API_TOKEN=" + sandbox.SeedUserToken, "CHATWOOT_ACCOUNT_ID=1",
		"WOOT_CONFIG_DIR=" + filepath.Join(dir, "config"), "HOME=" + dir, "NO_COLOR=1"}
	args := []string{"contacts", "import", in, "--concurrency", "8", "-o", "json"}

	// Five kills of the import, at these numbers of finished rows; during the
	// fourth run the server is killed and started again first.
	killAt := []int{40, 150, 260, 380, 500}
	serverKillAt := 320
	for k, at := range killAt {
		var during func(done int) bool
		if k == 3 {
			during = func(done int) bool {
				if done < serverKillAt || srv == nil || srv.Cmd.ProcessState != nil {
					return false
				}
				restartAt := srv.Addr()
				_ = srv.Cmd.Process.Signal(syscall.SIGKILL)
				_ = srv.WaitExit(t)
				t.Logf("server killed at %d finished rows; restarting on %s", done, restartAt)
				srv = cmdtest.StartServe(t, bin, serverEnv, append(serveArgs, "--addr", restartAt)...)
				return true
			}
		}
		exit, killedAt, stderr := importUntil(t, bin, env, args, journal, at, during)
		t.Logf("run %d: exit %d, killed at %d finished rows", k+1, exit, killedAt)
		if killedAt < 0 {
			t.Fatalf("run %d ended (exit %d) before it reached %d finished rows:\n%s", k+1, exit, at, stderr)
		}
	}

	finishImport(t, bin, env, args, journal, filepath.Join(dir, "people.rejects.csv"), valid, malformed)

	// Stop the server as CI does (SIGTERM) and judge what it saved.
	_ = srv.Cmd.Process.Signal(syscall.SIGTERM)
	if err := srv.WaitExit(t); err != nil {
		t.Fatalf("sandbox serve after SIGTERM: %v\n%s", err, srv.Stderr())
	}
	checkImportedOnce(t, state, valid)
}

// TestEmbeddedImportSurvivesKills is issue 11's first acceptance run:
// `woot --sandbox contacts import` of 600 rows (6 malformed), SIGKILLed at
// three moments of the job and run again with the same journal. The
// embedded sandbox commits each write before answering, so the state ends
// with exactly the 594 valid rows, once each.
func TestEmbeddedImportSurvivesKills(t *testing.T) {
	bin := cmdtest.WootBinary(t)
	dir := t.TempDir()
	in, valid, malformed := killCSV(t, dir, 600)
	journal := in + ".journal"
	env := []string{"CHATWOOT_URL=sandbox", "WOOT_CONFIG_DIR=" + dir, "HOME=" + dir, "NO_COLOR=1"}
	args := []string{"contacts", "import", in, "-o", "json"}
	for k, at := range []int{25, 230, 480} {
		exit, killedAt, stderr := importUntil(t, bin, env, args, journal, at, nil)
		if killedAt < 0 {
			t.Fatalf("run %d ended (exit %d) before it reached %d finished rows:\n%s", k+1, exit, at, stderr)
		}
	}
	finishImport(t, bin, env, args, journal, filepath.Join(dir, "people.rejects.csv"), valid, malformed)
	checkImportedOnce(t, filepath.Join(dir, "sandbox.json"), valid)
}

// finishImport runs the import to its end (at most three runs) and checks
// its summary, journal and rejects file.
func finishImport(t *testing.T, bin string, env, args []string, journal, rejects string, valid, malformed map[string]bool) {
	t.Helper()
	var sum importSummary
	for attempt := 1; ; attempt++ {
		exit, _, stdout, stderr := killRun(t, bin, env, args, 0)
		if exit == cmdutil.ExitValidation { // the malformed rows were rejected: exit 5, as documented
			if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
				t.Fatalf("summary %q: %v", stdout, err)
			}
			break
		}
		if attempt == 3 {
			t.Fatalf("the import did not finish in 3 runs; last exit %d:\n%s", exit, stderr)
		}
	}
	if c, r := sum.Created+sum.Earlier.Created, sum.Rejected+sum.Earlier.Rejected; c != len(valid) || r != len(malformed) {
		t.Errorf("final summary %+v: %d created and %d rejected, want %d and %d", sum, c, r, len(valid), len(malformed))
	}
	checkJournalOncePerRow(t, journal, len(valid)+len(malformed))
	checkRejects(t, rejects, malformed)
}

// checkImportedOnce loads a saved sandbox state and wants every valid row
// in it exactly once, and no other imported contact.
func checkImportedOnce(t *testing.T, state string, valid map[string]bool) {
	t.Helper()
	clean := newBulkSandbox(t, sandbox.Options{StatePath: state})
	emails := clean.contactEmails(t)
	imported := 0
	for e, n := range emails {
		if !strings.HasPrefix(e, "person") {
			continue // the demo seed's own contacts
		}
		if !valid[e] {
			t.Errorf("%s is in the sandbox but was not a valid row", e)
			continue
		}
		imported++
		if n != 1 {
			t.Errorf("%s is in the sandbox %d times, want once", e, n)
		}
	}
	if imported != len(valid) {
		t.Errorf("the saved state holds %d of the %d valid rows", imported, len(valid))
	}
}

type importSummary struct {
	Created, Updated, Skipped, Rejected int
	Earlier                             struct{ Created, Rejected int }
}

// importUntil runs the import and kills it with SIGKILL once the journal
// holds `at` finished rows; during, when given, is called with the count
// as it grows and may act on the server. It returns the exit status, the
// count at the kill (-1 when the import ended on its own) and stderr.
func importUntil(t *testing.T, bin string, env, args []string, journal string, at int, during func(int) bool) (int, int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(5 * time.Minute)
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				return ee.ExitCode(), -1, errOut.String()
			}
			return 0, -1, errOut.String()
		case <-deadline:
			_ = cmd.Process.Kill()
			<-done
			t.Fatalf("the import made no progress to %d rows in 5 minutes:\n%s", at, errOut.String())
		case <-tick.C:
			n := finishedRows(journal)
			if during != nil && during(n) {
				during = nil
			}
			if n >= at {
				_ = cmd.Process.Kill() // SIGKILL: no handler runs
				<-done
				return -1, n, errOut.String()
			}
		}
	}
}

// finishedRows counts the journal's outcome lines written so far.
func finishedRows(journal string) int {
	data, err := os.ReadFile(journal)
	if err != nil {
		return 0
	}
	return strings.Count(string(data), `"t":"done"`)
}
