package bulk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

const resumeCSV = "email,name\n" +
	"a@example.com,A\n" +
	"b@example.com,B\n" +
	"not-an-email,C\n" +
	"d@example.com,D\n" +
	"e@example.com,E\n" +
	"f@example.com,F\n"

const resumeRejects = "email,name,error\nnot-an-email,C,\"email \"\"not-an-email\"\" is not an email address\"\n"

// doneRows maps each row to its done records, to check none is done twice
// or left out.
func doneRows(t *testing.T, journal string) map[int64]int {
	t.Helper()
	out := map[int64]int{}
	for _, r := range journalRecords(t, journal) {
		if r.T == "done" {
			out[r.Row]++
		}
	}
	return out
}

func checkEveryRowOnce(t *testing.T, journal string, rows int64) {
	t.Helper()
	done := doneRows(t, journal)
	for r := int64(1); r <= rows; r++ {
		if done[r] != 1 {
			t.Errorf("row %d has %d outcomes, want 1", r, done[r])
		}
	}
}

func TestResumeAfterInterruptionCreatesNothingTwice(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", resumeCSV)
	opts := testOptions(t, ".csv")
	imp := ContactImport{Match: []string{"email"}}

	// The server creates the third contact, then the process "dies"
	// before the answer arrives: the outcome is never journaled.
	ctx, cancel := context.WithCancel(context.Background())
	f.afterCreateContact = func(n int) bool {
		if n == 3 {
			cancel()
			return true
		}
		return false
	}
	_, _, err := ImportContacts(ctx, f.client(t, nil), 1, openContacts(t, in, false), imp, opts)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "resume") {
		t.Fatalf("first run: err = %v, want an interruption that says how to resume", err)
	}
	if f.numContacts() != 3 {
		t.Fatalf("server has %d contacts after the first run, want 3", f.numContacts())
	}
	f.afterCreateContact = nil

	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), imp, opts)
	if err != nil {
		t.Fatal(err)
	}
	if f.numContacts() != 5 {
		t.Errorf("server has %d contacts, want 5", f.numContacts())
	}
	if n := f.exact("POST /api/v1/accounts/1/contacts"); n != 5 {
		t.Errorf("contact creates across both runs = %d, want 5 (the interrupted one reconciled, not resent)", n)
	}
	if sum.Created != 3 || sum.Rejected != 0 || sum.AlreadyDone != 3 || sum.Earlier != (Counts{Created: 2, Rejected: 1}) || sum.Retried != 1 {
		t.Errorf("summary = %+v, want 3 created (1 reconciled), 3 already done (2 created, 1 rejected)", sum)
	}
	checkEveryRowOnce(t, opts.Journal, 6)
	if got := readFile(t, opts.Rejects); got != resumeRejects {
		t.Errorf("rejects\n got %q\nwant %q", got, resumeRejects)
	}
}

func TestResumeAfterCrashBetweenCreateAndOutcome(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", resumeCSV)
	opts := testOptions(t, ".csv")
	imp := ContactImport{Match: []string{"email"}}
	if _, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), imp, opts); err != nil {
		t.Fatal(err)
	}
	creates := f.exact("POST /api/v1/accounts/1/contacts")

	// Simulate the crash: the journal ends right after the last intent
	// (its outcome never reached the disk), plus half a line being written.
	data := readFile(t, opts.Journal)
	cut := strings.LastIndex(data, `{"t":"intent"`)
	cut += strings.Index(data[cut:], "\n") + 1
	if err := os.WriteFile(opts.Journal, []byte(data[:cut]+`{"t":"done","row":6,"ke`), 0o600); err != nil {
		t.Fatal(err)
	}

	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), imp, opts)
	if err != nil {
		t.Fatal(err)
	}
	if f.numContacts() != 5 || f.exact("POST /api/v1/accounts/1/contacts") != creates {
		t.Errorf("contacts %d, creates %d→%d: the crashed row was created again", f.numContacts(), creates, f.exact("POST /api/v1/accounts/1/contacts"))
	}
	if sum.Created != 1 || sum.Rejected != 0 || sum.AlreadyDone != 5 || sum.Earlier != (Counts{Created: 4, Rejected: 1}) || !sum.HasRejects() {
		t.Errorf("summary = %+v", sum)
	}
	checkEveryRowOnce(t, opts.Journal, 6)
	if strings.Contains(readFile(t, opts.Journal), `"ke{`) {
		t.Error("the torn line was kept")
	}
	if got := readFile(t, opts.Rejects); got != resumeRejects {
		t.Errorf("rejects = %q", got)
	}
}

