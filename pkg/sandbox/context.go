package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// obj is a JSON object: request params and rendered responses that have no
// fixed shape. It is the same type as the store's free-form attributes.
type obj = map[string]any

// authKind says which credentials a route takes.
type authKind int

const (
	authPublic   authKind = iota // no token: Client API and server routes
	authUser                     // a user token, account from the path
	authUserBot                  // a user or an agent-bot token (FACTS §4 bot endpoints)
	authProfile                  // a user token, no account in the path
	authPlatform                 // a platform-app token
)

// route is what the router knows about one endpoint besides its handler.
type route struct {
	auth     authKind
	admin    bool // only account administrators
	readOnly bool // a POST that changes nothing (filters)
}

// ctx carries one request through its handler. Handlers run under the
// state lock and write their answer into the ctx; the router sends it once
// the lock is released, then delivers the events the handler queued.
type ctx struct {
	s     *Sandbox
	r     *http.Request
	st    *store.State
	route route
	at    int64 // the request's clock, unix seconds

	params obj // query, form and JSON body fields, merged like Rails params
	files  []store.Attachment

	acct *store.Account
	user *store.User
	au   *store.AccountUser
	bot  *store.AgentBot
	app  *store.PlatformApp

	status      int
	contentType string
	body        []byte
	events      []outEvent
}

// now is the request's clock: read once, so a replayed request sees the
// time it first ran at.
func (c *ctx) now() int64 { return c.at }

// stateFailure answers 500 when the state file cannot be read or written;
// the message names the file and the way out.
func (c *ctx) stateFailure(err error) {
	c.s.logf("sandbox: %v", err)
	c.fail(http.StatusInternalServerError, "sandbox state: "+err.Error())
}

// json answers status with v encoded as JSON.
func (c *ctx) json(status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		c.status, c.contentType = http.StatusInternalServerError, "application/json; charset=utf-8"
		c.body = []byte(`{"error":"sandbox: could not encode the response"}`)
		return
	}
	c.status, c.contentType, c.body = status, "application/json; charset=utf-8", b
}

func (c *ctx) ok(v any) { c.json(http.StatusOK, v) }

// head answers a status with an empty body, like Rails' `head :ok`.
func (c *ctx) head(status int) {
	c.status, c.contentType, c.body = status, "", nil
}

// text answers a plain body (CSV downloads, HTML pages).
func (c *ctx) text(status int, contentType, body string) {
	c.status, c.contentType, c.body = status, contentType, []byte(body)
}

// fail answers Chatwoot's {"error": msg} body (FACTS §7).
func (c *ctx) fail(status int, msg string) { c.json(status, obj{"error": msg}) }

func (c *ctx) notFound() { c.fail(http.StatusNotFound, "Resource could not be found") }

func (c *ctx) unauthorized(msg string) { c.fail(http.StatusUnauthorized, msg) }

// invalid answers a validation failure the way ActiveRecord::RecordInvalid
// is rendered: {"message": "...", "attributes": [...]} with 422.
func (c *ctx) invalid(msg string, attrs ...string) {
	if attrs == nil {
		attrs = []string{}
	}
	c.json(http.StatusUnprocessableEntity, obj{"message": msg, "attributes": attrs})
}

// missing answers a required parameter that was not sent, as Rails'
// ParameterMissing is rendered.
func (c *ctx) missing(name string) {
	c.fail(http.StatusUnprocessableEntity, "param is missing or the value is empty: "+name)
}

func (c *ctx) failed() bool { return c.status >= 400 }

// pathID reads an integer path parameter; a non-number is a missing row.
func (c *ctx) pathID(name string) (int64, bool) {
	v, err := strconv.ParseInt(c.r.PathValue(name), 10, 64)
	if err != nil {
		c.notFound()
		return 0, false
	}
	return v, true
}

func (c *ctx) isAdmin() bool {
	return c.au != nil && c.au.Role == "administrator"
}

// actorID is the user acting, 0 for a bot or the Client API.
func (c *ctx) actorID() int64 {
	if c.user != nil {
		return c.user.ID
	}
	return 0
}

func (c *ctx) write(w http.ResponseWriter) {
	h := w.Header()
	if c.contentType != "" {
		h.Set("Content-Type", c.contentType)
	}
	status := c.status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if len(c.body) > 0 && c.r.Method != http.MethodHead {
		_, _ = w.Write(c.body)
	}
}
