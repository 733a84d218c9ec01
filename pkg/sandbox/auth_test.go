package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

func errorOf(t *testing.T, r response) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("error body is not JSON: %q", r.body)
	}
	s, _ := m["error"].(string)
	return s
}

func TestApplicationAuth(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	contacts := "/api/v1/accounts/1/contacts"
	cases := []struct {
		name, method, path, token string
		status                    int
		err                       string
	}{
		{"no token", "GET", contacts, "", 401, errInvalidToken},
		{"wrong token", "GET", contacts, "nope", 401, errInvalidToken},
		{"platform token", "GET", contacts, store.SeedPlatformToken, 401, errInvalidToken},
		{"bot on a user endpoint", "GET", contacts, store.SeedAgentBotToken, 401, errBotNotAllowed},
		{"unknown account", "GET", "/api/v1/accounts/99/contacts", store.SeedUserToken, 404, "Resource could not be found"},
		{"agent on an admin endpoint", "GET", "/api/v1/accounts/1/webhooks", "sandbox-agent-2-token", 401, errNotAuthorized},
		{"agent on an agent endpoint", "GET", contacts, "sandbox-agent-2-token", 200, ""},
		{"bot on a bot endpoint", "POST", "/api/v1/accounts/1/conversations/1/toggle_priority", store.SeedAgentBotToken, 200, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var body any
			if tc.method == "POST" {
				body = obj{"priority": "high"}
			}
			r := call(t, srv, tc.method, tc.path, tc.token, body)
			mustStatus(t, r, tc.status, tc.name)
			if tc.err != "" && errorOf(t, r) != tc.err {
				t.Errorf("error %q, want %q", r.body, tc.err)
			}
		})
	}
}

func TestTokenHeaders(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	for name, set := range map[string]func(*http.Request){
		"api-access-token": func(r *http.Request) { r.Header.Set("api-access-token", store.SeedUserToken) },
		"bearer":           func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+store.SeedUserToken) },
		"underscore":       func(r *http.Request) { r.Header["api_access_token"] = []string{store.SeedUserToken} },
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v1/profile", nil)
		set(req)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s header: status %d, want 200", name, resp.StatusCode)
		}
	}
}

