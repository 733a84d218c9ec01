package listen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/webhook"
)

type listenOptions struct {
	f                 *cmdutil.Factory
	as                string
	pubsubToken       string
	cableURL          string
	events            []string
	count             int
	timeout           time.Duration
	backfill          bool
	forwardTo         string
	forwardSecret     string
	forwardSecretFile string
	jq, template      string

	// Hidden knobs so tests against a real server need not wait the
	// production 10 s; users keep Chatwoot-friendly defaults.
	staleAfter     time.Duration
	confirmTimeout time.Duration
}

func NewCmd(f *cmdutil.Factory) *cobra.Command {
	o := &listenOptions{f: f}
	c := &cobra.Command{
		Use:   "listen",
		Short: "Print Chatwoot's realtime events as they happen",
		Long: `Subscribe to Chatwoot's ActionCable websocket (RoomChannel on <url>/cable) and
print each event's message object ({"event":…,"data":…}) exactly as received,
one JSON object per line on stdout. Connection state goes to stderr.

As an agent (the default) woot reads the pubsub token and user id from the
profile of CHATWOOT_API_TOKEN and drops events of other accounts. As a contact
(--pubsub-token, or --as contact with the token saved by
` + "`woot client contacts create --save`" + `) no user token is needed.

The link is watched: no frame (Chatwoot pings every 3 s) for 10 s means a dead
connection; woot reconnects with backoff (0.5 s doubling to 30 s, with jitter)
and resubscribes. --backfill then fetches, per conversation seen, the messages
created while the link was down (after=<last id>) and prints them as
message.created events, skipping ids already printed. No confirmation within
10 s of subscribing means Chatwoot refused the identity: exit 3.

--forward-to URL posts each event as Chatwoot's webhook would (snake_case event
name, webhook payload shape) with X-Chatwoot-Signature, X-Chatwoot-Timestamp and
X-Chatwoot-Delivery, so a local webhook handler can be tested against live
traffic. Deliveries run in the background with retries; their status goes to
stderr. The secret is --forward-secret-file, CHATWOOT_WEBHOOK_SECRET, or
generated and printed once (--forward-secret works too, but its value is
visible to every user of this machine in ps).

Chatwoot answers every subscription with a presence.update event (who is
online), so --count counts it too unless --events leaves it out.

--count N exits after N events; --timeout D stops after D (exit 1 if --count
was not reached). Ctrl-C stops cleanly with exit 0. A listen that never got
its subscription confirmed fails with exit 8: at once when the URL answers
with a page instead of a websocket (three times in a row, or any 4xx), or
when --timeout passes while the server keeps failing.

With --sandbox (or CHATWOOT_URL=sandbox) listen subscribes to the embedded
sandbox's own cable, reached in memory (no port is opened), and shows what
other ` + "`woot --sandbox`" + ` commands change: run ` + "`woot --sandbox listen`" + ` in one
terminal and ` + "`woot --sandbox messages create 1 --content hi`" + ` in another. The
events are the frames the served sandbox (` + "`woot sandbox serve`" + `) would send.`,
		Example: `  $ woot listen
  $ woot listen --events message.created,conversation.status_changed --jq '.data.content'
  $ woot listen --events message.created --count 1 --timeout 2m --jq '.data.id'
  $ woot listen --forward-to http://127.0.0.1:4000/chatwoot --forward-secret-file webhook-secret.txt
  $ woot listen --backfill --cable-url wss://chat.example.com/cable
  $ woot listen --pubsub-token "$CONTACT_PUBSUB_TOKEN"`,
		Args:    cmdutil.NoArgs,
		GroupID: cmdutil.GroupRealtime,
		RunE: func(c *cobra.Command, _ []string) error {
			if c.Flags().Changed("pubsub-token") && !c.Flags().Changed("as") {
				o.as = "contact"
			}
			return listenRun(c.Context(), o)
		},
	}
	fs := c.Flags()
	fs.StringVar(&o.as, "as", "agent", "Identity to subscribe with: agent|contact")
	fs.StringVar(&o.pubsubToken, "pubsub-token", "", "Subscribe as the contact with this pubsub token (returned when the contact is created)")
	fs.StringVar(&o.cableURL, "cable-url", "", "Websocket endpoint (default: <url>/cable, ws or wss after the URL's scheme)")
	cmdutil.StringListVar(fs, &o.events, "events", "Print only these events, e.g. message.created,conversation.updated (webhook names work too)")
	fs.IntVar(&o.count, "count", 0, "Exit after this many events")
	fs.DurationVar(&o.timeout, "timeout", 0, "Stop after this long (exit 1 if --count was not reached)")
	fs.BoolVar(&o.backfill, "backfill", false, "After a reconnect, fetch and print the messages missed while disconnected")
	fs.StringVar(&o.forwardTo, "forward-to", "", "POST each event as a signed Chatwoot webhook to this URL")
	fs.StringVar(&o.forwardSecret, "forward-secret", "", "Secret to sign forwarded events with; its value is visible to other users in ps, so prefer --forward-secret-file or CHATWOOT_WEBHOOK_SECRET")
	fs.StringVar(&o.forwardSecretFile, "forward-secret-file", "", "Read the secret to sign forwarded events with from `FILE` (a trailing newline is ignored)")
	fs.StringVar(&o.jq, "jq", "", "Filter each event with a jq expression")
	fs.StringVar(&o.template, "template", "", "Format each event with a Go template")
	fs.DurationVar(&o.staleAfter, "stale-after", cable.DefaultStaleAfter, "Reconnect when no frame arrives for this long")
	fs.DurationVar(&o.confirmTimeout, "confirm-timeout", cable.DefaultConfirmTimeout, "Give up when a subscription is not confirmed within this long")
	_ = fs.MarkHidden("stale-after")
	_ = fs.MarkHidden("confirm-timeout")
	_ = c.RegisterFlagCompletionFunc("as", fixedCompletion("agent", "contact"))
	_ = c.RegisterFlagCompletionFunc("events", fixedCompletion(listenEventNames()...))
	return c
}

