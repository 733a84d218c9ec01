package application

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/spectest"
)

const testToken = "tok-5f2c9a"

// stub is a Chatwoot stand-in that records the requests it gets.
type stub struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (s *stub) record(r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs = append(s.reqs, r.Clone(context.Background()))
}

func (s *stub) requests() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.reqs...)
}

// newTestAPI serves handler on 127.0.0.1 and returns an API for account 1
// that talks to it; the server stops when the test ends.
func newTestAPI(t *testing.T, handler http.HandlerFunc) (*API, *stub) {
	t.Helper()
	st := &stub{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st.record(r)
		if got := r.Header.Get("api_access_token"); got != testToken {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"error":"Invalid Access Token"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{BaseURL: srv.URL, UserToken: testToken, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return &API{C: c, AccountID: 1}, st
}

// profileFixture is GET /api/v1/profile as the user partial renders it.
const profileFixture = `{
  "access_token": "tok-5f2c9a", "account_id": 1, "available_name": "Kim Park",
  "avatar_url": "", "confirmed": true, "display_name": "Kim", "message_signature": null,
  "email": "kim@example.com", "id": 7, "inviter_id": null, "name": "Kim Park",
  "provider": "email", "pubsub_token": "Zx8vR1mKq2", "role": "administrator",
  "ui_settings": {"is_ct_labels_open": true}, "uid": "kim@example.com", "type": "User",
  "accounts": [
    {"id": 1, "name": "Acme", "status": "active", "active_at": "2025-01-02T10:00:00.000Z",
     "role": "administrator", "permissions": ["administrator"], "availability": "online",
     "availability_status": "online", "auto_offline": true},
    {"id": 4, "name": "Acme EU", "status": "active", "active_at": null,
     "role": "agent", "permissions": ["agent"], "availability": "offline",
     "availability_status": "offline", "auto_offline": true}
  ]
}`

func TestProfile(t *testing.T) {
	a, st := newTestAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "GET" || r.URL.Path != "/api/v1/profile" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, profileFixture)
	})
	p, raw, err := a.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != 7 || p.Name != "Kim Park" || p.Email != "kim@example.com" || p.PubsubToken != "Zx8vR1mKq2" {
		t.Errorf("profile = %+v", p)
	}
	if len(p.Accounts) != 2 || p.Accounts[1].ID != 4 || p.Accounts[1].Name != "Acme EU" || p.Accounts[1].Role != "agent" {
		t.Errorf("accounts = %+v", p.Accounts)
	}
	// The raw body keeps every field, including ones Profile does not model.
	var all map[string]any
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatal(err)
	}
	if all["ui_settings"] == nil || all["uid"] != "kim@example.com" {
		t.Errorf("raw body lost fields: %s", raw)
	}
	if n := len(st.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestProfileErrors(t *testing.T) {
	a, _ := newTestAPI(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `["not","a","profile"]`)
	})
	if _, _, err := a.Profile(context.Background()); err == nil || !strings.Contains(err.Error(), "get profile") {
		t.Errorf("a non-object answer: err = %v", err)
	}

	a.C, _ = api.New(api.Config{BaseURL: a.C.BaseURL().String(), UserToken: "wrong"})
	_, _, err := a.Profile(context.Background())
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnauthorized {
		t.Fatalf("bad token: err = %v, want a 401 *api.Error", err)
	}
	if !strings.Contains(err.Error(), "Invalid Access Token") {
		t.Errorf("error %q does not carry the server's message", err)
	}
}

// messagesServer answers the messages index of conversation 42 the way
// MessageFinder does for after=<id>: up to 100 newer messages, ascending.
func messagesServer(ids []int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "GET" || r.URL.Path != "/api/v1/accounts/1/conversations/42/messages" {
			http.NotFound(w, r)
			return
		}
		after, err := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		var page []string
		for _, id := range ids {
			if id > after && len(page) < 100 {
				page = append(page, fmt.Sprintf(`{"id":%d,"content":"message %d","inbox_id":3,"conversation_id":42,`+
					`"message_type":0,"created_at":1736000000,"private":false,"source_id":null,`+
					`"sender":{"id":9,"name":"Ann Lee","type":"contact"}}`, id, id))
			}
		}
		fmt.Fprintf(w, `{"meta":{"labels":["billing"],"additional_attributes":{},"contact_id":9},"payload":[%s]}`, strings.Join(page, ","))
	}
}

func seq(from, n int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = from + int64(i)
	}
	return out
}

