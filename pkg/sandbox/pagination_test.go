package sandbox

import (
	"fmt"
	"strconv"
	"testing"
)

func emptySandbox(t *testing.T) (*Sandbox, string, func(method, path string, body any) response) {
	t.Helper()
	s, srv := newTestSandbox(t, Options{Seed: "empty"})
	tok := s.Credentials().UserToken
	return s, tok, func(method, path string, body any) response { return call(t, srv, method, path, tok, body) }
}

func TestContactsPageFifteenWithCount(t *testing.T) {
	_, _, do := emptySandbox(t)
	for i := range 40 {
		r := do("POST", "/api/v1/accounts/1/contacts", obj{"name": fmt.Sprintf("Contact %02d", i), "email": fmt.Sprintf("c%02d@example.com", i)})
		mustStatus(t, r, 200, "create contact")
	}
	seen := map[float64]bool{}
	for page, want := range []int{15, 15, 10, 0} {
		r := do("GET", "/api/v1/accounts/1/contacts?page="+strconv.Itoa(page+1), nil)
		mustStatus(t, r, 200, "list contacts")
		body := r.json(t)
		payload := body["payload"].([]any)
		if len(payload) != want {
			t.Errorf("page %d has %d contacts, want %d", page+1, len(payload), want)
		}
		if dig(body, "meta.count") != float64(40) || dig(body, "meta.current_page") != strconv.Itoa(page+1) {
			t.Errorf("page %d meta %v, want count 40 and current_page %q", page+1, body["meta"], strconv.Itoa(page+1))
		}
		for _, c := range payload {
			id := c.(map[string]any)["id"].(float64)
			if seen[id] {
				t.Errorf("contact %v on two pages", id)
			}
			seen[id] = true
		}
	}
	if len(seen) != 40 {
		t.Errorf("pages held %d distinct contacts, want 40", len(seen))
	}
	if m := do("GET", "/api/v1/accounts/1/contacts", nil).json(t); dig(m, "meta.current_page") != float64(1) {
		t.Errorf("without page, current_page is %v, want the number 1", dig(m, "meta.current_page"))
	}
}

func TestContactsSortAndSearch(t *testing.T) {
	_, _, do := emptySandbox(t)
	for _, n := range []string{"Charlie", "alice", "Bob"} {
		mustStatus(t, do("POST", "/api/v1/accounts/1/contacts", obj{"name": n, "email": n + "@example.com"}), 200, "create")
	}
	names := func(r response) []string {
		var out []string
		for _, c := range r.json(t)["payload"].([]any) {
			out = append(out, c.(map[string]any)["name"].(string))
		}
		return out
	}
	if got := fmt.Sprint(names(do("GET", "/api/v1/accounts/1/contacts?sort=name", nil))); got != "[alice Bob Charlie]" {
		t.Errorf("sort=name gives %s", got)
	}
	if got := fmt.Sprint(names(do("GET", "/api/v1/accounts/1/contacts?sort=-name", nil))); got != "[Charlie Bob alice]" {
		t.Errorf("sort=-name gives %s", got)
	}
	r := do("GET", "/api/v1/accounts/1/contacts/search?q=bo", nil)
	if got := fmt.Sprint(names(r)); got != "[Bob]" || dig(r.json(t), "meta.has_more") != false {
		t.Errorf("search q=bo gives %s, meta %v", got, r.json(t)["meta"])
	}
	bad := do("GET", "/api/v1/accounts/1/contacts/search", nil)
	mustStatus(t, bad, 422, "search without q")
	if bad.json(t)["error"] != errSearchNeedsTerm {
		t.Errorf("search without q: %s", bad.body)
	}
}

