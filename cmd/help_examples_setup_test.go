package cmd

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/sandbox"
)

// exampleSetups prepare what the examples of a command take for granted
// beyond the demo sandbox.
var exampleSetups = map[string]func(*exampleRunner){
	// Logging out of a profile and switching profiles talk to no server,
	// but sandbox mode has one pinned profile and ignores --profile: these
	// run on a config of the user's own two profiles instead.
	"woot auth logout": (*exampleRunner).twoProfiles,
	"woot auth switch": (*exampleRunner).twoProfiles,
	// verify checks the captured delivery of testdata/help_examples: the
	// clock stands shortly after it was signed, so the default tolerance
	// is checked, not switched off.
	"woot verify": (*exampleRunner).justAfterCapture,
	// listen's examples get an event from a second woot
	// (help_examples_listen_test.go) and a contact's pubsub token.
	"woot listen": (*exampleRunner).listenSetup,
}

// twoProfiles saves the profiles "default" and "staging" (tokens in the
// file) and leaves sandbox mode unless a line asks for it with --sandbox.
func (e *exampleRunner) twoProfiles() {
	cfg, err := config.Load(e.config)
	if err != nil {
		e.t.Fatal(err)
	}
	cfg.Profiles["default"] = &config.Profile{URL: "https://chat.example.com", AccountID: 1, UserToken: "tok-example"}
	cfg.Profiles["staging"] = &config.Profile{URL: "https://staging.example.com", AccountID: 1, UserToken: "tok-staging-example"}
	if err := cfg.Save(); err != nil {
		e.t.Fatal(err)
	}
	delete(e.env, "CHATWOOT_URL")
}

// capturedDelay is how long after Chatwoot signed the captured delivery
// the examples check it: well inside verify's default five minutes.
const capturedDelay = 90 * time.Second

func (e *exampleRunner) justAfterCapture() {
	at := capturedAt(e.t, e.fixtures)
	e.now = func() time.Time { return at.Add(capturedDelay) }
}

// capturedAt is the X-Chatwoot-Timestamp of captured.http.
func capturedAt(t *testing.T, fixtures string) time.Time {
	t.Helper()
	req := readCaptured(t, fixtures)
	ts, err := strconv.ParseInt(req.Header.Get("X-Chatwoot-Timestamp"), 10, 64)
	if err != nil {
		t.Fatalf("captured.http: X-Chatwoot-Timestamp: %v", err)
	}
	return time.Unix(ts, 0)
}

// readCaptured parses captured.http with net/http, not woot's own parser.
func readCaptured(t *testing.T, fixtures string) *http.Request {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, "captured.http"))
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatalf("captured.http: %v", err)
	}
	return req
}

