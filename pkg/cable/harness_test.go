package cable

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// harness drives shared/harness/cable.sh: Rails' own ActionCable with a
// RoomChannel shaped like Chatwoot's.
type harness struct {
	t    *testing.T
	dir  string
	port int
	log  string
}

// startHarness starts a real ActionCable server on a free port, stopped in
// Cleanup. It skips when the harness or puma is missing.
func startHarness(t *testing.T, env ...string) *harness {
	t.Helper()
	if testing.Short() {
		t.Skip("real ActionCable harness skipped in -short mode")
	}
	dir := os.Getenv("WOOT_HARNESS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "harness")
	}
	if _, err := os.Stat(filepath.Join(dir, "cable.sh")); err != nil {
		t.Skipf("ActionCable harness not found at %s (set WOOT_HARNESS)", dir)
	}
	for _, bin := range []string{"puma", "ruby", "curl"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s not installed: apt-get install -y --no-install-recommends ruby ruby-actioncable puma curl", bin)
		}
	}
	h := &harness{t: t, dir: dir, port: freePort(t)}
	out, err := h.run(env, "start")
	if err != nil {
		t.Fatalf("cable.sh start: %v\n%s", err, out)
	}
	if i := strings.Index(out, " log "); i >= 0 {
		h.log = strings.Fields(out[i+5:])[0]
	}
	t.Cleanup(func() {
		_, _ = h.run(nil, "resume") // a stopped process would ignore SIGTERM
		if out, err := h.run(nil, "stop"); err != nil {
			t.Errorf("cable.sh stop: %v\n%s", err, out)
		}
		if t.Failed() && h.log != "" {
			if b, err := os.ReadFile(h.log); err == nil {
				t.Logf("harness log (tail):\n%s", tail(string(b), 30))
			}
		}
	})
	return h
}

func (h *harness) run(env []string, verb string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(h.dir, "cable.sh"), verb, strconv.Itoa(h.port))
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (h *harness) url() string { return fmt.Sprintf("ws://127.0.0.1:%d/cable", h.port) }

func (h *harness) post(path string, body []byte) {
	h.t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Post(fmt.Sprintf("http://127.0.0.1:%d%s", h.port, path), "application/json", bytes.NewReader(body))
	if err != nil {
		h.t.Fatalf("POST %s: %v", path, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		h.t.Fatalf("POST %s: HTTP %d", path, resp.StatusCode)
	}
}

func (h *harness) broadcast(token string, i int) {
	h.post("/broadcast?token="+token, messageCreated(i))
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
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
		px := startProxy(t, fmt.Sprintf("127.0.0.1:%d", h.port))
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
		wire := broadcastIDs(t, px.wire())
		if fmt.Sprint(wire) != fmt.Sprint(got) {
			t.Fatalf("delivered order differs from the wire order:\nwire %v\ngot  %v", wire, got)
		}
		if swaps := outOfOrder(got); swaps > 0 {
			t.Logf("the server itself sent %d of %d broadcasts out of order", swaps, n)
		}
	})
	t.Run("contact identity", func(t *testing.T) {
		contact := Identifier{PubsubToken: "contact-inbox-token"}
		l := startListen(t, harnessDialer(h.url()), contact)
		l.waitState(t, Subscribed, 5*time.Second)
		h.broadcast(contact.PubsubToken, 1)
		expectIDs(t, l, 1, 1)
	})
	t.Run("blank token rejected", func(t *testing.T) {
		l := startListen(t, harnessDialer(h.url()), Identifier{PubsubToken: " "})
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

// broadcastIDs decodes the server's side of a captured websocket stream
// (HTTP 101 response, then unmasked frames) and returns the message ids
// of the broadcast frames in the order they were sent.
func broadcastIDs(t *testing.T, stream []byte) []int {
	t.Helper()
	head := bytes.Index(stream, []byte("\r\n\r\n"))
	if head < 0 {
		t.Fatal("no handshake response in the capture")
	}
	b := stream[head+4:]
	var ids []int
	var msg []byte
	for len(b) >= 2 {
		fin, op := b[0]&0x80 != 0, b[0]&0x0f
		size, hdr := int(b[1]&0x7f), 2
		switch size {
		case 126:
			size, hdr = int(b[2])<<8|int(b[3]), 4
		case 127:
			size, hdr = int(binary64(b[2:10])), 10
		}
		if b[1]&0x80 != 0 || len(b) < hdr+size {
			break // masked (not a server frame) or cut short by the capture's end
		}
		payload := b[hdr : hdr+size]
		b = b[hdr+size:]
		if op == 0x1 || op == 0x0 {
			msg = append(msg, payload...)
			if !fin {
				continue
			}
			var f struct {
				Message struct{ Data struct{ ID int } }
			}
			if json.Unmarshal(msg, &f) == nil && f.Message.Data.ID != 0 {
				ids = append(ids, f.Message.Data.ID)
			}
			msg = nil
		}
	}
	return ids
}

func binary64(b []byte) uint64 {
	var n uint64
	for _, c := range b {
		n = n<<8 | uint64(c)
	}
	return n
}

func TestHarnessUnknownTokenIsAuthError(t *testing.T) {
	t.Parallel() // each test has its own server and port; most of the time is waiting
	h := startHarness(t, "CABLE_TOKENS=a")
	known := startListen(t, harnessDialer(h.url()), Identifier{PubsubToken: "a", AccountID: 1, UserID: 1})
	known.waitState(t, Subscribed, 5*time.Second)

	start := time.Now()
	l := startListen(t, harnessDialer(h.url()), Identifier{PubsubToken: "b", AccountID: 1, UserID: 1})
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
	l := startListen(t, harnessDialer(h.url()), agent)
	l.waitState(t, Subscribed, 5*time.Second)
	for i := 1; i <= 20; i++ {
		h.broadcast(agent.PubsubToken, i)
	}
	expectIDs(t, l, 1, 20)

	// Hard restart: the process dies, the socket with it, no frame sent.
	if out, err := h.run(nil, "restart"); err != nil {
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
	d := harnessDialer(h.url())
	l := startListen(t, d, agent)
	l.waitState(t, Subscribed, 5*time.Second)

	if out, err := h.run(nil, "pause"); err != nil {
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
	if out, err := h.run(nil, "resume"); err != nil {
		t.Fatalf("cable.sh resume: %v\n%s", err, out)
	}
	l.waitState(t, Subscribed, 8*time.Second)
	h.broadcast(agent.PubsubToken, 1)
	// The subscription from before the pause may still be half-alive on
	// the server; only the new one is read.
	expectIDs(t, l, 1, 1)
}
