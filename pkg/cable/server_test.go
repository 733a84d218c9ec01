package cable

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// rawClient is a bare websocket client that checks frames by hand. A
// background reader feeds frames so that waiting for silence does not
// close the socket (a read deadline would).
type rawClient struct {
	t      *testing.T
	conn   *websocket.Conn
	frames chan string
	end    chan error // the read error that ended the reader
}

func dialRaw(t *testing.T, url string) *rawClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	conn, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{Subprotocol}})
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	if resp.Header.Get("Sec-WebSocket-Protocol") != Subprotocol {
		t.Errorf("negotiated sub-protocol %q", resp.Header.Get("Sec-WebSocket-Protocol"))
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	c := &rawClient{t: t, conn: conn, frames: make(chan string, 1024), end: make(chan error, 1)}
	go c.readAll()
	if f := c.next(time.Second); f != `{"type":"welcome"}` {
		t.Fatalf("first frame %s, want welcome", f)
	}
	return c
}

// dialRawPaused dials a client that never reads a frame.
func dialRawPaused(t *testing.T, url string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{Subprotocol}})
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	return conn
}

func (c *rawClient) readAll() {
	for {
		_, data, err := c.conn.Read(context.Background())
		if err != nil {
			c.end <- err
			close(c.frames)
			return
		}
		c.frames <- string(data)
	}
}

func (c *rawClient) send(command, identifier, data string) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := c.conn.Write(ctx, websocket.MessageText, commandFrame(command, identifier, data)); err != nil {
		c.t.Fatalf("send %s: %v", command, err)
	}
}

// next returns the next non-ping frame ("" on timeout or end).
func (c *rawClient) next(within time.Duration) string {
	c.t.Helper()
	timeout := time.After(within)
	for {
		select {
		case f, ok := <-c.frames:
			if !ok {
				return ""
			}
			if !json.Valid([]byte(f)) {
				c.t.Fatalf("server sent invalid JSON: %s", f)
			}
			if !strings.HasPrefix(f, `{"type":"ping"`) {
				return f
			}
		case <-timeout:
			return ""
		}
	}
}

// closed waits for the reader to end and returns why.
func (c *rawClient) closed(within time.Duration) error {
	c.t.Helper()
	for {
		select {
		case _, ok := <-c.frames:
			if !ok {
				return <-c.end
			}
		case <-time.After(within):
			c.t.Fatalf("connection still open after %v", within)
		}
	}
}

func quoted(s string) string { return string(appendJSONString(nil, s)) }

func TestServerPingsAtInterval(t *testing.T) {
	_, url := startServer(t, nil) // pings every 50 ms
	c := dialRaw(t, url)
	start := time.Now()
	for i := 0; i < 3; i++ {
		var f struct {
			Type    string
			Message int64
		}
		select {
		case data := <-c.frames:
			if err := json.Unmarshal([]byte(data), &f); err != nil || f.Type != "ping" || time.Since(time.Unix(f.Message, 0)) > time.Minute {
				t.Fatalf("frame %s, want {\"type\":\"ping\",\"message\":<now>}", data)
			}
		case <-time.After(time.Second):
			t.Fatalf("ping %d missing", i+1)
		}
	}
	if elapsed := time.Since(start); elapsed < 100*time.Millisecond {
		t.Errorf("3 pings in %v: faster than the interval", elapsed)
	}
}

