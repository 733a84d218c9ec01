package cable

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Defaults of a Dialer.
const (
	DefaultConfirmTimeout   = 10 * time.Second
	DefaultStaleAfter       = 10 * time.Second
	DefaultHandshakeTimeout = 10 * time.Second
	DefaultPresenceInterval = 20 * time.Second
	DefaultReadLimit        = 8 << 20
)

// maxSilentResubscribes bounds how often a resubscription may go
// unconfirmed before Listen gives up: the first subscription proved the
// credentials, so one silence is probably a slow server, three are not.
const maxSilentResubscribes = 3

// Dialer holds the settings of a listener. The zero value with URL set is
// ready to use; fields must not change while Listen runs.
type Dialer struct {
	URL        string      // ws(s)://host/cable; see CableURL
	Origin     string      // default: the URL's http(s) origin
	Header     http.Header // extra handshake headers
	HTTPClient *http.Client

	ConfirmTimeout   time.Duration // wait for welcome and confirmation; default 10 s
	StaleAfter       time.Duration // no frame for this long = dead link; default 10 s (pings come every 3 s)
	HandshakeTimeout time.Duration // default 10 s
	Backoff          Backoff
	ReadLimit        int64 // largest frame accepted; default 8 MiB

	// Presence sends update_presence every PresenceInterval (default 20 s)
	// so the agent or contact shows as online, as the dashboard does.
	Presence         bool
	PresenceInterval time.Duration

	Logf    func(format string, args ...any)
	OnState func(State)
	// OnReconnect runs after every successful resubscription, before any
	// further event is delivered, so the caller can backfill what was
	// missed while the link was down.
	OnReconnect func()
}

// Listen connects, subscribes id to RoomChannel and calls handle for each
// broadcast, in the order the frames arrive, until ctx ends or a fatal
// error. handle runs on Listen's goroutine; while it runs no frame is read. It reconnects with
// backoff on closed or dead links and on server disconnect frames.
//
// Listen returns nil when ctx is cancelled (after closing the socket with a
// normal closure): stopping is not a failure. It returns handle's error
// as is, an *AuthError when the first subscription is rejected or never
// confirmed (or a later one is rejected), a *HandshakeError when the first
// upgrade is refused, and a *DisconnectError when the server says not to
// reconnect.
func (d *Dialer) Listen(ctx context.Context, id Identifier, handle func(Event) error) error {
	if err := id.Validate(); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	if handle == nil {
		return errors.New("listen: no event handler")
	}
	if err := checkCableURL(d.URL); err != nil {
		return err
	}
	var (
		subscribedOnce bool
		attempt        int // reconnection attempts since the last confirmation
		silent         int // consecutive unconfirmed resubscriptions
		refused        int // consecutive upgrades answered with a page, before any subscription
	)
	d.logf("cable: connecting to %s", d.URL)
	d.state(State{Phase: Connecting})
	for {
		confirmed, err := d.session(ctx, id, handle, subscribedOnce)
		if ctx.Err() != nil {
			return nil
		}
		if confirmed {
			subscribedOnce, attempt, silent = true, 0, 0
		}
		if fatal := d.fatal(err, subscribedOnce, &silent, &refused); fatal != nil {
			return fatal
		}
		attempt++
		delay := d.Backoff.Delay(attempt)
		d.logf("cable: %v; reconnecting in %s (attempt %d)", err, delay.Round(10*time.Millisecond), attempt)
		d.state(State{Phase: Reconnecting, Attempt: attempt, Delay: delay, Err: err})
		if !sleep(ctx, delay) {
			return nil
		}
		d.state(State{Phase: Connecting, Attempt: attempt})
	}
}

// fatal decides whether err ends Listen, returning the error to return.
func (d *Dialer) fatal(err error, subscribedOnce bool, silent, refused *int) error {
	var (
		he  *handlerError
		ae  *AuthError
		de  *DisconnectError
		hs  *HandshakeError
		rd  *RedirectError
		dns *net.DNSError
	)
	switch {
	case errors.As(err, &he):
		return he.err
	case errors.As(err, &de):
		return de
	case errors.As(err, &rd):
		return rd // the same URL redirects again, and following it would leak the pubsub token
	case errors.As(err, &ae):
		if ae.Rejected || !subscribedOnce {
			return ae
		}
		if *silent++; *silent >= maxSilentResubscribes {
			return ae
		}
		return nil
	case subscribedOnce:
		return nil // after one success, every other failure is worth retrying
	case errors.As(err, &hs) && hs.Status >= 400 && hs.Status < 500 && hs.Status != http.StatusTooManyRequests:
		return hs // a wrong URL or origin does not heal by retrying; a 5xx may
	case errors.As(err, &hs) && hs.Status < 400:
		// A page where the websocket should be (a web app or proxy answering
		// 200): a wrong URL, not a server on its way up. A few in a row are
		// enough to say so rather than retry until --timeout.
		if *refused++; *refused >= maxPageAnswers {
			return hs
		}
		return nil
	case errors.As(err, &dns) && dns.IsNotFound:
		return fmt.Errorf("listen: %w; check the Chatwoot URL", err)
	case errors.Is(err, errNoWelcome):
		return err
	}
	return nil
}

// maxPageAnswers is how many upgrades answered with a plain HTTP page in a
// row end Listen before it ever subscribed.
const maxPageAnswers = 3

func checkCableURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("listen: invalid websocket URL %q: expected ws(s)://host/cable", raw)
	}
	switch u.Scheme {
	case "ws", "wss", "http", "https":
		return nil
	}
	return fmt.Errorf("listen: invalid websocket URL %q: scheme must be ws or wss", raw)
}

func (d *Dialer) logf(format string, args ...any) {
	if d.Logf != nil {
		d.Logf(format, args...)
	}
}

func (d *Dialer) state(s State) {
	if d.OnState != nil {
		d.OnState(s)
	}
}

func orDefault(v, def time.Duration) time.Duration {
	if v > 0 {
		return v
	}
	return def
}

// sleep waits d or until ctx ends; it reports whether the full wait passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func cloneHeader(h http.Header) http.Header {
	if h == nil {
		return http.Header{}
	}
	return h.Clone()
}