func TestConversationsPageTwentyFiveWithCounts(t *testing.T) {
	_, _, do := emptySandbox(t)
	ct := do("POST", "/api/v1/accounts/1/contacts", obj{"name": "Busy", "email": "busy@example.com", "inbox_id": 1})
	mustStatus(t, ct, 200, "create contact")
	sourceID := dig(ct.json(t), "payload.contact_inbox.source_id").(string)
	for i := range 60 {
		body := obj{"source_id": sourceID, "inbox_id": 1}
		if i%3 == 0 {
			body["assignee_id"] = 1
		}
		mustStatus(t, do("POST", "/api/v1/accounts/1/conversations", body), 200, "create conversation")
	}
	seen := map[float64]bool{}
	for page, want := range []int{25, 25, 10} {
		r := do("GET", "/api/v1/accounts/1/conversations?page="+strconv.Itoa(page+1), nil)
		mustStatus(t, r, 200, "list conversations")
		body := r.json(t)
		payload := dig(body, "data.payload").([]any)
		if len(payload) != want {
			t.Errorf("page %d has %d conversations, want %d", page+1, len(payload), want)
		}
		meta := dig(body, "data.meta").(map[string]any)
		if meta["all_count"] != float64(60) || meta["mine_count"] != float64(20) || meta["assigned_count"] != float64(20) || meta["unassigned_count"] != float64(40) {
			t.Errorf("meta %v, want all 60, mine 20, assigned 20, unassigned 40", meta)
		}
		for _, c := range payload {
			seen[c.(map[string]any)["id"].(float64)] = true
		}
	}
	if len(seen) != 60 {
		t.Errorf("pages held %d distinct conversations, want 60", len(seen))
	}
	mine := do("GET", "/api/v1/accounts/1/conversations?assignee_type=unassigned&page=2", nil).json(t)
	if n := len(dig(mine, "data.payload").([]any)); n != 15 {
		t.Errorf("unassigned page 2 has %d conversations, want 15", n)
	}
	meta := do("GET", "/api/v1/accounts/1/conversations/meta", nil).json(t)
	if dig(meta, "meta.all_count") != float64(60) {
		t.Errorf("conversations/meta %v", meta)
	}
}

func TestMessagesCursorsWalkEveryMessage(t *testing.T) {
	_, _, do := emptySandbox(t)
	ct := do("POST", "/api/v1/accounts/1/contacts", obj{"name": "Chatty", "email": "chatty@example.com", "inbox_id": 1})
	sourceID := dig(ct.json(t), "payload.contact_inbox.source_id").(string)
	cv := do("POST", "/api/v1/accounts/1/conversations", obj{"source_id": sourceID, "inbox_id": 1})
	path := "/api/v1/accounts/1/conversations/" + strconv.Itoa(int(cv.json(t)["id"].(float64))) + "/messages"
	var ids []float64
	for i := range 45 {
		r := do("POST", path, obj{"content": fmt.Sprintf("message %d", i)})
		mustStatus(t, r, 200, "create message")
		ids = append(ids, r.json(t)["id"].(float64))
	}
	pageIDs := func(r response) []float64 {
		var out []float64
		for _, m := range r.json(t)["payload"].([]any) {
			out = append(out, m.(map[string]any)["id"].(float64))
		}
		return out
	}
	latest := pageIDs(do("GET", path, nil))
	if fmt.Sprint(latest) != fmt.Sprint(ids[25:]) {
		t.Fatalf("latest page %v, want the last 20 ascending %v", latest, ids[25:])
	}
	var walked []float64
	walked = append(walked, latest...)
	for before := latest[0]; ; {
		page := pageIDs(do("GET", path+"?before="+strconv.Itoa(int(before)), nil))
		if len(page) == 0 {
			break
		}
		if len(page) > 20 {
			t.Fatalf("before page has %d messages, want at most 20", len(page))
		}
		walked = append(page, walked...)
		before = page[0]
	}
	if fmt.Sprint(walked) != fmt.Sprint(ids) {
		t.Errorf("before cursor walked %v, want %v", walked, ids)
	}
	after := pageIDs(do("GET", path+"?after="+strconv.Itoa(int(ids[4])), nil))
	if fmt.Sprint(after) != fmt.Sprint(ids[5:]) {
		t.Errorf("after=%v gives %v, want the 40 newer ascending", ids[4], after)
	}
	between := pageIDs(do("GET", path+"?after="+strconv.Itoa(int(ids[9]))+"&before="+strconv.Itoa(int(ids[15])), nil))
	// MessageFinder#messages_between: id >= after AND id < before.
	if fmt.Sprint(between) != fmt.Sprint(ids[9:15]) {
		t.Errorf("after+before gives %v, want %v", between, ids[9:15])
	}
}