func TestServerConfirmsEchoingIdentifierExactly(t *testing.T) {
	got := make(chan ServerIdentifier, 1)
	srv, url := startServer(t, nil)
	srv.OnSubscribe = func(id ServerIdentifier) { got <- id }
	c := dialRaw(t, url)
	raw := `{ "channel" : "RoomChannel", "pubsub_token":"tok-1", "account_id":"3", "user_id":9 }`
	c.send(commandSubscribe, raw, "")
	if f, want := c.next(time.Second), `{"identifier":`+quoted(raw)+`,"type":"confirm_subscription"}`; f != want {
		t.Fatalf("confirm frame\n got %s\nwant %s", f, want)
	}
	id := <-got
	if id.Raw != raw || id.Channel != ChannelName || id.PubsubToken != "tok-1" || id.AccountID != 3 || id.UserID != 9 {
		t.Errorf("decoded identifier %+v", id)
	}
	// A repeated subscribe is ignored, as ActionCable does.
	c.send(commandSubscribe, raw, "")
	if f := c.next(200 * time.Millisecond); f != "" {
		t.Errorf("second subscribe answered with %s", f)
	}
	if n := srv.Subscribers("tok-1"); n != 1 {
		t.Errorf("%d subscriptions, want 1", n)
	}
}

func TestServerRejectsBlankTokenAndOtherChannels(t *testing.T) {
	_, url := startServer(t, nil)
	c := dialRaw(t, url)
	for _, raw := range []string{
		`{"channel":"RoomChannel","pubsub_token":""}`,
		`{"channel":"RoomChannel","pubsub_token":"  "}`,
		`{"channel":"RoomChannel"}`,
		`{"channel":"NotificationsChannel","pubsub_token":"t"}`,
	} {
		c.send(commandSubscribe, raw, "")
		if f, want := c.next(time.Second), `{"identifier":`+quoted(raw)+`,"type":"reject_subscription"}`; f != want {
			t.Errorf("%s: got %s, want rejection", raw, f)
		}
	}
}

func TestServerStaysSilentForRefusedTokens(t *testing.T) {
	var asked atomic.Int32
	srv, url := startServer(t, func(id ServerIdentifier) ([]string, bool) {
		asked.Add(1)
		return nil, id.PubsubToken == "good"
	})
	c := dialRaw(t, url)
	c.send(commandSubscribe, Identifier{PubsubToken: "bad"}.String(), "")
	if f := c.next(300 * time.Millisecond); f != "" {
		t.Fatalf("refused token answered with %s, want silence", f)
	}
	if asked.Load() != 1 || srv.Subscribers("bad") != 0 {
		t.Errorf("authorize asked %d times; %d subscriptions", asked.Load(), srv.Subscribers("bad"))
	}
	if n := srv.Broadcast("bad", json.RawMessage(`{}`)); n != 0 {
		t.Errorf("broadcast to a refused token reached %d", n)
	}
}

func TestServerExtraStreamsAndUnsubscribe(t *testing.T) {
	srv, url := startServer(t, func(id ServerIdentifier) ([]string, bool) {
		return []string{fmt.Sprintf("account_%d", id.AccountID)}, true
	})
	c := dialRaw(t, url)
	c.send(commandSubscribe, agent.String(), "")
	c.next(time.Second) // confirmation
	msg := `{"event":"contact.created","data":{"id":5,"account_id":1}}`
	if n := srv.Broadcast("account_1", json.RawMessage(msg)); n != 1 {
		t.Fatalf("account stream reached %d", n)
	}
	if f, want := c.next(time.Second), `{"identifier":`+quoted(agent.String())+`,"message":`+msg+`}`; f != want {
		t.Fatalf("broadcast frame\n got %s\nwant %s", f, want)
	}
	if n := srv.Broadcast("account_2", json.RawMessage(msg)); n != 0 {
		t.Errorf("another account's stream reached %d", n)
	}
	c.send(commandUnsubscribe, agent.String(), "")
	deadline := time.Now().Add(time.Second)
	for srv.Subscribers(agent.PubsubToken)+srv.Subscribers("account_1") > 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := srv.Broadcast(agent.PubsubToken, json.RawMessage(msg)); n != 0 {
		t.Errorf("broadcast after unsubscribe reached %d", n)
	}
}

