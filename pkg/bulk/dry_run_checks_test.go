package bulk

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// plannedRejects maps each planned reject's row to its reason.
func plannedRejects(p Plan) map[int64]string {
	out := map[int64]string{}
	for _, it := range p.Items {
		if it.Action == actionReject {
			out[it.Row] = it.Reason
		}
	}
	return out
}

// journaledRejects maps each rejected row of a finished run to its reason.
func journaledRejects(t *testing.T, journal string) map[int64]string {
	t.Helper()
	out := map[int64]string{}
	for _, r := range journalRecords(t, journal) {
		if r.T == "done" && r.Outcome == outRejected {
			out[r.Row] = r.Reason
		}
	}
	return out
}

// TestDryRunRejectsWhatTheRealRunRejects: a line naming an inbox the
// account lacks, an assignee who is no agent or a label that does not
// exist passes no longer than the dry run; it and the real run reject the
// same lines for the same reasons, and the dry run only reads.
func TestDryRunRejectsWhatTheRealRunRejects(t *testing.T) {
	lines := []string{
		convLine,
		strings.Replace(convLine, `"inbox_id":1`, `"inbox_id":999`, 1),
		strings.Replace(convLine, `"BO@example.com"`, `"nobody@example.com"`, 1),
		strings.Replace(convLine, `["Billing"]`, `["no-such-label"]`, 1),
	}
	content := strings.Join(lines, "\n") + "\n"
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	opts.DryRun = true
	_, plan, err := importConversations(t, f, context.Background(), content, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range f.requestsSoFar() {
		if !strings.HasPrefix(req, "GET ") {
			t.Errorf("the dry run sent %s", req)
		}
	}
	planned := plannedRejects(plan)
	for row, want := range map[int64]string{2: "inbox 999 does not exist", 3: `assignee_email "nobody@example.com" is not an agent`, 4: `labels "no-such-label" do not exist`} {
		if !strings.Contains(planned[row], want) {
			t.Errorf("planned reject of line %d = %q, want %q", row, planned[row], want)
		}
	}
	if plan.Reject != 3 || plan.Match != 1 || len(plan.Read) != 3 {
		t.Errorf("plan: %d rejects, %d matches, reads %v", plan.Reject, plan.Match, plan.Read)
	}

	opts.DryRun = false
	sum, _, err := importConversations(t, f, context.Background(), content, opts)
	if err != nil || sum.Created != 1 || sum.Rejected != 3 {
		t.Fatalf("real run: %+v, %v", sum, err)
	}
	real := journaledRejects(t, opts.Journal)
	for row, reason := range planned {
		if real[row] != reason {
			t.Errorf("line %d: the dry run planned %q, the real run rejected with %q", row, reason, real[row])
		}
	}
}

func TestDryRunChecksContactLabelsAndTheTargetInbox(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "email,labels\nann@example.com,vip\nbo@example.com,no-such-label\n")
	opts := testOptions(t, ".csv")
	opts.DryRun = true
	_, plan, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := plannedRejects(plan)[2]; !strings.Contains(got, `labels "no-such-label" do not exist`) || plan.Create != 1 {
		t.Errorf("plan %+v: row 2 must be a planned reject", plan)
	}

	// An --inbox-id the account lacks would fail every create: both runs
	// refuse it before any row.
	for _, dry := range []bool{true, false} {
		opts.DryRun = dry
		_, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{InboxID: 999}, opts)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "--inbox-id 999: inbox 999 does not exist") {
			t.Errorf("dry run %v: err = %v, want the inbox refused", dry, err)
		}
	}
	if n := f.count("POST "); n != 0 {
		t.Errorf("%d POSTs sent", n)
	}
}
