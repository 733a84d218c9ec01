package cable

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/coder/websocket"
)

// closeGrace bounds the close handshake when Listen is stopped, so Ctrl-C
// is prompt even on a dead link.
const closeGrace = time.Second

// errNoWelcome: the endpoint upgraded but never spoke ActionCable.
var errNoWelcome = errors.New("no welcome frame from the server: is the URL Chatwoot's /cable endpoint?")

// dial opens the websocket with the handshake headers Rails expects.
func (d *Dialer) dial(ctx context.Context, raw *rawConn) (*websocket.Conn, error) {
	client, release := recordingClient(d.HTTPClient, raw)
	defer release()
	hctx, cancel := context.WithTimeout(ctx, orDefault(d.HandshakeTimeout, DefaultHandshakeTimeout))
	defer cancel()
	header := cloneHeader(d.Header)
	if header.Get("Origin") == "" {
		origin := d.Origin
		if origin == "" {
			origin = originFor(d.URL)
		}
		if origin != "" {
			header.Set("Origin", origin)
		}
	}
	conn, resp, err := websocket.Dial(hctx, d.URL, &websocket.DialOptions{
		HTTPClient:   client,
		HTTPHeader:   header,
		Subprotocols: []string{Subprotocol},
	})
	if err != nil {
		if resp != nil && resp.StatusCode != 101 {
			return nil, &HandshakeError{URL: d.URL, Status: resp.StatusCode, Err: err}
		}
		return nil, fmt.Errorf("connect to %s: %w", d.URL, err)
	}
	limit := d.ReadLimit
	if limit <= 0 {
		limit = DefaultReadLimit
	}
	conn.SetReadLimit(limit)
	return conn, nil
}

// session runs one connection: welcome, subscribe, confirm, then events
// until the link fails. confirmed reports whether the subscription was
// confirmed on it.
func (d *Dialer) session(ctx context.Context, id Identifier, handle func(Event) error, resumed bool) (confirmed bool, err error) {
	raw := &rawConn{}
	conn, err := d.dial(ctx, raw)
	if err != nil {
		return false, err
	}
	// sctx lives as long as the connection; cancelling it cuts the socket.
	sctx, cancel := context.WithCancel(context.Background())
	// Cancelling ctx closes with a normal closure (a clean goodbye to the
	// server); the read loop then sees the socket end and returns. A server
	// that does not answer the close within closeGrace is cut off.
	closed := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(closed)
		closeWithin(conn, raw, closeGrace)
	})
	defer func() {
		cancel()
		if !stop() {
			<-closed
			return
		}
		var he *handlerError
		if errors.As(err, &he) {
			closeWithin(conn, raw, closeGrace)
		} else {
			_ = conn.CloseNow() // a dead or misbehaving link: no handshake to wait for
		}
	}()
	s := &session{d: d, conn: conn, ctx: sctx, identifier: id.String(), handle: handle, resumed: resumed}
	err = s.run()
	return s.confirmed, err
}

type session struct {
	d          *Dialer
	conn       *websocket.Conn
	ctx        context.Context // lives as long as the connection
	identifier string
	handle     func(Event) error
	resumed    bool

	welcomed, confirmed bool
}

func (s *session) run() error {
	stale := orDefault(s.d.StaleAfter, DefaultStaleAfter)
	confirmBy := time.Now().Add(orDefault(s.d.ConfirmTimeout, DefaultConfirmTimeout))
	for {
		timeout, handshaking := stale, !s.confirmed
		if handshaking {
			timeout = min(timeout, time.Until(confirmBy))
		}
		f, err := s.read(timeout)
		if errors.Is(err, context.DeadlineExceeded) {
			if handshaking && !time.Now().Before(confirmBy) {
				return s.handshakeTimeout()
			}
			return &staleError{after: stale.String()}
		}
		if err != nil {
			return fmt.Errorf("connection lost: %w", err)
		}
		if err := s.dispatch(f); err != nil {
			return err
		}
	}
}

// read waits up to timeout for the next frame. A timeout is reported as
// context.DeadlineExceeded (the library closes the socket then).
func (s *session) read(timeout time.Duration) (serverFrame, error) {
	if timeout <= 0 {
		return serverFrame{}, context.DeadlineExceeded
	}
	rctx, cancel := context.WithTimeout(s.ctx, timeout)
	defer cancel()
	for {
		typ, data, err := s.conn.Read(rctx)
		if err != nil {
			if rctx.Err() == context.DeadlineExceeded {
				return serverFrame{}, context.DeadlineExceeded
			}
			return serverFrame{}, err
		}
		var f serverFrame
		if typ != websocket.MessageText || json.Unmarshal(data, &f) != nil {
			s.d.logf("cable: ignoring a frame that is not ActionCable JSON (%d bytes)", len(data))
			continue
		}
		return f, nil
	}
}

func (s *session) handshakeTimeout() error {
	if !s.welcomed {
		return errNoWelcome
	}
	wait := orDefault(s.d.ConfirmTimeout, DefaultConfirmTimeout)
	return &AuthError{Reason: fmt.Sprintf("subscribed but the server sent nothing back within %s", wait)}
}

func (s *session) dispatch(f serverFrame) error {
	switch f.Type {
	case typeWelcome:
		if s.welcomed {
			return nil
		}
		s.welcomed = true
		return s.write(commandFrame(commandSubscribe, s.identifier, ""))
	case typePing:
		return nil
	case typeConfirm:
		if f.Identifier == s.identifier && !s.confirmed {
			s.onConfirm()
		}
		return nil
	case typeReject:
		if f.Identifier == s.identifier {
			return &AuthError{Rejected: true, Reason: "the server sent reject_subscription"}
		}
		return nil
	case typeDisconn:
		if f.Reconnect != nil && !*f.Reconnect {
			return &DisconnectError{Reason: f.Reason}
		}
		return fmt.Errorf("server disconnected (reason %q)", f.Reason)
	case "":
		if s.confirmed && f.Identifier == s.identifier && len(f.Message) > 0 {
			if err := s.handle(parseEvent(f.Message)); err != nil {
				return &handlerError{err}
			}
		}
	}
	return nil
}

func (s *session) onConfirm() {
	s.confirmed = true
	if s.resumed {
		s.d.logf("cable: resubscribed to %s", ChannelName)
	} else {
		s.d.logf("cable: subscribed to %s", ChannelName)
	}
	s.d.state(State{Phase: Subscribed})
	if s.resumed && s.d.OnReconnect != nil {
		s.d.OnReconnect()
	}
	if s.d.Presence {
		go s.presence(orDefault(s.d.PresenceInterval, DefaultPresenceInterval))
	}
}

// presence repeats update_presence until the connection ends; a failed
// write is left to the read loop, which notices the dead link.
func (s *session) presence(every time.Duration) {
	frame := commandFrame(commandMessage, s.identifier, `{"action":"`+ActionUpdatePresence+`"}`)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
			if s.write(frame) != nil {
				return
			}
		}
	}
}

func (s *session) write(frame []byte) error {
	wctx, cancel := context.WithTimeout(s.ctx, orDefault(s.d.HandshakeTimeout, DefaultHandshakeTimeout))
	defer cancel()
	if err := s.conn.Write(wctx, websocket.MessageText, frame); err != nil {
		return fmt.Errorf("send to server: %w", err)
	}
	return nil
}
