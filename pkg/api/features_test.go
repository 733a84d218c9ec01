package api

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestFeatureOfMatchesAccountRoutes(t *testing.T) {
	for path, want := range map[string]string{
		"/api/v1/accounts/1/captain/assistants/4":          "captain",
		"/api/v1/accounts/12/sla_policies":                 "sla",
		"/api/v1/accounts/1/contacts/7/call":               "voice",
		"/api/v1/accounts/1/campaigns/3/analytics/metrics": "campaign-analytics",
		"/api/v1/accounts/1/contacts/7":                    "",
		"/api/v1/accounts/1/campaigns/3":                   "",
		"/api/v1/accounts/1/captainx":                      "",
		"/platform/api/v1/accounts/1/captain":              "",
	} {
		got := ""
		if f := FeatureOf(path); f != nil {
			got = f.Name
		}
		if got != want {
			t.Errorf("FeatureOf(%s) = %q, want %q", path, got, want)
		}
	}
}

// A route the installation does not ship answers Rails' HTML page; a
// missing record on the same route answers Chatwoot's JSON. Only the
// first names the feature.
func TestMissingFeatureIsNamedInTheError(t *testing.T) {
	cases := []struct {
		name, ctype, body string
		status            int
		feature           bool
	}{
		{"routing 404 page", "text/html", "<!DOCTYPE html><html><title>The page you were looking for doesn't exist (404)</title></html>", 404, true},
		{"plan without it", "application/json", `{"error":"Upgrade your plan"}`, 402, true},
		{"missing record", "application/json", `{"error":"Resource could not be found"}`, 404, false},
		{"forbidden role", "application/json", `{"error":"You are not authorized to do this action"}`, 403, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.ctype)
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			}))
			defer srv.Close()
			_, err := newTestClient(t, srv.URL).Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/api/v1/accounts/1/captain/assistants"})
			var e *Error
			if !errors.As(err, &e) || e.Status != tc.status {
				t.Fatalf("err = %v, want *Error %d", err, tc.status)
			}
			named := strings.Contains(e.Error(), "this Chatwoot installation has no captain feature")
			if named != tc.feature || (e.Feature != nil) != tc.feature {
				t.Errorf("error %q (hint %q): names the feature %v, want %v", e.Error(), e.Hint(), named, tc.feature)
			}
			if tc.feature && !strings.Contains(e.Hint(), "Captain") {
				t.Errorf("hint %q does not say what has the feature", e.Hint())
			}
		})
	}
	// The same HTML 404 on a route of no optional feature stays a plain error.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(404)
		_, _ = w.Write([]byte("<html><title>Not here</title></html>"))
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL).Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/api/v1/accounts/1/labels"})
	var e *Error
	if !errors.As(err, &e) || e.Feature != nil {
		t.Errorf("labels 404: %v, want a plain error", err)
	}
}
