package cable

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// startServer serves a Server with fast pings on 127.0.0.1.
func startServer(t *testing.T, authorize Authorize) (*Server, string) {
	t.Helper()
	srv := NewServer(authorize)
	srv.PingInterval = 50 * time.Millisecond
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		_ = srv.Close()
		hs.Close()
	})
	return srv, "ws" + strings.TrimPrefix(hs.URL, "http") + "/cable"
}

// onSubscribed signals each confirmed subscription of d.
func onSubscribed(d *Dialer) <-chan struct{} {
	ch := make(chan struct{}, 8)
	d.OnState = func(s State) {
		if s.Phase == Subscribed {
			ch <- struct{}{}
		}
	}
	return ch
}

// receive waits up to within for a value (or the close) of ch.
func receive[T any](t *testing.T, ch <-chan T, within time.Duration, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(within):
		t.Fatalf("no %s within %v", what, within)
	}
	var zero T
	return zero
}

// listener runs Dialer.Listen in the background and records what it sees.
type listener struct {
	events chan Event
	states chan State
	done   chan error
	cancel context.CancelFunc

	mu         sync.Mutex
	reconnects int
}

// fastDialer has short timeouts so failures show in milliseconds.
func fastDialer(url string) *Dialer {
	return &Dialer{
		URL:            url,
		ConfirmTimeout: 2 * time.Second,
		StaleAfter:     time.Second,
		Backoff:        Backoff{Min: 20 * time.Millisecond, Max: 200 * time.Millisecond},
	}
}

func startListen(t *testing.T, d *Dialer, id Identifier) *listener {
	t.Helper()
	l := &listener{events: make(chan Event, 4096), states: make(chan State, 256), done: make(chan error, 1)}
	d.OnState = func(s State) {
		select {
		case l.states <- s:
		default:
		}
	}
	d.OnReconnect = func() {
		l.mu.Lock()
		l.reconnects++
		l.mu.Unlock()
	}
	if d.Logf == nil {
		d.Logf = t.Logf
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	go func() {
		l.done <- d.Listen(ctx, id, func(e Event) error {
			l.events <- e
			return nil
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-l.done:
		case <-time.After(10 * time.Second):
			t.Error("Listen did not return after cancel")
		}
	})
	return l
}

// waitState waits for a state of the phase and returns it.
func (l *listener) waitState(t *testing.T, phase Phase, within time.Duration) State {
	t.Helper()
	timeout := time.After(within)
	for {
		select {
		case s := <-l.states:
			if s.Phase == phase {
				return s
			}
		case err := <-l.done:
			t.Fatalf("Listen returned %v while waiting for %v", err, phase)
		case <-timeout:
			t.Fatalf("no %v state within %v", phase, within)
		}
	}
}

func (l *listener) nextEvent(t *testing.T, within time.Duration) Event {
	t.Helper()
	select {
	case e := <-l.events:
		return e
	case err := <-l.done:
		t.Fatalf("Listen returned %v while waiting for an event", err)
	case <-time.After(within):
		t.Fatalf("no event within %v", within)
	}
	return Event{}
}

func (l *listener) result(t *testing.T, within time.Duration) error {
	t.Helper()
	select {
	case err := <-l.done:
		l.done <- err // keep it for the cleanup
		return err
	case <-time.After(within):
		t.Fatalf("Listen still running after %v", within)
	}
	return nil
}

func (l *listener) reconnectCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.reconnects
}

// proxy is a TCP relay that can freeze its current connections (the link
// stays open but nothing flows, like a stopped server process) or cut them
// (the socket dies without a close frame).
type proxy struct {
	ln     net.Listener
	target string

	mu       sync.Mutex
	pairs    []*pipePair
	recorded []byte // server → client bytes of every connection, in order
}

type pipePair struct {
	p                *proxy
	client, upstream net.Conn
	frozen           chan struct{} // closed when frozen
	once             sync.Once
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	go p.serve()
	t.Cleanup(func() {
		ln.Close()
		p.cut()
	})
	return p
}

func (p *proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		u, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		pp := &pipePair{p: p, client: c, upstream: u, frozen: make(chan struct{})}
		p.mu.Lock()
		p.pairs = append(p.pairs, pp)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(u, c); u.Close() }()
		go pp.downstream()
	}
}

// downstream relays server → client, stalling for good once frozen.
func (pp *pipePair) downstream() {
	buf := make([]byte, 32<<10)
	for {
		n, err := pp.upstream.Read(buf)
		select {
		case <-pp.frozen:
			return // hold everything back; the sockets stay open
		default:
		}
		if n > 0 {
			pp.p.mu.Lock()
			pp.p.recorded = append(pp.p.recorded, buf[:n]...)
			pp.p.mu.Unlock()
			if _, werr := pp.client.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			pp.client.Close()
			return
		}
	}
}

// wire returns what the server sent so far.
func (p *proxy) wire() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]byte(nil), p.recorded...)
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) freeze() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, pp := range p.pairs {
		pp.once.Do(func() { close(pp.frozen) })
	}
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, pp := range p.pairs {
		pp.client.Close()
		pp.upstream.Close()
	}
	p.pairs = nil
}

func asAuthError(t *testing.T, err error) *AuthError {
	t.Helper()
	var ae *AuthError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want *AuthError", err, err)
	}
	return ae
}
