package bulk

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/wootcli/woot/pkg/spectest"
)

// TestRequestsConformToChatwootSpec runs every kind of job against the
// fake with each request checked against Chatwoot's published spec.
// bulk_actions is served beyond the spec and is left out.
func TestRequestsConformToChatwootSpec(t *testing.T) {
	spec := spectest.Load(t)
	f := newFake(t)
	var mu sync.Mutex
	checked := map[string]bool{}
	f.validate = func(r *http.Request) error {
		if _, _, err := spec.FindRoute(r); err != nil {
			if !strings.HasSuffix(r.URL.Path, "/bulk_actions") {
				t.Errorf("%s %s is not in the spec", r.Method, r.URL.Path)
			}
			return nil
		}
		mu.Lock()
		checked[routeOf(r.Method, r.URL.Path)] = true
		mu.Unlock()
		return spec.ValidateRequest(r)
	}
	f.addContact(fakeContact{Name: "Old", Email: "old@example.com", Labels: []string{"churned"}})
	in := writeFile(t, t.TempDir(), "c.csv", "email,name,labels,phone_number\nold@example.com,Old Name,vip,\nnew@example.com,New,billing,+14155550123\n")
	_, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false),
		ContactImport{Match: matchKeys, InboxID: 1}, testOptions(t, ".csv"))
	if err != nil {
		t.Fatal(err)
	}
	// An interrupted conversation import also exercises the look-ups.
	opts := testOptions(t, ".ndjson")
	ctx, cancel := context.WithCancel(context.Background())
	f.afterMessage = func(n int) bool {
		if n == 1 {
			cancel()
			return true
		}
		return false
	}
	importConversations(t, f, ctx, convLine+"\n", opts)
	f.afterMessage = nil
	if _, _, err := importConversations(t, f, context.Background(), convLine+"\n", opts); err != nil {
		t.Fatal(err)
	}
	if _, _, err := BulkAction(context.Background(), f.client(t, nil), 1, KindConversations, []int64{1}, Action{Name: "resolve"}, testOptions(t, ".ndjson")); err != nil {
		t.Fatal(err)
	}
	for _, route := range []string{
		"POST /api/v1/accounts/{id}/contacts", "PUT /api/v1/accounts/{id}/contacts/{id}", "POST /api/v1/accounts/{id}/contacts/filter",
		"GET /api/v1/accounts/{id}/contacts/{id}/labels", "POST /api/v1/accounts/{id}/contacts/{id}/labels",
		"GET /api/v1/accounts/{id}/labels", "GET /api/v1/accounts/{id}/agents", "GET /api/v1/accounts/{id}/inboxes",
		"POST /api/v1/accounts/{id}/conversations", "POST /api/v1/accounts/{id}/conversations/{id}/messages",
		"GET /api/v1/accounts/{id}/conversations/{id}/messages", "POST /api/v1/accounts/{id}/conversations/{id}/labels",
		"POST /api/v1/accounts/{id}/conversations/{id}/toggle_status",
	} {
		if !checked[route] {
			t.Errorf("%s was never sent, so never checked", route)
		}
	}
}