func TestResumeRefusesAnotherInputUnlessRestart(t *testing.T) {
	f := newFake(t)
	dir := t.TempDir()
	first := writeFile(t, dir, "a.csv", "email\na@example.com\n")
	other := writeFile(t, dir, "b.csv", "email\nb@example.com\n")
	opts := testOptions(t, ".csv")
	if _, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, first, false), ContactImport{}, opts); err != nil {
		t.Fatal(err)
	}
	_, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, other, false), ContactImport{}, opts)
	var je *JournalError
	if !errors.As(err, &je) || !strings.Contains(err.Error(), "another input") || !strings.Contains(err.Error(), "--restart") {
		t.Fatalf("err = %v, want a JournalError naming --restart", err)
	}
	if f.contactBy("b@example.com") != nil {
		t.Fatal("the refused run created a contact")
	}
	opts.Restart = true
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, other, false), ContactImport{}, opts)
	if err != nil || sum.Created != 1 || sum.AlreadyDone != 0 {
		t.Fatalf("restart: %+v, %v", sum, err)
	}
}

func TestResumeSameContentFromStdinIsAccepted(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "email\na@example.com\n")
	opts := testOptions(t, ".csv")
	if _, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts); err != nil {
		t.Fatal(err)
	}
	piped, err := OpenInput("-", strings.NewReader("email\na@example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadContacts(piped, "csv", false)
	if err != nil {
		t.Fatal(err)
	}
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, rows, ContactImport{}, opts)
	if err != nil || sum.AlreadyDone != 1 || sum.Created != 0 || f.numContacts() != 1 {
		t.Fatalf("summary %+v, err %v, contacts %d", sum, err, f.numContacts())
	}
}

func TestResumeNameOnlyRowIsTheResidualCase(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "name\nJust A Name\n")
	opts := testOptions(t, ".csv")
	ctx, cancel := context.WithCancel(context.Background())
	f.afterCreateContact = func(int) bool { cancel(); return true }
	if _, _, err := ImportContacts(ctx, f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	f.afterCreateContact = nil
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected != 1 || f.numContacts() != 1 {
		t.Errorf("summary %+v, contacts %d: the row must be rejected, not created again", sum, f.numContacts())
	}
	if got := readFile(t, opts.Rejects); !strings.Contains(got, "no way to tell whether Chatwoot created it") || !strings.Contains(got, "Just A Name") {
		t.Errorf("rejects = %q", got)
	}
}

func TestRejectsFileCompletedFromJournalAfterCrash(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", resumeCSV)
	opts := testOptions(t, ".csv")
	if _, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts); err != nil {
		t.Fatal(err)
	}
	// The process died after journaling the reject, mid-way through
	// writing it to the rejects file.
	if err := os.WriteFile(opts.Rejects, []byte(resumeRejects[:30]), 0o600); err != nil {
		t.Fatal(err)
	}
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil || sum.Earlier.Rejected != 1 || !sum.DidNothing() {
		t.Fatalf("summary %+v, err %v", sum, err)
	}
	if got := readFile(t, opts.Rejects); got != resumeRejects {
		t.Errorf("rejects\n got %q\nwant %q", got, resumeRejects)
	}
	// An edited rejects file is never overwritten.
	if err := os.WriteFile(opts.Rejects, []byte("email,name,error\nfixed@example.com,C,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err = ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err == nil || !strings.Contains(err.Error(), "move it away") {
		t.Errorf("err = %v, want a refusal to overwrite the edited rejects file", err)
	}
}

func TestJournalDamagedInTheMiddleIsRefused(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", resumeCSV)
	opts := testOptions(t, ".csv")
	if _, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(readFile(t, opts.Journal), "\n")
	lines[2] = "garbage\n"
	os.WriteFile(opts.Journal, []byte(strings.Join(lines, "")), 0o600)
	_, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	var je *JournalError
	if !errors.As(err, &je) || !strings.Contains(err.Error(), "line 3 is damaged") {
		t.Fatalf("err = %v", err)
	}
}

