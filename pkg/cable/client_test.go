package cable

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var agent = Identifier{PubsubToken: "Yp8vJx3rQqL2m9cT", AccountID: 1, UserID: 4}

func messageCreated(id int) json.RawMessage {
	return json.RawMessage(fmt.Sprintf(`{"event":"message.created","data":{"id":%d,"content":"msg %d","account_id":1,"conversation_id":57,"message_type":0}}`, id, id))
}

func TestListenDeliversBroadcastsInOrder(t *testing.T) {
	srv, url := startServer(t, nil)
	l := startListen(t, fastDialer(url), agent)
	l.waitState(t, Subscribed, 3*time.Second)

	const n = 500
	for i := 1; i <= n; i++ {
		if got := srv.Broadcast(agent.PubsubToken, messageCreated(i)); got != 1 {
			t.Fatalf("broadcast %d reached %d subscriptions", i, got)
		}
	}
	for i := 1; i <= n; i++ {
		e := l.nextEvent(t, 3*time.Second)
		if string(e.Raw) != string(messageCreated(i)) {
			t.Fatalf("event %d: Raw = %s", i, e.Raw)
		}
		if e.Name != "message.created" || e.AccountID != 1 {
			t.Fatalf("event %d: name %q account %d", i, e.Name, e.AccountID)
		}
		var data struct{ ID int }
		if err := json.Unmarshal(e.Data, &data); err != nil || data.ID != i {
			t.Fatalf("event %d: Data %s", i, e.Data)
		}
	}
	l.cancel()
	if err := l.result(t, 5*time.Second); err != nil {
		t.Fatalf("Listen after cancel = %v, want nil", err)
	}
}

func TestListenRejectedSubscriptionIsAuthError(t *testing.T) {
	_, url := startServer(t, nil)
	l := startListen(t, fastDialer(url), Identifier{PubsubToken: "   "}) // blank to Rails
	ae := asAuthError(t, l.result(t, 3*time.Second))
	if !ae.Rejected || !strings.Contains(ae.Error(), "rejected") {
		t.Fatalf("AuthError = %+v", ae)
	}
}

func TestListenSilentServerIsAuthErrorAfterConfirmTimeout(t *testing.T) {
	_, url := startServer(t, func(ServerIdentifier) ([]string, bool) { return nil, false })
	d := fastDialer(url)
	d.ConfirmTimeout = 300 * time.Millisecond
	start := time.Now()
	l := startListen(t, d, agent)
	ae := asAuthError(t, l.result(t, 3*time.Second))
	if elapsed := time.Since(start); elapsed < d.ConfirmTimeout {
		t.Errorf("gave up after %v, before ConfirmTimeout %v", elapsed, d.ConfirmTimeout)
	}
	if ae.Rejected || !strings.Contains(ae.Error(), "no confirmation: the pubsub token, user id or account id is wrong") {
		t.Errorf("AuthError = %v", ae)
	}
}

func TestListenReconnectsAfterDisconnectFrame(t *testing.T) {
	srv, url := startServer(t, nil)
	l := startListen(t, fastDialer(url), agent)
	l.waitState(t, Subscribed, 3*time.Second)
	srv.Broadcast(agent.PubsubToken, messageCreated(1))
	if e := l.nextEvent(t, 2*time.Second); string(e.Raw) != string(messageCreated(1)) {
		t.Fatalf("first event %s", e.Raw)
	}

	srv.Restart()
	st := l.waitState(t, Reconnecting, 2*time.Second)
	if st.Attempt != 1 || st.Delay <= 0 || st.Err == nil || !strings.Contains(st.Err.Error(), "server_restart") {
		t.Errorf("reconnecting state = %+v", st)
	}
	l.waitState(t, Subscribed, 3*time.Second)
	srv.Broadcast(agent.PubsubToken, messageCreated(2))
	if e := l.nextEvent(t, 2*time.Second); string(e.Raw) != string(messageCreated(2)) {
		t.Fatalf("event after reconnect %s", e.Raw)
	}
	// OnReconnect runs on the read loop before any later event, so once an
	// event has arrived the count is settled (the Subscribed state is
	// reported just before it, which is why the count is read only now).
	if n := l.reconnectCount(); n != 1 {
		t.Errorf("OnReconnect called %d times, want 1", n)
	}
}

