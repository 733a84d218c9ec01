package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// TestListShapes checks each list's envelope against FACTS §5.
func TestListShapes(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	bare := []string{"agents", "teams", "custom_filters", "canned_responses", "campaigns", "agent_bots", "teams/1/team_members"}
	for _, p := range bare {
		r := call(t, srv, "GET", "/api/v1/accounts/1/"+p, store.SeedUserToken, nil)
		mustStatus(t, r, 200, p)
		if l := r.list(t); len(l) == 0 {
			t.Errorf("%s: empty bare array from the demo seed", p)
		}
	}
	hooks := call(t, srv, "GET", "/api/v1/accounts/1/webhooks", store.SeedUserToken, nil)
	if payload, _ := hooks.json(t)["payload"].(map[string]any); payload == nil || len(payload["webhooks"].([]any)) == 0 {
		t.Errorf("webhooks: want {\"payload\":{\"webhooks\":[…]}} like Chatwoot's view, got %s", hooks.body)
	}
	wrapped := []string{"inboxes", "labels", "integrations/apps", "inbox_members/1", "automation_rules", "portals", "macros", "sla_policies"}
	for _, p := range wrapped {
		r := call(t, srv, "GET", "/api/v1/accounts/1/"+p, store.SeedUserToken, nil)
		mustStatus(t, r, 200, p)
		if l, ok := r.json(t)["payload"].([]any); !ok || len(l) == 0 {
			t.Errorf("%s: want a non-empty {payload:[…]}, got %.200s", p, r.body)
		}
	}
	audit := call(t, srv, "GET", "/api/v1/accounts/1/audit_logs", store.SeedUserToken, nil).json(t)
	if audit["per_page"] != float64(25) || audit["current_page"] != float64(1) || audit["total_entries"] == nil || audit["audit_logs"] == nil {
		t.Errorf("audit logs envelope %v", audit)
	}
	events := call(t, srv, "GET", "/api/v1/accounts/1/reporting_events", store.SeedUserToken, nil).json(t)
	meta, _ := events["meta"].(map[string]any)
	if meta["count"] == nil || meta["total_pages"] == nil || len(events["payload"].([]any)) != 25 {
		t.Errorf("reporting events envelope: meta %v, %d rows", meta, len(events["payload"].([]any)))
	}
}

func TestContactCreateAndUpdateShapes(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	r := call(t, srv, "POST", "/api/v1/accounts/1/contacts", store.SeedUserToken,
		obj{"name": "Rita", "email": "RITA@example.com", "inbox_id": 1, "custom_attributes": obj{"plan": "pro"}})
	mustStatus(t, r, 200, "create")
	body := r.json(t)
	if dig(body, "payload.contact.email") != "rita@example.com" || dig(body, "payload.contact_inbox.inbox.id") != float64(1) ||
		dig(body, "payload.contact_inbox.source_id") == nil {
		t.Fatalf("create body %s", r.body)
	}
	id := itoa(int64(dig(body, "payload.contact.id").(float64)))
	u := call(t, srv, "PUT", "/api/v1/accounts/1/contacts/"+id, store.SeedUserToken, obj{"custom_attributes": obj{"seats": 5}})
	mustStatus(t, u, 200, "update")
	if dig(u.json(t), "payload.custom_attributes.plan") != "pro" || dig(u.json(t), "payload.custom_attributes.seats") != float64(5) {
		t.Errorf("update does not merge custom attributes: %s", u.body)
	}
	bad := call(t, srv, "PUT", "/api/v1/accounts/1/contacts/"+id, store.SeedUserToken, obj{"phone_number": "12345"})
	mustStatus(t, bad, 422, "invalid phone")
}