func TestServerBroadcastRejectsInvalidJSON(t *testing.T) {
	srv, url := startServer(t, nil)
	c := dialRaw(t, url)
	c.send(commandSubscribe, agent.String(), "")
	c.next(time.Second)
	if n := srv.Broadcast(agent.PubsubToken, json.RawMessage(`{"event":`)); n != 0 {
		t.Errorf("invalid JSON reached %d", n)
	}
	if n := srv.Broadcast(agent.PubsubToken, json.RawMessage("{\n  \"event\": \"x\"\n}")); n != 1 {
		t.Errorf("valid JSON reached %d", n)
	}
	if f := c.next(time.Second); !strings.HasSuffix(f, `"message":{"event":"x"}}`) {
		t.Errorf("message not compacted: %s", f)
	}
}

func TestServerPresenceHook(t *testing.T) {
	got := make(chan ServerIdentifier, 2)
	srv, url := startServer(t, nil)
	srv.OnPresence = func(id ServerIdentifier) { got <- id }
	c := dialRaw(t, url)
	// Before subscribing, the action is ignored.
	c.send(commandMessage, agent.String(), `{"action":"update_presence"}`)
	c.send(commandSubscribe, agent.String(), "")
	c.next(time.Second)
	c.send(commandMessage, agent.String(), `{"action":"update_presence"}`)
	select {
	case id := <-got:
		if id.UserID != agent.UserID {
			t.Errorf("presence for %+v", id)
		}
	case <-time.After(time.Second):
		t.Fatal("OnPresence not called")
	}
	select {
	case id := <-got:
		t.Errorf("presence before subscribing was handled: %+v", id)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestServerRestartSendsDisconnect(t *testing.T) {
	srv, url := startServer(t, nil)
	c := dialRaw(t, url)
	c.send(commandSubscribe, agent.String(), "")
	c.next(time.Second)
	srv.Broadcast(agent.PubsubToken, json.RawMessage(`{"n":1}`))
	srv.Restart()
	if f := c.next(time.Second); !strings.HasSuffix(f, `"message":{"n":1}}`) {
		t.Errorf("a broadcast queued before the restart was lost: %s", f)
	}
	if f := c.next(time.Second); f != `{"type":"disconnect","reason":"server_restart","reconnect":true}` {
		t.Fatalf("got %s, want the disconnect frame", f)
	}
	if err := c.closed(time.Second); websocket.CloseStatus(err) != websocket.StatusNormalClosure {
		t.Errorf("after disconnect: %v, want a normal closure", err)
	}
	if n := srv.Broadcast(agent.PubsubToken, json.RawMessage(`{}`)); n != 0 {
		t.Errorf("broadcast after restart reached %d old subscriptions", n)
	}
	dialRaw(t, url) // still accepting
}

func TestServerDropsSlowClientWithoutBlockingOthers(t *testing.T) {
	srv, url := startServer(t, nil)
	srv.QueueSize = 16
	slow := dialRawPaused(t, url) // never reads: its socket buffers fill, then its queue
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := slow.Write(ctx, websocket.MessageText, commandFrame(commandSubscribe, Identifier{PubsubToken: "slow"}.String(), "")); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Second); srv.Subscribers("slow") == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("slow client not subscribed")
		}
	}
	fast := dialRaw(t, url)
	fast.send(commandSubscribe, Identifier{PubsubToken: "fast"}.String(), "")
	fast.next(time.Second)

	// The fast client reads each frame before the next is sent, so its own
	// 16-frame queue never fills however busy the machine is; the slow one
	// reads nothing. Broadcast must never wait for the slow one: were it to,
	// the loop below would hang, and the watchdog names it.
	big := json.RawMessage(`{"event":"message.created","data":{"content":"` + strings.Repeat("x", 64<<10) + `"}}`)
	failed := make(chan string, 1)
	go func() {
		for i := 0; i < 400; i++ {
			srv.Broadcast("slow", big) // nobody reads these
			if srv.Broadcast("fast", json.RawMessage(fmt.Sprintf(`{"n":%d}`, i))) != 1 {
				failed <- fmt.Sprintf("fast client lost its subscription at %d", i)
				return
			}
			if f := fast.next(30 * time.Second); !strings.HasSuffix(f, fmt.Sprintf(`"message":{"n":%d}}`, i)) {
				failed <- fmt.Sprintf("fast client's frame %d is %q", i, f)
				return
			}
		}
		failed <- ""
	}()
	select {
	case msg := <-failed:
		if msg != "" {
			t.Fatal(msg)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("broadcasting 400 frames did not finish in 2 minutes: the slow client holds it up")
	}
	// 400 × 64 KiB is far more than the loopback socket buffers and the
	// 16-frame queue hold, so the slow client has been dropped by now.
	if n := srv.Subscribers("slow"); n != 0 {
		t.Errorf("slow client still subscribed (%d)", n)
	}
}

