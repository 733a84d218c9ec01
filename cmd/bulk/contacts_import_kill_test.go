package bulk_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// killCSV writes n contact rows, every hundredth one malformed (a bad
// email or a bad phone number), every tenth with a label. It returns the
// emails of the valid rows and the names of the malformed ones.
func killCSV(t *testing.T, dir string, n int) (path string, valid map[string]bool, malformed map[string]bool) {
	t.Helper()
	var b strings.Builder
	b.WriteString("name,email,phone_number,labels,custom_attributes.row\n")
	valid, malformed = map[string]bool{}, map[string]bool{}
	for i := 1; i <= n; i++ {
		name, email, phone, label := fmt.Sprintf("Person %d", i), fmt.Sprintf("person%d@example.com", i), fmt.Sprintf("+1415%07d", i), ""
		switch {
		case i%200 == 50:
			email = fmt.Sprintf("person%d-at-example.com", i)
		case i%200 == 150:
			phone = fmt.Sprintf("+1415-CALL-%d", i)
		}
		if i%10 == 0 {
			label = "vip"
		}
		if i%100 == 50 {
			malformed[name] = true
		} else {
			valid[email] = true
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%d\n", name, email, phone, label, i)
	}
	path = filepath.Join(dir, "people.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, valid, malformed
}

// killRun is one woot subprocess, killed after `after` (0: never).
func killRun(t *testing.T, bin string, env, args []string, after time.Duration) (exit int, killed bool, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	if after > 0 {
		select {
		case err = <-done:
		case <-time.After(after):
			cmd.Process.Kill() // SIGKILL: no handler runs, nothing is flushed
			err = <-done
			killed = true
		}
	} else {
		err = <-done
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && !killed:
		exit = ee.ExitCode()
	case killed:
		exit = -1
	default:
		t.Fatalf("woot %v: %v\n%s", args, err, errOut.String())
	}
	return exit, killed, out.String(), errOut.String()
}

// TestImportSurvivesKillsAndAFaultyServer is the acceptance test of
// contact imports: a file with 1% malformed rows is imported while the
// sandbox fails 10% of requests with a 5xx, drops 5% of connections and
// rate-limits, and the import is killed with SIGKILL at five random moments
// and run again each time. In the end the sandbox holds exactly the valid
// rows, each once, and the rejects file exactly the malformed ones.
//
// Sizes for the normal suite: 1,000 rows, and the sandbox's clock runs
// twenty times fast, so its 600/min limit is a 600-per-3-seconds window
// (200/s): 429s really happen, yet the test takes seconds, not minutes.
// WOOT_KILL_ROWS=5000 WOOT_KILL_CLOCK=1 runs the full size against
// a real-time 600/min limit (about fifteen minutes); scripts/bench-bulk --full does.
func TestImportSurvivesKillsAndAFaultyServer(t *testing.T) {
	bin := cmdtest.WootBinary(t)
	rows, speed := envInt("WOOT_KILL_ROWS", 1000), envInt("WOOT_KILL_CLOCK", 20)
	seed := uint64(envInt("WOOT_KILL_SEED", int(time.Now().UnixNano()%1e9)))
	t.Logf("%d rows, sandbox clock x%d, kill seed %d (WOOT_KILL_SEED repeats a run)", rows, speed, seed)
	rnd := rand.New(rand.NewPCG(seed, 1))

	dir := t.TempDir()
	state := filepath.Join(dir, "sandbox.json")
	start := time.Now()
	fast := func() time.Time { return start.Add(time.Since(start) * time.Duration(speed)) }
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo", StatePath: state, FailRate: 0.10, ResetRate: 0.05,
		RateLimit: 600, RandSeed: int64(seed), Now: fast})
	in, valid, malformed := killCSV(t, dir, rows)
	env := sb.env(filepath.Join(dir, "config"))
	// --rate above the server's limit, so the governor has to find it;
	// --rate-window tells it the sandbox's fast minute.
	args := []string{"contacts", "import", in, "--concurrency", "8", "--rate", "400", "-o", "json",
		"--rate-window", (time.Minute / time.Duration(speed)).String()}

	// Kill moments spread over the first part of the job: within a second
	// at the normal suite's size, within 100 s at the full size in real time.
	span := time.Duration(float64(time.Second) * float64(rows) / 1000 * 20 / float64(speed))
	for k := 1; k <= 5; k++ {
		after := span/10 + time.Duration(rnd.Int64N(int64(span*9/10)))
		exit, killed, _, stderr := killRun(t, bin, env, args, after)
		t.Logf("run %d: killed=%v after %v, exit %d", k, killed, after, exit)
		if !killed && !resumableExit(exit) {
			t.Fatalf("run %d ended with exit %d before it was killed:\n%s", k, exit, stderr)
		}
	}
	var sum struct {
		Created, Updated, Skipped, Rejected, Retried int
		Earlier                                      struct{ Created, Updated, Skipped, Rejected int }
	}
	for attempt := 1; ; attempt++ {
		exit, _, stdout, stderr := killRun(t, bin, env, args, 0)
		t.Logf("final run %d: exit %d, %s", attempt, exit, strings.TrimSpace(stdout))
		if exit == cmdutil.ExitValidation {
			if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
				t.Fatalf("summary %q: %v", stdout, err)
			}
			break
		}
		// A run may stop on its own (e.g. the server looked down); the
		// journal makes running it again the remedy, as for a kill.
		if !resumableExit(exit) || attempt == 5 {
			t.Fatalf("the import did not finish in 3 runs; last exit %d:\n%s", exit, stderr)
		}
	}
	// The last run's counts plus those of the rows earlier runs finished.
	sum.Created, sum.Rejected = sum.Created+sum.Earlier.Created, sum.Rejected+sum.Earlier.Rejected
	sum.Updated, sum.Skipped = sum.Updated+sum.Earlier.Updated, sum.Skipped+sum.Earlier.Skipped
	if sum.Created != len(valid) || sum.Rejected != len(malformed) || sum.Updated != 0 || sum.Skipped != 0 {
		t.Errorf("final summary %+v, want %d created and %d rejected", sum, len(valid), len(malformed))
	}
	checkJournalOncePerRow(t, in+".journal", rows)
	checkRejects(t, filepath.Join(dir, "people.rejects.csv"), malformed)

	// Judge the result on a sandbox without faults, loaded from the state.
	if err := sb.Save(); err != nil {
		t.Fatal(err)
	}
	clean := newBulkSandbox(t, sandbox.Options{StatePath: state})
	emails := clean.contactEmails(t)
	for e := range valid {
		if emails[e] != 1 {
			t.Errorf("%s is in the sandbox %d times, want once", e, emails[e])
		}
	}
	imported := 0
	for e, n := range emails {
		if strings.HasPrefix(e, "person") {
			imported += n
			if !valid[e] {
				t.Errorf("%s should not have been imported", e)
			}
		}
	}
	if imported != len(valid) {
		t.Errorf("the sandbox holds %d imported contacts, want exactly the %d valid rows", imported, len(valid))
	}
	checkLabels(t, clean, rows)
}

