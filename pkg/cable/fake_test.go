package cable

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// fakeCable runs script for each connection (n counts from 1), for wire
// behaviour the real server does not produce on demand.
func fakeCable(t *testing.T, script func(ctx context.Context, c *websocket.Conn, n int)) string {
	t.Helper()
	var count atomic.Int32
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{Subprotocol}})
		if err != nil {
			return
		}
		defer c.CloseNow()
		ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
		defer cancel()
		script(ctx, c, int(count.Add(1)))
	}))
	t.Cleanup(hs.Close)
	return "ws" + strings.TrimPrefix(hs.URL, "http") + "/cable"
}

func writeText(ctx context.Context, c *websocket.Conn, s string) {
	_ = c.Write(ctx, websocket.MessageText, []byte(s))
}

// acceptSubscription sends welcome, reads the subscribe command and
// returns its identifier.
func acceptSubscription(ctx context.Context, t *testing.T, c *websocket.Conn) string {
	writeText(ctx, c, `{"type":"welcome"}`)
	_, data, err := c.Read(ctx)
	if err != nil {
		return ""
	}
	var f clientFrame
	if err := json.Unmarshal(data, &f); err != nil || f.Command != "subscribe" {
		t.Errorf("first client frame %s, want subscribe", data)
	}
	return f.Identifier
}

func TestListenKeepsRawMessageBytesAndClosesNormally(t *testing.T) {
	raw := "{ \"event\" : \"conversation.created\",\n \"data\": {\"id\": 12, \"account_id\": \"2\", \"meta\": {\"sender\": {\"name\": \"Zoë\"}}} }"
	closeStatus := make(chan websocket.StatusCode, 1)
	url := fakeCable(t, func(ctx context.Context, c *websocket.Conn, _ int) {
		id := acceptSubscription(ctx, t, c)
		if id != agent.String() {
			t.Errorf("subscribed with %s, want %s", id, agent.String())
		}
		writeText(ctx, c, `{"identifier":`+quoted(id)+`,"type":"confirm_subscription"}`)
		writeText(ctx, c, `{"identifier":`+quoted(id)+`,"message":`+raw+`}`)
		_, _, err := c.Read(ctx)
		closeStatus <- websocket.CloseStatus(err)
	})
	l := startListen(t, fastDialer(url), agent)
	e := l.nextEvent(t, 3*time.Second)
	if string(e.Raw) != raw {
		t.Fatalf("Raw = %q\nwant %q", e.Raw, raw)
	}
	if e.Name != "conversation.created" || e.AccountID != 2 {
		t.Errorf("event %q account %d", e.Name, e.AccountID)
	}
	l.cancel()
	if err := l.result(t, 5*time.Second); err != nil {
		t.Fatalf("Listen = %v after cancel", err)
	}
	select {
	case st := <-closeStatus:
		if st != websocket.StatusNormalClosure {
			t.Errorf("server saw close status %v, want normal closure", st)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("server never saw the close")
	}
}

func TestListenIgnoresOtherIdentifiers(t *testing.T) {
	url := fakeCable(t, func(ctx context.Context, c *websocket.Conn, _ int) {
		id := acceptSubscription(ctx, t, c)
		other := quoted(Identifier{PubsubToken: "someone-else"}.String())
		writeText(ctx, c, `{"identifier":`+other+`,"type":"confirm_subscription"}`)
		writeText(ctx, c, `{"identifier":`+quoted(id)+`,"type":"confirm_subscription"}`)
		writeText(ctx, c, `{"identifier":`+other+`,"message":{"event":"wrong"}}`)
		writeText(ctx, c, `{"identifier":`+quoted(id)+`,"message":{"event":"right"}}`)
		_, _, _ = c.Read(ctx)
	})
	l := startListen(t, fastDialer(url), agent)
	if e := l.nextEvent(t, 3*time.Second); e.Name != "right" {
		t.Fatalf("got event %q from another identifier", e.Name)
	}
}

func TestListenRejectionAfterReconnectIsReturned(t *testing.T) {
	url := fakeCable(t, func(ctx context.Context, c *websocket.Conn, n int) {
		id := acceptSubscription(ctx, t, c)
		if n == 1 {
			writeText(ctx, c, `{"identifier":`+quoted(id)+`,"type":"confirm_subscription"}`)
			return // the socket dies
		}
		writeText(ctx, c, `{"identifier":`+quoted(id)+`,"type":"reject_subscription"}`)
		_, _, _ = c.Read(ctx)
	})
	l := startListen(t, fastDialer(url), agent)
	l.waitState(t, Subscribed, 3*time.Second)
	if ae := asAuthError(t, l.result(t, 3*time.Second)); !ae.Rejected {
		t.Errorf("AuthError %+v, want a rejection", ae)
	}
}

func TestListenGivesUpAfterRepeatedSilentResubscribes(t *testing.T) {
	var conns atomic.Int32
	url := fakeCable(t, func(ctx context.Context, c *websocket.Conn, n int) {
		conns.Store(int32(n))
		id := acceptSubscription(ctx, t, c)
		if n == 1 {
			writeText(ctx, c, `{"identifier":`+quoted(id)+`,"type":"confirm_subscription"}`)
			return
		}
		_, _, _ = c.Read(ctx) // silence, as for a token Chatwoot no longer knows
	})
	d := fastDialer(url)
	d.ConfirmTimeout = 100 * time.Millisecond
	l := startListen(t, d, agent)
	ae := asAuthError(t, l.result(t, 5*time.Second))
	if ae.Rejected {
		t.Errorf("AuthError %+v, want no-confirmation", ae)
	}
	if n := conns.Load(); n != 1+maxSilentResubscribes {
		t.Errorf("%d connections, want 1 + %d silent resubscriptions", n, maxSilentResubscribes)
	}
}

func TestListenNoWelcomeIsFatalOnFirstConnection(t *testing.T) {
	url := fakeCable(t, func(ctx context.Context, c *websocket.Conn, _ int) {
		_, _, _ = c.Read(ctx) // a websocket, but not ActionCable
	})
	d := fastDialer(url)
	d.ConfirmTimeout = 200 * time.Millisecond
	err := d.Listen(context.Background(), agent, func(Event) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "/cable") {
		t.Fatalf("Listen = %v, want a no-welcome error", err)
	}
}

func TestListenDisconnectWithoutReconnectIsFatal(t *testing.T) {
	url := fakeCable(t, func(ctx context.Context, c *websocket.Conn, _ int) {
		writeText(ctx, c, `{"type":"disconnect","reason":"unauthorized","reconnect":false}`)
		_, _, _ = c.Read(ctx)
	})
	err := fastDialer(url).Listen(context.Background(), agent, func(Event) error { return nil })
	var de *DisconnectError
	if !errors.As(err, &de) || de.Reason != "unauthorized" {
		t.Fatalf("Listen = %v, want a DisconnectError", err)
	}
}
