package bulk

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/wootcli/woot/pkg/api"
)

func TestImportContactsCreatesWithLabels(t *testing.T) {
	f := newFake(t)
	dir := t.TempDir()
	in := writeFile(t, dir, "c.csv", "name,email,labels,city\nAna,ana@example.com,vip;billing,Lisbon\nBo,bo@example.com,,\n")
	opts := testOptions(t, ".csv")
	var progress [][2]int64
	var mu sync.Mutex
	opts.Progress = func(done, total int64) { mu.Lock(); progress = append(progress, [2]int64{done, total}); mu.Unlock() }
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{Match: []string{"email"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 2 || sum.Updated+sum.Skipped+sum.Rejected != 0 || sum.HasRejects() {
		t.Errorf("summary = %+v", sum)
	}
	ana := f.contactBy("ana@example.com")
	if ana == nil || !reflect.DeepEqual(ana.Labels, []string{"vip", "billing"}) || ana.Additional["city"] != "Lisbon" {
		t.Fatalf("ana = %+v", ana)
	}
	if n := f.count("POST /api/v1/accounts/1/contacts/101/labels") + f.count("POST /api/v1/accounts/1/contacts/102/labels"); n != 1 {
		t.Errorf("label posts = %d, want 1 (Bo has none)", n)
	}
	if !reflect.DeepEqual(progress[len(progress)-1], [2]int64{2, 2}) {
		t.Errorf("progress = %v, want to end at 2/2 (total known from the file)", progress)
	}
	// Each create had a durable intent, then an outcome with the id.
	var intents, dones int
	for _, r := range journalRecords(t, opts.Journal) {
		switch r.T {
		case "intent":
			intents++
		case "done":
			dones++
			if r.Outcome != outCreated || r.ID == 0 {
				t.Errorf("done record %+v", r)
			}
		}
	}
	if intents != 2 || dones != 2 {
		t.Errorf("intents %d dones %d, want 2 and 2", intents, dones)
	}
	if _, err := os.Stat(opts.Rejects); !os.IsNotExist(err) {
		t.Errorf("rejects file exists without rejects: %v", err)
	}
}

func TestImportContactsConflictModes(t *testing.T) {
	for _, tc := range []struct {
		mode                         string
		created, updated, skip, rejs int64
		wantName                     string
	}{
		{ConflictUpdate, 1, 1, 0, 0, "Ana New"},
		{ConflictSkip, 1, 0, 1, 0, "Ana Old"},
		{ConflictError, 1, 0, 0, 1, "Ana Old"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			f := newFake(t)
			old := f.addContact(fakeContact{Name: "Ana Old", Email: "ana@example.com", Identifier: "cus_1", Labels: []string{"churned"}})
			in := writeFile(t, t.TempDir(), "c.csv", "identifier,email,name,labels\ncus_1,ANA@example.com,Ana New,vip\n,cy@example.com,Cy,\n")
			opts := testOptions(t, ".csv")
			sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false),
				ContactImport{Match: []string{"identifier", "email"}, OnConflict: tc.mode}, opts)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Created != tc.created || sum.Updated != tc.updated || sum.Skipped != tc.skip || sum.Rejected != tc.rejs {
				t.Errorf("summary = %+v", sum)
			}
			ana := f.contactBy("ana@example.com")
			if ana.ID != old || ana.Name != tc.wantName {
				t.Errorf("ana = %+v", ana)
			}
			if tc.mode == ConflictUpdate && !reflect.DeepEqual(ana.Labels, []string{"churned", "vip"}) {
				t.Errorf("labels = %q, want the existing label kept and vip added", ana.Labels)
			}
			if tc.mode == ConflictError {
				want := "identifier,email,name,labels,error\ncus_1,ANA@example.com,Ana New,vip,\"matches existing contact 101 by identifier=\"\"cus_1\"\" (--on-conflict error)\"\n"
				if got := readFile(t, opts.Rejects); got != want {
					t.Errorf("rejects\n got %q\nwant %q", got, want)
				}
			}
		})
	}
}

func TestImportContactsFirstMatchingKeyWins(t *testing.T) {
	for _, tc := range []struct {
		match []string
		want  string
	}{{[]string{"email", "identifier"}, "email"}, {[]string{"identifier", "email"}, "identifier"}} {
		f := newFake(t)
		ids := map[string]int64{
			"email":      f.addContact(fakeContact{Name: "E", Email: "e@example.com"}),
			"identifier": f.addContact(fakeContact{Name: "I", Identifier: "cus_9"}),
		}
		in := writeFile(t, t.TempDir(), "c.csv", "identifier,email\ncus_9,e@example.com\n")
		opts := testOptions(t, ".csv")
		imp := ContactImport{Match: tc.match, OnConflict: ConflictSkip}
		if _, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), imp, opts); err != nil {
			t.Fatal(err)
		}
		recs := journalRecords(t, opts.Journal)
		last := recs[len(recs)-1]
		if last.Outcome != outSkipped || last.ID != ids[tc.want] || !strings.Contains(last.Reason, "by "+tc.want) {
			t.Errorf("match %v: outcome %+v, want skipped on contact %d by %s", tc.match, last, ids[tc.want], tc.want)
		}
		if n := f.count("POST /api/v1/accounts/1/contacts/filter"); n != 1 {
			t.Errorf("lookups = %d, want one filter request per row", n)
		}
	}
}

