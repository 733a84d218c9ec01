package webhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/listen"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/webhook"
)

// NewCmd adds receive and trigger to the generated webhooks
// noun (account webhook CRUD); the root merges the two by name.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("webhooks", newWebhooksReceiveCmd(f), newWebhooksTriggerCmd(f))
}

type receiveOptions struct {
	f            *cmdutil.Factory
	addr         string
	secret       string
	secretFile   string
	path         string
	count        int
	forwardTo    string
	tolerance    time.Duration
	jq, template string

	maxBody           sizeValue
	maxInFlight       int
	readHeaderTimeout time.Duration
	readTimeout       time.Duration
	idleTimeout       time.Duration
}

func newWebhooksReceiveCmd(f *cmdutil.Factory) *cobra.Command {
	o := &receiveOptions{f: f, maxBody: webhook.DefaultMaxBody}
	c := &cobra.Command{
		Use:   "receive",
		Short: "Run a local receiver that verifies Chatwoot webhooks",
		Long: `Listen on a local address for Chatwoot webhook deliveries. Each POST to --path
is verified like ` + "`woot verify`" + ` does (signature over the raw body, timestamp within
--tolerance): a valid one is answered 200 and its body printed as one JSON line
on stdout; an invalid one is answered 401 and the reason goes to stderr.

The receiver is safe to expose. The signature headers are checked before any
of the body is read: a request without them, with malformed ones or with a
timestamp outside --tolerance is answered 401 at once. A body over --max-body
(1 MiB by default; Chatwoot's payloads are kilobytes) is answered 413 and read
no further. --read-header-timeout, --read-timeout (the whole request) and
--idle-timeout (between requests on one connection) close slow or idle
connections; beyond --max-in-flight requests at once the answer is 503.

A delivery is a replay when its timestamp and signature pair was accepted
before within the tolerance window (up to 10000 pairs are remembered): it is
answered 401 and not printed, whatever its X-Chatwoot-Delivery id says, since
that header is not signed. A new signature over a delivery id seen before is
Chatwoot's retry: it is answered again but printed once. --forward-to URL
passes each valid delivery on, byte for byte with its X-Chatwoot-* headers (so
the signature still verifies there), and answers the sender with the status the
URL returned. --count N stops after N valid deliveries; Ctrl-C stops the
receiver.

The secret is --secret-file, CHATWOOT_WEBHOOK_SECRET or the profile's
webhook_secret; --secret works too, but shows the value to every user in ps.`,
		Example: `  $ CHATWOOT_WEBHOOK_SECRET="$SECRET" woot webhooks receive
  $ woot webhooks receive --secret-file webhook-secret.txt --addr 0.0.0.0:8787 --max-body 2MiB
  $ woot webhooks receive --addr 127.0.0.1:9000 --path /chatwoot --count 1 --jq .event
  $ woot webhooks receive --forward-to http://127.0.0.1:4000/hooks/chatwoot
  $ woot webhooks receive --count 10 > deliveries.ndjson`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return receiveRun(c.Context(), o) },
	}
	fs := c.Flags()
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8787", "Address to listen on")
	fs.StringVar(&o.secret, "secret", "", cmdutil.SecretFlagUsage)
	fs.StringVar(&o.secretFile, "secret-file", "", cmdutil.SecretFileFlagUsage)
	fs.StringVar(&o.path, "path", "/", "URL path deliveries are posted to")
	fs.IntVar(&o.count, "count", 0, "Exit after this many valid deliveries")
	fs.StringVar(&o.forwardTo, "forward-to", "", "Pass each valid delivery on to this URL, headers and body unchanged")
	fs.DurationVar(&o.tolerance, "tolerance", defaultTolerance, "Largest allowed age of a delivery's timestamp (0 = no age check)")
	fs.StringVar(&o.jq, "jq", "", "Filter each delivery's body with a jq expression")
	fs.StringVar(&o.template, "template", "", "Format each delivery's body with a Go template")
	fs.Var(&o.maxBody, "max-body", "Largest body accepted, e.g. 512KiB or 4MiB (larger: 413)")
	fs.IntVar(&o.maxInFlight, "max-in-flight", webhook.DefaultMaxInFlight, "Requests handled at once (more: 503)")
	fs.DurationVar(&o.readHeaderTimeout, "read-header-timeout", webhook.DefaultReadHeaderTimeout, "Close a connection whose request headers take longer than this")
	fs.DurationVar(&o.readTimeout, "read-timeout", webhook.DefaultReadTimeout, "Close a connection whose whole request takes longer than this")
	fs.DurationVar(&o.idleTimeout, "idle-timeout", webhook.DefaultIdleTimeout, "Close a kept-alive connection idle for this long")
	return c
}

