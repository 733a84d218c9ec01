package bulk

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func seqIDs(n int) []int64 {
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	return ids
}

func TestBulkActionBodies(t *testing.T) {
	for _, tc := range []struct {
		kind   string
		action Action
		want   string
	}{
		{KindConversations, Action{Name: "resolve"}, `{"fields":{"status":"resolved"},"ids":[4,5],"type":"Conversation"}`},
		{KindConversations, Action{Name: "open"}, `{"fields":{"status":"open"},"ids":[4,5],"type":"Conversation"}`},
		{KindConversations, Action{Name: "pending"}, `{"fields":{"status":"pending"},"ids":[4,5],"type":"Conversation"}`},
		{KindConversations, Action{Name: "snooze", SnoozedUntil: 1757506877}, `{"fields":{"status":"snoozed"},"ids":[4,5],"snoozed_until":1757506877,"type":"Conversation"}`},
		{KindConversations, Action{Name: "assign", AssigneeID: 7, TeamID: 2}, `{"fields":{"assignee_id":7,"team_id":2},"ids":[4,5],"type":"Conversation"}`},
		{KindConversations, Action{Name: "unassign"}, `{"fields":{"assignee_id":null},"ids":[4,5],"type":"Conversation"}`},
		{KindConversations, Action{Name: "unassign", UnassignTeam: true}, `{"fields":{"assignee_id":null,"team_id":0},"ids":[4,5],"type":"Conversation"}`},
		{KindConversations, Action{Name: "label", Labels: []string{"VIP", " billing"}}, `{"ids":[4,5],"labels":{"add":["vip","billing"]},"type":"Conversation"}`},
		{KindConversations, Action{Name: "unlabel", Labels: []string{"vip"}}, `{"ids":[4,5],"labels":{"remove":["vip"]},"type":"Conversation"}`},
		{KindContacts, Action{Name: "label", Labels: []string{"vip"}}, `{"ids":[4,5],"labels":{"add":["vip"]},"type":"Contact"}`},
		{KindContacts, Action{Name: "unlabel", Labels: []string{"vip"}}, `{"ids":[4,5],"labels":{"remove":["vip"]},"type":"Contact"}`},
		{KindContacts, Action{Name: "delete"}, `{"action_name":"delete","ids":[4,5],"type":"Contact"}`},
	} {
		if err := tc.action.Validate(tc.kind); err != nil {
			t.Errorf("%s %s: %v", tc.kind, tc.action.Name, err)
		}
		if got := string(mustJSON(tc.action.body(tc.kind, []int64{4, 5}))); got != tc.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tc.kind, tc.action.Name, got, tc.want)
		}
	}
}

func TestBulkActionValidate(t *testing.T) {
	for _, tc := range []struct {
		kind string
		a    Action
		want string
	}{
		{KindContacts, Action{Name: "resolve"}, "use one of label, unlabel, delete"},
		{KindConversations, Action{Name: "delete"}, "use one of resolve"},
		{KindConversations, Action{Name: "assign"}, "agent or a team"},
		{KindConversations, Action{Name: "label", Labels: []string{" "}}, "at least one label"},
		{"inboxes", Action{Name: "label"}, "conversations or contacts"},
	} {
		if err := tc.a.Validate(tc.kind); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s: err = %v, want %q", tc.kind, tc.a.Name, err, tc.want)
		}
	}
}