func TestListenWatchdogReconnectsStaleLink(t *testing.T) {
	srv, url := startServer(t, nil)
	px := startProxy(t, strings.TrimSuffix(strings.TrimPrefix(url, "ws://"), "/cable"))
	d := fastDialer("ws://" + px.addr() + "/cable")
	d.StaleAfter = 300 * time.Millisecond // pings come every 50 ms
	l := startListen(t, d, agent)
	l.waitState(t, Subscribed, 3*time.Second)

	frozenAt := time.Now()
	px.freeze()
	st := l.waitState(t, Reconnecting, 3*time.Second)
	if waited := time.Since(frozenAt); waited < d.StaleAfter {
		t.Errorf("dead link declared after %v, before StaleAfter", waited)
	}
	if !strings.Contains(st.Err.Error(), "dead link") {
		t.Errorf("reconnect reason = %v", st.Err)
	}
	l.waitState(t, Subscribed, 3*time.Second)
	srv.Broadcast(agent.PubsubToken, messageCreated(9))
	if e := l.nextEvent(t, 2*time.Second); string(e.Raw) != string(messageCreated(9)) {
		t.Fatalf("event after watchdog reconnect %s", e.Raw)
	}
}

func TestListenReconnectsAfterSocketDies(t *testing.T) {
	srv, url := startServer(t, nil)
	host := strings.TrimSuffix(strings.TrimPrefix(url, "ws://"), "/cable")
	px := startProxy(t, host)
	l := startListen(t, fastDialer("ws://"+px.addr()+"/cable"), agent)
	l.waitState(t, Subscribed, 3*time.Second)
	px.cut()
	st := l.waitState(t, Reconnecting, 2*time.Second)
	if !strings.Contains(st.Err.Error(), "connection lost") {
		t.Errorf("reconnect reason = %v", st.Err)
	}
	l.waitState(t, Subscribed, 3*time.Second)
	deadline := time.Now().Add(2 * time.Second)
	for srv.Subscribers(agent.PubsubToken) != 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // the old socket's teardown reaches the server asynchronously
	}
	srv.Broadcast(agent.PubsubToken, messageCreated(3))
	if e := l.nextEvent(t, 2*time.Second); string(e.Raw) != string(messageCreated(3)) {
		t.Fatalf("event after reconnect %s", e.Raw)
	}
}

func TestListenSendsPresence(t *testing.T) {
	srv, url := startServer(t, nil)
	got := make(chan ServerIdentifier, 16)
	srv.OnPresence = func(id ServerIdentifier) {
		select {
		case got <- id:
		default:
		}
	}
	d := fastDialer(url)
	d.Presence, d.PresenceInterval = true, 30*time.Millisecond
	startListen(t, d, agent)
	for i := 0; i < 2; i++ {
		select {
		case id := <-got:
			if id.Raw != agent.String() || id.PubsubToken != agent.PubsubToken || id.AccountID != 1 || id.UserID != 4 {
				t.Fatalf("presence from %+v", id)
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("update_presence %d not received", i+1)
		}
	}
}

func TestListenReturnsHandlerError(t *testing.T) {
	srv, url := startServer(t, nil)
	errStop := errors.New("stop here")
	d := fastDialer(url)
	subscribed := onSubscribed(d)
	done := make(chan error, 1)
	go func() {
		done <- d.Listen(context.Background(), agent, func(Event) error { return errStop })
	}()
	receive(t, subscribed, 3*time.Second, "subscription")
	srv.Broadcast(agent.PubsubToken, messageCreated(1))
	if err := receive(t, done, 3*time.Second, "Listen's return"); !errors.Is(err, errStop) {
		t.Fatalf("Listen = %v, want the handler's error", err)
	}
}

func TestListenRefusedHandshakeIsFatal(t *testing.T) {
	hs := httptest.NewServer(http.NotFoundHandler())
	defer hs.Close()
	err := fastDialer("ws"+strings.TrimPrefix(hs.URL, "http")+"/cable").Listen(context.Background(), agent, func(Event) error { return nil })
	var he *HandshakeError
	if !errors.As(err, &he) || he.Status != 404 || !strings.Contains(err.Error(), "Origin") {
		t.Fatalf("Listen = %v, want a HandshakeError 404 mentioning the Origin", err)
	}
}

func TestListenValidatesBeforeDialling(t *testing.T) {
	var dialled atomic.Bool
	hs := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { dialled.Store(true) }))
	defer hs.Close()
	url := "ws" + strings.TrimPrefix(hs.URL, "http") + "/cable"
	for _, tc := range []struct {
		url string
		id  Identifier
	}{
		{url, Identifier{}},
		{url, Identifier{PubsubToken: "t", UserID: 3}},
		{"ftp://example.com/cable", agent},
		{"not a url", agent},
	} {
		if err := fastDialer(tc.url).Listen(context.Background(), tc.id, nil); err == nil {
			t.Errorf("Listen(%q, %+v) = nil, want a validation error", tc.url, tc.id)
		}
	}
	if dialled.Load() {
		t.Error("an invalid identity reached the server")
	}
}

