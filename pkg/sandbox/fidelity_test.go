package sandbox

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Chatwoot's enum (app/models/custom_attribute_definition.rb) numbers
// conversation attributes 0 and contact attributes 1.
func TestAttributeModelNumbersFollowChatwootsEnum(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	for model, want := range map[string]string{"0": "order_id", "1": "plan", "conversation_attribute": "order_id", "contact_attribute": "plan"} {
		r := call(t, srv, "GET", "/api/v1/accounts/1/custom_attribute_definitions?attribute_model="+model, store.SeedUserToken, nil)
		mustStatus(t, r, 200, "list definitions")
		keys := map[any]bool{}
		for _, d := range r.list(t) {
			keys[d.(map[string]any)["attribute_key"]] = true
		}
		if !keys[want] || len(keys) == 0 {
			t.Errorf("attribute_model=%s lists %v, want %s among them", model, keys, want)
		}
		other := map[string]string{"order_id": "plan", "plan": "order_id"}[want]
		if keys[other] {
			t.Errorf("attribute_model=%s lists %s of the other model", model, other)
		}
	}
}

// The portals index carries meta {current_page, portals_count}, as
// Chatwoot's portals/index.json.jbuilder renders it.
func TestPortalsIndexHasMeta(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	body := call(t, srv, "GET", "/api/v1/accounts/1/portals", store.SeedUserToken, nil).json(t)
	portals, _ := body["payload"].([]any)
	meta, _ := body["meta"].(map[string]any)
	if len(portals) == 0 || meta == nil || meta["current_page"] != float64(1) || meta["portals_count"] != float64(len(portals)) {
		t.Fatalf("portals index %v", body)
	}
	paged := call(t, srv, "GET", "/api/v1/accounts/1/portals?page=2", store.SeedUserToken, nil).json(t)
	if m, _ := paged["meta"].(map[string]any); m == nil || m["current_page"] != "2" {
		t.Errorf("page=2 gives meta %v, want current_page \"2\" as the controller echoes params[:page]", paged["meta"])
	}
}

// The message list follows Chatwoot's app/finders/message_finder.rb.
func TestMessageFinderCursors(t *testing.T) {
	s, _, do := emptySandbox(t)
	ct := do("POST", "/api/v1/accounts/1/contacts", obj{"name": "Chatty", "email": "chatty@example.com", "inbox_id": 1})
	sourceID := dig(ct.json(t), "payload.contact_inbox.source_id").(string)
	cv := do("POST", "/api/v1/accounts/1/conversations", obj{"source_id": sourceID, "inbox_id": 1})
	path := "/api/v1/accounts/1/conversations/" + itoa(int64(cv.json(t)["id"].(float64))) + "/messages"
	for i := range 130 {
		mustStatus(t, do("POST", path, obj{"content": fmt.Sprintf("message %d", i)}), 200, "create message")
	}
	// One message a minute, so timestamps tell them apart.
	s.mu.Lock()
	all := s.st.Conversations[len(s.st.Conversations)-1].Messages
	var ids []int64
	for i, m := range all {
		m.CreatedAt = testNow.Unix() - int64(len(all)-i)*60
		ids = append(ids, m.ID)
	}
	s.mu.Unlock()
	pageIDs := func(r response) []int64 {
		var out []int64
		for _, m := range r.json(t)["payload"].([]any) {
			out = append(out, int64(m.(map[string]any)["id"].(float64)))
		}
		return out
	}
	if got := pageIDs(do("GET", path+"?after=0", nil)); fmt.Sprint(got) != fmt.Sprint(ids[:100]) {
		t.Errorf("after=0 gives %d messages starting %v, want the oldest 100", len(got), got[:min(3, len(got))])
	}
	cut := all[50].CreatedAt
	if got := pageIDs(do("GET", path+"?before_timestamp="+itoa(cut), nil)); fmt.Sprint(got) != fmt.Sprint(ids[30:50]) {
		t.Errorf("before_timestamp gives %v, want the 20 before message 50 %v", got, ids[30:50])
	}
	if got := pageIDs(do("GET", path+"?after="+itoa(ids[10])+"&before="+itoa(ids[20]), nil)); fmt.Sprint(got) != fmt.Sprint(ids[10:20]) {
		t.Errorf("after+before gives %v, want %v (after inclusive)", got, ids[10:20])
	}
}

// Conversations found by /search and /search/conversations are the
// summary of Chatwoot's search/_conversation_search_result.json.jbuilder.
func TestSearchConversationsAreSummaries(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	cv := s.st.Conversations[0]
	name := s.st.ContactOf(cv.ContactID).Name
	for _, path := range []string{"/api/v1/accounts/1/search", "/api/v1/accounts/1/search/conversations"} {
		r := call(t, srv, "GET", path+"?q="+url.QueryEscape(name), store.SeedUserToken, nil)
		mustStatus(t, r, 200, path)
		found, _ := dig(r.json(t), "payload.conversations").([]any)
		if len(found) == 0 {
			t.Fatalf("%s?q=%s found no conversation: %s", path, name, r.body)
		}
		first := found[0].(map[string]any)
		var keys []string
		for k := range first {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if got := strings.Join(keys, ","); got != "account_id,agent,contact,created_at,id,inbox,message" {
			t.Errorf("%s: a conversation has keys %s", path, got)
		}
		if dig(first, "contact.name") == nil || dig(first, "inbox.channel_type") == nil || dig(first, "message.content") == nil {
			t.Errorf("%s: summary lacks contact, inbox or message: %v", path, first)
		}
	}
}
