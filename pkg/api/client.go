// Package api is woot's one HTTP transport to Chatwoot: base URL, the
// credentials of each API family, retries, rate limiting, a redacting debug
// log, decoded error bodies and pagination over Chatwoot's list shapes.
package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// TokenStyle is how the access token travels.
type TokenStyle string

const (
	HeaderUnderscore TokenStyle = "api_access_token" // Chatwoot's documented header (the default)
	HeaderDash       TokenStyle = "api-access-token" // survives proxies that drop underscore headers
	HeaderBearer     TokenStyle = "bearer"           // Authorization: Bearer, Chatwoot 4.19 and later
)

// TokenStyles lists the accepted token styles, for help and validation.
var TokenStyles = []TokenStyle{HeaderUnderscore, HeaderDash, HeaderBearer}

// Config holds everything the transport needs; zero values are sensible.
type Config struct {
	BaseURL       string
	UserToken     string // Application API: a user's or an agent bot's access token
	PlatformToken string // Platform API: a platform app's token
	TokenStyle    TokenStyle
	UserAgent     string
	Timeout       time.Duration // per attempt; 0 = 30 s
	Retries       int           // extra attempts after the first; negative = none
	Limiter       Limiter       // the rate governor; nil = a default one (no cap, learns from 429s)
	Debug         io.Writer     // request/response log with secrets redacted; nil = off
	HTTPClient    *http.Client  // nil = a client with TLS verification on
	// Sleep replaces every wait (retries, pacing, probes); tests make it
	// instant, and the transport's clock then advances by what it waited.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client sends requests to one Chatwoot installation.
type Client struct {
	cfg     Config
	clock   Clock
	gov     *Governor // the Limiter when it is one: its clock and progress lines
	base    *url.URL
	http    *http.Client
	secrets []string
	debugMu sync.Mutex // pages fetched in parallel log through one writer
}

// Request is one call. Path is concrete (parameters already filled in) and
// relative to the base URL; it may carry a query string of its own.
type Request struct {
	Family      Family
	Method      string
	Path        string
	Query       url.Values
	Body        []byte
	ContentType string // defaults to application/json when Body is set
	Header      http.Header
}

// Response is a successful (2xx) answer, its body read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// New returns a client for cfg. The base URL must be absolute.
func New(cfg Config) (*Client, error) {
	base, err := parseBase(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.TokenStyle == "" {
		cfg.TokenStyle = HeaderUnderscore
	}
	if cfg.Limiter == nil {
		cfg.Limiter = NewGovernor(GovernorOptions{Clock: ClockFor(cfg.Sleep)})
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Transport: NewTransport()}
	}
	c := &Client{cfg: cfg, base: base, http: RefuseRedirects(hc), clock: ClockFor(cfg.Sleep)}
	if g, ok := cfg.Limiter.(*Governor); ok {
		c.gov, c.clock = g, g.Clock()
	}
	for _, s := range []string{cfg.UserToken, cfg.PlatformToken} {
		if s != "" {
			c.secrets = append(c.secrets, s)
		}
	}
	return c, nil
}

// BaseURL is the installation's base URL.
func (c *Client) BaseURL() *url.URL { u := *c.base; return &u }

func parseBase(raw string) (*url.URL, error) {
	if raw == "" {
		return nil, &CredentialError{What: "no Chatwoot URL configured", Fix: "set CHATWOOT_URL, pass --url, or run `woot auth login`"}
	}
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, &CredentialError{What: fmt.Sprintf("Chatwoot URL %q is not an http(s) URL", raw), Fix: "use the address you open Chatwoot at, e.g. https://chat.example.com"}
	}
	return u, nil
}

// URL resolves a request path against the base URL (keeping any path
// prefix the installation is served under). The path is already escaped:
// the command builder escapes each parameter once (a slug "a/b" arrives as
// a%2Fb), so it is used as it is, never escaped again; only characters that
// cannot appear in a URL path (a space typed into `woot api`) are escaped.
func (c *Client) URL(path string, query url.Values) string {
	u := *c.base
	p, rawQuery, _ := strings.Cut(path, "?")
	setEscapedPath(&u, strings.TrimRight(u.EscapedPath(), "/")+"/"+strings.TrimLeft(p, "/"))
	q, _ := url.ParseQuery(rawQuery)
	for k, vs := range query {
		for _, v := range vs {
			q.Add(k, v)
		}
	}
	u.RawQuery = EncodeQuery(q)
	return u.String()
}

