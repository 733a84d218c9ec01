package sandbox

import (
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
	"github.com/wootcli/woot/pkg/spectest"
)

// Every route the table rates medium is served: registered for each of
// its methods and, sent with identifiers that exist, answered without a
// 405 or a server error. The rows come from the table, not from a list.
func TestMediumRoutesAreServed(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	n := 0
	for _, r := range spectest.Rows(t, "routes-beyond-spec.tsv") {
		if r["cli_relevance"] != "medium" {
			continue
		}
		// Parameters beyond the high rows' ones; their rows exist in the seed.
		extra := map[string]string{"agent_capacity_policy_id": "1", "assignment_policy_id": "1", "campaign_id": "1",
			"assistant_id": "1", "company_id": "1", "token": "1"}
		path := fill(t, r["path"], routeValues(t, s, r["family"], r["path"]), extra)
		for _, method := range strings.Split(r["method"], "|") {
			n++
			if _, pattern := s.mux.Handler(httptest.NewRequest(method, path, nil)); pattern == "/" || pattern == "" {
				t.Errorf("%s %s (%s): no route", method, r["path"], r["resource"])
				continue
			}
			token := store.SeedUserToken
			if r["family"] == "platform" {
				token = store.SeedPlatformToken
			}
			var body any
			if method != "GET" {
				body = obj{}
			}
			if got := call(t, srv, method, path, token, body); got.status == 405 || got.status >= 500 {
				t.Errorf("%s %s: %d %s", method, path, got.status, got.body)
			}
		}
	}
	if n < 150 {
		t.Fatalf("only %d medium routes read; is the table complete?", n)
	}
}

func TestAssignmentPolicyLifecycle(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	tok := store.SeedUserToken
	base := "/api/v1/accounts/1/assignment_policies"
	created := call(t, srv, "POST", base, tok, obj{"assignment_policy": obj{"name": "Night shift", "conversation_priority": "longest_waiting"}})
	mustStatus(t, created, 200, "create")
	p := created.json(t)
	if p["conversation_priority"] != "longest_waiting" || p["assignment_order"] != "round_robin" || p["fair_distribution_limit"] != float64(100) || p["assigned_inbox_count"] != float64(0) {
		t.Errorf("created policy %v: want the given priority and Chatwoot's defaults", p)
	}
	mustStatus(t, call(t, srv, "POST", base, tok, obj{"assignment_policy": obj{"name": "Night shift"}}), 422, "a second policy with the same name")
	mustStatus(t, call(t, srv, "POST", base, tok, obj{"assignment_policy": obj{"name": "Zero", "fair_distribution_limit": 0}}), 422, "a zero limit")
	id := fmtID(p["id"])
	// Inbox 1 has the seeded policy; attaching it here moves it.
	mustStatus(t, call(t, srv, "POST", base+"/"+id+"/inboxes", tok, obj{"inbox_id": 1}), 200, "attach inbox 1")
	if got := dig(call(t, srv, "GET", "/api/v1/accounts/1/inboxes/1/assignment_policy", tok, nil).json(t), "name"); got != "Night shift" {
		t.Errorf("inbox 1's policy is %v, want Night shift", got)
	}
	if got := call(t, srv, "GET", base+"/1", tok, nil).json(t)["assigned_inbox_count"]; got != float64(0) {
		t.Errorf("the seeded policy still counts %v inboxes after inbox 1 moved", got)
	}
	inboxes := call(t, srv, "GET", base+"/"+id+"/inboxes", tok, nil).json(t)["inboxes"].([]any)
	if len(inboxes) != 1 || dig(inboxes[0], "id") != float64(1) {
		t.Errorf("policy inboxes %v, want inbox 1", inboxes)
	}
	// Chatwoot drops the inbox's link whichever policy the path names.
	mustStatus(t, call(t, srv, "DELETE", base+"/1/inboxes/1", tok, nil), 200, "detach through another policy")
	mustStatus(t, call(t, srv, "GET", "/api/v1/accounts/1/inboxes/1/assignment_policy", tok, nil), 404, "inbox without a policy")
	mustStatus(t, call(t, srv, "DELETE", "/api/v1/accounts/1/inboxes/1/assignment_policy", tok, nil), 200, "remove a policy it does not have")
	mustStatus(t, call(t, srv, "DELETE", base+"/"+id+"/inboxes/99", tok, nil), 404, "detach an unknown inbox")
	mustStatus(t, call(t, srv, "DELETE", base+"/"+id, tok, nil), 200, "delete")
	mustStatus(t, call(t, srv, "GET", base+"/"+id, tok, nil), 404, "deleted policy")
}