func TestResumeNoticesARowChangedBeyondTheHead(t *testing.T) {
	// The head hash covers 64 KiB; a change further down is caught by the
	// row keys.
	var b strings.Builder
	b.WriteString("email\n")
	for i := 0; b.Len() < headBytes+10000; i++ {
		fmt.Fprintf(&b, "user%05d@example.com\n", i)
	}
	original := b.String()
	changed := strings.Replace(original, "user03100@example.com", "other3100@example.com", 1)
	if original[:headBytes] != changed[:headBytes] {
		t.Fatal("test data: the change must lie beyond the head")
	}
	dir := t.TempDir()
	opts := testOptions(t, ".csv")
	// Record the original input's first run as if row 3101 was done.
	rows := openContacts(t, writeFile(t, dir, "a.csv", original), false)
	jr, err := openJournal(opts.Journal, "contacts", rows.id, false, false)
	if err != nil {
		t.Fatal(err)
	}
	jr.done(3101, rowKey(3101, []byte("user03100@example.com")), outcome{kind: outCreated, id: 1}, "")
	jr.close()

	opts.DryRun = true
	rows = openContacts(t, writeFile(t, dir, "b.csv", changed), false)
	_, _, err = ImportContacts(context.Background(), newFake(t).client(t, nil), 1, rows, ContactImport{}, opts)
	var je *JournalError
	if !errors.As(err, &je) || !strings.Contains(err.Error(), "row 3101") {
		t.Fatalf("err = %v, want the changed row named", err)
	}
}

func TestResumeWithConcurrentWorkersLeavesNoDuplicates(t *testing.T) {
	f := newFake(t)
	var b strings.Builder
	b.WriteString("email,name\n")
	for i := range 40 {
		fmt.Fprintf(&b, "p%02d@example.com,P%d\n", i, i)
	}
	in := writeFile(t, t.TempDir(), "c.csv", b.String())
	opts := testOptions(t, ".csv")
	opts.Concurrency = 4
	imp := ContactImport{Match: []string{"email"}}
	ctx, cancel := context.WithCancel(context.Background())
	f.afterCreateContact = func(n int) bool {
		if n >= 15 {
			cancel()
			return true
		}
		return false
	}
	if _, _, err := ImportContacts(ctx, f.client(t, nil), 1, openContacts(t, in, false), imp, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: %v", err)
	}
	f.mu.Lock()
	f.afterCreateContact = nil
	f.mu.Unlock()
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), imp, opts)
	if err != nil {
		t.Fatal(err)
	}
	if f.numContacts() != 40 || f.exact("POST /api/v1/accounts/1/contacts") != 40 {
		t.Errorf("contacts %d, creates %d: want 40 and 40", f.numContacts(), f.exact("POST /api/v1/accounts/1/contacts"))
	}
	if sum.Created+sum.Earlier.Created != 40 || sum.AlreadyDone != sum.Earlier.Created || sum.Updated != 0 || sum.Retried < 1 {
		t.Errorf("summary = %+v: the interrupted creates count as created, reconciled", sum)
	}
	checkEveryRowOnce(t, opts.Journal, 40)
}

func TestServerErrorsRejectRowsUntilTheServerLooksDown(t *testing.T) {
	f := newFake(t)
	f.failCreate = func(in map[string]any) (int, string) {
		if str(in, "name") == "Poison" || str(in, "name") == "Down" {
			return 500, "boom"
		}
		return 0, ""
	}
	in := writeFile(t, t.TempDir(), "c.csv", "name\nA\nPoison\nB\n")
	opts := testOptions(t, ".csv")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil || sum.Created != 2 || sum.Rejected != 1 {
		t.Fatalf("one failing row: %+v, %v", sum, err)
	}
	if got := readFile(t, opts.Rejects); !strings.Contains(got, "boom (HTTP 500") || !strings.Contains(got, "check before importing this row again") {
		t.Errorf("rejects = %q", got)
	}
	in = writeFile(t, t.TempDir(), "d.csv", "name\n"+strings.Repeat("Down\n", 8))
	sum, _, err = ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, testOptions(t, ".csv"))
	if err == nil || sum.Rejected != maxServerErrors {
		t.Errorf("a failing server: %+v, %v; want the job stopped after %d rejects", sum, err, maxServerErrors)
	}
}

func TestRunWithoutJournalOrRejectsFile(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "email\na@example.com\nbad\n")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, Options{sleep: instant})
	if err != nil || sum.Created != 1 || sum.Rejected != 1 {
		t.Fatalf("%+v, %v", sum, err)
	}
}

func TestDefaultPaths(t *testing.T) {
	for _, tc := range [][5]string{
		{"data/contacts.csv", "contacts", "csv", "data/contacts.csv.journal", "data/contacts.rejects.csv"},
		{"conv.jsonl", "conversations", "ndjson", "conv.jsonl.journal", "conv.rejects.ndjson"},
		{"-", "contacts", "ndjson", "woot-contacts.journal", "woot-contacts.rejects.ndjson"},
	} {
		j, r := DefaultPaths(tc[0], tc[1], tc[2])
		if j != tc[3] || r != tc[4] {
			t.Errorf("DefaultPaths(%q) = %q, %q", tc[0], j, r)
		}
	}
}
