package bulk

import (
	"context"
	"strings"
	"testing"
)

// TestLostAnswerToANameOnlyCreateRejectsThatRowAlone: the connection
// breaks after Chatwoot created the contact of a row with nothing to look
// it up by. Repeating the create could duplicate it, so the row is set
// aside as uncertain, with how to check, and the job carries on.
func TestLostAnswerToANameOnlyCreateRejectsThatRowAlone(t *testing.T) {
	f := newFake(t)
	f.dropConn = true
	f.afterCreateContact = func(n int) bool { return n == 2 }
	in := writeFile(t, t.TempDir(), "c.csv", "name\nAnn\nBo\nCy\n")
	opts := testOptions(t, ".csv")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil {
		t.Fatalf("the job stopped: %v", err)
	}
	if sum.Created != 2 || sum.Rejected != 1 {
		t.Errorf("summary %+v, want 2 created and the uncertain row rejected", sum)
	}
	if n := f.exact("POST /api/v1/accounts/1/contacts"); n != 3 {
		t.Errorf("%d creates, want 3: the uncertain one must not be sent again", n)
	}
	rejects := readFile(t, opts.Rejects)
	for _, want := range []string{"Bo,", "the connection broke after this contact's create was sent", "no way to tell whether Chatwoot created it", `woot contacts search --q ""Bo""`, "EOF"} {
		if !strings.Contains(rejects, want) {
			t.Errorf("rejects file lacks %q:\n%s", want, rejects)
		}
	}
}

// TestLostAnswersInARowStopTheJobNamingTheRow: when every answer is lost
// the server is not answering, and the job stops (as for 5xx) instead of
// rejecting every row; the error names the row it stopped at.
func TestLostAnswersInARowStopTheJobNamingTheRow(t *testing.T) {
	f := newFake(t)
	f.dropConn = true
	f.afterCreateContact = func(int) bool { return true }
	in := writeFile(t, t.TempDir(), "c.csv", "name\n"+strings.Repeat("Same\n", maxServerErrors+3))
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, testOptions(t, ".csv"))
	if err == nil || sum.Rejected != maxServerErrors {
		t.Fatalf("summary %+v, err %v: want the job stopped after %d uncertain rows", sum, err, maxServerErrors)
	}
	if !strings.Contains(err.Error(), "row 6: ") {
		t.Errorf("err = %v, want the row it stopped at named", err)
	}
}