func TestCapacityPolicyAgentsAndLimits(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	tok := store.SeedUserToken
	base := "/api/v1/accounts/1/agent_capacity_policies"
	other := fmtID(call(t, srv, "POST", base, tok, obj{"agent_capacity_policy": obj{"name": "Five"}}).json(t)["id"])
	// Alice (user 1) follows the seeded policy; adding her to another moves her.
	mustStatus(t, call(t, srv, "POST", base+"/"+other+"/users", tok, obj{"user_id": 1}), 200, "add agent")
	if users := call(t, srv, "GET", base+"/1/users", tok, nil).list(t); len(users) != 0 {
		t.Errorf("the seeded policy still lists %v", users)
	}
	shown := call(t, srv, "GET", base+"/"+other, tok, nil).json(t)
	if u, _ := shown["users"].([]any); len(u) != 1 || dig(u[0], "email") != "alice@acme.test" {
		t.Errorf("policy users %v, want Alice", shown["users"])
	}
	mustStatus(t, call(t, srv, "POST", base+"/"+other+"/inbox_limits", tok, obj{"inbox_id": 1, "conversation_limit": 0}), 422, "zero limit")
	lim := call(t, srv, "POST", base+"/"+other+"/inbox_limits", tok, obj{"inbox_id": 1, "conversation_limit": 5})
	mustStatus(t, lim, 200, "limit")
	mustStatus(t, call(t, srv, "POST", base+"/"+other+"/inbox_limits", tok, obj{"inbox_id": 1, "conversation_limit": 3}), 422, "second limit for the inbox")
	lid := fmtID(lim.json(t)["id"])
	if got := call(t, srv, "PATCH", base+"/"+other+"/inbox_limits/"+lid, tok, obj{"conversation_limit": 7}).json(t)["conversation_limit"]; got != float64(7) {
		t.Errorf("updated limit %v, want 7", got)
	}
	mustStatus(t, call(t, srv, "DELETE", base+"/1/inbox_limits/"+lid, tok, nil), 404, "limit under another policy")
	mustStatus(t, call(t, srv, "DELETE", base+"/"+other+"/users/1", tok, nil), 200, "remove agent")
	if users := call(t, srv, "GET", base+"/"+other+"/users", tok, nil).list(t); len(users) != 0 {
		t.Errorf("policy users after removing Alice: %v", users)
	}
	mustStatus(t, call(t, srv, "DELETE", base+"/"+other+"/users/99", tok, nil), 404, "remove an unknown agent")
	// Newer Chatwoot names the inbox in the path and creates the limit.
	if got := call(t, srv, "PATCH", base+"/"+other+"/inbox_limits/3", tok, obj{"conversation_limit": 4}).json(t); got["inbox_id"] != float64(3) || got["conversation_limit"] != float64(4) {
		t.Errorf("limit by inbox id: %v, want inbox 3 at 4", got)
	}
}

func TestParticipantsAddSetRemove(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	tok := store.SeedUserToken
	p := "/api/v1/accounts/1/conversations/1/participants"
	ids := func(r response) []any {
		var out []any
		for _, a := range r.list(t) {
			out = append(out, dig(a, "id"))
		}
		return out
	}
	// The answer holds only the agents this call added (1 was there).
	if got := ids(call(t, srv, "POST", p, tok, obj{"user_ids": []int{1, 2, 3}})); len(got) != 2 || got[0] != float64(2) {
		t.Errorf("adding 1, 2 and 3 to participant 1 answered %v, want 2 and 3", got)
	}
	if got := call(t, srv, "GET", p, tok, nil).list(t); len(got) != 3 {
		t.Errorf("%d participants after adding, want 3", len(got))
	}
	if got := ids(call(t, srv, "PATCH", p, tok, obj{"user_ids": []int{2}})); len(got) != 1 || got[0] != float64(2) {
		t.Errorf("after setting 2: %v", got)
	}
	mustStatus(t, call(t, srv, "POST", p, tok, obj{"user_ids": []int{99}}), 404, "an unknown agent")
	mustStatus(t, call(t, srv, "DELETE", p, tok, obj{"user_ids": []int{2}}), 200, "remove")
	if got := call(t, srv, "GET", p, tok, nil).list(t); len(got) != 0 {
		t.Errorf("participants after removing the last: %v", got)
	}
}

