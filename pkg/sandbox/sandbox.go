package sandbox

import (
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// The demo seed's well-known credentials (kept by the store's seed), for
// the README, CI and tests outside the sandbox.
const (
	SeedUserToken       = store.SeedUserToken
	SeedPlatformToken   = store.SeedPlatformToken
	SeedAgentBotToken   = store.SeedAgentBotToken
	SeedInboxIdentifier = store.SeedInboxIdentifier
	SeedHMACToken       = store.SeedHMACToken
	SeedWebhookSecret   = store.SeedWebhookSecret
	SeedPubsubToken     = store.SeedPubsubToken
	// SeedContactIdentifier is the demo contact the Client API acts as in
	// sandbox mode (a source id in the API inbox).
	SeedContactIdentifier = store.SeedContactIdentifier
)

// Options configures a Sandbox.
type Options struct {
	Seed      string // "demo" (default) or "empty"
	StatePath string // when set: loaded by New (seeded and saved when missing); every change is journaled beside it before it is answered, and Save compacts (0600)
	Latency   time.Duration
	FailRate  float64 // share of requests answered 500/502/503
	ResetRate float64 // share of requests whose connection is dropped unanswered
	RateLimit int     // requests per minute; 0 = unlimited
	RandSeed  int64   // seeds the fault dice, so runs repeat
	Now       func() time.Time
	BaseURL   string // the URL clients use, for links and avatars
	Logf      func(format string, args ...any)
	Without   []string // optional features this installation lacks (api.FeatureNames)
}

// Credentials are the well-known identities of a sandbox's seed, for
// configuring a client against it.
type Credentials struct {
	URL, UserToken, PlatformToken, AgentBotToken string
	AccountID                                    int64
	InboxIdentifier, HMACToken                   string // the API inbox's identifier and HMAC token
	ContactIdentifier                            string // source id of the demo contact in that inbox, for the Client API ("" without the demo seed)
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

	mu   sync.RWMutex
	st   *store.State
	file *store.File // the state file, with a StatePath

	cache   listCache
	follow  follow
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
	if err := checkFeatures(opts.Without); err != nil {
		return nil, err
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "http://127.0.0.1:3000"
	}
	s := &Sandbox{opts: opts, now: opts.Now}
	s.faults = newFaults(opts)
	s.hooks = newDeliverer(s.now, s.logf)
	s.cable = newCable(s)
	s.mux = s.routes() // before the state: replaying the journal runs the routes
	if err := s.openState(); err != nil {
		s.Close()
		return nil, err
	}
	s.creds = credentialsOf(s.st, opts.BaseURL)
	return s, nil
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

// Close stops cable pings and webhook workers and closes the state file
// (syncing its journal). Requests answered after Close still work but send
// no more events and are kept in memory only.
func (s *Sandbox) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.cable.Close()
	s.hooks.close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	s.file = nil
	return err
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
func credentialsOf(st *store.State, baseURL string) Credentials {
	c := Credentials{URL: baseURL}
	if len(st.Accounts) > 0 {
		c.AccountID = st.Accounts[0].ID
	}
	for _, au := range st.AccountUsers {
		if au.AccountID == c.AccountID && au.Role == "administrator" {
			if u := st.User(au.UserID); u != nil {
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
		if in.AccountID == c.AccountID && in.IsAPI() {
			c.InboxIdentifier, c.HMACToken = in.Identifier, in.HMACToken
			if st.ContactInboxBySource(in.ID, store.SeedContactIdentifier) != nil {
				c.ContactIdentifier = store.SeedContactIdentifier
			}
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