// resumableExit reports whether a run that ended by itself ended as the
// faults allow: done, with rejects (5), or given up on a server that kept
// refusing, failing or dropping connections (6, 7, 8) — on a loaded
// machine the sandbox's fast clock can outrun the retries. Running again
// on the journal is the remedy for those, as for a kill.
func resumableExit(code int) bool {
	switch code {
	case cmdutil.ExitValidation, cmdutil.ExitRateLimit, cmdutil.ExitServer, cmdutil.ExitNetwork:
		return true
	}
	return false
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// checkJournalOncePerRow wants exactly one outcome per row across all runs.
func checkJournalOncePerRow(t *testing.T, path string, rows int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	done := map[int]int{}
	for _, line := range nonEmptyLines(string(data)) {
		var r struct {
			T   string `json:"t"`
			Row int    `json:"row"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("journal line %q: %v", line, err)
		}
		if r.T == "done" {
			done[r.Row]++
		}
	}
	for r := 1; r <= rows; r++ {
		if done[r] != 1 {
			t.Errorf("row %d has %d outcomes in the journal, want 1", r, done[r])
		}
	}
}

func checkRejects(t *testing.T, path string, malformed map[string]bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != "name,email,phone_number,labels,custom_attributes.row,error" {
		t.Fatalf("rejects header %v", recs)
	}
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		if !malformed[r[0]] || seen[r[0]] {
			t.Errorf("rejects file holds %q (%s)", r[0], r[5])
		}
		if !strings.Contains(r[5], "is not an email address") && !strings.Contains(r[5], "phone") {
			t.Errorf("reject reason for %s: %q", r[0], r[5])
		}
		seen[r[0]] = true
	}
	if len(seen) != len(malformed) {
		t.Errorf("rejects file holds %d rows, want the %d malformed ones", len(seen), len(malformed))
	}
}

// checkLabels wants every tenth (valid) row labelled vip, no other one.
func checkLabels(t *testing.T, sb *bulkSandbox, rows int) {
	t.Helper()
	out := sb.allItems(t, "/api/v1/accounts/1/contacts?labels[]=vip", "payload")
	got := map[string]bool{}
	for _, raw := range out {
		var c struct {
			Email string `json:"email"`
		}
		json.Unmarshal(raw, &c)
		if strings.HasPrefix(c.Email, "person") { // not the demo seed's
			got[c.Email] = true
		}
	}
	want := 0
	for i := 10; i <= rows; i += 10 {
		if i%100 == 50 {
			continue // malformed: rejected with its label
		}
		email := fmt.Sprintf("person%d@example.com", i)
		want++
		if !got[email] {
			t.Errorf("%s lacks its label", email)
		}
	}
	if len(got) != want {
		t.Errorf("%d contacts carry the label, want %d", len(got), want)
	}
}
