package spectest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// Stub is an HTTP server for command tests, in the manner of gh's
// httpmock: every request must match a registered route, every route must
// be used, and every request to an operation of Chatwoot's spec must
// conform to it (when the spec files are present).
type Stub struct {
	URL  string
	t    testing.TB
	spec *Spec
	srv  *httptest.Server

	mu       sync.Mutex
	routes   []*Route
	requests []Recorded
}

// Route is one expected request and its canned answer.
type Route struct {
	Method, Path string
	Query        url.Values // each listed key must have exactly these values
	Status       int
	Body         string
	Header       http.Header
	Times        int // how many requests it answers; 0 = once
	Check        func(r *http.Request, body []byte) error
	// BeyondSpec marks a route Chatwoot serves outside its spec: not
	// validated against it (its test asserts the request itself).
	BeyondSpec bool
	hits       int
}

// Recorded is a request the stub received.
type Recorded struct {
	Method, Path string
	Query        url.Values
	Header       http.Header
	Body         []byte
}

// NewStub starts a stub on 127.0.0.1 and checks at the end of the test
// that every route was used.
func NewStub(t testing.TB) *Stub {
	s := &Stub{t: t, spec: Optional(t)}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	t.Cleanup(func() {
		s.srv.Close()
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, r := range s.routes {
			if r.hits < max(r.Times, 1) {
				t.Errorf("stub: expected %s %s%s was not requested (%d of %d)", r.Method, r.Path, queryString(r.Query), r.hits, max(r.Times, 1))
			}
		}
	})
	return s
}

// On registers a route answering status with body.
func (s *Stub) On(method, path string, status int, body string) *Route {
	r := &Route{Method: method, Path: path, Status: status, Body: body}
	s.mu.Lock()
	s.routes = append(s.routes, r)
	s.mu.Unlock()
	return r
}

// WithQuery narrows the route to requests carrying these query values.
func (r *Route) WithQuery(kv ...string) *Route {
	if r.Query == nil {
		r.Query = url.Values{}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Query.Add(kv[i], kv[i+1])
	}
	return r
}

// Requests returns what the stub received so far.
func (s *Stub) Requests() []Recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Recorded(nil), s.requests...)
}

func (s *Stub) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	req.Body = io.NopCloser(strings.NewReader(string(body)))
	s.mu.Lock()
	s.requests = append(s.requests, Recorded{req.Method, req.URL.Path, req.URL.Query(), req.Header.Clone(), body})
	route := s.match(req)
	s.mu.Unlock()
	if route == nil {
		s.t.Errorf("stub: unexpected request %s %s", req.Method, req.URL.RequestURI())
		http.Error(w, `{"error":"unexpected request"}`, http.StatusNotImplemented)
		return
	}
	if err := s.validate(route, req, body); err != nil {
		s.t.Errorf("stub: %v", err)
	}
	for k, vs := range route.Header {
		w.Header()[k] = vs
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(route.Status)
	io.WriteString(w, route.Body)
}

func (s *Stub) validate(route *Route, req *http.Request, body []byte) error {
	if route.Check != nil {
		if err := route.Check(req, body); err != nil {
			return fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
		}
	}
	if route.BeyondSpec || s.spec == nil {
		return nil
	}
	req.Body = io.NopCloser(strings.NewReader(string(body)))
	return s.spec.ValidateRequest(req)
}

// match finds the first route with hits left for req.
func (s *Stub) match(req *http.Request) *Route {
	for _, r := range s.routes {
		if r.Method != req.Method || r.Path != req.URL.Path || r.hits >= max(r.Times, 1) {
			continue
		}
		if !queryMatches(r.Query, req.URL.Query()) {
			continue
		}
		r.hits++
		return r
	}
	return nil
}

func queryMatches(want, got url.Values) bool {
	for k, vs := range want {
		if strings.Join(got[k], "\x00") != strings.Join(vs, "\x00") {
			return false
		}
	}
	return true
}

func queryString(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}
