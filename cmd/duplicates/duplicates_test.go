package duplicates_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox/store"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

var t0 = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

// seed holds contacts as an old account has them: imported before
// Chatwoot validated emails and phone numbers, so the same person appears
// in capitals, with stray spaces and with phone numbers in local formats.
// Ids follow the order below (the empty seed has no contacts).
var seed = []struct {
	name, email, phone, identifier string
	age                            time.Duration // created this long before t0
	conversations                  int
}{
	// group 1, by email (case and spacing): 2 survives, it has more conversations
	{"Ann Smith", "ann@example.com", "", "", 90 * 24 * time.Hour, 1}, // 1
	{"Ann S.", " Ann@Example.COM ", "", "", 10 * 24 * time.Hour, 2},  // 2
	// group 2, by phone (formats of +44 20 7946 0958): none has conversations, 4 is the oldest
	{"Bob Baker", "", "+44 20 7946 0958", "", 30 * 24 * time.Hour, 0},        // 3
	{"Robert Baker", "", "0044 (0)20-7946-0958", "", 40 * 24 * time.Hour, 0}, // 4
	{"Bobby", "", "+442079460958", "", 20 * 24 * time.Hour, 0},               // 5
	// group 3, tied through each other: 6~7 by identifier, 6~8 by phone; 6 and 8 have one conversation each, 6 is older
	{"Cora Chen", "", "+351 912 345 678", "CUST-42", 50 * 24 * time.Hour, 1},  // 6
	{"C. Chen", "", "", " cust-42", 5 * 24 * time.Hour, 0},                    // 7
	{"Cora", "cora@example.com", "+351912345678", "", 45 * 24 * time.Hour, 1}, // 8
	// group 4 only with --country-code 1: a US number with and without its code
	{"Dan Diaz", "", "(555) 010-9999", "", 3 * 24 * time.Hour, 0},     // 9
	{"Daniel Diaz", "", "+1 555 010 9999", "", 2 * 24 * time.Hour, 0}, // 10
	// near misses that must not group
	{"Eve", "ann@example.org", "", "", 24 * time.Hour, 0},            // 11: another domain
	{"Eli", "", "+44 20 7946 0959", "", 24 * time.Hour, 0},           // 12: one digit off
	{"ann  smith", "smith@other.example", "", "", 24 * time.Hour, 0}, // 13: 1's name, only with --by name (an email, as the contacts list leaves out contacts with none of email, phone and identifier)
	{"Ezra", "", "", "cust-420", 24 * time.Hour, 0},                  // 14: a longer identifier
}