// setEscapedPath sets u's path from its escaped form; url.URL.String then
// writes RawPath as it is, since it is a valid escaping of Path.
func setEscapedPath(u *url.URL, escaped string) {
	escaped = escapeRest(escaped)
	p, _ := url.PathUnescape(escaped) // escapeRest leaves only valid escapes
	u.Path, u.RawPath = p, escaped
}

// escapeRest keeps every %XX escape of an escaped path and escapes what
// may not appear in one: a stray %, spaces, controls and non-ASCII bytes.
func escapeRest(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c == '%' || c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`"+`{|}#`, c) >= 0:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// EncodeQuery keeps Rails' array brackets readable (labels[]=a, not labels%5B%5D=a).
func EncodeQuery(q url.Values) string {
	return strings.ReplaceAll(q.Encode(), "%5B%5D=", "[]=")
}

// Do sends req, retrying where that is safe, and returns the 2xx response
// or an error: *Error for an HTTP error status, *NetworkError when no
// answer came, *CredentialError when the family's token is missing.
func (c *Client) Do(ctx context.Context, req *Request) (*Response, error) {
	if err := c.checkCredentials(req.Family); err != nil {
		return nil, err
	}
	policy := retryPolicyFor(req.Method)
	var refused *attemptResult // the last 429, for the error when the governor gives up
	var failingSince time.Time
	for attempt, sent := 0, 0; ; sent++ {
		resp, err := c.attempt(ctx, req)
		if err == nil && resp.status == http.StatusTooManyRequests {
			// rack-attack refused before Chatwoot ran: safe to repeat for
			// any method, and the governor holds it until the window reopens.
			refused = resp
			c.debugf("* rate limited (HTTP 429): waiting for the server's window\n")
			if d, ok := parseRetryAfter(resp.header); ok && c.gov != nil {
				c.gov.Hold(req.Path, d)
			}
			continue
		}
		var rl *RateLimitError
		if errors.As(err, &rl) {
			if refused == nil { // another request's 429s blocked this one
				refused = &attemptResult{status: http.StatusTooManyRequests, header: http.Header{}, body: []byte("Retry later\n")}
			}
			return c.finish(req, refused, nil, max(sent-1, 0), rl.Error())
		}
		retry, wait := policy.decide(attempt, c.cfg.Retries, resp, err)
		if !retry || permanent(err) {
			return c.finish(req, resp, err, sent, "")
		}
		if failingSince.IsZero() {
			failingSince = c.clock.Now()
		}
		c.noteRetry(resp, err, failingSince, wait)
		c.debugf("* retrying in %s (attempt %d of %d)\n", wait.Round(time.Millisecond), attempt+2, c.cfg.Retries+1)
		if err := c.clock.Sleep(ctx, wait); err != nil {
			return nil, err
		}
		attempt++
	}
}

// noteRetry reports a long run of failures, at most every half minute.
func (c *Client) noteRetry(resp *attemptResult, err error, since time.Time, wait time.Duration) {
	if c.gov == nil {
		return
	}
	why := "the server is not answering"
	if err == nil && resp != nil {
		why = fmt.Sprintf("the server is failing (HTTP %d)", resp.status)
	}
	c.gov.NoteRetryWait(why, since, wait)
}

func (c *Client) checkCredentials(f Family) error {
	switch f {
	case FamilyApplication:
		if c.cfg.UserToken == "" {
			return &CredentialError{What: "no API access token configured", Fix: "set CHATWOOT_API_TOKEN, run `woot auth login`, or pass it on stdin with `woot auth login --with-token`"}
		}
	case FamilyPlatform:
		if c.cfg.PlatformToken == "" {
			return &CredentialError{What: "no platform app token configured", Fix: "set CHATWOOT_PLATFORM_TOKEN or store one with `woot auth login --platform --with-token`"}
		}
	}
	return nil
}

// finish turns the last attempt into the caller's result.
func (c *Client) finish(req *Request, resp *attemptResult, err error, attempt int, why string) (*Response, error) {
	if err != nil {
		var re *RedirectError
		if errors.As(err, &re) {
			re.To = c.redact(re.To)
		}
		return nil, &NetworkError{Method: req.Method, URL: c.redact(c.URL(req.Path, req.Query)), Err: err, Attempts: attempt + 1}
	}
	if resp.status >= 200 && resp.status < 300 {
		return &Response{Status: resp.status, Header: resp.header, Body: resp.body}, nil
	}
	e := decodeError(resp.status, resp.header, resp.body)
	e.Message = c.redact(e.Message) // a server may quote the token back
	e.Method = req.Method
	e.Path = req.Path
	e.Family = req.Family
	e.Attempts = attempt + 1
	if f := FeatureOf(req.Path); f != nil && lacksFeature(e.Status, resp.body) {
		e.Feature = f
	}
	if why != "" {
		e.Message += " (" + why + ")"
	}
	return nil, e
}

type attemptResult struct {
	status int
	header http.Header
	body   []byte
	// sent is false when the request never reached the server (dial
	// failure), so even a POST may be tried again.
	sent bool
}

func (c *Client) attempt(ctx context.Context, req *Request) (*attemptResult, error) {
	ticket, err := c.cfg.Limiter.Acquire(ctx, req.Method, req.Path)
	if err != nil {
		return nil, err
	}
	status := 0
	defer func() { c.cfg.Limiter.Release(ticket, status) }()
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	hreq, err := c.newHTTPRequest(ctx, req)
	if err != nil {
		return nil, err
	}
	written := &writeTracker{}
	hreq = written.attach(hreq)
	c.logRequest(hreq, req.Body)
	start := time.Now()
	hresp, err := c.http.Do(hreq)
	if err != nil {
		c.debugf("* %s\n", c.redact(err.Error()))
		return &attemptResult{sent: written.wrote()}, err
	}
	defer hresp.Body.Close()
	body, err := io.ReadAll(hresp.Body)
	if err != nil {
		return &attemptResult{sent: true}, fmt.Errorf("read response: %w", err)
	}
	body = c.redactBody(body)
	c.logResponse(hresp, body, time.Since(start))
	status = hresp.StatusCode
	return &attemptResult{status: hresp.StatusCode, header: hresp.Header, body: body, sent: true}, nil
}

func (c *Client) newHTTPRequest(ctx context.Context, req *Request) (*http.Request, error) {
	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	hreq, err := http.NewRequestWithContext(ctx, req.Method, c.URL(req.Path, req.Query), body)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	for k, vs := range req.Header {
		hreq.Header[k] = vs
	}
	if req.Body != nil {
		ct := req.ContentType
		if ct == "" {
			ct = "application/json"
		}
		hreq.Header.Set("Content-Type", ct)
	}
	if hreq.Header.Get("Accept") == "" {
		hreq.Header.Set("Accept", "application/json")
	}
	if c.cfg.UserAgent != "" {
		hreq.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	c.setToken(hreq, req.Family)
	return hreq, nil
}

func (c *Client) setToken(hreq *http.Request, f Family) {
	var token string
	switch f {
	case FamilyApplication:
		token = c.cfg.UserToken
	case FamilyPlatform:
		token = c.cfg.PlatformToken
	default:
		return // Client API and server routes take no token
	}
	SetToken(hreq.Header, c.cfg.TokenStyle, token)
}

// SetToken writes token into h the way style says.
func SetToken(h http.Header, style TokenStyle, token string) {
	switch style {
	case HeaderBearer:
		h.Set("Authorization", "Bearer "+token)
	case HeaderDash:
		h.Set("api-access-token", token)
	default:
		// Set would canonicalise the key to Api_access_token; Rails reads
		// either, but we send exactly what Chatwoot documents.
		h["api_access_token"] = []string{token}
	}
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