// hookSignature is X-Chatwoot-Signature as Chatwoot computes it
// (lib/webhooks/trigger.rb): sha256=hex(HMAC-SHA256(secret, "ts.body")).
func hookSignature(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	io.WriteString(m, ts+".")
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// exampleSignature is $SIG: the signature of body.json at $TS with the
// secret verify finds in sandbox mode (the seeded webhook's).
func exampleSignature(t *testing.T, fixtures, ts string) string {
	t.Helper()
	body, err := os.ReadFile(filepath.Join(fixtures, "body.json"))
	if err != nil {
		t.Fatal(err)
	}
	return hookSignature(sandbox.SeedWebhookSecret, ts, body)
}

// TestVerifyExampleFixturesAreSigned: the captured delivery the verify
// examples check is the body of body.json, signed with the secret of
// ~/.config/chatwoot-webhook-secret, which is the sandbox's seeded
// webhook secret (the example without a secret flag uses that one).
func TestVerifyExampleFixturesAreSigned(t *testing.T) {
	fixtures := filepath.Join("testdata", "help_examples")
	req := readCaptured(t, fixtures)
	body, err := io.ReadAll(req.Body)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(fixtures, "body.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(body, want) {
		t.Errorf("the body of captured.http is not body.json byte for byte:\n%q\n%q", body, want)
	}
	secret, err := os.ReadFile(filepath.Join(fixtures, "home", ".config", "chatwoot-webhook-secret"))
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.TrimRight(string(secret), "\r\n"); s != sandbox.SeedWebhookSecret {
		t.Errorf("home/.config/chatwoot-webhook-secret holds %q, not the sandbox's webhook secret", s)
	}
	ts := req.Header.Get("X-Chatwoot-Timestamp")
	if got, sig := req.Header.Get("X-Chatwoot-Signature"), hookSignature(sandbox.SeedWebhookSecret, ts, body); got != sig {
		t.Errorf("captured.http is signed %s; signed with the secret at %s it is %s", got, ts, sig)
	}
}

// receiver stands in for the user's own webhook receiver at a loopback
// --to or --forward-to address. The example's port is the user's, so the
// test listens on a free one and points the flag there instead.
type receiver struct {
	srv    *httptest.Server
	url    string // as the example wrote it
	path   string
	secret string // what deliveries must be signed with; "" unchecked

	mu  sync.Mutex
	got []delivery
}

type delivery struct {
	method, path, ts, sig string
	body                  []byte
}

// deliveryFlags are the flags naming where woot POSTs webhooks, each
// with its secret flags.
var deliveryFlags = map[string][2]string{
	"--to":         {"--secret", "--secret-file"},
	"--forward-to": {"--forward-secret", "--forward-secret-file"},
}

// receivers starts a receiver for each loopback delivery URL in args and
// rewrites args to reach it.
func (e *exampleRunner) receivers(args []string, env map[string]string) []*receiver {
	var out []*receiver
	for i := range args {
		name, value, inline := strings.Cut(args[i], "=")
		secretFlags, ok := deliveryFlags[name]
		if !ok {
			continue
		}
		if !inline {
			if i+1 >= len(args) {
				continue
			}
			value = args[i+1]
		}
		u, err := url.Parse(value)
		if err != nil || !isLoopback(u.Hostname()) {
			continue
		}
		r := &receiver{url: value, path: u.Path, secret: expectedSecret(e.t, args, env, secretFlags)}
		r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
		e.t.Cleanup(r.srv.Close)
		moved := strings.TrimSuffix(r.srv.URL, "/") + u.RequestURI()
		if inline {
			args[i] = name + "=" + moved
		} else {
			args[i+1] = moved
		}
		out = append(out, r)
	}
	return out
}

func isLoopback(host string) bool {
	return host == "127.0.0.1" || host == "localhost" || host == "::1"
}

// expectedSecret is the secret the command signs with, found the way
// woot finds it: the flag, the file, CHATWOOT_WEBHOOK_SECRET, else (in
// sandbox mode) the seeded webhook's.
func expectedSecret(t *testing.T, args []string, env map[string]string, flags [2]string) string {
	for i, a := range args {
		if i+1 >= len(args) {
			break
		}
		switch a {
		case flags[0]:
			return args[i+1]
		case flags[1]:
			data, err := os.ReadFile(args[i+1])
			if err != nil {
				t.Fatalf("read %s %s: %v", a, args[i+1], err)
			}
			return strings.TrimRight(string(data), "\r\n")
		}
	}
	if s := env["CHATWOOT_WEBHOOK_SECRET"]; s != "" {
		return s
	}
	return sandbox.SeedWebhookSecret
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	r.got = append(r.got, delivery{method: req.Method, path: req.URL.Path, body: body,
		ts: req.Header.Get("X-Chatwoot-Timestamp"), sig: req.Header.Get("X-Chatwoot-Signature")})
	r.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// problems stops the receiver (waiting for a delivery in flight) and
// says what was wrong with what arrived.
func (r *receiver) problems() []string {
	r.srv.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.got) == 0 {
		return []string{fmt.Sprintf("nothing was delivered to the receiver standing in for %s", r.url)}
	}
	var out []string
	for _, d := range r.got {
		if d.method != http.MethodPost || d.path != r.path {
			out = append(out, fmt.Sprintf("a delivery for %s came as %s %s", r.url, d.method, d.path))
		}
		if r.secret == "" {
			continue
		}
		if want := hookSignature(r.secret, d.ts, d.body); d.ts == "" || d.sig != want {
			out = append(out, fmt.Sprintf("a delivery to %s is not signed with the command's secret: timestamp %q, signature %q", r.url, d.ts, d.sig))
		}
	}
	return out
}

// copyTree copies the files under src into dst, private to the user as
// the files a user's HOME keeps secrets in are; a missing src is empty.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o600)
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}

// TestExampleReceiverChecksWhatArrives: the receiver behind a loopback
// --to fails a line that delivered nothing, or delivered a body not
// signed with the command's secret, and passes a correct delivery.
func TestExampleReceiverChecksWhatArrives(t *testing.T) {
	fixtures, err := filepath.Abs(filepath.Join("testdata", "help_examples"))
	if err != nil {
		t.Fatal(err)
	}
	e := newExampleRunner(t, nil, fixtures)
	send := func(secret string) []string {
		args := []string{"webhooks", "trigger", "message_created", "--to", "http://127.0.0.1:8787/hooks", "--secret", "right"}
		rs := e.receivers(args, e.env)
		if len(rs) != 1 || !strings.HasPrefix(args[4], rs[0].srv.URL+"/hooks") {
			t.Fatalf("--to was not pointed at the receiver: %v", args)
		}
		if secret != "" {
			body := []byte(`{"event":"message_created"}`)
			req, _ := http.NewRequest(http.MethodPost, args[4], bytes.NewReader(body))
			req.Header.Set("X-Chatwoot-Timestamp", "1767225600")
			req.Header.Set("X-Chatwoot-Signature", hookSignature(secret, "1767225600", body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
		}
		return rs[0].problems()
	}
	if p := send("right"); len(p) != 0 {
		t.Errorf("a delivery signed with the secret: %v", p)
	}
	if p := send("wrong"); len(p) != 1 || !strings.Contains(p[0], "not signed with the command's secret") {
		t.Errorf("a delivery signed with another secret: %v", p)
	}
	if p := send(""); len(p) != 1 || !strings.Contains(p[0], "nothing was delivered") {
		t.Errorf("no delivery: %v", p)
	}
}

// TestParsePipelineEnvPrefixAndHome: VAR=value before a command is its
// environment, not an argument, and ~/ is the runner's temporary HOME.
func TestParsePipelineEnvPrefixAndHome(t *testing.T) {
	e := &exampleRunner{home: "/tmp/example-home", vars: map[string]string{"SECRET": "s3cret"}}
	st, err := parsePipeline(`CHATWOOT_WEBHOOK_SECRET="$SECRET" woot verify --secret-file ~/.config/s --set a=b x~/y`, e)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"woot", "verify", "--secret-file", "/tmp/example-home/.config/s", "--set", "a=b", "x~/y"}
	if len(st) != 1 || st[0].env["CHATWOOT_WEBHOOK_SECRET"] != "s3cret" || strings.Join(st[0].args, " ") != strings.Join(want, " ") {
		t.Fatalf("parsed %+v", st)
	}
}
