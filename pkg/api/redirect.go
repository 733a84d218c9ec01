package api

import (
	"errors"
	"fmt"
	"net/http"
)

// RedirectError means the server answered with a redirect. Chatwoot's API
// never redirects, so a redirect says that the configured URL is not the
// API (a proxy, a login page, http:// in front of https://). The transport
// never follows one: a followed redirect would carry the request, its body
// and the credentials to wherever the Location header points.
type RedirectError struct {
	Status int    // 301, 302, 303, 307, 308
	To     string // the Location, resolved against the request URL
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("the server redirected to %s (HTTP %d): check CHATWOOT_URL", e.To, e.Status)
}

// Hint says what to change; a redirect is never followed, so nothing was
// sent to the other address.
func (e *RedirectError) Hint() string {
	return "Chatwoot's API does not redirect: set CHATWOOT_URL (or the profile's URL, see `woot auth status`) to the address the API answers at; woot follows no redirect, so no token went to " + e.To
}

// refuseRedirect is every client's CheckRedirect: the redirected request
// is never sent. Refusing all redirects (rather than stripping headers on
// cross-origin ones, as net/http does only for Authorization) covers every
// credential at once: api_access_token, api-access-token, the platform
// token, the Client API's identifiers in the path and any body.
func refuseRedirect(next *http.Request, _ []*http.Request) error {
	status := 0
	if next.Response != nil {
		status = next.Response.StatusCode
	}
	return &RedirectError{Status: status, To: next.URL.Redacted()}
}

// RefuseRedirects returns a copy of hc (nil: a default client) that
// never follows a redirect; the caller's client is left as it was.
func RefuseRedirects(hc *http.Client) *http.Client {
	if hc == nil {
		hc = &http.Client{}
	}
	c := *hc
	c.CheckRedirect = refuseRedirect
	return &c
}

// isRedirect reports whether err is a refused redirect; it is never
// retried, since the same URL redirects again.
func isRedirect(err error) bool {
	var re *RedirectError
	return errors.As(err, &re)
}
