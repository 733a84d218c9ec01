package listen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/webhook"
)

// Forwarding runs beside the socket: a bounded queue and a few workers, so
// a slow or dead receiver never delays reading events (the server would
// drop a client that stops reading).
const (
	forwardQueueSize   = 1000
	forwardWorkers     = 4
	forwardMaxAttempts = 5
	forwardDrainGrace  = 10 * time.Second // after --count or --timeout
)

type forwardJob struct {
	name string
	body []byte
}

type forwarder struct {
	url    string
	sender *webhook.Sender
	log    io.Writer
	queue  chan forwardJob
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu                         sync.Mutex
	delivered, failed, dropped int
	skipped                    map[string]bool
}

func (o *listenOptions) startForwarder(log io.Writer) (*forwarder, error) {
	secret, origin, err := cmdutil.ResolveWebhookSecret(o.f, cmdutil.SecretSource{
		Flag: o.forwardSecret, FlagName: "--forward-secret", File: o.forwardSecretFile, FileName: "--forward-secret-file"})
	if err != nil {
		return nil, err
	}
	if secret == "" {
		if secret, err = cmdutil.NewWebhookSecret(); err != nil {
			return nil, err
		}
		fmt.Fprintf(log, "forwarding signed with a generated secret: %s\n  (verify with it, or choose one with --forward-secret-file or CHATWOOT_WEBHOOK_SECRET)\n", secret)
	} else {
		fmt.Fprintf(log, "forwarding events to %s, signed with the secret from %s\n", o.forwardTo, origin)
	}
	sender := webhook.NewSender(nil, secret)
	sender.MaxAttempts = forwardMaxAttempts
	sender.Now = o.f.Now
	sender.UserAgent = "woot-listen/" + cmdutil.Version()
	sender.Logf = func(format string, args ...any) { fmt.Fprintf(log, "! "+format+"\n", args...) }
	return newForwarder(o.forwardTo, sender, log), nil
}

func newForwarder(url string, sender *webhook.Sender, log io.Writer) *forwarder {
	ctx, cancel := context.WithCancel(context.Background())
	fw := &forwarder{
		url: url, sender: sender, log: log,
		queue: make(chan forwardJob, forwardQueueSize),
		ctx:   ctx, cancel: cancel, skipped: map[string]bool{},
	}
	for range forwardWorkers {
		fw.wg.Add(1)
		go fw.work()
	}
	return fw
}

// offer queues ev for delivery without ever waiting: a full queue drops
// it and says so.
func (fw *forwarder) offer(ev cable.Event) {
	name, body, ok := webhook.ToWebhookPayload(ev.Name, ev.Data)
	switch {
	case !ok:
		fw.skipOnce(ev.Name, "· "+ev.Name+" is not forwarded: Chatwoot sends no webhook for it")
		return
	case isActivityMessage(ev):
		fw.skipOnce("activity", "· activity messages (\"Conversation was marked resolved by …\") are not forwarded: Chatwoot sends no webhook for them")
		return
	}
	select {
	case fw.queue <- forwardJob{name: name, body: body}:
	default:
		fw.mu.Lock()
		fw.dropped++
		fw.mu.Unlock()
		fmt.Fprintf(fw.log, "! %s not forwarded: %d deliveries are already waiting for %s\n", name, forwardQueueSize, fw.url)
	}
}

// skipOnce says once per kind why events are not forwarded.
func (fw *forwarder) skipOnce(kind, note string) {
	fw.mu.Lock()
	first := !fw.skipped[kind]
	fw.skipped[kind] = true
	fw.mu.Unlock()
	if first {
		fmt.Fprintln(fw.log, note)
	}
}

// isActivityMessage: Chatwoot's Message#webhook_sendable? leaves out
// activity messages (message_type 2), which the websocket does carry.
func isActivityMessage(ev cable.Event) bool {
	if !strings.HasPrefix(ev.Name, "message.") {
		return false
	}
	var m struct {
		MessageType json.RawMessage `json:"message_type"`
	}
	if json.Unmarshal(ev.Data, &m) != nil {
		return false
	}
	t := string(m.MessageType)
	return t == "2" || t == `"activity"`
}

func (fw *forwarder) work() {
	defer fw.wg.Done()
	for job := range fw.queue {
		if fw.ctx.Err() != nil { // stopped: what is still queued is not sent
			fw.mu.Lock()
			fw.dropped++
			fw.mu.Unlock()
			continue
		}
		res, err := fw.sender.Deliver(fw.ctx, fw.url, job.body)
		fw.mu.Lock()
		if err == nil {
			fw.delivered++
		} else {
			fw.failed++
		}
		fw.mu.Unlock()
		switch {
		case err == nil:
			fmt.Fprintf(fw.log, "→ %s delivered: HTTP %d (delivery %s)\n", job.name, res.Status, res.ID)
		case errors.Is(err, context.Canceled):
			fmt.Fprintf(fw.log, "! %s not delivered: stopped (delivery %s)\n", job.name, res.ID)
		default:
			fmt.Fprintf(fw.log, "! %s failed: %v (delivery %s)\n", job.name, err, res.ID)
		}
	}
}

// close stops taking events, lets queued deliveries finish within grace
// (none when 0) and reports what happened.
func (fw *forwarder) close(grace time.Duration) {
	close(fw.queue)
	done := make(chan struct{})
	go func() { fw.wg.Wait(); close(done) }()
	if grace > 0 {
		select {
		case <-done:
		case <-time.After(grace):
		}
	}
	fw.cancel()
	<-done
	fw.mu.Lock()
	defer fw.mu.Unlock()
	fmt.Fprintf(fw.log, "forwarded %d event(s) to %s", fw.delivered, fw.url)
	if fw.failed > 0 || fw.dropped > 0 {
		fmt.Fprintf(fw.log, "; %d failed, %d not sent", fw.failed, fw.dropped)
	}
	fmt.Fprintln(fw.log)
}

// finishForwarding drains the queue after --count or --timeout, and
// drops it at once after Ctrl-C.
func finishForwarding(ctx context.Context, sink *eventSink, counted bool) {
	if sink.fwd == nil {
		return
	}
	grace := forwardDrainGrace
	if ctx.Err() != nil && !counted {
		grace = 0
	}
	sink.fwd.close(grace)
}