func TestAgentsSeeOnlyTheirInboxes(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	// Agent 2 is a member of the API inbox only.
	r := call(t, srv, "GET", "/api/v1/accounts/1/conversations?status=all", "sandbox-agent-2-token", nil)
	mustStatus(t, r, 200, "agent conversations")
	for _, c := range dig(r.json(t), "data.payload").([]any) {
		if id := c.(map[string]any)["inbox_id"].(float64); id != 1 {
			t.Fatalf("agent 2 sees a conversation of inbox %v", id)
		}
	}
	for _, cv := range s.st.Conversations {
		if cv.InboxID == 2 {
			path := "/api/v1/accounts/1/conversations/" + itoa(cv.DisplayID)
			mustStatus(t, call(t, srv, "GET", path, "sandbox-agent-2-token", nil), 404, "other inbox's conversation")
			break
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestPlatformAuth(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	cases := []struct {
		name, path, token string
		status            int
		err               string
	}{
		{"no token", "/platform/api/v1/accounts/1", "", 401, errPlatformToken},
		{"user token", "/platform/api/v1/accounts/1", store.SeedUserToken, 401, errPlatformToken},
		{"own account", "/platform/api/v1/accounts/1", store.SeedPlatformToken, 200, ""},
		{"own user", "/platform/api/v1/users/1", store.SeedPlatformToken, 200, ""},
		{"user it did not create", "/platform/api/v1/users/2", store.SeedPlatformToken, 401, errNonPermissible},
		{"bot it did not create", "/platform/api/v1/agent_bots/1", store.SeedPlatformToken, 401, errNonPermissible},
		{"missing user", "/platform/api/v1/users/999", store.SeedPlatformToken, 404, "Resource could not be found"},
	}
	for _, tc := range cases {
		r := call(t, srv, "GET", tc.path, tc.token, nil)
		mustStatus(t, r, tc.status, tc.name)
		if tc.err != "" && errorOf(t, r) != tc.err {
			t.Errorf("%s: error %s, want %q", tc.name, r.body, tc.err)
		}
	}
	created := call(t, srv, "POST", "/platform/api/v1/accounts", store.SeedPlatformToken, obj{"name": "Globex"})
	mustStatus(t, created, 200, "create account")
	list := call(t, srv, "GET", "/platform/api/v1/accounts", store.SeedPlatformToken, nil).list(t)
	if len(list) != 2 {
		t.Errorf("platform app lists %d accounts, want the seeded one and Globex", len(list))
	}
	// The admin is not a member of the new account.
	id := itoa(int64(created.json(t)["id"].(float64)))
	mustStatus(t, call(t, srv, "GET", "/api/v1/accounts/"+id, store.SeedUserToken, nil), 401, "account the user is not in")
}

func TestClientIdentityValidation(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	creds := s.Credentials()
	base := "/public/api/v1/inboxes/" + creds.InboxIdentifier + "/contacts"
	mustStatus(t, call(t, srv, "GET", "/public/api/v1/inboxes/nope", "", nil), 404, "unknown inbox")
	mustStatus(t, call(t, srv, "GET", base+"/no-such-source", "", nil), 404, "unknown contact")

	bad := call(t, srv, "POST", base, "", obj{"identifier": "user-77", "identifier_hash": strings.Repeat("0", 64), "name": "Mallory"})
	mustStatus(t, bad, 401, "wrong identifier_hash")
	if errorOf(t, bad) != errHMACFailed {
		t.Errorf("wrong hash: %s", bad.body)
	}
	hash := identifierHash(creds.HMACToken, "user-77")
	good := call(t, srv, "POST", base, "", obj{"identifier": "user-77", "identifier_hash": hash, "name": "Valid"})
	mustStatus(t, good, 200, "right identifier_hash")
	// Chatwoot checks the hash before the contact inbox exists, so create
	// verifies nothing, and it keeps the identifier out of the contact.
	source := good.json(t)["source_id"].(string)
	ci := s.st.ContactInboxBySource(1, source)
	if ci == nil || ci.HMACVerified {
		t.Fatalf("contact inbox after create: %+v, want one, not yet verified", ci)
	}
	if ct := s.st.ContactOf(ci.ContactID); ct.Identifier != "" {
		t.Errorf("the Client API stored identifier %q on the contact", ct.Identifier)
	}
	mustStatus(t, call(t, srv, "GET", base+"/"+source+"?identifier=user-77&identifier_hash="+strings.Repeat("0", 64), "", nil), 401, "show with a wrong hash")
	mustStatus(t, call(t, srv, "GET", base+"/"+source+"?identifier=user-77&identifier_hash="+hash, "", nil), 200, "show with the hash")
	if !ci.HMACVerified {
		t.Error("a show with a valid identifier_hash did not mark the contact inbox hmac_verified")
	}

	mustStatus(t, call(t, srv, "PATCH", "/api/v1/accounts/1/inboxes/1", store.SeedUserToken, obj{"channel": obj{"hmac_mandatory": true}}), 200, "make hmac mandatory")
	mustStatus(t, call(t, srv, "POST", base, "", obj{"identifier": "user-78", "name": "NoHash"}), 401, "mandatory hmac without a hash")
}

func TestErrorBodies(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	r := call(t, srv, "GET", "/api/v1/accounts/1/contacts/99999", store.SeedUserToken, nil)
	mustStatus(t, r, 404, "missing contact")
	if string(r.body) != `{"error":"Resource could not be found"}` {
		t.Errorf("404 body %s", r.body)
	}
	r = call(t, srv, "POST", "/api/v1/accounts/1/contacts", store.SeedUserToken, obj{"name": "Dup", "email": "Ava.Smith1@example.com"})
	mustStatus(t, r, 422, "duplicate email")
	if string(r.body) != `{"attributes":["email"],"message":"Email has already been taken"}` {
		t.Errorf("422 body %s", r.body)
	}
	r = call(t, srv, "GET", "/api/v1/accounts/1/nothing-here", store.SeedUserToken, nil)
	mustStatus(t, r, 404, "unknown route")
}
