package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
)

// Error is an HTTP error answer from Chatwoot, decoded from whichever body
// shape the server used.
type Error struct {
	Family   Family
	Status   int
	Method   string
	Path     string
	Message  string   // the server's message, or a description of a body that was not JSON
	Fields   []string // attributes that failed validation (422)
	Body     []byte   // the raw body, for --debug and `woot api`
	Attempts int
	Feature  *Feature // set when the answer means the installation lacks an optional feature
}

func (e *Error) Error() string {
	if e.Feature != nil {
		return fmt.Sprintf("%s %s: this Chatwoot installation has no %s feature (HTTP %d)", e.Method, e.Path, e.Feature.Name, e.Status)
	}
	msg := fmt.Sprintf("%s %s: HTTP %d", e.Method, e.Path, e.Status)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	if len(e.Fields) > 0 {
		msg += " (fields: " + strings.Join(e.Fields, ", ") + ")"
	}
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" after %d attempts", e.Attempts)
	}
	return msg
}

// Hint says what the user can do about the error, in the terms of the
// API family that answered.
func (e *Error) Hint() string {
	switch {
	case e.Feature != nil:
		return "this needs " + e.Feature.Needs + "; ask the installation's administrator, or point woot at one that has it"
	case e.Status == http.StatusUnauthorized && strings.Contains(e.Message, "Non permissible"):
		return "a platform app sees only the accounts, users and bots it created itself; use the token of the app that created this object"
	case e.Status == http.StatusUnauthorized && strings.Contains(e.Message, "bots"):
		return "agent-bot tokens reach only the bot endpoints (conversation create/update/status/priority, messages, assignments); use a user's access token"
	case e.Status == http.StatusUnauthorized && e.Family == FamilyPlatform:
		return "check the platform app token (CHATWOOT_PLATFORM_TOKEN, or `woot auth login --platform`); it is created under Super Admin > Platform Apps"
	case e.Status == http.StatusUnauthorized:
		return "check the token: `woot auth status` shows which one is used; a user's token is under Profile Settings > Access Token"
	case e.Status == http.StatusForbidden:
		return "the token's user lacks the role for this action; an administrator's token may be needed"
	case e.Status == http.StatusNotFound && e.Family == FamilyClient:
		return "check --inbox-identifier (the API inbox's identifier) and --contact-identifier (the contact's source_id)"
	case e.Status == http.StatusNotFound && e.Family == FamilyPlatform:
		return "check the id; a platform app sees only what it created"
	case e.Status == http.StatusNotFound:
		return "check the id and the account (--account); `woot auth status` shows the account in use"
	case e.Status == http.StatusUnprocessableEntity:
		return "the server rejected the input; fix the fields named above"
	case e.Status == http.StatusTooManyRequests:
		return "Chatwoot rate-limited the requests; lower --rate or --concurrency and try again later"
	case e.Status >= 500:
		return "the server failed; try again later, or look at the server's logs"
	}
	return ""
}

// NetworkError means no HTTP answer arrived.
type NetworkError struct {
	Method, URL string
	Err         error
	Attempts    int
}

func (e *NetworkError) Error() string {
	msg := fmt.Sprintf("%s %s: %s", e.Method, e.URL, describeNetErr(e.Err))
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return msg
}

func (e *NetworkError) Unwrap() error { return e.Err }

// Hint says what to do next; a certificate or a redirect has its own fix.
func (e *NetworkError) Hint() string {
	var re *RedirectError
	switch {
	case errors.As(e.Err, &re):
		return re.Hint()
	case isCertificateError(e.Err):
		return certificateHint
	}
	return "check the URL (`woot auth status`) and that the server is reachable; --debug shows the requests"
}

func describeNetErr(err error) string {
	var (
		dnsErr *net.DNSError
		re     *RedirectError
	)
	switch {
	case errors.As(err, &re):
		return re.Error()
	case isCertificateError(err):
		return describeCertificateError(err)
	case errors.As(err, &dnsErr):
		return "cannot resolve host " + dnsErr.Name
	case isConnRefused(err):
		return "connection refused: is Chatwoot running at this URL?"
	case errors.Is(err, errTimeout) || isTimeout(err):
		return "timed out: raise --timeout or check the network"
	}
	return err.Error()
}

var errTimeout = errors.New("timeout")

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// CredentialError means a URL or token needed for the call is not configured.
type CredentialError struct{ What, Fix string }

func (e *CredentialError) Error() string { return e.What + ": " + e.Fix }

// decodeError reads the body shapes Chatwoot renders: {"error":"…"},
// {"message":"…","attributes":[…]}, {"errors":[…]}, the spec's
// {"description":…}, rack-attack's plain "Retry later", and HTML from a proxy.
func decodeError(status int, h http.Header, body []byte) *Error {
	e := &Error{Status: status, Body: body}
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		e.Message = http.StatusText(status)
	case trimmed[0] == '{':
		decodeJSONError(e, trimmed)
	case looksHTML(h, trimmed):
		e.Message = "the server answered with an HTML page"
		if t := htmlTitle(trimmed); t != "" {
			e.Message += " (" + t + ")"
		}
		e.Message += ", not Chatwoot's JSON: is a proxy in front of it, or is the URL wrong?"
	default:
		e.Message = firstLine(string(trimmed), 200)
	}
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	return e
}

func decodeJSONError(e *Error, body []byte) {
	var v struct {
		Error       json.RawMessage `json:"error"`
		Message     string          `json:"message"`
		Attributes  []string        `json:"attributes"`
		Errors      json.RawMessage `json:"errors"`
		Description string          `json:"description"`
	}
	if json.Unmarshal(body, &v) != nil {
		e.Message = firstLine(string(body), 200)
		return
	}
	e.Fields = v.Attributes
	switch {
	case v.Message != "":
		e.Message = v.Message
	case len(v.Error) > 0:
		e.Message = stringOrJSON(v.Error)
	case v.Description != "":
		e.Message = v.Description
	}
	if len(v.Errors) > 0 && string(v.Errors) != "null" {
		msgs, fields := decodeErrorList(v.Errors)
		if e.Message == "" {
			e.Message = strings.Join(msgs, "; ")
		}
		if len(e.Fields) == 0 {
			e.Fields = fields
		}
	}
}

// decodeErrorList reads ["msg", …] or [{"field","message"}, …].
func decodeErrorList(raw json.RawMessage) (msgs, fields []string) {
	var strs []string
	if json.Unmarshal(raw, &strs) == nil {
		return strs, nil
	}
	var objs []struct {
		Field   string `json:"field"`
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &objs) == nil {
		for _, o := range objs {
			msgs = append(msgs, strings.TrimSpace(o.Field+" "+o.Message))
			if o.Field != "" {
				fields = append(fields, o.Field)
			}
		}
		return msgs, fields
	}
	return []string{stringOrJSON(raw)}, nil
}

func stringOrJSON(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func looksHTML(h http.Header, body []byte) bool {
	if strings.Contains(h.Get("Content-Type"), "html") {
		return true
	}
	// Only the start can tell, so only the start is lowered: every list
	// page passes through here, and lowering a whole 100 KB page twice
	// cost more than parsing it.
	head := bytes.ToLower(body[:min(len(body), len("<!doctype html"))])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

func htmlTitle(body []byte) string {
	m := regexp.MustCompile(`(?is)<title>\s*(.*?)\s*</title>`).FindSubmatch(body)
	if m == nil {
		return ""
	}
	return firstLine(string(m[1]), 80)
}

func firstLine(s string, max int) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}