func seedSandbox(t *testing.T) *cmdtest.Sandbox {
	sb := cmdtest.NewSandbox(t, "empty", t0)
	err := sb.Edit(func(st *store.State, now int64) {
		for _, c := range seed {
			ct := &store.Contact{AccountID: 1, Name: c.name, Email: c.email, PhoneNumber: c.phone, Identifier: c.identifier}
			st.AddContact(ct, now-int64(c.age/time.Second))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range seed {
		for range c.conversations {
			sb.Call(t, "", "POST", "/conversations", map[string]any{"inbox_id": 1, "contact_id": i + 1}, nil)
		}
	}
	return sb
}

func TestDuplicatesFindsEveryGroupAndNoFalseOne(t *testing.T) {
	sb := seedSandbox(t)
	h := sb.Harness(t)
	out := h.MustRun("contacts", "duplicates", "-o", "csv", "--fields", "group,id,survivor,conversations,matched_by")
	want := `group,id,survivor,conversations,matched_by
1,1,false,1,email:ann@example.com
1,2,true,2,email:ann@example.com
2,3,false,0,phone_number:+442079460958
2,4,true,0,phone_number:+442079460958
2,5,false,0,phone_number:+442079460958
3,6,true,1,identifier:cust-42 phone_number:+351912345678
3,7,false,0,identifier:cust-42 phone_number:+351912345678
3,8,false,1,identifier:cust-42 phone_number:+351912345678
`
	if out != want {
		t.Errorf("groups:\n%s\nwant\n%s", out, want)
	}
	if !strings.Contains(h.ErrOut.String(), "3 groups of duplicates among 14 contacts (5 contacts to merge)") {
		t.Errorf("stderr: %s", h.ErrOut)
	}

	out = h.MustRun("contacts", "duplicates", "--country-code", "1", "-o", "csv", "--fields", "group,id,survivor")
	// 9 and 10 have no conversations; 9 is a day older and survives.
	if !strings.HasSuffix(out, "\n3,8,false\n4,9,true\n4,10,false\n") {
		t.Errorf("--country-code 1 should add the group 9+10:\n%s", out)
	}
	out = h.MustRun("contacts", "duplicates", "--by", "name", "-o", "csv", "--fields", "group,id")
	if out != "group,id\n1,1\n1,13\n" {
		t.Errorf("--by name: %q, want only 1 and 13", out)
	}
}

type plan struct {
	Groups []struct {
		Survivor int64   `json:"survivor"`
		Merge    []int64 `json:"merge"`
	} `json:"groups"`
}

func contactIDs(t *testing.T, h *cmdtest.Harness) []int64 {
	var cs []struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal([]byte(h.MustRun("contacts", "list", "--all", "-o", "json")), &cs); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func conversationsOf(t *testing.T, h *cmdtest.Harness, contact int64) int {
	var cvs []json.RawMessage
	if err := json.Unmarshal([]byte(h.MustRun("contacts", "conversations", "list", fmt.Sprint(contact), "-o", "json")), &cvs); err != nil {
		t.Fatal(err)
	}
	return len(cvs)
}

func TestMergePlanApplyLeavesOneContactPerGroup(t *testing.T) {
	sb := seedSandbox(t)
	h := sb.Harness(t)
	file := filepath.Join(t.TempDir(), "merges.json")
	h.MustRun("contacts", "duplicates", "--plan", file)
	var p plan
	b, _ := os.ReadFile(file)
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(p.Groups); got != "[{2 [1]} {4 [3 5]} {6 [7 8]}]" {
		t.Fatalf("plan %s", got)
	}

	before := sb.Requests.Load()
	out := h.MustRun("contacts", "merge-plan", "apply", file, "--dry-run")
	if n := strings.Count(out, "POST /api/v1/accounts/1/actions/contact_merge"); n != 5 {
		t.Errorf("dry run plans %d merges, want 5:\n%s", n, out)
	}
	if sb.Requests.Load() != before {
		t.Errorf("the dry run sent %d requests", sb.Requests.Load()-before)
	}

	if code := h.Run("contacts", "merge-plan", "apply", file); code != 2 || !strings.Contains(h.ErrOut.String(), "pass --yes") {
		t.Errorf("without a terminal or --yes: exit %d, %s", code, h.ErrOut)
	}
	h.MustRun("contacts", "merge-plan", "apply", file, "--yes")
	if got := fmt.Sprint(contactIDs(t, h)); got != "[2 4 6 9 10 11 12 13 14]" {
		t.Errorf("contacts after the merge: %s, want the survivors and the rest", got)
	}
	// 2 holds its 2 conversations and 1's; 6 its own and 8's.
	if n := conversationsOf(t, h, 2); n != 3 {
		t.Errorf("contact 2 has %d conversations, want 3", n)
	}
	if n := conversationsOf(t, h, 6); n != 2 {
		t.Errorf("contact 6 has %d conversations, want 2", n)
	}

	before = sb.Requests.Load()
	h.MustRun("contacts", "merge-plan", "apply", file, "--yes")
	if sb.Requests.Load() != before {
		t.Errorf("the re-run sent %d requests, want none", sb.Requests.Load()-before)
	}
	if !strings.Contains(h.ErrOut.String(), "already done") {
		t.Errorf("re-run: %s", h.ErrOut)
	}
}

func TestMergePlanRefusesABadPlan(t *testing.T) {
	sb := seedSandbox(t)
	h := sb.Harness(t)
	file := filepath.Join(t.TempDir(), "merges.json")
	os.WriteFile(file, []byte(`{"groups":[{"survivor":2,"merge":[1]},{"survivor":1,"merge":[3]}]}`), 0o600)
	if code := h.Run("contacts", "merge-plan", "apply", file, "--yes"); code != 2 || !strings.Contains(h.ErrOut.String(), "contact 1 appears in group 1 and group 2") {
		t.Errorf("exit %d, %s", code, h.ErrOut)
	}
}

func TestDuplicatesRequestsConformToTheSpec(t *testing.T) {
	sb := seedSandbox(t)
	sb.CheckSpec(t)
	h := sb.Harness(t)
	file := filepath.Join(t.TempDir(), "merges.json")
	h.MustRun("contacts", "duplicates", "--plan", file)
	h.MustRun("contacts", "merge-plan", "apply", file, "--yes")
	got := strings.Join(sb.Checked(), "; ")
	for _, op := range []string{"GET /api/v1/accounts/{account_id}/contacts", "GET /api/v1/accounts/{account_id}/contacts/{id}/conversations", "POST /api/v1/accounts/{account_id}/actions/contact_merge"} {
		if !strings.Contains(got, op) {
			t.Errorf("%s was not checked against the spec: %s", op, got)
		}
	}
}
