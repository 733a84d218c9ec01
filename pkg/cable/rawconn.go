package cable

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// rawConn keeps the network connection under one websocket so that a stop
// can cut it. The websocket library's Close waits up to 5 s for the peer's
// close frame, and a pending read elsewhere can make it wait that long even
// after our own contexts end; closing the socket underneath is the only way
// to bound the wait.
type rawConn struct {
	mu   sync.Mutex
	conn net.Conn
}

func (r *rawConn) set(c net.Conn) {
	r.mu.Lock()
	r.conn = c
	r.mu.Unlock()
}

// cut closes the recorded connection, if any.
func (r *rawConn) cut() {
	r.mu.Lock()
	c := r.conn
	r.mu.Unlock()
	if c != nil {
		_ = c.Close()
	}
}

// recordingClient returns base with its transport's dialers wrapped so that
// the connection they open is recorded in raw. A client whose transport is
// not an *http.Transport is returned as is: it still works, but a stop
// then relies on the library's own close timeout.
func recordingClient(base *http.Client, raw *rawConn) (client *http.Client, done func()) {
	if base == nil {
		base = http.DefaultClient
	}
	rt := base.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	tr, ok := rt.(*http.Transport)
	if !ok {
		c := *base
		c.CheckRedirect = refuseRedirect
		return &c, func() {}
	}
	tr = tr.Clone()
	dial := tr.DialContext
	if dial == nil {
		dial = (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	tr.DialContext = recordDial(dial, raw)
	if tr.DialTLSContext != nil {
		tr.DialTLSContext = recordDial(tr.DialTLSContext, raw)
	}
	c := *base
	c.Transport = tr
	c.CheckRedirect = refuseRedirect
	// A refused upgrade leaves its connection idle in this private pool.
	return &c, tr.CloseIdleConnections
}

// refuseRedirect stops the handshake at the first redirect, before the
// redirected request is sent.
func refuseRedirect(next *http.Request, via []*http.Request) error {
	status := 0
	if next.Response != nil {
		status = next.Response.StatusCode
	}
	return &RedirectError{URL: via[0].URL.Redacted(), Status: status, To: next.URL.Redacted()}
}

func recordDial(dial func(context.Context, string, string) (net.Conn, error), raw *rawConn) func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err == nil {
			raw.set(c)
		}
		return c, err
	}
}

// closeWithin performs the close handshake and cuts the link if the peer
// has not finished it within grace.
func closeWithin(conn *websocket.Conn, raw *rawConn, grace time.Duration) {
	force := time.AfterFunc(grace, raw.cut)
	defer force.Stop()
	_ = conn.Close(websocket.StatusNormalClosure, "")
}
