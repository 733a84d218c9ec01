package bulk_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

const importCSV = `name,email,phone_number,labels,custom_attributes.plan,city
Ann Lee,ann@example.com,+14155550101,vip,gold,Lisbon
Bo Chen,bo@example.com,14155550102,,silver,
Cy Broken,not-an-email,,,,
Di Label,di@example.com,,no-such-label,,
`

func writeTemp(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportContactsCreatesValidRowsAndRejectsTheRest(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	h := sb.harness(t)
	in := writeTemp(t, "people.csv", importCSV)

	if code := h.Run("contacts", "import", in); code != cmdutil.ExitValidation {
		t.Fatalf("exit %d, want 5 (rows rejected)\nstderr: %s", code, h.ErrOut)
	}
	if h.Out.Len() != 0 {
		t.Errorf("stdout carries data only, got %q", h.Out)
	}
	stderr := h.ErrOut.String()
	for _, want := range []string{"contacts import done with rejects", "2 created", "2 rejected", "people.rejects.csv"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "\r") {
		t.Error("a progress bar was drawn although stderr is not a terminal")
	}
	rejects, err := os.ReadFile(filepath.Join(filepath.Dir(in), "people.rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := nonEmptyLines(string(rejects))
	if len(lines) != 3 || lines[0] != "name,email,phone_number,labels,custom_attributes.plan,city,error" ||
		!strings.HasPrefix(lines[1], "Cy Broken,not-an-email,,,,,") || !strings.Contains(lines[1], "not an email address") ||
		!strings.HasPrefix(lines[2], "Di Label,di@example.com,,no-such-label,,,") || !strings.Contains(lines[2], "do not exist") {
		t.Errorf("rejects file:\n%s", rejects)
	}

	out := h.MustRun("contacts", "search", "--q", "ann@example.com", "-o", "json")
	var found []struct {
		Phone      string            `json:"phone_number"`
		Custom     map[string]string `json:"custom_attributes"`
		Additional map[string]any    `json:"additional_attributes"`
		ID         int64             `json:"id"`
	}
	if err := json.Unmarshal([]byte(out), &found); err != nil || len(found) != 1 {
		t.Fatalf("ann: %v %s", err, out)
	}
	if found[0].Custom["plan"] != "gold" || found[0].Additional["city"] != "Lisbon" || found[0].Phone != "+14155550101" {
		t.Errorf("ann imported as %+v", found[0])
	}
	labels := h.MustRun("contacts", "labels", "list", cmdtest.JSONID(found[0].ID), "-o", "json")
	if !strings.Contains(labels, `"vip"`) {
		t.Errorf("ann's labels: %s", labels)
	}
	bo := h.MustRun("contacts", "search", "--q", "bo@example.com", "--fields", "phone_number")
	if bo != "+14155550102\n" {
		t.Errorf("bo's phone number %q: the missing + must be added", bo)
	}

	// The same command again resumes: nothing is created twice, the
	// rejects are still reported.
	before := sb.requests.Load()
	if code := h.Run("contacts", "import", in, "-o", "json"); code != cmdutil.ExitValidation {
		t.Fatalf("rerun: exit %d\n%s", code, h.ErrOut)
	}
	var sum struct {
		Created, Rejected int64
		AlreadyDone       int64 `json:"already_done"`
		Earlier           struct{ Created, Rejected int64 }
		Journal, Rejects  string
	}
	if err := json.Unmarshal(h.Out.Bytes(), &sum); err != nil {
		t.Fatalf("-o json summary %q: %v", h.Out, err)
	}
	if sum.Created != 0 || sum.Rejected != 0 || sum.AlreadyDone != 4 || sum.Earlier.Created != 2 || sum.Earlier.Rejected != 2 || sum.Journal != in+".journal" {
		t.Errorf("rerun summary %+v: the rows an earlier run did are counted apart", sum)
	}
	if code := h.Run("contacts", "import", in); code != cmdutil.ExitValidation {
		t.Fatalf("text rerun: exit %d\n%s", code, h.ErrOut)
	}
	if got := h.ErrOut.String(); !strings.Contains(got, "contacts import already done: all 4 were finished by an earlier run (2 created, 2 rejected;") ||
		!strings.Contains(got, "nothing was sent") || strings.Contains(got, "0 created") {
		t.Errorf("text rerun summary:\n%s", got)
	}
	if n := sb.requests.Load() - before; n != 0 {
		t.Errorf("the resumed run sent %d requests, want none", n)
	}
	if got := sb.contactEmails(t); got["ann@example.com"] != 1 || got["bo@example.com"] != 1 || got["di@example.com"] != 0 {
		t.Errorf("contacts after two runs: %v", got)
	}
}

func TestImportContactsMatchesAndResolvesConflicts(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	sb.seedContacts(t, "name,email\nOld Name,old@example.com\n")
	h := sb.harness(t)
	in := writeTemp(t, "c.ndjson", `{"email":"OLD@example.com","name":"New Name","custom_attributes":{"tier":2}}`+"\n"+
		`{"email":"fresh@example.com","name":"Fresh"}`+"\n")

	if code := h.Run("contacts", "import", in, "--match", "email", "--on-conflict", "skip", "--journal", filepath.Join(t.TempDir(), "a.journal")); code != 0 {
		t.Fatalf("skip: exit %d\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "1 created, 0 updated, 1 skipped") {
		t.Errorf("skip summary: %s", h.ErrOut)
	}
	if got := h.MustRun("contacts", "search", "--q", "old@example.com", "--fields", "name"); got != "Old Name\n" {
		t.Errorf("skipped contact changed: %q", got)
	}

	if code := h.Run("contacts", "import", in, "--match", "email", "--on-conflict", "update", "--journal", filepath.Join(t.TempDir(), "b.journal")); code != 0 {
		t.Fatalf("update: exit %d\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "0 created, 2 updated") {
		t.Errorf("update summary: %s", h.ErrOut)
	}
	got := h.MustRun("contacts", "search", "--q", "old@example.com", "-o", "json", "--jq", ".[0] | [.name, .custom_attributes.tier] | @tsv")
	if got != "New Name\t2\n" {
		t.Errorf("updated contact: %q", got)
	}

	code := h.Run("contacts", "import", in, "--match", "email", "--on-conflict", "error", "--journal", filepath.Join(t.TempDir(), "c.journal"), "--rejects", filepath.Join(t.TempDir(), "r.ndjson"))
	if code != cmdutil.ExitValidation {
		t.Fatalf("error mode: exit %d, want 5\n%s", code, h.ErrOut)
	}
	if emails := sb.contactEmails(t); len(emails) != 2 || emails["fresh@example.com"] != 1 {
		t.Errorf("contacts: %v", emails)
	}
}

func TestImportContactsBadInputExitsTwoBeforeSending(t *testing.T) {
	h := cmdtest.NewHarness(t) // a stub with no routes: any request fails the test
	in := writeTemp(t, "c.csv", "name,emial\nAnn,ann@example.com\n")
	if code := h.Run("contacts", "import", in); code != cmdutil.ExitUsage {
		t.Fatalf("exit %d, want 2\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), `unknown column "emial"`) || !strings.Contains(h.ErrOut.String(), "--extra custom") {
		t.Errorf("stderr: %s", h.ErrOut)
	}
	for _, args := range [][]string{
		{"contacts", "import", in, "--match", "name"},
		{"contacts", "import", in, "--on-conflict", "merge"},
		{"contacts", "import", in, "--extra", "all"},
		{"contacts", "import", in, "--concurrency", "0"},
		{"contacts", "import"},
		{"contacts", "import", filepath.Join(t.TempDir(), "missing.csv")},
	} {
		if code := h.Run(args...); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, h.ErrOut)
		}
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestImportDryRunOnlyReads(t *testing.T) {
	h := cmdtest.NewHarness(t) // a stub with only these routes: any other request fails the test
	h.Stub.On("GET", "/api/v1/accounts/1/labels", 200, `{"payload":[{"id":1,"title":"vip","description":"","color":"#1f93ff","show_on_sidebar":true}]}`)
	h.Stub.On("GET", "/api/v1/accounts/1/inboxes", 200, `{"payload":[{"id":1,"name":"History","channel_type":"Channel::Api"}]}`)
	contacts := writeTemp(t, "c.csv", "name,email,labels\nAnn,ann@example.com,vip\nBad,nope,\n")
	code := h.Run("contacts", "import", contacts, "--dry-run", "--match", "email")
	if code != cmdutil.ExitValidation {
		t.Fatalf("exit %d, want 5 for a planned reject\n%s", code, h.ErrOut)
	}
	plan := h.Out.String()
	for _, want := range []string{
		`row 1      match   would match by email="ann@example.com"; create if none, else update it and add the labels [POST /api/v1/accounts/1/contacts, POST /api/v1/accounts/1/contacts/{contact_id}/labels]`,
		`row 2      reject  email "nope" is not an email address`,
		"plan: 0 to create, 1 to look up first, 1 to reject, 0 done by an earlier run",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("plan lacks %q:\n%s", want, plan)
		}
	}
	if got := h.ErrOut.String(); !strings.Contains(got, "dry run: nothing was changed; the rows were checked against GET /api/v1/accounts/1/labels") {
		t.Errorf("stderr: %s", got)
	}
	if _, err := os.Stat(contacts + ".journal"); !os.IsNotExist(err) {
		t.Errorf("a dry run wrote a journal: %v", err)
	}

	conv := writeTemp(t, "conv.ndjson", `{"inbox_id":1,"contact":{"email":"ann@example.com"},"messages":[{"type":"incoming","content":"hi"}]}`+"\n")
	if code := h.Run("conversations", "import", conv, "--dry-run", "-o", "json"); code != 0 {
		t.Fatalf("conversations dry run: exit %d\n%s", code, h.ErrOut)
	}
	var p struct {
		Match int `json:"match"`
		Items []struct {
			Requests []struct{ Method, Path string }
		} `json:"items"`
	}
	if err := json.Unmarshal(h.Out.Bytes(), &p); err != nil || p.Match != 1 || len(p.Items) != 1 || len(p.Items[0].Requests) != 2 {
		t.Errorf("conversation plan %+v (%v):\n%s", p, err, h.Out)
	}

	if code := h.Run("conversations", "bulk", "resolve", "5", "6", "--dry-run"); code != 0 {
		t.Fatalf("bulk dry run: exit %d\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.Out.String(), "batch 1      bulk    [POST /api/v1/accounts/1/bulk_actions]") {
		t.Errorf("bulk plan:\n%s", h.Out)
	}
	if code := h.Run("contacts", "bulk", "delete", "5", "--dry-run"); code != 0 {
		t.Fatalf("a dry run of a delete needs no --yes: exit %d\n%s", code, h.ErrOut)
	}
	if n := len(h.Stub.Requests()); n != 2 {
		t.Errorf("dry runs sent %d requests, want only the reads of the labels and the inboxes", n)
	}
}

func TestImportProgressDrawsOnlyOnATerminal(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	h := sb.harness(t)
	h.TTY = true
	in := writeTemp(t, "c.csv", "email\na@example.com\nb@example.com\n")
	if code := h.Run("contacts", "import", in); code != 0 {
		t.Fatalf("exit %d\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "\rImporting contacts 2/2 (100%)") {
		t.Errorf("no progress line on a terminal: %q", h.ErrOut)
	}
}
