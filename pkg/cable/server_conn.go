package cable

import (
	"context"
	"encoding/json"
	"time"

	"github.com/coder/websocket"
)

// serverConn is one client socket: the handler goroutine reads, writeLoop
// writes from a bounded queue so broadcasts never wait on the network.
type serverConn struct {
	srv  *Server
	ws   *websocket.Conn
	send chan []byte
	stop chan stopRequest
	done chan struct{} // closed when the connection is over

	// Guarded by srv.mu.
	dead bool
	subs map[string]*subscription
}

// stopRequest asks writeLoop to flush, send frame (if any) and close.
type stopRequest struct {
	frame  []byte
	code   websocket.StatusCode
	reason string
}

func newServerConn(s *Server, ws *websocket.Conn) *serverConn {
	size := s.QueueSize
	if size <= 0 {
		size = DefaultQueueSize
	}
	return &serverConn{
		srv:  s,
		ws:   ws,
		send: make(chan []byte, size),
		stop: make(chan stopRequest, 1),
		done: make(chan struct{}),
		subs: map[string]*subscription{},
	}
}

// enqueueLocked queues a frame without blocking; a full queue means a
// client that cannot keep up, and it is dropped. srv.mu must be held.
func (c *serverConn) enqueueLocked(frame []byte) bool {
	if c.dead {
		return false
	}
	select {
	case c.send <- frame:
		return true
	default:
		c.srv.logf("cable server: dropping a client that fell %d frames behind", cap(c.send))
		c.srv.detachLocked(c)
		go c.ws.CloseNow() // unblocks a writer stuck on the slow socket
		return false
	}
}

func (c *serverConn) requestStop(req stopRequest) {
	select {
	case c.stop <- req:
	default: // a stop is already pending
	}
}

func (c *serverConn) readLoop() {
	for {
		typ, data, err := c.ws.Read(c.srv.base)
		if err != nil {
			return
		}
		var f clientFrame
		if typ != websocket.MessageText || json.Unmarshal(data, &f) != nil {
			c.srv.logf("cable server: ignoring a frame that is not a JSON command")
			continue
		}
		switch f.Command {
		case commandSubscribe:
			c.srv.subscribe(c, f.Identifier)
		case commandUnsubscribe:
			c.srv.unsubscribe(c, f.Identifier)
		case commandMessage:
			c.srv.perform(c, f.Identifier, f.Data)
		default:
			c.srv.logf("cable server: unknown command %q", f.Command)
		}
	}
}

func (c *serverConn) writeLoop() {
	ping := time.NewTicker(c.srv.pingInterval())
	defer ping.Stop()
	for {
		select {
		case <-c.done:
			return
		case f := <-c.send:
			if !c.write(f) {
				_ = c.ws.CloseNow()
				return
			}
		case now := <-ping.C:
			if !c.write(pingFrame(now)) {
				_ = c.ws.CloseNow()
				return
			}
		case req := <-c.stop:
			c.flush()
			if req.frame != nil {
				c.write(req.frame)
			}
			_ = c.ws.Close(req.code, req.reason)
			return
		}
	}
}

// flush writes what is already queued, so a restart does not lose frames
// that were broadcast before it.
func (c *serverConn) flush() {
	for {
		select {
		case f := <-c.send:
			if !c.write(f) {
				return
			}
		default:
			return
		}
	}
}

func (c *serverConn) write(frame []byte) bool {
	ctx, cancel := context.WithTimeout(c.srv.base, orDefault(c.srv.WriteTimeout, DefaultWriteTimeout))
	defer cancel()
	return c.ws.Write(ctx, websocket.MessageText, frame) == nil
}