func TestListenCancelBeforeConnectReturnsNil(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// Nothing listens on this port: Listen would retry forever without ctx.
	d := fastDialer("ws://127.0.0.1:1/cable")
	if err := d.Listen(ctx, agent, func(Event) error { return nil }); err != nil {
		t.Fatalf("Listen with a cancelled context = %v, want nil", err)
	}
}

func TestListenRetriesServerErrorsOnFirstConnection(t *testing.T) {
	srv := NewServer(nil)
	srv.PingInterval = 50 * time.Millisecond
	var tries atomic.Int32
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tries.Add(1) <= 2 {
			http.Error(w, "upstream not ready", http.StatusBadGateway)
			return
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { _ = srv.Close(); hs.Close() })
	l := startListen(t, fastDialer("ws"+strings.TrimPrefix(hs.URL, "http")+"/cable"), agent)
	st := l.waitState(t, Reconnecting, 3*time.Second)
	var he *HandshakeError
	if !errors.As(st.Err, &he) || he.Status != http.StatusBadGateway {
		t.Errorf("first failure %v, want a 502 handshake error", st.Err)
	}
	l.waitState(t, Subscribed, 3*time.Second)
	if n := tries.Load(); n != 3 {
		t.Errorf("%d handshakes, want 3", n)
	}
}

func TestListenStopsPromptlyOnDeadLink(t *testing.T) {
	_, url := startServer(t, nil)
	px := startProxy(t, strings.TrimSuffix(strings.TrimPrefix(url, "ws://"), "/cable"))
	d := fastDialer("ws://" + px.addr() + "/cable")
	d.StaleAfter = time.Minute // the watchdog must not be what ends it
	l := startListen(t, d, agent)
	l.waitState(t, Subscribed, 3*time.Second)
	px.freeze() // the server can no longer answer the close handshake
	start := time.Now()
	l.cancel()
	if err := l.result(t, 5*time.Second); err != nil {
		t.Fatalf("Listen = %v, want nil", err)
	}
	if took := time.Since(start); took > closeGrace+2*time.Second {
		t.Errorf("stopping took %v, want about closeGrace (%v), well short of the library's own 5 s", took, closeGrace)
	}
}

// A stop that arrives while the handler is busy finds no read in progress:
// the library's close handshake then owns the socket and would wait its own
// 5 s for a frozen peer. The link must still be cut after closeGrace.
func TestListenStopsPromptlyWhileHandlerBusy(t *testing.T) {
	srv, url := startServer(t, nil)
	px := startProxy(t, strings.TrimSuffix(strings.TrimPrefix(url, "ws://"), "/cable"))
	d := fastDialer("ws://" + px.addr() + "/cable")
	d.StaleAfter = time.Minute
	subscribed := onSubscribed(d)
	inHandler, release := make(chan struct{}), make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- d.Listen(ctx, agent, func(Event) error {
			close(inHandler)
			<-release
			return nil
		})
	}()
	receive(t, subscribed, 3*time.Second, "subscription")
	srv.Broadcast(agent.PubsubToken, messageCreated(1))
	receive(t, inHandler, 3*time.Second, "event")
	px.freeze()
	start := time.Now()
	cancel()
	time.Sleep(100 * time.Millisecond) // let the close handshake take the socket first
	close(release)
	if err := receive(t, done, 4*time.Second, "Listen's return after the stop"); err != nil {
		t.Fatalf("Listen = %v, want nil", err)
	}
	if took := time.Since(start); took > closeGrace+2*time.Second {
		t.Errorf("stopping took %v, want about closeGrace (%v), well short of the library's own 5 s", took, closeGrace)
	}
}