// listenEventNames are the websocket events worth completing: those with
// a webhook counterpart plus the agent-side ones the dashboard handles.
func listenEventNames() []string {
	return append(webhook.CableEventNames(),
		"assignee.changed", "team.changed", "conversation.read", "conversation.contact_changed",
		"conversation.mentioned", "contact.deleted", "presence.update",
		"notification.created", "notification.updated", "notification.deleted")
}

func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// errCountReached stops the listener once --count events were printed.
var errCountReached = errors.New("count reached")

func listenRun(ctx context.Context, o *listenOptions) error {
	if err := o.validate(); err != nil {
		return err
	}
	ios := o.f.IOStreams
	printer, err := NewEventPrinter(ios, o.jq, o.template)
	if err != nil {
		return err
	}
	stderr := &LockedWriter{W: ios.ErrOut}
	who, err := o.identity(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil // Ctrl-C while fetching the profile
		}
		return err
	}
	dialer, stopDialer, err := o.dialer(who)
	if err != nil {
		return err
	}
	defer stopDialer()

	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if o.timeout > 0 {
		var stop context.CancelFunc
		lctx, stop = context.WithTimeout(lctx, o.timeout)
		defer stop()
	}
	sink := &eventSink{printer: printer, count: o.count, filter: eventFilter(o.events), stop: cancel}
	if who.agent {
		sink.account = who.id.AccountID
	}
	if o.forwardTo != "" {
		fw, err := o.startForwarder(stderr)
		if err != nil {
			return err
		}
		sink.fwd = fw
	}
	if o.backfill {
		sink.back = newBackfill(who.app, stderr)
		dialer.OnReconnect = func() { sink.runBackfill(lctx) }
	}
	where := dialer.URL
	if o.f.SandboxRequested() {
		where = "the embedded sandbox"
	}
	st := &stateReporter{w: stderr, ios: ios, who: who.describe, url: where}
	dialer.OnState = st.report
	if o.f.Global.Debug || o.f.Getenv("WOOT_DEBUG") == "api" {
		dialer.Logf = func(format string, args ...any) { fmt.Fprintf(stderr, "debug: "+format+"\n", args...) }
	}

	err = dialer.Listen(lctx, who.id, sink.handle)
	finishForwarding(ctx, sink, errors.Is(err, errCountReached) || sink.done)
	return o.outcome(ctx, lctx, sink, st, err, stderr)
}

func (o *listenOptions) validate() error {
	switch {
	case o.as != "agent" && o.as != "contact":
		return cmdutil.FlagErrorf("--as %q is not one of agent, contact", o.as)
	case o.as == "agent" && o.pubsubToken != "":
		return cmdutil.FlagErrorf("--pubsub-token subscribes as a contact; drop --as agent (agents use the token of their profile)")
	case o.count < 0:
		return cmdutil.FlagErrorf("--count %d: must not be negative", o.count)
	case o.timeout < 0:
		return cmdutil.FlagErrorf("--timeout %s: must not be negative", o.timeout)
	case o.backfill && o.as == "contact":
		return cmdutil.FlagErrorf("--backfill fetches messages with the Application API, which needs agent mode (a user token)")
	case o.staleAfter <= 0 || o.confirmTimeout <= 0:
		return cmdutil.FlagErrorf("--stale-after and --confirm-timeout must be positive")
	}
	for _, e := range o.events {
		if strings.TrimSpace(e) == "" {
			return cmdutil.FlagErrorf("--events: empty event name in the list")
		}
	}
	return nil
}

// outcome turns how Listen ended into the command's result.
func (o *listenOptions) outcome(ctx, lctx context.Context, sink *eventSink, st *stateReporter, err error, stderr io.Writer) error {
	switch {
	case errors.Is(err, errCountReached), err == nil && sink.done:
		return nil
	case err != nil:
		return fmt.Errorf("listen: %w", err)
	case ctx.Err() == nil && !st.connected:
		// --timeout ended a listen that never got a subscription confirmed:
		// nothing was listened to, so it did not succeed.
		why := ""
		if st.lastErr != nil {
			why = fmt.Sprintf(" (last failure: %v)", st.lastErr)
		}
		return &cmdutil.ExitError{Code: cmdutil.ExitNetwork, Err: fmt.Errorf("listen: --timeout %s passed without a subscription to %s%s", o.timeout, st.url, why)}
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "stopped after %d event(s)\n", sink.printed)
		return nil
	case errors.Is(lctx.Err(), context.DeadlineExceeded) && o.count > 0 && sink.printed < o.count:
		return fmt.Errorf("listen: --timeout %s passed with %d of %d events", o.timeout, sink.printed, o.count)
	}
	fmt.Fprintf(stderr, "stopped after %s with %d event(s)\n", o.timeout, sink.printed)
	return nil
}

// lockedWriter serialises writes to stderr from the listener, the
// forwarder's workers and the backfill.
type LockedWriter struct {
	mu sync.Mutex
	W  io.Writer
}

func (l *LockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.W.Write(p)
}
