// Package sandbox is a local, stateful Chatwoot emulator: an http.Handler
// that answers the Application, Client and Platform APIs the way a real
// Chatwoot server does (list shapes, page sizes, error bodies, auth per
// family), keeps what clients create, pushes ActionCable events on /cable
// and posts signed webhooks. `woot sandbox serve` and `woot --sandbox` are
// built on it, so newcomers and CI can run every command without a server.
//
// Every operation of Chatwoot's published spec answers with a body of the
// documented shape; the core resources (contacts, conversations, messages,
// inboxes, teams, agents, labels, webhooks…) are stored and behave, the
// rest answer well-formed values computed from the stored data or zeros.
//
// Where Chatwoot's published spec and its real server disagree, the
// sandbox answers like the server (FACTS.md is the reference). The places:
//   - conversation status "snoozed" exists although the spec's enum omits
//     it (FACTS §5);
//   - article status is a string (FACTS §10);
//   - POST contacts answers {"payload":{"contact":…,"contact_inbox":…}} and
//     PUT contacts/{id} answers 200 {"payload":contact}, as the server's
//     views do (the spec says an array payload and 204);
//   - custom attribute definitions carry attribute_values as an array, as
//     stored by the server (the spec says string);
//   - GET inboxes/{id}/agent_bot answers 200 {"agent_bot":…} and
//     set_agent_bot 200 with no body (the spec says 204);
//   - integration hooks use the server's partial (integer id, hook_type
//     "account" or "inbox"); the spec types id as a string and hook_type
//     as a boolean;
//   - errors use the server's bodies (FACTS §7), not the spec's
//     bad_request_error.
//
// The spec's own inconsistencies are accepted both ways: inbox_id as a
// string or a number on inbox member routes, attribute and article enums
// by index or by name, an integer app_id for integration hooks (the
// catalogue position), and any conversation_uuid on the survey page.
//
// Fault injection (Options.Latency, FailRate, ResetRate, RateLimit) never
// applies to GET /health, GET /api or /cable, so readiness checks and
// listeners keep working while the API misbehaves.
package sandbox

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"sync"
	"time"
)

// Options configures a Sandbox.
type Options struct {
	Seed      string // "demo" (default) or "empty"
	StatePath string // when set: loaded by New if the file exists; Save writes it (0600)
	Latency   time.Duration
	FailRate  float64 // share of requests answered 500/502/503
	ResetRate float64 // share of requests whose connection is dropped unanswered
	RateLimit int     // requests per minute; 0 = unlimited
	RandSeed  int64   // seeds the fault dice, so runs repeat
	Now       func() time.Time
	BaseURL   string // the URL clients use, for links and avatars
	Logf      func(format string, args ...any)
}

// Credentials are the well-known identities of a sandbox's seed, for
// configuring a client against it.
type Credentials struct {
	URL, UserToken, PlatformToken, AgentBotToken string
	AccountID                                    int64
	InboxIdentifier, HMACToken                   string // the API inbox's identifier and HMAC token
	WebhookSecret                                string // secret of the seeded account webhook, if any
	UserID                                       int64
	PubsubToken                                  string // the admin user's, for listen
}

// Sandbox is the emulator. It is safe for concurrent use.
type Sandbox struct {
	opts  Options
	now   func() time.Time
	mux   *http.ServeMux
	creds Credentials

	mu    sync.RWMutex
	st    *state
	dirty bool

	cache   listCache
	faults  *faults
	cable   broadcaster
	hooks   *deliverer
	closeMu sync.Mutex
	closed  bool
}

// New builds a sandbox: it loads Options.StatePath when that file exists,
// else seeds fresh state.
func New(opts Options) (*Sandbox, error) {
	if opts.Seed == "" {
		opts.Seed = "demo"
	}
	if opts.Seed != "demo" && opts.Seed != "empty" {
		return nil, fmt.Errorf("sandbox seed %q: use \"demo\" or \"empty\"", opts.Seed)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "http://127.0.0.1:3000"
	}
	s := &Sandbox{opts: opts, now: opts.Now}
	st, err := s.initialState()
	if err != nil {
		return nil, err
	}
	s.st = st
	s.creds = credentialsOf(st, opts.BaseURL)
	s.faults = newFaults(opts)
	s.hooks = newDeliverer(s.now, s.logf)
	s.cable = newCable(s)
	s.mux = s.routes()
	return s, nil
}

func (s *Sandbox) initialState() (*state, error) {
	if s.opts.StatePath != "" {
		st, err := loadState(s.opts.StatePath)
		if err == nil {
			return st, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	return seed(s.opts.Seed, s.now()), nil
}

// ServeHTTP answers one request, applying the configured faults first.
func (s *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w}
	if !faultExempt(r) && s.faults.apply(rec, r) {
		s.logRequest(r, rec, start)
		return
	}
	s.mux.ServeHTTP(rec, r)
	s.logRequest(r, rec, start)
}

// Credentials returns the seed's well-known identities.
func (s *Sandbox) Credentials() Credentials { return s.creds }

// Close stops cable pings and webhook workers. Requests answered after
// Close still work but send no more events.
func (s *Sandbox) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.cable.Close()
	s.hooks.close()
	return nil
}

func (s *Sandbox) logf(format string, args ...any) {
	if s.opts.Logf != nil {
		s.opts.Logf(format, args...)
	}
}

func (s *Sandbox) logRequest(r *http.Request, rec *statusRecorder, start time.Time) {
	if s.opts.Logf == nil {
		return
	}
	status := rec.status
	if status == 0 && rec.hijacked {
		s.logf("%s %s dropped (%s)", r.Method, r.URL.RequestURI(), time.Since(start).Round(time.Microsecond))
		return
	}
	if status == 0 {
		status = http.StatusOK
	}
	s.logf("%s %s %d (%s)", r.Method, r.URL.RequestURI(), status, time.Since(start).Round(time.Microsecond))
}

// credentialsOf finds the seed's identities in state: the first account,
// its first administrator, the first platform app, bot, API inbox and
// account webhook.
func credentialsOf(st *state, baseURL string) Credentials {
	c := Credentials{URL: baseURL}
	if len(st.Accounts) > 0 {
		c.AccountID = st.Accounts[0].ID
	}
	for _, au := range st.AccountUsers {
		if au.AccountID == c.AccountID && au.Role == "administrator" {
			if u := st.user(au.UserID); u != nil {
				c.UserID, c.UserToken, c.PubsubToken = u.ID, u.AccessToken, u.PubsubToken
				break
			}
		}
	}
	if len(st.PlatformApps) > 0 {
		c.PlatformToken = st.PlatformApps[0].Token
	}
	for _, b := range st.AgentBots {
		if b.AccountID == c.AccountID || b.AccountID == 0 {
			c.AgentBotToken = b.AccessToken
			break
		}
	}
	for _, in := range st.Inboxes {
		if in.AccountID == c.AccountID && in.isAPI() {
			c.InboxIdentifier, c.HMACToken = in.Identifier, in.HMACToken
			break
		}
	}
	for _, w := range st.Webhooks {
		if w.AccountID == c.AccountID {
			c.WebhookSecret = w.Secret
			break
		}
	}
	return c
}
