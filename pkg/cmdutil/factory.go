package cmdutil

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/output"
)

// Factory hands commands what they need, built lazily: a command that
// only prints help never reads the config file or makes a client.
type Factory struct {
	IOStreams *output.IOStreams
	Getenv    func(string) string
	Now       func() time.Time

	// HTTPClient replaces the network (tests, the embedded sandbox).
	HTTPClient *http.Client
	// WrapSandbox, when set, wraps the embedded sandbox's in-process
	// transport: tests see (and check) every request a command sends it.
	WrapSandbox func(http.RoundTripper) http.RoundTripper
	// Sleep replaces the wait between retries (tests run them instantly).
	Sleep func(ctx context.Context, d time.Duration) error
	// Secrets replaces the OS keyring (tests); nil is the OS keyring.
	Secrets config.SecretStore
	// ArmInterrupts installs the signal handlers (interrupt.Prepare); the
	// root calls it before any command runs, so a line that only prints
	// help never does. nil: the caller handles signals itself (tests).
	ArmInterrupts func()

	// Global flags, bound by the root command.
	Global GlobalOptions

	// CommandWords are the positional words of the command line when it
	// names a top-level command, so that only what it runs is built in
	// full (selection.go); nil builds everything.
	CommandWords []string

	cfg      *config.File
	settings *config.Settings
	sandbox  *embeddedSandbox
	governor *api.Governor

	insecureWarned bool // the --insecure warning is printed once per run
}

// GlobalOptions are the flags every command accepts.
type GlobalOptions struct {
	Profile  string
	Account  string
	URL      string
	Debug    bool
	Timeout  time.Duration
	Retries  int
	Rate     float64
	Sandbox  bool
	Insecure bool

	// Client API identity (flags of `woot client`).
	InboxIdentifier   string
	ContactIdentifier string
	HMACToken         string

	// RateWindow is the server's rate-limit window (--rate-window).
	RateWindow time.Duration
}

// ConfigDir is where the config file lives.
func (f *Factory) ConfigDir() (string, error) { return config.Dir(f.Getenv) }

// Config loads the config file once.
func (f *Factory) Config() (*config.File, error) {
	if f.cfg != nil {
		return f.cfg, nil
	}
	cfg, err := f.loadConfig()
	if err != nil {
		return nil, err
	}
	f.cfg = cfg
	return cfg, nil
}

// Settings resolves flags > environment > config file > defaults once.
func (f *Factory) Settings() (config.Settings, error) {
	if f.settings != nil {
		return *f.settings, nil
	}
	cfg, err := f.Config()
	if err != nil {
		return config.Settings{}, err
	}
	s := config.Resolve(cfg, config.Flags{
		Profile: f.Global.Profile, URL: f.Global.URL, Account: f.Global.Account,
		InboxIdentifier: f.Global.InboxIdentifier, ContactIdentifier: f.Global.ContactIdentifier, HMACToken: f.Global.HMACToken,
	}, f.Getenv)
	if sb, err := f.sandboxMode(); err != nil {
		return config.Settings{}, err
	} else if sb != nil {
		s = sb.settings(s)
	}
	f.settings = &s
	return s, nil
}

// AccountID is the account every Application API path is scoped to.
func (f *Factory) AccountID() (int64, error) {
	s, err := f.Settings()
	if err != nil {
		return 0, err
	}
	id, err := s.Account()
	if err != nil {
		return 0, &FlagError{Err: err}
	}
	if id == 0 {
		return 0, &api.CredentialError{What: "no account id configured", Fix: "set CHATWOOT_ACCOUNT_ID, pass --account, or run `woot auth login`"}
	}
	return id, nil
}

// APIClient returns the transport configured from the settings, paced by
// the command's one rate governor (--rate caps it).
func (f *Factory) APIClient() (*api.Client, error) {
	return f.apiClientWith(f.rateGovernor(f.Global.Rate))
}

// apiClientWith builds the transport from the settings with the given
// governor.
func (f *Factory) apiClientWith(limiter *api.Governor) (*api.Client, error) {
	s, err := f.SettingsWithTokens()
	if err != nil {
		return nil, err
	}
	if err := keyringTokenError(s); err != nil {
		return nil, err
	}
	cfg := api.Config{
		BaseURL:       s.URL.Value,
		UserToken:     s.UserToken.Value,
		PlatformToken: s.PlatformToken.Value,
		TokenStyle:    api.TokenStyle(s.TokenStyle.Value),
		UserAgent:     "woot/" + Version(),
		Timeout:       f.Global.Timeout,
		Retries:       f.Global.Retries,
		Limiter:       limiter,
		HTTPClient:    f.HTTPClientFor(s.Insecure || f.Global.Insecure),
		Sleep:         f.Sleep,
	}
	if f.Global.Debug || f.Getenv("WOOT_DEBUG") == "api" {
		cfg.Debug = f.IOStreams.ErrOut
	}
	if cfg.TokenStyle != "" && !ValidTokenStyle(cfg.TokenStyle) {
		return nil, FlagErrorf("token style %q (from %s) is not one of %v", cfg.TokenStyle, s.TokenStyle.Origin, api.TokenStyles)
	}
	return api.New(cfg)
}

func ValidTokenStyle(s api.TokenStyle) bool {
	for _, t := range api.TokenStyles {
		if t == s {
			return true
		}
	}
	return false
}

// HTTPClientFor is the HTTP client every request goes through: the test or
// sandbox one when set, else the network, with TLS checks off if insecure.
func (f *Factory) HTTPClientFor(insecure bool) *http.Client {
	if f.HTTPClient != nil {
		return f.HTTPClient
	}
	if sb, _ := f.sandboxMode(); sb != nil {
		c := sb.httpClient()
		if f.WrapSandbox != nil {
			c.Transport = f.WrapSandbox(c.Transport)
		}
		return c
	}
	if !insecure {
		return &http.Client{Transport: api.NewTransport()}
	}
	if !f.insecureWarned {
		f.insecureWarned = true
		fmt.Fprintln(f.IOStreams.ErrOut, "woot: warning: TLS certificates are not verified (--insecure or the profile's insecure setting): anyone on the network path can read the token and every answer")
	}
	t := api.NewTransport()
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // explicit --insecure opt-out
	return &http.Client{Transport: t}
}

// Version is woot's version from the build info ("dev" in a plain build).
func Version() string {
	if stampedVersion != "" {
		return stampedVersion
	}
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "dev"
	}
	return info.Main.Version
}

// commit is the VCS revision the binary was built from, if recorded.
func commit() string {
	if stampedCommit != "" {
		return stampedCommit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if b, _ := strconv.ParseBool(modified); b && rev != "" {
		rev += "-dirty"
	}
	return rev
}

// VersionLine is what `woot --version` prints: "woot version " and
// VersionDetail.
func VersionLine() string { return "woot version " + VersionDetail() }

// VersionDetail is the version with the commit it was built from, if
// known: "v1.2.0 (1a2b3c4d5e6f)".
func VersionDetail() string {
	if c := commit(); c != "" {
		return Version() + " (" + c + ")"
	}
	return Version()
}
