package webhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/listen"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/webhook"
)

// newWebhooksToolsCmd adds receive and trigger to the generated webhooks
// noun (account webhook CRUD); the root merges the two by name.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	c := operation.GroupCmd("webhooks", operation.NounShort("webhooks"))
	c.GroupID = cmdutil.GroupApplication
	c.AddCommand(newWebhooksReceiveCmd(f), newWebhooksTriggerCmd(f))
	return c
}

type receiveOptions struct {
	f            *cmdutil.Factory
	addr         string
	secret       string
	path         string
	count        int
	forwardTo    string
	tolerance    time.Duration
	jq, template string
}

func newWebhooksReceiveCmd(f *cmdutil.Factory) *cobra.Command {
	o := &receiveOptions{f: f}
	c := &cobra.Command{
		Use:   "receive",
		Short: "Run a local receiver that verifies Chatwoot webhooks",
		Long: `Listen on a local address for Chatwoot webhook deliveries. Each POST to --path
is verified like ` + "`woot verify`" + ` does (signature over the raw body, timestamp within
--tolerance): a valid one is answered 200 and its body printed as one JSON line
on stdout; an invalid one is answered 401 and the reason goes to stderr.

A delivery whose X-Chatwoot-Delivery id was seen before is a retry: it is
verified and answered again but printed once. --forward-to URL passes each
valid delivery on, byte for byte with its X-Chatwoot-* headers (so the
signature still verifies there), and answers the sender with the status the
URL returned. --count N stops after N valid deliveries; Ctrl-C stops the
receiver.`,
		Example: `  $ woot webhooks receive --secret "$SECRET"
  $ woot webhooks receive --addr 127.0.0.1:9000 --path /chatwoot --count 1 --jq .event
  $ woot webhooks receive --forward-to http://127.0.0.1:4000/hooks/chatwoot
  $ woot webhooks receive --secret s3cret --count 10 > deliveries.ndjson`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return receiveRun(c.Context(), o) },
	}
	fs := c.Flags()
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8787", "Address to listen on")
	fs.StringVar(&o.secret, "secret", "", "The webhook's secret (env CHATWOOT_WEBHOOK_SECRET)")
	fs.StringVar(&o.path, "path", "/", "URL path deliveries are posted to")
	fs.IntVar(&o.count, "count", 0, "Exit after this many valid deliveries")
	fs.StringVar(&o.forwardTo, "forward-to", "", "Pass each valid delivery on to this URL, headers and body unchanged")
	fs.DurationVar(&o.tolerance, "tolerance", defaultTolerance, "Largest allowed age of a delivery's timestamp (0 = no age check)")
	fs.StringVar(&o.jq, "jq", "", "Filter each delivery's body with a jq expression")
	fs.StringVar(&o.template, "template", "", "Format each delivery's body with a Go template")
	return c
}

func receiveRun(ctx context.Context, o *receiveOptions) error {
	switch {
	case o.count < 0:
		return cmdutil.FlagErrorf("--count %d: must not be negative", o.count)
	case o.tolerance < 0:
		return cmdutil.FlagErrorf("--tolerance %s: must not be negative (0 disables the age check)", o.tolerance)
	case !strings.HasPrefix(o.path, "/"):
		return cmdutil.FlagErrorf("--path %q: must start with /", o.path)
	}
	printer, err := listen.NewEventPrinter(o.f.IOStreams, o.jq, o.template)
	if err != nil {
		return err
	}
	secret, origin, err := cmdutil.WebhookSecret(o.f, o.secret)
	if err != nil {
		return err
	}
	if secret == "" {
		return cmdutil.ErrNoSecret("--secret")
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (pick another --addr)", o.addr, err)
	}
	rc := &receiver{
		o: o, secret: secret, printer: printer,
		log:  &listen.LockedWriter{W: o.f.IOStreams.ErrOut},
		full: make(chan struct{}), seen: map[string]bool{},
		http: &http.Client{Timeout: webhook.DefaultSendTimeout},
	}
	srv := &http.Server{Handler: rc, ReadHeaderTimeout: 10 * time.Second}
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
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != rc.o.path {
		http.Error(w, "not found: woot receives webhooks on "+rc.o.path, http.StatusNotFound)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "webhooks are POSTed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, webhook.MaxRequestSize))
	if err != nil {
		http.Error(w, "could not read the body: "+err.Error(), http.StatusBadRequest)
		return
	}
	delivery := r.Header.Get(webhook.HeaderDelivery)
	res, verr := webhook.Verify(rc.secret, r.Header.Get(webhook.HeaderSignature), r.Header.Get(webhook.HeaderTimestamp), body, now(rc.o.f), rc.o.tolerance)
	if verr != nil {
		rc.reject(w, delivery, verr)
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
	http.Error(w, "invalid webhook signature: "+reason, http.StatusUnauthorized)
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

func describeDelivery(id string) string {
	if id == "" {
		return "delivery without id"
	}
	return "delivery " + id
}
