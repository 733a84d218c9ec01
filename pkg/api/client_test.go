package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func noSleep(context.Context, time.Duration) error { return nil }

func newTestClient(t *testing.T, url string, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{BaseURL: url, UserToken: "user-secret-token", PlatformToken: "platform-secret-token", Retries: 3, Sleep: noSleep}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPostThatGets500IsSentOnce(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(500)
		fmt.Fprint(w, `{"error":"boom"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL)
	_, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "POST", Path: "/api/v1/accounts/1/conversations/1/messages", Body: []byte(`{"content":"hi"}`)})
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Status != 500 {
		t.Fatalf("err = %v, want *Error 500", err)
	}
	if n := hits.Load(); n != 1 {
		t.Fatalf("POST sent %d times, want exactly 1", n)
	}
}

func TestGetRetriedOn5xxAnd429ThenSucceeds(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch hits.Add(1) {
		case 1:
			w.WriteHeader(502)
		case 2:
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(429)
			fmt.Fprint(w, "Retry later\n")
		default:
			fmt.Fprint(w, `{"ok":true}`)
		}
	}))
	defer srv.Close()
	resp, err := newTestClient(t, srv.URL).Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/api/v1/profile"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != `{"ok":true}` || hits.Load() != 3 {
		t.Fatalf("body %q after %d hits", resp.Body, hits.Load())
	}
}

func TestPostRetriedOn429(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.WriteHeader(429)
			fmt.Fprint(w, "Retry later\n")
			return
		}
		fmt.Fprint(w, `{"id":1}`)
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL).Do(context.Background(), &Request{Family: FamilyApplication, Method: "POST", Path: "/x", Body: []byte(`{}`)})
	if err != nil || hits.Load() != 2 {
		t.Fatalf("err=%v hits=%d, want success on the second attempt", err, hits.Load())
	}
}

func TestRateLimitedGivesUpOnlyAfterTwoWindowsOfRefusals(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(429)
		fmt.Fprint(w, "Retry later\n")
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL)
	start := c.clock.Now()
	_, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/x"})
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Status != 429 || !strings.HasPrefix(apiErr.Message, "Retry later (") || !strings.Contains(apiErr.Message, "all requests for 2m0s") {
		t.Fatalf("err = %v", err)
	}
	// --retries (3 here) does not bound 429s: the governor probes the
	// window until nothing has got through for two of them.
	if waited := c.clock.Now().Sub(start); waited < 2*time.Minute {
		t.Errorf("gave up after %s of waiting, want two one-minute windows", waited)
	}
	if n := hits.Load(); n <= 4 || n > 300 {
		t.Errorf("%d requests: want probes (about two a second) for two minutes, not %d", n, n)
	}
}

func TestRateLimitedRequestIsRepeatedWithoutSpendingRetries(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) <= 10 {
			w.WriteHeader(429)
			fmt.Fprint(w, "Retry later\n")
			return
		}
		fmt.Fprint(w, `{"id":1}`)
	}))
	defer srv.Close()
	cfg := Config{BaseURL: srv.URL, UserToken: "t", Retries: 0, Sleep: noSleep}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "POST", Path: "/x", Body: []byte(`{}`)}); err != nil {
		t.Fatalf("ten 429s then success with --retries 0: %v", err)
	}
	if hits.Load() != 11 {
		t.Errorf("%d requests, want 11", hits.Load())
	}
}

func TestConnectionRefusedIsNetworkErrorAndPostIsRetried(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	var sleeps int
	c := newTestClient(t, "http://"+addr, func(cfg *Config) {
		cfg.Sleep = func(context.Context, time.Duration) error { sleeps++; return nil }
	})
	_, err = c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "POST", Path: "/x", Body: []byte(`{}`)})
	var netErr *NetworkError
	if !errors.As(err, &netErr) {
		t.Fatalf("err = %v, want *NetworkError", err)
	}
	if !strings.Contains(err.Error(), "connection refused") || sleeps != 3 {
		t.Fatalf("err = %v after %d retries; a refused POST cannot have reached the server and must be retried", err, sleeps)
	}
}

func TestErrorBodiesDecoded(t *testing.T) {
	cases := []struct {
		status      int
		ctype, body string
		wantMsg     string
		wantFields  []string
	}{
		{401, "application/json", `{"error":"Invalid Access Token"}`, "Invalid Access Token", nil},
		{404, "application/json", `{"error":"Resource could not be found"}`, "Resource could not be found", nil},
		{422, "application/json", `{"message":"Email has already been taken","attributes":["email"]}`, "Email has already been taken", []string{"email"}},
		{422, "application/json", `{"errors":[{"field":"name","message":"is blank","code":"blank"}],"description":""}`, "name is blank", []string{"name"}},
		{429, "text/plain", "Retry later\n", "Retry later", nil},
		{502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "the server answered with an HTML page (502 Bad Gateway), not Chatwoot's JSON: is a proxy in front of it, or is the URL wrong?", nil},
		{500, "", "", "Internal Server Error", nil},
	}
	for _, tc := range cases {
		e := decodeError(tc.status, http.Header{"Content-Type": {tc.ctype}}, []byte(tc.body))
		if e.Message != tc.wantMsg || strings.Join(e.Fields, ",") != strings.Join(tc.wantFields, ",") {
			t.Errorf("%d %q: message %q fields %v, want %q %v", tc.status, tc.body, e.Message, e.Fields, tc.wantMsg, tc.wantFields)
		}
	}
}

func TestDebugLogRedactsTokens(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A server that echoes the token back must not leak it either.
		fmt.Fprintf(w, `{"access_token":%q}`, r.Header.Get("api_access_token"))
	}))
	defer srv.Close()
	var log bytes.Buffer
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.Debug = &log })
	if _, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/api/v1/profile"}); err != nil {
		t.Fatal(err)
	}
	for _, style := range []TokenStyle{HeaderDash, HeaderBearer} {
		c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.Debug = &log; cfg.TokenStyle = style })
		c.Do(context.Background(), &Request{Family: FamilyPlatform, Method: "GET", Path: "/platform/api/v1/users/1"})
	}
	if strings.Contains(log.String(), "secret-token") {
		t.Fatalf("debug log leaks a token:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "[redacted]") || !strings.Contains(log.String(), "> GET ") {
		t.Fatalf("debug log lacks the request or the redaction mark:\n%s", log.String())
	}
}

func TestTokenHeaderPerFamilyAndStyle(t *testing.T) {
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone(); fmt.Fprint(w, "{}") }))
	defer srv.Close()
	do := func(style TokenStyle, f Family) {
		c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.TokenStyle = style })
		if _, err := c.Do(context.Background(), &Request{Family: f, Method: "GET", Path: "/x"}); err != nil {
			t.Fatal(err)
		}
	}
	do(HeaderUnderscore, FamilyApplication)
	if got.Get("api_access_token") != "user-secret-token" {
		t.Errorf("underscore header missing: %v", got)
	}
	do(HeaderDash, FamilyPlatform)
	if got.Get("Api-Access-Token") != "platform-secret-token" {
		t.Errorf("dash header missing: %v", got)
	}
	do(HeaderBearer, FamilyApplication)
	if got.Get("Authorization") != "Bearer user-secret-token" {
		t.Errorf("bearer header missing: %v", got)
	}
	do(HeaderUnderscore, FamilyClient)
	for _, h := range []string{"api_access_token", "Api-Access-Token", "Authorization"} {
		if got.Get(h) != "" {
			t.Errorf("client API request carried %s", h)
		}
	}
}

func TestMissingCredentials(t *testing.T) {
	c, err := New(Config{BaseURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/x"})
	var ce *CredentialError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "CHATWOOT_API_TOKEN") {
		t.Fatalf("err = %v", err)
	}
	_, err = New(Config{})
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "CHATWOOT_URL") {
		t.Fatalf("err = %v", err)
	}
}

func TestURLKeepsPrefixAndRailsArrays(t *testing.T) {
	c := newTestClient(t, "https://example.com/chat/")
	got := c.URL("/api/v1/accounts/1/conversations?status=open", map[string][]string{"labels[]": {"a", "b"}})
	want := "https://example.com/chat/api/v1/accounts/1/conversations?labels[]=a&labels[]=b&status=open"
	if got != want {
		t.Fatalf("URL = %s, want %s", got, want)
	}
}

func TestURLEscapesPathParametersOnce(t *testing.T) {
	c := newTestClient(t, "https://example.com/chat%20desk/")
	cases := map[string]string{
		"/api/v1/accounts/1/portals/my%20help":   "https://example.com/chat%20desk/api/v1/accounts/1/portals/my%20help",
		"/api/v1/accounts/1/portals/a%2Fb":       "https://example.com/chat%20desk/api/v1/accounts/1/portals/a%2Fb",
		"/api/v1/accounts/1/portals/100%25":      "https://example.com/chat%20desk/api/v1/accounts/1/portals/100%25",
		"/api/v1/accounts/1/portals/a%23b%3Fc":   "https://example.com/chat%20desk/api/v1/accounts/1/portals/a%23b%3Fc",
		"/api/v1/accounts/1/portals/typed space": "https://example.com/chat%20desk/api/v1/accounts/1/portals/typed%20space",
		"/api/v1/accounts/1/portals/50%off":      "https://example.com/chat%20desk/api/v1/accounts/1/portals/50%25off",
	}
	for path, want := range cases {
		if got := c.URL(path, nil); got != want {
			t.Errorf("URL(%q) = %s, want %s", path, got, want)
		}
	}
}