func receiveRun(ctx context.Context, o *receiveOptions) error {
	if err := o.validate(); err != nil {
		return err
	}
	printer, err := listen.NewEventPrinter(o.f.IOStreams, o.jq, o.template)
	if err != nil {
		return err
	}
	secret, origin, err := cmdutil.ResolveWebhookSecret(o.f, cmdutil.SecretSource{Flag: o.secret, FlagName: "--secret", File: o.secretFile, FileName: "--secret-file"})
	if err != nil {
		return err
	}
	if secret == "" {
		return cmdutil.ErrNoSecret("--secret-file")
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (pick another --addr)", o.addr, err)
	}
	rc := &receiver{
		o: o, secret: secret, printer: printer,
		log:  &listen.LockedWriter{W: o.f.IOStreams.ErrOut},
		full: make(chan struct{}), seen: map[string]bool{},
		replays: webhook.NewReplayCache(webhook.DefaultReplayEntries, o.tolerance),
		http:    &http.Client{Timeout: webhook.DefaultSendTimeout},
	}
	srv := o.server(webhook.LimitInFlight(o.maxInFlight, rc), rc.log)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(rc.log, "listening on http://%s%s for Chatwoot webhooks (secret from %s; Ctrl-C to stop)\n", ln.Addr(), o.path, origin)

	select {
	case err := <-errc:
		return fmt.Errorf("serve webhooks: %w", err)
	case <-ctx.Done():
	case <-rc.full:
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	fmt.Fprintf(rc.log, "stopped after %d valid and %d invalid deliveries\n", rc.valid, rc.invalid)
	return nil
}

func (o *receiveOptions) validate() error {
	switch {
	case o.count < 0:
		return cmdutil.FlagErrorf("--count %d: must not be negative", o.count)
	case o.tolerance < 0:
		return cmdutil.FlagErrorf("--tolerance %s: must not be negative (0 disables the age check)", o.tolerance)
	case !strings.HasPrefix(o.path, "/"):
		return cmdutil.FlagErrorf("--path %q: must start with /", o.path)
	case o.maxInFlight < 1:
		return cmdutil.FlagErrorf("--max-in-flight %d: must be at least 1", o.maxInFlight)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"--read-header-timeout", o.readHeaderTimeout}, {"--read-timeout", o.readTimeout}, {"--idle-timeout", o.idleTimeout}} {
		if d.v <= 0 {
			return cmdutil.FlagErrorf("%s %s: must be positive; an exposed receiver needs every timeout", d.name, d.v)
		}
	}
	return nil
}

// server bounds every phase of a connection. The write deadline, counted
// from the end of the headers, leaves room for reading the body and for
// one forward to --forward-to.
func (o *receiveOptions) server(h http.Handler, errLog io.Writer) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: o.readHeaderTimeout,
		ReadTimeout:       o.readTimeout,
		WriteTimeout:      o.readTimeout + webhook.DefaultSendTimeout + 5*time.Second,
		IdleTimeout:       o.idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(errLog, "! receiver: ", 0),
	}
}