func TestImportContacts422BecomesRejectWithServerMessage(t *testing.T) {
	f := newFake(t)
	f.addContact(fakeContact{Name: "Someone", Email: "taken@example.com", Identifier: "other"})
	in := writeFile(t, t.TempDir(), "c.ndjson",
		`{"identifier":"cus_5","email":"taken@example.com","name":"Eve"}`+"\n"+`{"identifier":"cus_6","name":"Fay"}`+"\n")
	opts := testOptions(t, ".ndjson")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{Match: []string{"identifier"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Rejected != 1 {
		t.Errorf("summary = %+v", sum)
	}
	want := `{"identifier":"cus_5","email":"taken@example.com","name":"Eve","_error":"Email has already been taken [email] (HTTP 422 from POST /api/v1/accounts/1/contacts)"}` + "\n"
	if got := readFile(t, opts.Rejects); got != want {
		t.Errorf("rejects\n got %s\nwant %s", got, want)
	}
}

func TestImportContactsUnknownLabelRejectedBeforeAnyWrite(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "email,labels\na@example.com,vip;gold\nb@example.com,vip\n")
	opts := testOptions(t, ".csv")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Rejected != 1 || f.contactBy("a@example.com") != nil {
		t.Errorf("summary %+v; a created: %v", sum, f.contactBy("a@example.com") != nil)
	}
	want := "email,labels,error\na@example.com,vip;gold,\"labels \"\"gold\"\" do not exist in the account: create them first (woot labels create), or remove them from the row\"\n"
	if got := readFile(t, opts.Rejects); got != want {
		t.Errorf("rejects\n got %q\nwant %q", got, want)
	}
	if n := f.count("GET /api/v1/accounts/1/labels"); n != 1 {
		t.Errorf("labels fetched %d times, want once per job", n)
	}
}

func TestImportContactsDryRunOnlyReads(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "name,email,labels\nAna,ana@example.com,vip\nNoMail,,\n,bad,\n")
	opts := testOptions(t, ".csv")
	opts.DryRun = true
	sum, plan, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false),
		ContactImport{Match: []string{"identifier", "email"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.total(); n != 1 || f.exact("GET /api/v1/accounts/1/labels") != 1 {
		t.Fatalf("dry run sent %d requests, want only the one read of the labels", n)
	}
	if plan.Match != 1 || plan.Create != 1 || plan.Reject != 1 || len(plan.Items) != 3 {
		t.Fatalf("plan = %+v", plan)
	}
	first := plan.Items[0]
	if first.Action != actionMatch || !strings.Contains(first.Match, `would match by email="ana@example.com"`) || len(first.Requests) != 2 {
		t.Errorf("item 1 = %+v", first)
	}
	if string(first.Requests[0].Body) != `{"email":"ana@example.com","name":"Ana"}` || first.Requests[0].Path != "/api/v1/accounts/1/contacts" {
		t.Errorf("planned request = %+v", first.Requests[0])
	}
	if plan.Items[2].Action != actionReject || !strings.Contains(plan.Items[2].Reason, `email "bad"`) {
		t.Errorf("item 3 = %+v", plan.Items[2])
	}
	if sum.Created != 0 {
		t.Errorf("dry run summary = %+v", sum)
	}
	for _, p := range []string{opts.Journal, opts.Rejects} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("dry run wrote %s", filepath.Base(p))
		}
	}
}

func TestImportContactsSameIdentityNeverRacesIntoDuplicate(t *testing.T) {
	f := newFake(t)
	var b strings.Builder
	b.WriteString("email,name\n")
	for i := 0; i < 20; i++ {
		b.WriteString("same@example.com,Name" + string(rune('A'+i)) + "\n")
	}
	in := writeFile(t, t.TempDir(), "c.csv", b.String())
	opts := testOptions(t, ".csv")
	opts.Concurrency = 8
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{Match: []string{"email"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Updated != 19 || sum.Rejected != 0 || f.numContacts() != 1 {
		t.Errorf("summary %+v, contacts %d", sum, f.numContacts())
	}
}

func TestImportContactsStopsOnAuthError(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "email\na@example.com\nb@example.com\n")
	opts := testOptions(t, ".csv")
	bad, err := api.New(api.Config{BaseURL: f.srv.URL, UserToken: "wrong"})
	if err != nil {
		t.Fatal(err)
	}
	sum, _, err := ImportContacts(context.Background(), bad, 1, openContacts(t, in, false), ContactImport{}, opts)
	if err == nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("err = %v, want the 401 to stop the job", err)
	}
	if sum.Rejected != 0 {
		t.Errorf("an auth failure must not reject rows: %+v", sum)
	}
}