func TestServerCloseRefusesNewConnections(t *testing.T) {
	srv, url := startServer(t, nil)
	c := dialRaw(t, url)
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.closed(3 * time.Second); websocket.CloseStatus(err) != websocket.StatusGoingAway {
		t.Errorf("open client saw %v, want going away", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, resp, err := websocket.Dial(ctx, url, nil)
	if err == nil || resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("dial after Close: %v", err)
	}
	if srv.Connections() != 0 {
		t.Errorf("%d connections after Close", srv.Connections())
	}
}

func TestServerIgnoresGarbage(t *testing.T) {
	srv, url := startServer(t, nil)
	c := dialRaw(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	for _, junk := range []string{"not json", `{"command":"dance"}`, `{"command":"subscribe","identifier":"{broken"}`} {
		if err := c.conn.Write(ctx, websocket.MessageText, []byte(junk)); err != nil {
			t.Fatal(err)
		}
	}
	if f := c.next(200 * time.Millisecond); f != "" {
		t.Errorf("garbage answered with %s", f)
	}
	c.send(commandSubscribe, agent.String(), "")
	if f := c.next(time.Second); !strings.Contains(f, "confirm_subscription") {
		t.Errorf("connection unusable after garbage: %q", f)
	}
	if srv.Connections() != 1 {
		t.Errorf("connections %d", srv.Connections())
	}
}

// TestServerNeverLogsAPubsubToken: the token is a credential (it is all a
// subscriber needs), so a refused, malformed or misdirected one is
// described in the log, never printed.
func TestServerNeverLogsAPubsubToken(t *testing.T) {
	const token = "pubsub-secret-4b9e1f"
	srv, url := startServer(t, func(id ServerIdentifier) ([]string, bool) { return nil, id.PubsubToken == "good" })
	var mu sync.Mutex
	var log strings.Builder
	srv.Logf = func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(&log, format+"\n", args...)
	}
	c := dialRaw(t, url)
	c.send(commandSubscribe, Identifier{PubsubToken: token, AccountID: 1, UserID: 7}.String(), "")
	c.send(commandSubscribe, `{"channel":"RoomChannel","pubsub_token":"`+token+`","user_id":[7]}`, "")
	c.send(commandSubscribe, `{"channel":"RoomChannel","pubsub_token":"`+token+`"`, "")
	c.send(commandMessage, Identifier{PubsubToken: token}.String(), `{"action":"update_presence"}`)
	// Frames are handled in order: once this one is confirmed, the lines of
	// those before it are written.
	c.send(commandSubscribe, Identifier{PubsubToken: "good"}.String(), "")
	if f := c.next(5 * time.Second); !strings.Contains(f, `"type":"confirm_subscription"`) || !strings.Contains(f, "good") {
		t.Fatalf("frame %s, want only the confirmation of the good token", f)
	}
	srv.Broadcast(token, json.RawMessage(`{"event":`))
	mu.Lock()
	defer mu.Unlock()
	got := log.String()
	for _, want := range []string{"pubsub token of user 7 in account 1 refused", "is not a JSON object", "a pubsub token's stream"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, token) || strings.Contains(got, "4b9e1f") {
		t.Fatalf("the log shows the pubsub token:\n%s", got)
	}
}