// receiver verifies and prints deliveries; handlers run concurrently, so
// printing and counting share one lock.
type receiver struct {
	o       *receiveOptions
	secret  string
	printer *listen.EventPrinter
	log     io.Writer
	http    *http.Client

	mu             sync.Mutex
	valid, invalid int
	seen           map[string]bool // delivery ids printed
	full           chan struct{}   // closed once --count valid deliveries were printed
	replays        *webhook.ReplayCache
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != rc.o.path {
		webhook.RefuseBody(w)
		http.Error(w, "not found: woot receives webhooks on "+rc.o.path, http.StatusNotFound)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		webhook.RefuseBody(w)
		http.Error(w, "webhooks are POSTed", http.StatusMethodNotAllowed)
		return
	}
	delivery := r.Header.Get(webhook.HeaderDelivery)
	sig, ts := r.Header.Get(webhook.HeaderSignature), r.Header.Get(webhook.HeaderTimestamp)
	if err := webhook.CheckHeaders(sig, ts, now(rc.o.f), rc.o.tolerance); err != nil {
		rc.reject(w, delivery, err)
		return
	}
	body, err := webhook.ReadBody(r, int64(rc.o.maxBody))
	if err != nil {
		rc.refuseBody(w, delivery, err)
		return
	}
	res, verr := webhook.Verify(rc.secret, sig, ts, body, now(rc.o.f), rc.o.tolerance)
	if verr != nil {
		rc.reject(w, delivery, verr)
		return
	}
	if rc.replays.Replayed(sig, ts, signedAt(ts), now(rc.o.f)) {
		rc.reject(w, delivery, webhook.ReplayError())
		return
	}
	if !json.Valid(body) {
		rc.countInvalid()
		fmt.Fprintf(rc.log, "✗ 400 %s: signature valid but the body is not JSON\n", describeDelivery(delivery))
		http.Error(w, "body is not JSON", http.StatusBadRequest)
		return
	}
	switch rc.print(delivery, body) {
	case printStopping:
		http.Error(w, "receiver is stopping", http.StatusServiceUnavailable)
		return
	case printRetry:
		fmt.Fprintf(rc.log, "✓ %s %s (a retry, printed before): %s\n", eventName(body), describeDelivery(delivery), res.Reason)
	default:
		fmt.Fprintf(rc.log, "✓ %s %s: %s\n", eventName(body), describeDelivery(delivery), res.Reason)
	}
	if rc.o.forwardTo != "" {
		rc.forward(w, r, body)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"ok":true}` + "\n"))
}

func (rc *receiver) reject(w http.ResponseWriter, delivery string, verr error) {
	rc.countInvalid()
	reason, hint := verr.Error(), ""
	var sigErr *webhook.SignatureError
	if errors.As(verr, &sigErr) {
		reason, hint = sigErr.Reason, sigErr.Hint
	}
	fmt.Fprintf(rc.log, "✗ 401 %s: %s\n", describeDelivery(delivery), reason)
	if hint != "" {
		fmt.Fprintf(rc.log, "  hint: %s\n", hint)
	}
	webhook.RefuseBody(w)
	http.Error(w, "invalid webhook signature: "+reason, http.StatusUnauthorized)
}

// refuseBody answers a body that could not be read whole: too large
// (413) or too slow (408, the read timeout); the connection is closed.
func (rc *receiver) refuseBody(w http.ResponseWriter, delivery string, err error) {
	rc.countInvalid()
	status, reason := http.StatusBadRequest, "could not read the body: "+err.Error()
	var tooLarge *webhook.ErrBodyTooLarge
	var netErr net.Error
	switch {
	case errors.As(err, &tooLarge):
		status, reason = http.StatusRequestEntityTooLarge, err.Error()+" (raise --max-body if such deliveries are real)"
	case errors.As(err, &netErr) && netErr.Timeout():
		status, reason = http.StatusRequestTimeout, fmt.Sprintf("body not received within --read-timeout %s", rc.o.readTimeout)
	}
	fmt.Fprintf(rc.log, "✗ %d %s: %s\n", status, describeDelivery(delivery), reason)
	webhook.RefuseBody(w)
	http.Error(w, reason, status)
}

// signedAt reads a timestamp CheckHeaders has accepted.
func signedAt(ts string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(ts), 10, 64)
	return n
}

// printOutcome says what print did with a valid delivery.
type printOutcome int

const (
	printed       printOutcome = iota
	printRetry                 // a delivery id seen before: Chatwoot's retry
	printStopping              // --count was reached
)

// maxDeliveryIDs bounds the delivery ids remembered to spot retries.
const maxDeliveryIDs = 10000

// print writes a valid body once per delivery id, unless --count is
// already reached.
func (rc *receiver) print(delivery string, body []byte) printOutcome {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.o.count > 0 && rc.valid >= rc.o.count {
		return printStopping
	}
	if delivery != "" {
		if rc.seen[delivery] {
			return printRetry
		}
		if len(rc.seen) >= maxDeliveryIDs {
			clear(rc.seen)
		}
		rc.seen[delivery] = true
	}
	if err := rc.printer.Print(compactLine(body)); err != nil {
		fmt.Fprintf(rc.log, "! print delivery: %v\n", err)
	}
	rc.valid++
	if rc.o.count > 0 && rc.valid == rc.o.count {
		close(rc.full)
	}
	return printed
}

func (rc *receiver) countInvalid() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.invalid++
}

// forward relays a verified delivery unchanged and answers with the
// target's status, so the sender sees what the real handler said.
func (rc *receiver) forward(w http.ResponseWriter, r *http.Request, body []byte) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, rc.o.forwardTo, bytes.NewReader(body))
	if err != nil {
		http.Error(w, "bad --forward-to URL", http.StatusBadGateway)
		return
	}
	for _, h := range []string{"Content-Type", "Accept", "User-Agent", webhook.HeaderSignature, webhook.HeaderTimestamp, webhook.HeaderDelivery} {
		if v := r.Header.Get(h); v != "" {
			req.Header.Set(h, v)
		}
	}
	resp, err := rc.http.Do(req)
	if err != nil {
		fmt.Fprintf(rc.log, "! forward to %s: %v\n", rc.o.forwardTo, err)
		http.Error(w, "forward failed: "+err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	fmt.Fprintf(rc.log, "→ forwarded to %s: HTTP %d\n", rc.o.forwardTo, resp.StatusCode)
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}

// compactLine makes a body one line; a valid JSON body always compacts.
func compactLine(body []byte) []byte {
	var buf bytes.Buffer
	if json.Compact(&buf, body) != nil {
		return body
	}
	return buf.Bytes()
}

func eventName(body []byte) string {
	var m struct {
		Event string `json:"event"`
	}
	if json.Unmarshal(body, &m) != nil || m.Event == "" {
		return "(no event name)"
	}
	return m.Event
}

// describeDelivery names a delivery by its id, which is the sender's
// unsigned header: anything but a plain id is quoted and cut short, so it
// cannot mangle the terminal or flood the log.
func describeDelivery(id string) string {
	if id == "" {
		return "delivery without id"
	}
	plain := len(id) <= 64 && strings.IndexFunc(id, func(r rune) bool {
		return !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0
	if plain {
		return "delivery " + id
	}
	if len(id) > 64 {
		id = id[:64] + "…"
	}
	return "delivery " + strconv.QuoteToASCII(id)
}
