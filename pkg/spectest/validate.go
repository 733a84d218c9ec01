package spectest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// TokenHeaders are every header that can carry a Chatwoot access token.
var TokenHeaders = []string{"api_access_token", "Api-Access-Token", "Authorization"}

// ValidateRequest checks one request against the spec operation it
// matches: path and query parameters, the JSON body, and the security
// requirement (a token header present where the operation demands one,
// none at all where the operation's security list is empty, as on every
// Client API route). It returns an error naming what does not conform, or
// when the spec has no such operation. The request body is left readable.
func (s *Spec) ValidateRequest(r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	route, params, err := s.Router.FindRoute(r)
	if err != nil {
		return fmt.Errorf("%s %s is not in Chatwoot's spec: %w", r.Method, r.URL.Path, err)
	}
	if err := checkSecurity(route.Operation, r); err != nil {
		return fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	input := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options: &openapi3filter.Options{
			// Security is checked above with Chatwoot's real header rules.
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
			MultiError:         true,
		},
	}
	err = openapi3filter.ValidateRequest(context.Background(), input)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s %s does not conform to Chatwoot's spec: %w", r.Method, r.URL.Path, err)
	}
	return nil
}

// ValidateResponse checks a response body and status against the spec
// operation matched by req.
func (s *Spec) ValidateResponse(req *http.Request, status int, header http.Header, body []byte) error {
	route, params, err := s.Router.FindRoute(req)
	if err != nil {
		return fmt.Errorf("%s %s is not in Chatwoot's spec: %w", req.Method, req.URL.Path, err)
	}
	if header == nil {
		header = http.Header{"Content-Type": {"application/json"}}
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		},
		Status:  status,
		Header:  header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		return fmt.Errorf("response to %s %s (status %d) does not conform: %w", req.Method, req.URL.Path, status, err)
	}
	return nil
}

func checkSecurity(op *openapi3.Operation, r *http.Request) error {
	present := tokenPresent(r)
	if op.Security == nil || len(*op.Security) == 0 {
		if op.Security != nil && present {
			return fmt.Errorf("an access token was sent to an operation that takes none")
		}
		return nil
	}
	if !present {
		return fmt.Errorf("no access token sent; the operation requires one of %v", schemeNames(*op.Security))
	}
	return nil
}

func tokenPresent(r *http.Request) bool {
	for _, h := range TokenHeaders {
		if v := r.Header.Get(h); v != "" {
			if h == "Authorization" && !strings.HasPrefix(v, "Bearer ") {
				continue
			}
			return true
		}
	}
	// Go canonicalises header keys; an underscore key is kept verbatim.
	if len(r.Header["api_access_token"]) > 0 {
		return true
	}
	return false
}

func schemeNames(reqs openapi3.SecurityRequirements) []string {
	var names []string
	for _, req := range reqs {
		for name := range req {
			names = append(names, name)
		}
	}
	return names
}

func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	body, err := io.ReadAll(r.Body)
	r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, err
}