func TestDataImportSteps(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	tok := store.SeedUserToken
	base := "/api/v1/accounts/1/data_imports"
	if got := dig(call(t, srv, "GET", base+"/1", tok, nil).json(t), "allowed_actions.retry"); got != true {
		t.Fatalf("the seeded failed import cannot be retried: %v", got)
	}
	if got := call(t, srv, "POST", base+"/1/retry", tok, nil).json(t)["status"]; got != "processing" {
		t.Errorf("status after retry %v, want processing", got)
	}
	mustStatus(t, call(t, srv, "POST", base+"/1/retry", tok, nil), 422, "retry while processing")
	mustStatus(t, call(t, srv, "POST", base+"/1/abandon", tok, nil), 200, "abandon")
	mustStatus(t, call(t, srv, "POST", base+"/1/start", tok, nil), 422, "start an abandoned import")
	mustStatus(t, call(t, srv, "POST", base, tok, obj{"data_type": "contacts"}), 422, "no source type")
	created := call(t, srv, "POST", base, tok, obj{"data_type": "contacts", "source_type": "csv", "credentials": obj{"api_key": "s3cret"}})
	mustStatus(t, created, 200, "create")
	if strings.Contains(string(created.body), "s3cret") || created.json(t)["status"] != "pending" {
		t.Errorf("created import %s: want pending and no credentials echoed", created.body)
	}
	if got := call(t, srv, "GET", base, tok, nil).json(t)["payload"].([]any); len(got) != 2 {
		t.Errorf("%d imports listed, want 2", len(got))
	}
}

// Without a feature, its routes answer as Rails does for a controller the
// edition lacks, the others as before; and a state written with the
// feature keeps its rows when a sandbox without it reopens the file.
func TestWithoutFeature(t *testing.T) {
	if _, err := New(Options{Without: []string{"no-such"}}); err == nil || !strings.Contains(err.Error(), "captain") {
		t.Errorf("unknown feature: err %v, want one listing the known features", err)
	}
	state := filepath.Join(t.TempDir(), "state.json")
	s1, srv1 := newTestSandbox(t, Options{StatePath: state})
	tok := store.SeedUserToken
	mustStatus(t, call(t, srv1, "POST", "/api/v1/accounts/1/sla_policies", tok, obj{"sla_policy": obj{"name": "Gold"}}), 200, "create SLA")
	srv1.Close()
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}

	_, srv := newTestSandbox(t, Options{StatePath: state, Without: []string{"sla"}})
	r := call(t, srv, "GET", "/api/v1/accounts/1/sla_policies", tok, nil)
	if r.status != 404 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Errorf("SLA without the feature: %d %s, want 404 with an HTML page", r.status, r.header.Get("Content-Type"))
	}
	mustStatus(t, call(t, srv, "GET", "/api/v1/accounts/1/labels", tok, nil), 200, "labels without the SLA feature")
	srv.Close()

	_, srv3 := newTestSandbox(t, Options{StatePath: state})
	found := false
	for _, p := range call(t, srv3, "GET", "/api/v1/accounts/1/sla_policies", tok, nil).json(t)["payload"].([]any) {
		found = found || dig(p, "name") == "Gold"
	}
	if !found {
		t.Error("the SLA policy written with the feature was lost by a sandbox without it")
	}
}

func fmtID(v any) string {
	f, _ := v.(float64)
	return strconv.FormatInt(int64(f), 10)
}