func TestBulkActionSendsBatches(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	var last [2]int64
	opts.Progress = func(done, total int64) { last = [2]int64{done, total} }
	sum, _, err := BulkAction(context.Background(), f.client(t, nil), 1, KindConversations, seqIDs(250), Action{Name: "resolve"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	bulk := f.bulkBodies()
	if len(bulk) != 3 || sum.Updated != 250 || last != [2]int64{250, 250} {
		t.Fatalf("batches %d, summary %+v, progress %v", len(bulk), sum, last)
	}
	for i, n := range []int{100, 100, 50} {
		body := decodeMap(t, bulk[i])
		if ids := body["ids"].([]any); len(ids) != n || ids[0] != float64(i*100+1) {
			t.Errorf("batch %d: %d ids starting at %v", i+1, len(ids), ids[0])
		}
	}
}

func TestBulkActionResumesAtTheFirstBatchNotAccepted(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	opts.BatchSize = 10
	ctx, cancel := context.WithCancel(context.Background())
	f.afterBulk = func(n int) bool {
		if n == 2 {
			cancel()
			return true // accepted, but the answer is lost
		}
		return false
	}
	action := Action{Name: "label", Labels: []string{"vip"}}
	if _, _, err := BulkAction(ctx, f.client(t, nil), 1, KindContacts, seqIDs(35), action, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: %v", err)
	}
	f.afterBulk = nil
	sum, _, err := BulkAction(context.Background(), f.client(t, nil), 1, KindContacts, seqIDs(35), action, opts)
	if err != nil {
		t.Fatal(err)
	}
	// Batch 2's answer was lost, so it is sent again (labelling is
	// idempotent); batch 1 is not.
	var firstIDs []float64
	for _, b := range f.bulkBodies() {
		firstIDs = append(firstIDs, decodeMap(t, b)["ids"].([]any)[0].(float64))
	}
	if want := []float64{1, 11, 11, 21, 31}; !slices.Equal(firstIDs, want) {
		t.Errorf("batches sent start at %v, want %v", firstIDs, want)
	}
	if sum.Updated != 25 || sum.AlreadyDone != 10 || sum.Earlier.Updated != 10 {
		t.Errorf("summary = %+v", sum)
	}
	// Another action on the same journal is a different job.
	_, _, err = BulkAction(context.Background(), f.client(t, nil), 1, KindContacts, seqIDs(35), Action{Name: "delete"}, opts)
	var je *JournalError
	if !errors.As(err, &je) {
		t.Errorf("err = %v, want the journal refused for another action", err)
	}
}

func TestBulkActionRefusedBatchGoesToRejects(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	opts.BatchSize = 2
	sum, _, err := BulkAction(context.Background(), f.client(t, nil), 1, KindConversations, []int64{4, 5, 6}, Action{Name: "assign", AssigneeID: 99}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected != 3 || !sum.HasRejects() {
		t.Errorf("summary = %+v", sum)
	}
	got := readFile(t, opts.Rejects)
	for _, id := range []string{"4", "5", "6"} {
		want := `{"id":` + id + `,"_error":"Invalid assignee_id (HTTP 422 from POST /api/v1/accounts/1/bulk_actions)"}` + "\n"
		if strings.Count(got, want) != 1 {
			t.Errorf("rejects %q lack %q", got, want)
		}
	}
}

func TestBulkActionDryRunSendsNothing(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	opts.DryRun = true
	_, plan, err := BulkAction(context.Background(), f.client(t, nil), 1, KindConversations, seqIDs(150), Action{Name: "open"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if f.total() != 0 || len(plan.Items) != 2 || plan.Items[1].Requests[0].Path != "/api/v1/accounts/1/bulk_actions" {
		t.Fatalf("requests %d, plan %+v", f.total(), plan)
	}
}

func TestReadAndParseIDs(t *testing.T) {
	ids, err := ReadIDs(strings.NewReader("# open ones\n12\n\n 13 \n12\n\"14\"\n"))
	if err != nil || !slices.Equal(ids, []int64{12, 13, 14}) {
		t.Errorf("ReadIDs = %v, %v", ids, err)
	}
	if _, err := ReadIDs(strings.NewReader("1\nabc\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v, want line 2 named", err)
	}
	ids, err = ParseIDs([]string{"3,4", "5", "4"})
	if err != nil || !slices.Equal(ids, []int64{3, 4, 5}) {
		t.Errorf("ParseIDs = %v, %v", ids, err)
	}
	if _, err := ParseIDs([]string{"-1"}); err == nil {
		t.Error("a negative id was accepted")
	}
}

func decodeMap(t *testing.T, b []byte) map[string]any {
	t.Helper()
	m, err := decodeObject(b)
	if err != nil {
		t.Fatal(err)
	}
	// decodeObject keeps numbers as json.Number; tests compare floats.
	out := map[string]any{}
	for k, v := range m {
		out[k] = normalizeNumbers(v)
	}
	return out
}

func normalizeNumbers(v any) any {
	switch t := v.(type) {
	case []any:
		for i := range t {
			t[i] = normalizeNumbers(t[i])
		}
		return t
	case interface{ Float64() (float64, error) }:
		f, _ := t.Float64()
		return f
	}
	return v
}