func TestMessagesAfter(t *testing.T) {
	for _, tc := range []struct {
		name      string
		ids       []int64
		after     int64
		wantN     int
		wantCalls int
	}{
		{"none newer", seq(1000, 5), 2000, 0, 1},
		{"one short page", seq(1000, 30), 1009, 20, 1},
		{"three pages", seq(1000, 250), 999, 250, 3},
		{"exact multiple ends on an empty page", seq(1000, 200), 999, 200, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, st := newTestAPI(t, messagesServer(tc.ids))
			msgs, err := a.MessagesAfter(context.Background(), 42, tc.after)
			if err != nil {
				t.Fatal(err)
			}
			if len(msgs) != tc.wantN {
				t.Fatalf("%d messages, want %d", len(msgs), tc.wantN)
			}
			prev := tc.after
			for _, raw := range msgs {
				var m struct{ ID int64 }
				if err := json.Unmarshal(raw, &m); err != nil {
					t.Fatal(err)
				}
				if m.ID <= prev {
					t.Fatalf("message %d after %d: not ascending or repeated", m.ID, prev)
				}
				prev = m.ID
			}
			reqs := st.requests()
			if len(reqs) != tc.wantCalls {
				t.Errorf("%d requests, want %d", len(reqs), tc.wantCalls)
			}
			if got := reqs[0].URL.Query().Get("after"); got != strconv.FormatInt(tc.after, 10) {
				t.Errorf("first after=%s, want %d", got, tc.after)
			}
		})
	}
}

func TestMessagesAfterStopsWhenServerIgnoresCursor(t *testing.T) {
	// A server that ignores after= returns the same full page forever.
	a, st := newTestAPI(t, func(w http.ResponseWriter, r *http.Request) {
		messagesServer(seq(1, 100))(w, withQuery(r, "after", "0"))
	})
	msgs, err := a.MessagesAfter(context.Background(), 42, 100)
	if err == nil || !strings.Contains(err.Error(), "ignored after") {
		t.Fatalf("err = %v, want the loop stopped", err)
	}
	if len(msgs) != 100 || len(st.requests()) != 1 {
		t.Errorf("%d messages in %d requests, want 100 in 1", len(msgs), len(st.requests()))
	}
}

func withQuery(r *http.Request, k, v string) *http.Request {
	r2 := r.Clone(r.Context())
	q := r2.URL.Query()
	q.Set(k, v)
	r2.URL.RawQuery = q.Encode()
	return r2
}

func TestSearchContacts(t *testing.T) {
	a, st := newTestAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v1/accounts/1/contacts/search" {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("q") == "" {
			w.WriteHeader(http.StatusUnprocessableEntity)
			fmt.Fprint(w, `{"error":"Specify search string with parameter q"}`)
			return
		}
		fmt.Fprint(w, `{"meta":{"count":2,"current_page":"1","has_more":false},"payload":[
			{"additional_attributes":{"city":"Berlin"},"availability_status":"offline","email":"ann@example.com",
			 "id":42,"name":"Ann Lee","phone_number":"+4915112345678","blocked":false,"identifier":null,
			 "thumbnail":"","custom_attributes":{"plan":"pro"},"last_activity_at":1736000000,"created_at":1730000000,
			 "contact_inboxes":[]},
			{"additional_attributes":{},"availability_status":"offline","email":"annabel@example.com",
			 "id":57,"name":"Annabel Ng","phone_number":null,"blocked":false,"identifier":"crm-57",
			 "thumbnail":"","custom_attributes":{},"last_activity_at":null,"created_at":1731000000,
			 "contact_inboxes":[]}]}`)
	})
	got, err := a.SearchContacts(context.Background(), "ann lee")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !strings.Contains(string(got[0]), `"id":42`) || !strings.Contains(string(got[1]), `"crm-57"`) {
		t.Errorf("contacts = %s", got)
	}
	q := st.requests()[0].URL.Query()
	if q.Get("q") != "ann lee" || q.Get("page") != "1" {
		t.Errorf("query = %v, want q=ann lee&page=1", q)
	}

	_, err = a.SearchContacts(context.Background(), "")
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnprocessableEntity || !strings.Contains(err.Error(), "search contacts") {
		t.Errorf("empty query: err = %v, want a wrapped 422", err)
	}
}

// TestTypedRequestsConformToSpec sends each typed call to a stub and checks
// the requests against Chatwoot's published spec.
func TestTypedRequestsConformToSpec(t *testing.T) {
	spec := spectest.Load(t)
	a, st := newTestAPI(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/v1/profile":
			fmt.Fprint(w, profileFixture)
		case strings.HasSuffix(r.URL.Path, "/messages"):
			messagesServer(seq(1, 3))(w, r)
		default:
			fmt.Fprint(w, `{"meta":{"count":0,"current_page":"1","has_more":false},"payload":[]}`)
		}
	})
	ctx := context.Background()
	if _, _, err := a.Profile(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.MessagesAfter(ctx, 42, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SearchContacts(ctx, "ann"); err != nil {
		t.Fatal(err)
	}
	reqs := st.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	for _, r := range reqs {
		if err := spec.ValidateRequest(r); err != nil {
			t.Error(err)
		}
	}
}
