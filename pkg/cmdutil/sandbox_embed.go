package cmdutil

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/sandbox"
)

// embeddedURL is the base URL requests carry in embedded mode; they never
// leave the process.
const embeddedURL = "http://sandbox.woot.invalid"

// embeddedSandbox serves requests in-process from a sandbox whose state
// persists between invocations, so `contacts create` then `contacts list`
// shows the new contact.
type embeddedSandbox struct {
	sb        *sandbox.Sandbox
	statePath string
}

// sandboxMode returns the embedded sandbox when --sandbox or
// CHATWOOT_URL=sandbox asks for it, starting it on first use.
func (f *Factory) sandboxMode() (*embeddedSandbox, error) {
	if f.sandbox != nil {
		return f.sandbox, nil
	}
	if !f.SandboxRequested() {
		return nil, nil
	}
	path, err := SandboxStatePath(f.Getenv)
	if err != nil {
		return nil, err
	}
	sb, err := sandbox.New(sandbox.Options{Seed: "demo", StatePath: path, BaseURL: embeddedURL,
		Without: sandboxWithout(f.Getenv("WOOT_SANDBOX_WITHOUT"))})
	if err != nil {
		return nil, fmt.Errorf("start the embedded sandbox: %w", err)
	}
	f.sandbox = &embeddedSandbox{sb: sb, statePath: path}
	// A notice for the person at the terminal; scripts and pipes keep a
	// clean stderr (as gh shows its notices).
	if !f.IOStreams.IsStderrTTY() {
		return f.sandbox, nil
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "woot: using the embedded sandbox, not a real Chatwoot (state: %s; `woot sandbox reset` starts over)\n", path)
	return f.sandbox, nil
}

// settings points every credential at the sandbox; an explicit --account
// still wins so other seeded accounts can be reached.
func (s *embeddedSandbox) settings(base config.Settings) config.Settings {
	c := s.sb.Credentials()
	v := func(val string) config.Value {
		return config.Value{Value: val, Source: config.FromSandbox, Origin: "embedded sandbox"}
	}
	base.URL = v(embeddedURL)
	base.UserToken = v(c.UserToken)
	base.PlatformToken = v(c.PlatformToken)
	base.TokenStyle = v("api_access_token")
	if base.AccountID.Source != config.FromFlag {
		base.AccountID = v(strconv.FormatInt(c.AccountID, 10))
	}
	// The Client API acts as the demo seed's contact unless the user named
	// another contact, or another inbox (the seeded contact is not in it).
	if c.ContactIdentifier != "" && base.ContactIdentifier.Value == "" && (base.InboxIdentifier.Value == "" || base.InboxIdentifier.Value == c.InboxIdentifier) {
		base.ContactIdentifier = v(c.ContactIdentifier)
	}
	if base.InboxIdentifier.Value == "" {
		base.InboxIdentifier = v(c.InboxIdentifier)
	}
	if base.HMACToken.Value == "" {
		base.HMACToken = v(c.HMACToken)
	}
	if base.WebhookSecret.Value == "" {
		base.WebhookSecret = v(c.WebhookSecret)
	}
	return base
}

func (s *embeddedSandbox) httpClient() *http.Client {
	return &http.Client{Transport: handlerTransport{s.sb}}
}

// handlerTransport answers requests by calling the handler in-process.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	w := &memResponse{header: http.Header{}, status: http.StatusOK}
	t.h.ServeHTTP(w, r)
	return &http.Response{
		StatusCode: w.status, Status: fmt.Sprintf("%d %s", w.status, http.StatusText(w.status)),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: w.header, Body: io.NopCloser(&w.body), ContentLength: int64(w.body.Len()), Request: r,
	}, nil
}

// memResponse collects a handler's answer in memory. It stands in for
// httptest.ResponseRecorder, whose package would add a test certificate
// to every start-up of woot.
type memResponse struct {
	header      http.Header
	body        bytes.Buffer
	status      int
	wroteHeader bool
}

func (m *memResponse) Header() http.Header { return m.header }

func (m *memResponse) WriteHeader(code int) {
	if !m.wroteHeader {
		m.status, m.wroteHeader = code, true
	}
}

func (m *memResponse) Write(p []byte) (int, error) {
	m.WriteHeader(http.StatusOK)
	return m.body.Write(p)
}

// CloseSandbox saves the embedded sandbox's state if the command changed it.
func (f *Factory) CloseSandbox() {
	if f.sandbox == nil {
		return
	}
	sb := f.sandbox.sb
	if sb.Dirty() {
		if err := sb.Save(); err != nil {
			fmt.Fprintf(f.IOStreams.ErrOut, "woot: could not save the sandbox state: %v\n", err)
		}
	}
	sb.Close()
	f.sandbox = nil
}

// SandboxStatePath is the embedded sandbox's state file in the user data
// directory ($WOOT_CONFIG_DIR when set, so tests stay in a temp dir).
func SandboxStatePath(getenv func(string) string) (string, error) {
	if d := getenv("WOOT_CONFIG_DIR"); d != "" {
		return filepath.Join(d, "sandbox.json"), nil
	}
	dir, err := userDataDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "woot", "sandbox.json"), nil
}

func userDataDir(getenv func(string) string) (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return d, nil
		}
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the data directory: %w (set WOOT_CONFIG_DIR)", err)
	}
	return filepath.Join(home, ".local", "share"), nil
}

// sandboxWithout reads WOOT_SANDBOX_WITHOUT: comma-separated names of the
// optional features the embedded sandbox should lack.
func sandboxWithout(v string) []string {
	var out []string
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}
