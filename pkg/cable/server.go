package cable

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Defaults of a Server.
const (
	DefaultPingInterval = 3 * time.Second
	DefaultQueueSize    = 1024
	DefaultWriteTimeout = 10 * time.Second
)

// closeWait bounds how long Close waits for clients to answer the close
// handshake before cutting the sockets.
const closeWait = 2 * time.Second

// ServerIdentifier is a subscription request as the server decoded it. Raw
// is the identifier string exactly as the client sent it.
type ServerIdentifier struct {
	Raw         string
	Channel     string
	PubsubToken string
	AccountID   int64
	UserID      int64
}

// Authorize decides a RoomChannel subscription with a non-blank token. ok
// false makes the server stay silent, as Chatwoot does for an unknown
// token. streams names extra streams to deliver besides the pubsub token
// (Chatwoot streams "account_<id>" to agents).
type Authorize func(id ServerIdentifier) (streams []string, ok bool)

// Server is an ActionCable endpoint with Chatwoot's RoomChannel behaviour,
// an http.Handler to mount at /cable. Configure the exported fields before
// serving; the methods are safe for concurrent use. Any Origin is
// accepted: the server is meant for local use (sandbox, tests).
type Server struct {
	PingInterval time.Duration // default 3 s
	QueueSize    int           // frames waiting per connection before it is dropped; default 1024
	WriteTimeout time.Duration // default 10 s

	OnSubscribe func(id ServerIdentifier) // after a confirmation
	OnPresence  func(id ServerIdentifier) // on the update_presence action
	Logf        func(format string, args ...any)

	authorize Authorize
	base      context.Context
	cancel    context.CancelFunc

	mu      sync.Mutex
	closed  bool
	conns   map[*serverConn]struct{}
	streams map[string]map[*subscription]struct{}
}

type subscription struct {
	conn    *serverConn
	id      ServerIdentifier
	quoted  []byte // the identifier as a JSON string, ready for frames
	streams []string
}

// NewServer returns a Server; authorize nil accepts every non-blank token.
func NewServer(authorize Authorize) *Server {
	ctx, cancel := context.WithCancel(context.Background())
	return &Server{
		authorize: authorize,
		base:      ctx,
		cancel:    cancel,
		conns:     map[*serverConn]struct{}{},
		streams:   map[string]map[*subscription]struct{}{},
	}
}

// ServeHTTP upgrades the request and serves the connection until it ends.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		http.Error(w, "cable server is shut down", http.StatusServiceUnavailable)
		return
	}
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		Subprotocols:       []string{Subprotocol},
		InsecureSkipVerify: true,
	})
	if err != nil {
		s.logf("cable server: upgrade from %s: %v", r.RemoteAddr, err)
		return // Accept has answered the request
	}
	ws.SetReadLimit(1 << 20)
	c := newServerConn(s, ws)
	if !s.add(c) {
		_ = ws.Close(websocket.StatusGoingAway, "server shutting down")
		return
	}
	go c.writeLoop()
	c.readLoop()
	s.remove(c)
	close(c.done)
	_ = ws.CloseNow()
}

// Broadcast sends message to every subscription streaming stream and
// returns how many it reached. It never waits for a client: a connection
// whose queue is full is dropped.
func (s *Server) Broadcast(stream string, message json.RawMessage) int {
	var msg bytes.Buffer
	if err := json.Compact(&msg, message); err != nil {
		s.logf("cable server: broadcast to %s: message is not JSON: %v", describeStream(stream), err)
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for sub := range s.streams[stream] {
		frame := make([]byte, 0, len(sub.quoted)+msg.Len()+27)
		frame = append(append(append(frame, `{"identifier":`...), sub.quoted...), `,"message":`...)
		frame = append(append(frame, msg.Bytes()...), '}')
		if sub.conn.enqueueLocked(frame) {
			n++
		}
	}
	return n
}

// Subscribers counts the subscriptions streaming stream.
func (s *Server) Subscribers(stream string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.streams[stream])
}

// Connections counts open connections.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// Restart does what ActionCable.server.restart does: every client gets
// {"type":"disconnect","reason":"server_restart","reconnect":true} and its
// socket is closed. New connections are accepted as before.
func (s *Server) Restart() {
	frame := []byte(`{"type":"disconnect","reason":"server_restart","reconnect":true}`)
	for _, c := range s.detachAll(false) {
		c.requestStop(stopRequest{frame: frame, code: websocket.StatusNormalClosure})
	}
}

// Close refuses new connections, closes every open one (going away) and
// waits, briefly, for them to finish.
func (s *Server) Close() error {
	conns := s.detachAll(true)
	for _, c := range conns {
		c.requestStop(stopRequest{code: websocket.StatusGoingAway, reason: "server shutting down"})
	}
	deadline := time.NewTimer(closeWait)
	defer deadline.Stop()
	for _, c := range conns {
		select {
		case <-c.done:
		case <-deadline.C:
			s.cancel() // cut reads that still wait for a close handshake
			<-c.done
		}
	}
	s.cancel()
	return nil
}

// detachAll unhooks every connection from its streams, so no broadcast
// reaches a connection that is being closed.
func (s *Server) detachAll(closing bool) []*serverConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if closing {
		s.closed = true
	}
	conns := make([]*serverConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
		s.detachLocked(c)
	}
	return conns
}

func (s *Server) add(c *serverConn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.conns[c] = struct{}{}
	return c.enqueueLocked([]byte(`{"type":"welcome"}`))
}

func (s *Server) remove(c *serverConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.detachLocked(c)
}

