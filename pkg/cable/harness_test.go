package cable

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/spectest"
)

// harness is the shared ActionCable harness (Rails' own server with a
// RoomChannel shaped like Chatwoot's) plus this package's broadcast shape.
type harness struct {
	*spectest.Cable
	t *testing.T
}

// startHarness starts a real ActionCable server on a free port, stopped in
// Cleanup. It skips when the harness or puma is missing.
func startHarness(t *testing.T, env ...string) *harness {
	t.Helper()
	return &harness{Cable: spectest.StartCable(t, env...), t: t}
}

func (h *harness) post(path string, body []byte) {
	h.t.Helper()
	if err := h.Post(path, body); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) broadcast(token string, i int) {
	h.post("/broadcast?token="+token, messageCreated(i))
}

// harnessDialer: real pings come every 3 s, so staleness needs more slack.
func harnessDialer(url string) *Dialer {
	return &Dialer{
		URL:              url,
		ConfirmTimeout:   3 * time.Second,
		StaleAfter:       5 * time.Second,
		HandshakeTimeout: 2 * time.Second,
		Backoff:          Backoff{Min: 100 * time.Millisecond, Max: 500 * time.Millisecond},
	}
}

// expectIDs reads events until it has seen message ids from..to, each
// exactly once. The order is not checked: Rails' ActionCable may send
// back-to-back broadcasts out of order (see the wire-order test).
func expectIDs(t *testing.T, l *listener, from, to int) {
	t.Helper()
	seen := map[int]bool{}
	for range to - from + 1 {
		e := l.nextEvent(t, 5*time.Second)
		id := eventID(t, e)
		if id < from || id > to || seen[id] {
			t.Fatalf("unexpected or repeated event %d (want %d..%d once each)", id, from, to)
		}
		if e.AccountID != 1 {
			t.Fatalf("event %d: account %d", id, e.AccountID)
		}
		seen[id] = true
	}
	select {
	case e := <-l.events:
		t.Fatalf("unexpected extra event %s", e.Raw)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestHarnessSubscribeAndBroadcasts(t *testing.T) {
	t.Parallel() // each test has its own server and port; most of the time is waiting
	h := startHarness(t)
	t.Run("200 broadcasts, none lost or duplicated, in wire order", func(t *testing.T) {
		px := startProxy(t, h.Addr())
		l := startListen(t, harnessDialer("ws://"+px.addr()+"/cable"), agent)
		l.waitState(t, Subscribed, 5*time.Second)
		const n = 200
		for i := 1; i <= n; i++ {
			h.broadcast(agent.PubsubToken, i)
		}
		var got []int
		seen := map[int]bool{}
		for range n {
			id := eventID(t, l.nextEvent(t, 5*time.Second))
			if seen[id] {
				t.Fatalf("event %d delivered twice", id)
			}
			seen[id] = true
			got = append(got, id)
		}
		for i := 1; i <= n; i++ {
			if !seen[i] {
				t.Fatalf("event %d lost", i)
			}
		}
		// ActionCable hands broadcasts to thread pools, so the server may
		// send them out of order; the client must keep the order they
		// arrived in, frame for frame.
		wire := spectest.BroadcastIDs(t, px.wire())
		if fmt.Sprint(wire) != fmt.Sprint(got) {
			t.Fatalf("delivered order differs from the wire order:\nwire %v\ngot  %v", wire, got)
		}
		if swaps := outOfOrder(got); swaps > 0 {
			t.Logf("the server itself sent %d of %d broadcasts out of order", swaps, n)
		}
	})
	t.Run("contact identity", func(t *testing.T) {
		contact := Identifier{PubsubToken: "contact-inbox-token"}
		l := startListen(t, harnessDialer(h.URL()), contact)
		l.waitState(t, Subscribed, 5*time.Second)
		h.broadcast(contact.PubsubToken, 1)
		expectIDs(t, l, 1, 1)
	})
	t.Run("blank token rejected", func(t *testing.T) {
		l := startListen(t, harnessDialer(h.URL()), Identifier{PubsubToken: " "})
		if ae := asAuthError(t, l.result(t, 5*time.Second)); !ae.Rejected {
			t.Errorf("AuthError %+v, want a rejection", ae)
		}
	})
}

func eventID(t *testing.T, e Event) int {
	t.Helper()
	var m struct{ Data struct{ ID int } }
	if err := json.Unmarshal(e.Raw, &m); err != nil || e.Name != "message.created" || m.Data.ID == 0 {
		t.Fatalf("unexpected event %s", e.Raw)
	}
	return m.Data.ID
}

func outOfOrder(ids []int) int {
	n := 0
	for i := 1; i < len(ids); i++ {
		if ids[i] < ids[i-1] {
			n++
		}
	}
	return n
}

func TestHarnessUnknownTokenIsAuthError(t *testing.T) {
	t.Parallel() // each test has its own server and port; most of the time is waiting
	h := startHarness(t, "CABLE_TOKENS=a")
	known := startListen(t, harnessDialer(h.URL()), Identifier{PubsubToken: "a", AccountID: 1, UserID: 1})
	known.waitState(t, Subscribed, 5*time.Second)

	start := time.Now()
	l := startListen(t, harnessDialer(h.URL()), Identifier{PubsubToken: "b", AccountID: 1, UserID: 1})
	ae := asAuthError(t, l.result(t, 10*time.Second))
	if ae.Rejected {
		t.Errorf("AuthError %+v: Chatwoot sends no rejection for an unknown token", ae)
	}
	if elapsed := time.Since(start); elapsed < 3*time.Second {
		t.Errorf("gave up after %v, before the confirm timeout", elapsed)
	}
}

func TestHarnessRestartSurvived(t *testing.T) {
	t.Parallel() // each test has its own server and port; most of the time is waiting
	h := startHarness(t)
	l := startListen(t, harnessDialer(h.URL()), agent)
	l.waitState(t, Subscribed, 5*time.Second)
	for i := 1; i <= 20; i++ {
		h.broadcast(agent.PubsubToken, i)
	}
	expectIDs(t, l, 1, 20)

	// Hard restart: the process dies, the socket with it, no frame sent.
	if out, err := h.Run("restart"); err != nil {
		t.Fatalf("cable.sh restart: %v\n%s", err, out)
	}
	up := time.Now()
	l.waitState(t, Reconnecting, 5*time.Second)
	l.waitState(t, Subscribed, 5*time.Second)
	if took := time.Since(up); took > 3*time.Second {
		t.Errorf("resubscribed %v after the server came back, want within 3 s", took)
	}
	for i := 21; i <= 40; i++ {
		h.broadcast(agent.PubsubToken, i)
	}
	expectIDs(t, l, 21, 40)

	// Soft restart: ActionCable sends disconnect/server_restart first.
	h.post("/restart", nil)
	st := l.waitState(t, Reconnecting, 5*time.Second)
	if !strings.Contains(st.Err.Error(), "server_restart") {
		t.Errorf("soft restart seen as %v", st.Err)
	}
	l.waitState(t, Subscribed, 5*time.Second)
	h.broadcast(agent.PubsubToken, 41)
	expectIDs(t, l, 41, 41)
	if n := l.reconnectCount(); n != 2 {
		t.Errorf("OnReconnect called %d times, want 2", n)
	}
}

func TestHarnessPauseDetectedByWatchdog(t *testing.T) {
	t.Parallel() // each test has its own server and port; most of the time is waiting
	h := startHarness(t)
	d := harnessDialer(h.URL())
	l := startListen(t, d, agent)
	l.waitState(t, Subscribed, 5*time.Second)

	if out, err := h.Run("pause"); err != nil {
		t.Fatalf("cable.sh pause: %v\n%s", err, out)
	}
	paused := time.Now()
	st := l.waitState(t, Reconnecting, d.StaleAfter+4*time.Second)
	if !strings.Contains(st.Err.Error(), "dead link") {
		t.Errorf("pause seen as %v, want the watchdog", st.Err)
	}
	if waited := time.Since(paused); waited > d.StaleAfter+time.Second {
		t.Errorf("watchdog fired %v after the pause, want within StaleAfter (%v)", waited, d.StaleAfter)
	}
	if out, err := h.Run("resume"); err != nil {
		t.Fatalf("cable.sh resume: %v\n%s", err, out)
	}
	l.waitState(t, Subscribed, 8*time.Second)
	h.broadcast(agent.PubsubToken, 1)
	// The subscription from before the pause may still be half-alive on
	// the server; only the new one is read.
	expectIDs(t, l, 1, 1)
}
