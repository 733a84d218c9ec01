package sandbox

import (
	"context"
	"net/http"
	"sync"
	"time"

	signing "github.com/wootcli/woot/pkg/webhook"
)

// delivery is one webhook POST: Chatwoot's payload, signed with secret
// when the webhook has one.
type delivery struct {
	url      string
	secret   string
	body     []byte
	attempts int // 0: one attempt, as for account and API-inbox webhooks
}

const (
	deliveryQueue   = 256
	deliveryWorkers = 2
	// deliveryTimeout is Chatwoot's WEBHOOK_TIMEOUT default.
	deliveryTimeout = 5 * time.Second
)

// deliverer posts webhooks in the background like Chatwoot's job queue:
// a bounded queue (a full queue drops the delivery and logs it), one
// attempt each, a short timeout, so no request ever waits on a receiver.
type deliverer struct {
	queue  chan delivery
	client *http.Client
	now    func() time.Time
	logf   func(string, ...any)
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	closed bool
}

func newDeliverer(now func() time.Time, logf func(string, ...any)) *deliverer {
	ctx, cancel := context.WithCancel(context.Background())
	d := &deliverer{
		queue:  make(chan delivery, deliveryQueue),
		client: &http.Client{Timeout: deliveryTimeout},
		now:    now,
		logf:   logf,
		ctx:    ctx,
		cancel: cancel,
	}
	for range deliveryWorkers {
		d.wg.Add(1)
		go d.run()
	}
	return d
}

func (d *deliverer) enqueue(x delivery) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return
	}
	select {
	case d.queue <- x:
	default:
		d.logf("webhook to %s dropped: the delivery queue is full", x.url)
	}
}

func (d *deliverer) run() {
	defer d.wg.Done()
	for x := range d.queue {
		d.send(x)
	}
}

func (d *deliverer) send(x delivery) {
	sender := signing.NewSender(d.client, x.secret)
	sender.MaxAttempts = max(x.attempts, 1) // account and API-inbox webhooks are tried once (FACTS §2)
	sender.UserAgent = "woot-sandbox"
	sender.Now = d.now
	if _, err := sender.Send(d.ctx, x.url, x.body); err != nil {
		d.logf("webhook: %v", err)
	}
}

// close stops taking deliveries, abandons those in flight and waits for
// the workers.
func (d *deliverer) close() {
	d.mu.Lock()
	if !d.closed {
		d.closed = true
		d.cancel()
		close(d.queue)
	}
	d.mu.Unlock()
	d.wg.Wait()
}