func TestConversationWorkflow(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	cv := s.st.Conversation(1, 1)
	path := "/api/v1/accounts/1/conversations/1"
	before := len(cv.Messages)
	r := call(t, srv, "POST", path+"/toggle_status", store.SeedUserToken, obj{"status": "snoozed", "snoozed_until": testNow.Unix() + 3600})
	mustStatus(t, r, 200, "snooze")
	if dig(r.json(t), "payload.current_status") != "snoozed" {
		t.Errorf("toggle_status answered %s", r.body)
	}
	if last := cv.Messages[len(cv.Messages)-1]; len(cv.Messages) != before+1 || last.MessageType != store.MsgActivity {
		t.Error("status change left no activity message")
	}
	r = call(t, srv, "POST", path+"/toggle_status", store.SeedUserToken, nil)
	if dig(r.json(t), "payload.current_status") != "open" {
		t.Errorf("toggling a snoozed conversation gives %s, want open", r.body)
	}
	mustStatus(t, call(t, srv, "POST", path+"/assignments", store.SeedUserToken, obj{"assignee_id": 4}), 200, "assign")
	mustStatus(t, call(t, srv, "POST", path+"/labels", store.SeedUserToken, obj{"labels": []string{"vip", "bug"}}), 200, "labels")
	show := call(t, srv, "GET", path, store.SeedUserToken, nil).json(t)
	if dig(show, "meta.assignee.id") != float64(4) || fmt.Sprint(show["labels"]) != "[vip bug]" || show["status"] != "open" {
		t.Errorf("conversation after changes: assignee %v labels %v status %v", dig(show, "meta.assignee.id"), show["labels"], show["status"])
	}
	mine := call(t, srv, "GET", "/api/v1/accounts/1/conversations?assignee_type=me&status=all", "sandbox-agent-4-token", nil).json(t)
	found := false
	for _, c := range dig(mine, "data.payload").([]any) {
		found = found || c.(map[string]any)["id"] == float64(1)
	}
	if !found {
		t.Error("agent 4 (an API inbox member) does not find the conversation assigned to them under assignee_type=me")
	}
}

func TestBulkActionsApplyToStoredRows(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	r := call(t, srv, "POST", "/api/v1/accounts/1/bulk_actions", store.SeedUserToken, obj{"type": "Conversation", "ids": []int{1, 2, 3},
		"fields": obj{"status": "resolved", "assignee_id": 2}, "labels": obj{"add": []string{"churn-risk"}}})
	mustStatus(t, r, 200, "bulk conversations")
	for _, id := range []int64{1, 2, 3} {
		cv := s.st.Conversation(1, id)
		if cv.Status != store.StatusResolved || cv.AssigneeID != 2 || !store.ContainsStr(cv.Labels, "churn-risk") {
			t.Errorf("conversation %d after bulk: status %s assignee %d labels %v", id, cv.Status, cv.AssigneeID, cv.Labels)
		}
	}
	r = call(t, srv, "POST", "/api/v1/accounts/1/bulk_actions", store.SeedUserToken, obj{"type": "Contact", "ids": []int{2, 3}, "action_name": "delete"})
	mustStatus(t, r, 200, "bulk delete contacts")
	mustStatus(t, call(t, srv, "GET", "/api/v1/accounts/1/contacts/2", store.SeedUserToken, nil), 404, "deleted contact")
}

func TestMacroExecuteRunsItsActions(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	cv := s.st.Conversation(1, 4)
	cv.Status = store.StatusOpen
	mustStatus(t, call(t, srv, "POST", "/api/v1/accounts/1/macros/1/execute", store.SeedUserToken, obj{"conversation_ids": []int{4}}), 200, "execute")
	if cv.Status != store.StatusResolved {
		t.Errorf("macro left status %s, want resolved", cv.Status)
	}
	found := false
	for _, m := range cv.Messages {
		found = found || strings.HasPrefix(m.Content, "Thanks! Closing this now")
	}
	if !found {
		t.Error("macro's send_message action added no message")
	}
}

func TestContactImportMergesRows(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Seed: "empty"})
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("import_file", "contacts.csv")
	io.WriteString(fw, "name,email,phone_number,company,tier\nAnn,ann@example.com,15550001,Initech,gold\nBen,ben@example.com,,Hooli,silver\nAnn Again,ANN@example.com,,,platinum\n")
	mw.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/accounts/1/contacts/import", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header["api_access_token"] = []string{store.SeedUserToken}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("import status %d", resp.StatusCode)
	}
	if n := len(s.st.Contacts); n != 2 {
		t.Fatalf("import made %d contacts, want 2 (the third row matches Ann by email)", n)
	}
	ann := s.st.Contacts[0]
	if ann.PhoneNumber != "+15550001" || ann.CustomAttributes["tier"] != "platinum" || ann.AdditionalAttributes["company_name"] != "Initech" {
		t.Errorf("imported Ann: %+v", ann)
	}
	mustStatus(t, call(t, srv, "POST", "/api/v1/accounts/1/contacts/import", store.SeedUserToken, obj{}), 422, "import without a file")
}

func TestServerRoutes(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	api := call(t, srv, "GET", "/api", "", nil).json(t)
	if api["version"] != chatwootVersion || api["queue_services"] != "ok" || api["data_services"] != "ok" || api["timestamp"] == nil {
		t.Errorf("GET /api %v", api)
	}
	if h := call(t, srv, "GET", "/health", "", nil).json(t); h["status"] != "woot" {
		t.Errorf("GET /health %v", h)
	}
}

