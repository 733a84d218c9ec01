package spectest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestValidateRequestChecksParamsBodyAndSecurity(t *testing.T) {
	spec := Load(t)
	cases := []struct {
		name    string
		method  string
		target  string
		body    string
		token   bool
		wantErr string
	}{
		{"valid list", "GET", "/api/v1/accounts/1/contacts?page=2", "", true, ""},
		{"missing token", "GET", "/api/v1/accounts/1/contacts", "", false, "no access token"},
		{"client call without token", "GET", "/public/api/v1/inboxes/abc/contacts/def", "", false, ""},
		{"client call with a token", "GET", "/public/api/v1/inboxes/abc/contacts/def", "", true, "takes none"},
		{"unknown path", "GET", "/api/v1/accounts/1/nothing", "", true, "not in Chatwoot's spec"},
		{"bad path param type", "GET", "/api/v1/accounts/x/contacts/1", "", true, "does not conform"},
		{"valid body", "POST", "/api/v1/accounts/1/contacts", `{"inbox_id":1,"name":"Ann"}`, true, ""},
		{"bad body type", "POST", "/api/v1/accounts/1/contacts", `{"inbox_id":"one"}`, true, "does not conform"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "http://chatwoot.test"+tc.target, strings.NewReader(tc.body))
			if tc.body != "" {
				r.Header.Set("Content-Type", "application/json")
			}
			if tc.token {
				r.Header["api_access_token"] = []string{"t"}
			}
			err := spec.ValidateRequest(r)
			if tc.wantErr == "" && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestValidateResponseChecksSchema(t *testing.T) {
	spec := Load(t)
	r := httptest.NewRequest("GET", "http://chatwoot.test/api/v1/accounts/1/labels", nil)
	ok := `{"payload":[{"id":1,"title":"vip","description":"","color":"#1f93ff","show_on_sidebar":true}]}`
	if err := spec.ValidateResponse(r, 200, nil, []byte(ok)); err != nil {
		t.Fatalf("valid label list rejected: %v", err)
	}
	bad := `{"payload":[{"id":"one"}]}`
	if err := spec.ValidateResponse(r, 200, nil, []byte(bad)); err == nil {
		t.Fatal("label list with a string id was accepted")
	}
	_ = http.MethodGet
}
