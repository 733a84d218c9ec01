package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// followInterval is how often a listening embedded sandbox looks for the
// changes other processes committed: a stat of the journal under a shared
// lock, so a tenth of a second costs nothing and feels immediate.
const followInterval = 100 * time.Millisecond

// SandboxCable serves the embedded sandbox's ActionCable (/cable) to this
// process and relays onto it what other `woot --sandbox` processes commit
// to the same state, so `woot --sandbox listen` shows their writes. The
// client it returns reaches the cable in memory: no port is opened, so no
// other user of the machine can connect. stop ends the relay and the
// server; the sandbox itself closes with the command (CloseSandbox).
func (f *Factory) SandboxCable() (client *http.Client, stop func(), err error) {
	sb, err := f.sandboxMode()
	if err != nil {
		return nil, nil, err
	}
	if sb == nil {
		return nil, nil, errors.New("not in sandbox mode")
	}
	stopFollow, err := sb.sb.Follow(followInterval, func(err error) {
		fmt.Fprintf(f.IOStreams.ErrOut, "woot: stopped relaying other processes' changes to the sandbox: %v\n", err)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("follow the sandbox state: %w", err)
	}
	ln := newPipeListener()
	srv := &http.Server{Handler: sb.sb, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	client = &http.Client{Transport: &http.Transport{DialContext: ln.dial}}
	return client, func() {
		stopFollow()
		_ = srv.Close()
	}, nil
}

// pipeListener hands the server the far ends of in-memory connections
// its dial makes.
type pipeListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

func (l *pipeListener) dial(ctx context.Context, _, _ string) (net.Conn, error) {
	client, server := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.done:
	case <-ctx.Done():
	}
	client.Close()
	server.Close()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return nil, net.ErrClosed
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "embedded sandbox" }