// TestWebhookChangesAndInboxCallback: a status change reaches account
// webhooks with changed_attributes, and the API inbox's webhook_url gets
// the same payloads signed with the inbox's own secret.
func TestWebhookChangesAndInboxCallback(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	receiver, hits := webhookReceiver(t)
	created := call(t, srv, "POST", "/api/v1/accounts/1/webhooks", store.SeedUserToken,
		obj{"url": receiver.URL + "/account", "subscriptions": []string{"conversation_status_changed"}})
	mustStatus(t, created, 200, "webhook")
	secrets := map[string]string{"/account": webhookSecret(t, created), "/inbox": "sandbox-api-inbox-secret"}
	mustStatus(t, call(t, srv, "PATCH", "/api/v1/accounts/1/inboxes/1", store.SeedUserToken,
		obj{"channel": obj{"webhook_url": receiver.URL + "/inbox"}}), 200, "inbox webhook_url")
	var cvID int64
	for _, cv := range s.st.Conversations {
		if cv.InboxID == 1 && cv.Status == store.StatusOpen {
			cvID = cv.DisplayID
			break
		}
	}
	mustStatus(t, call(t, srv, "POST", "/api/v1/accounts/1/conversations/"+itoa(cvID)+"/toggle_status", store.SeedUserToken, obj{"status": "resolved"}), 200, "resolve")

	got := map[string]bool{}
	deadline := time.After(5 * time.Second)
	for !got["/account"] || !got["/inbox"] {
		select {
		case hit := <-hits:
			var p map[string]any
			if err := json.Unmarshal(hit.body, &p); err != nil {
				t.Fatal(err)
			}
			if p["event"] != "conversation_status_changed" {
				continue // the inbox callback gets every event, unfiltered
			}
			if sig := hit.header.Get("X-Chatwoot-Signature"); sig != signFor(secrets[hit.path], hit) {
				t.Errorf("%s: signature %q does not verify with its secret", hit.path, sig)
			}
			ch, _ := p["changed_attributes"].([]any)
			if len(ch) == 0 || dig(ch[0], "status.current_value") != "resolved" || dig(ch[0], "status.previous_value") != "open" {
				t.Errorf("%s: changed_attributes %v", hit.path, p["changed_attributes"])
			}
			got[hit.path] = true
		case <-deadline:
			t.Fatalf("status_changed deliveries seen: %v", got)
		}
	}
}

func TestFiltersMatchStoredRows(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	r := call(t, srv, "POST", "/api/v1/accounts/1/contacts/filter", store.SeedUserToken, obj{"payload": []obj{
		{"attribute_key": "plan", "filter_operator": "equal_to", "values": []string{"pro"}, "query_operator": "AND"},
		{"attribute_key": "city", "filter_operator": "equal_to", "values": []string{"Berlin"}},
	}})
	mustStatus(t, r, 200, "contact filter")
	want := 0
	for _, ct := range s.st.Contacts {
		if ct.CustomAttributes["plan"] == "pro" && ct.AdditionalAttributes["city"] == "Berlin" {
			want++
		}
	}
	if got := dig(r.json(t), "meta.count"); got != float64(want) || want == 0 {
		t.Errorf("plan=pro AND city=Berlin counts %v, want %d (non-zero)", got, want)
	}
	r = call(t, srv, "POST", "/api/v1/accounts/1/conversations/filter", store.SeedUserToken, obj{"payload": []obj{
		{"attribute_key": "status", "filter_operator": "equal_to", "values": []string{"pending"}, "query_operator": "OR"},
		{"attribute_key": "status", "filter_operator": "equal_to", "values": []string{"snoozed"}},
	}})
	mustStatus(t, r, 200, "conversation filter")
	want = 0
	for _, cv := range s.st.Conversations {
		if cv.Status == store.StatusPending || cv.Status == store.StatusSnoozed {
			want++
		}
	}
	if got := dig(r.json(t), "data.meta.all_count"); got != float64(want) || want == 0 {
		t.Errorf("pending OR snoozed counts %v, want %d", got, want)
	}
	bad := call(t, srv, "POST", "/api/v1/accounts/1/contacts/filter", store.SeedUserToken, obj{"payload": []obj{
		{"attribute_key": "name", "filter_operator": "sounds_like", "values": []string{"x"}},
	}})
	mustStatus(t, bad, 422, "unknown operator")
}
