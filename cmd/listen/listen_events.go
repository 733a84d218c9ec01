package listen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/webhook"
)

// eventSink decides what happens to each event: account and name filters,
// the backfill's bookkeeping, printing, forwarding and --count. It runs on
// the listener's goroutine only (events and OnReconnect alike).
type eventSink struct {
	printer *EventPrinter
	filter  map[string]bool // nil: every event
	account int64           // agent mode: events of other accounts are dropped
	count   int
	fwd     *forwarder
	back    *backfill
	stop    context.CancelFunc // ends Listen when --count is reached during a backfill

	printed int
	done    bool
}

func (s *eventSink) handle(ev cable.Event) error {
	if s.done {
		return errCountReached
	}
	// The dashboard drops events of other accounts the same way: an agent
	// streams account-wide channels too.
	if s.account != 0 && ev.AccountID != 0 && ev.AccountID != s.account {
		return nil
	}
	if s.back != nil {
		if s.back.duplicate(ev) {
			return nil
		}
		s.back.observe(ev)
	}
	if s.filter != nil && !s.filter[ev.Name] {
		return nil
	}
	if err := s.printer.Print(ev.Raw); err != nil {
		return fmt.Errorf("print event: %w", err)
	}
	s.printed++
	if s.fwd != nil {
		s.fwd.offer(ev)
	}
	if s.count > 0 && s.printed >= s.count {
		s.done = true
		return errCountReached
	}
	return nil
}

// runBackfill is the listener's OnReconnect: it prints what was missed
// before any event of the new subscription.
func (s *eventSink) runBackfill(ctx context.Context) {
	if s.done || (s.filter != nil && !s.filter["message.created"]) {
		return
	}
	s.back.run(ctx, func(ev cable.Event) bool {
		if err := s.handle(ev); err != nil {
			s.stop() // --count reached (or stdout gone): end Listen
			return false
		}
		return true
	})
}

// eventFilter accepts websocket names and, for convenience, the webhook
// names users may know better (message_created).
func eventFilter(names []string) map[string]bool {
	if len(names) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if cableName, ok := webhook.CableEventName(n); ok {
			n = cableName
		}
		m[n] = true
	}
	return m
}

// eventPrinter writes one event per line: the bytes as received, or the
// result of --jq/--template run on each event.
type EventPrinter struct {
	w io.Writer
	p output.Printer // nil: raw
}

func NewEventPrinter(ios *output.IOStreams, jq, template string) (*EventPrinter, error) {
	if jq == "" && template == "" {
		return &EventPrinter{w: ios.Out}, nil
	}
	p, err := output.New(ios, output.Options{Format: "ndjson", JQ: jq, Template: template})
	if err != nil {
		return nil, err
	}
	return &EventPrinter{w: ios.Out, p: p}, nil
}

func (e *EventPrinter) Print(raw []byte) error {
	if e.p != nil {
		return e.p.Item(raw)
	}
	line := append(make([]byte, 0, len(raw)+1), raw...)
	if bytes.ContainsAny(raw, "\r\n") {
		// Still one object per line: only a pretty-printing server makes
		// this necessary, and insignificant whitespace is all it removes.
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			return fmt.Errorf("event is not JSON: %w", err)
		}
		line = buf.Bytes()
	}
	_, err := e.w.Write(append(line, '\n'))
	return err
}

// stateReporter tells the connection's life on stderr.
type stateReporter struct {
	w         io.Writer
	ios       *output.IOStreams
	who       string
	url       string
	connected bool
	lastDrop  time.Time
	lastErr   error // the latest connection failure, for a listen that never subscribed
}

func (r *stateReporter) report(st cable.State) {
	if st.Err != nil {
		r.lastErr = st.Err
	}
	switch st.Phase {
	case cable.Connecting:
		if st.Attempt == 0 { // reconnection attempts were announced with their delay
			fmt.Fprintf(r.w, "connecting to %s as %s…\n", r.url, r.who)
		}
	case cable.Subscribed:
		if !r.connected {
			r.connected = true
			fmt.Fprintf(r.w, "%s subscribed to %s; waiting for events (Ctrl-C to stop)\n", r.ios.Green("✓"), cable.ChannelName)
			return
		}
		fmt.Fprintf(r.w, "%s resubscribed after %s offline\n", r.ios.Green("✓"), time.Since(r.lastDrop).Round(10*time.Millisecond))
	case cable.Reconnecting:
		if st.Attempt == 1 {
			r.lastDrop = time.Now()
		}
		fmt.Fprintf(r.w, "%s %v; reconnecting in %s (attempt %d)\n", r.ios.Yellow("!"), st.Err, st.Delay.Round(10*time.Millisecond), st.Attempt)
	}
}
