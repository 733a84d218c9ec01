package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// elsewhere is the second server a redirect points at; it records every
// request that reaches it, so a test can prove that none did.
type elsewhere struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func newElsewhere(t *testing.T) *elsewhere {
	t.Helper()
	e := &elsewhere{}
	e.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.seen = append(e.seen, fmt.Sprintf("%s %s %v", r.Method, r.URL, r.Header))
		e.mu.Unlock()
		fmt.Fprint(w, `{"payload":[{"id":666,"name":"not your Chatwoot"}]}`)
	}))
	t.Cleanup(e.Close)
	return e
}

func (e *elsewhere) requests() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.seen...)
}

// redirector answers every request with status and a Location on target.
func redirector(status int, target string, hits *int32, mu *sync.Mutex) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		*hits++
		mu.Unlock()
		http.Redirect(w, r, target+r.URL.RequestURI(), status)
	}
}

type credentialCase struct {
	name   string
	family Family
	style  TokenStyle
}

var everyCredential = []credentialCase{
	{"user token, api_access_token", FamilyApplication, HeaderUnderscore},
	{"user token, api-access-token", FamilyApplication, HeaderDash},
	{"user token, bearer", FamilyApplication, HeaderBearer},
	{"platform token, api_access_token", FamilyPlatform, HeaderUnderscore},
	{"platform token, api-access-token", FamilyPlatform, HeaderDash},
	{"platform token, bearer", FamilyPlatform, HeaderBearer},
	{"client API identity", FamilyClient, HeaderUnderscore},
}

func TestRedirectIsRefusedAndNothingReachesTheOtherServer(t *testing.T) {
	other := newElsewhere(t)
	port := other.URL[strings.LastIndexByte(other.URL, ':')+1:]
	targets := map[string]string{
		"another port": other.URL,
		"localhost":    "http://localhost:" + port,
	}
	for _, status := range []int{301, 302, 303, 307, 308} {
		for tname, target := range targets {
			for _, cc := range everyCredential {
				for _, method := range []string{"GET", "POST"} {
					name := fmt.Sprintf("%d to %s, %s, %s", status, tname, cc.name, method)
					t.Run(name, func(t *testing.T) {
						var mu sync.Mutex
						var hits int32
						origin := httptest.NewServer(redirector(status, target, &hits, &mu))
						defer origin.Close()
						checkRefused(t, origin.URL, nil, cc, method, status)
						if hits != 1 {
							t.Errorf("the configured server got %d requests, want 1 (a redirect is not retried)", hits)
						}
					})
				}
			}
		}
	}
	if got := other.requests(); len(got) > 0 {
		t.Fatalf("%d requests reached the other server, e.g. %s", len(got), got[0])
	}
}

func TestRedirectFromHTTPSToHTTPIsRefused(t *testing.T) {
	other := newElsewhere(t)
	for _, status := range []int{301, 302, 307, 308} {
		for _, cc := range everyCredential {
			t.Run(fmt.Sprintf("%d %s", status, cc.name), func(t *testing.T) {
				var mu sync.Mutex
				var hits int32
				origin := httptest.NewTLSServer(redirector(status, other.URL, &hits, &mu))
				defer origin.Close()
				checkRefused(t, origin.URL, origin.Client(), cc, "PUT", status)
			})
		}
	}
	if got := other.requests(); len(got) > 0 {
		t.Fatalf("a credential went out in clear text: %s", got[0])
	}
}

func checkRefused(t *testing.T, base string, hc *http.Client, cc credentialCase, method string, status int) {
	t.Helper()
	c := newTestClient(t, base, func(cfg *Config) { cfg.TokenStyle = cc.style; cfg.HTTPClient = hc })
	req := &Request{Family: cc.family, Method: method, Path: "/api/v1/accounts/1/contacts"}
	if method != "GET" {
		req.Body = []byte(`{"name":"Ann"}`)
	}
	_, err := c.Do(context.Background(), req)
	var netErr *NetworkError
	var re *RedirectError
	if !errors.As(err, &netErr) || !errors.As(err, &re) {
		t.Fatalf("err = %v, want a *NetworkError around a *RedirectError", err)
	}
	if re.Status != status || netErr.Attempts != 1 {
		t.Errorf("status %d after %d attempts, want %d after 1", re.Status, netErr.Attempts, status)
	}
	if !strings.Contains(err.Error(), "redirected to") || !strings.Contains(err.Error(), "CHATWOOT_URL") {
		t.Errorf("message %q does not say what happened and what to fix", err)
	}
	if strings.Contains(err.Error(), "secret-token") || strings.Contains(netErr.Hint(), "secret-token") {
		t.Errorf("the message carries a token: %v", err)
	}
}

// The caller's own client keeps its redirect policy; the transport uses a copy.
func TestRefuseRedirectsLeavesTheCallersClientAlone(t *testing.T) {
	own := &http.Client{}
	got := RefuseRedirects(own)
	if own.CheckRedirect != nil || got == own || got.CheckRedirect == nil {
		t.Fatal("RefuseRedirects changed the caller's client or returned it unchanged")
	}
}