// detachLocked forgets c and its subscriptions; s.mu must be held.
func (s *Server) detachLocked(c *serverConn) {
	c.dead = true
	delete(s.conns, c)
	for _, sub := range c.subs {
		s.unstreamLocked(sub)
	}
	clear(c.subs)
}

func (s *Server) unstreamLocked(sub *subscription) {
	for _, st := range sub.streams {
		if set := s.streams[st]; set != nil {
			delete(set, sub)
			if len(set) == 0 {
				delete(s.streams, st)
			}
		}
	}
}

// subscribe handles a subscribe command the way Chatwoot's RoomChannel
// does: confirm, reject a blank token, say nothing for a refused one.
func (s *Server) subscribe(c *serverConn, raw string) {
	id, err := parseServerIdentifier(raw)
	if err != nil {
		// The identifier carries the pubsub token: describe it, never print it.
		s.logf("cable server: ignoring a subscribe whose identifier (%d bytes) is not a JSON object: %v", len(raw), err)
		return
	}
	if id.Channel != ChannelName || strings.TrimSpace(id.PubsubToken) == "" {
		s.mu.Lock()
		c.enqueueLocked(typedFrame(raw, typeReject))
		s.mu.Unlock()
		return
	}
	streams := []string{id.PubsubToken}
	if s.authorize != nil {
		extra, ok := s.authorize(id)
		if !ok {
			s.logf("cable server: %s refused, staying silent (as Chatwoot does)", describeIdentity(id))
			return
		}
		streams = appendUnique(streams, extra...)
	}
	if !s.attach(c, id, streams) {
		return
	}
	if s.OnSubscribe != nil {
		s.OnSubscribe(id)
	}
}

// attach confirms and registers a subscription; confirming under the lock
// guarantees no broadcast overtakes the confirmation.
func (s *Server) attach(c *serverConn, id ServerIdentifier, streams []string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.dead || c.subs[id.Raw] != nil {
		return false // gone, or already subscribed (ActionCable ignores repeats)
	}
	if !c.enqueueLocked(typedFrame(id.Raw, typeConfirm)) {
		return false
	}
	sub := &subscription{conn: c, id: id, quoted: appendJSONString(nil, id.Raw), streams: streams}
	c.subs[id.Raw] = sub
	for _, st := range streams {
		if s.streams[st] == nil {
			s.streams[st] = map[*subscription]struct{}{}
		}
		s.streams[st][sub] = struct{}{}
	}
	return true
}

func (s *Server) unsubscribe(c *serverConn, raw string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sub := c.subs[raw]; sub != nil {
		s.unstreamLocked(sub)
		delete(c.subs, raw)
	}
}

// perform runs a channel action; RoomChannel has one, update_presence.
func (s *Server) perform(c *serverConn, raw, data string) {
	var d struct {
		Action string `json:"action"`
	}
	_ = json.Unmarshal([]byte(data), &d)
	s.mu.Lock()
	sub := c.subs[raw]
	s.mu.Unlock()
	if sub == nil {
		s.logf("cable server: action %q for an identifier that is not subscribed", d.Action)
		return
	}
	if d.Action == ActionUpdatePresence && s.OnPresence != nil {
		s.OnPresence(sub.id)
	}
}

// describeStream names a stream for a log line. A stream named after a
// pubsub token is a credential (whoever knows it can subscribe), so only
// the account streams are named.
func describeStream(stream string) string {
	if strings.HasPrefix(stream, "account_") {
		return strconv.Quote(stream)
	}
	return "a pubsub token's stream"
}

// describeIdentity says whose subscription it was without its token.
func describeIdentity(id ServerIdentifier) string {
	switch {
	case id.UserID != 0:
		return fmt.Sprintf("the pubsub token of user %d in account %d", id.UserID, id.AccountID)
	default:
		return "a contact's pubsub token"
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.Logf != nil {
		s.Logf(format, args...)
	}
}

func (s *Server) pingInterval() time.Duration {
	return orDefault(s.PingInterval, DefaultPingInterval)
}

// typedFrame builds {"identifier":"…","type":"…"}.
func typedFrame(identifier, typ string) []byte {
	b := appendJSONString([]byte(`{"identifier":`), identifier)
	return append(append(b, `,"type":"`+typ...), `"}`...)
}

func pingFrame(now time.Time) []byte {
	return append(strconv.AppendInt([]byte(`{"type":"ping","message":`), now.Unix(), 10), '}')
}

func appendUnique(list []string, more ...string) []string {
	for _, m := range more {
		if m != "" && !contains(list, m) {
			list = append(list, m)
		}
	}
	return list
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// parseServerIdentifier decodes the identifier JSON; ids may be numbers or
// numeric strings, as Rails params allow both.
func parseServerIdentifier(raw string) (ServerIdentifier, error) {
	var m struct {
		Channel     string          `json:"channel"`
		PubsubToken json.RawMessage `json:"pubsub_token"`
		AccountID   json.RawMessage `json:"account_id"`
		UserID      json.RawMessage `json:"user_id"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return ServerIdentifier{}, err
	}
	id := ServerIdentifier{Raw: raw, Channel: m.Channel, AccountID: jsonInt(m.AccountID), UserID: jsonInt(m.UserID)}
	if err := json.Unmarshal(m.PubsubToken, &id.PubsubToken); err != nil && len(m.PubsubToken) > 0 && string(m.PubsubToken) != "null" {
		id.PubsubToken = string(m.PubsubToken)
	}
	return id, nil
}

func jsonInt(raw json.RawMessage) int64 {
	n, _ := strconv.ParseInt(string(bytes.Trim(raw, `"`)), 10, 64)
	return n
}
