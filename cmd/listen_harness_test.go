package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/spectest"
)

// These tests run `woot listen` against Rails' own ActionCable server
// (shared/harness/cable.sh: ruby-actioncable on puma, with a RoomChannel
// shaped like Chatwoot's). The profile comes from the spec-checked stub.

type cableHarness struct {
	t    *testing.T
	dir  string
	port int
	log  string
}

// startCableHarness starts the real server on a free port and stops it in
// Cleanup; it skips when the harness or puma is missing.
func startCableHarness(t *testing.T, env ...string) *cableHarness {
	t.Helper()
	if testing.Short() {
		t.Skip("real ActionCable harness skipped in -short mode")
	}
	dir := spectest.HarnessDir(t)
	for _, bin := range []string{"puma", "ruby", "curl"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s not installed: apt-get install -y --no-install-recommends ruby ruby-actioncable puma curl", bin)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &cableHarness{t: t, dir: dir, port: ln.Addr().(*net.TCPAddr).Port}
	ln.Close()
	out, err := h.script(env, "start")
	if err != nil {
		t.Fatalf("cable.sh start: %v\n%s", err, out)
	}
	if i := strings.Index(out, " log "); i >= 0 {
		h.log = strings.Fields(out[i+5:])[0]
	}
	t.Cleanup(func() {
		_, _ = h.script(nil, "resume") // a stopped process would ignore SIGTERM
		if out, err := h.script(nil, "stop"); err != nil {
			t.Errorf("cable.sh stop: %v\n%s", err, out)
		}
		if t.Failed() && h.log != "" {
			if b, err := os.ReadFile(h.log); err == nil {
				lines := strings.Split(strings.TrimSpace(string(b)), "\n")
				t.Logf("harness log (tail):\n%s", strings.Join(lines[max(0, len(lines)-20):], "\n"))
			}
		}
	})
	return h
}

func (h *cableHarness) script(env []string, verb string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(h.dir, "cable.sh"), verb, strconv.Itoa(h.port))
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (h *cableHarness) addr() string { return "127.0.0.1:" + strconv.Itoa(h.port) }

// broadcast publishes message to the token's stream through the server's
// own ActionCable.server.broadcast.
func (h *cableHarness) broadcast(token, message string) {
	h.t.Helper()
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Post("http://"+h.addr()+"/broadcast?token="+token, "application/json", strings.NewReader(message))
	if err != nil {
		h.t.Fatalf("broadcast: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		h.t.Fatalf("broadcast: HTTP %d", resp.StatusCode)
	}
}

// agentListen starts `woot listen` as the agent of profileBody (token
// profileToken) against the cable URL, with the stub serving the profile.
func agentListen(t *testing.T, profileToken, cableURL string, args ...string) (*harness, *liveCmd) {
	t.Helper()
	h := newHarness(t)
	h.stub.On("GET", "/api/v1/profile", 200, strings.Replace(profileBody, `"pubsub_token":"pubsub-abc"`, `"pubsub_token":"`+profileToken+`"`, 1))
	return h, startWoot(t, h.env, append([]string{"listen", "--cable-url", cableURL}, args...)...)
}

func TestListenHarness200EventsInWireOrder(t *testing.T) {
	t.Parallel() // each harness test has its own server; most of the time is waiting
	ch := startCableHarness(t)
	relay := startRelay(t, ch.addr())
	const n = 200
	_, l := agentListen(t, "pubsub-abc", "ws://"+relay.addr()+"/cable", "--count", strconv.Itoa(n))
	l.waitStderr("subscribed to RoomChannel", 10*time.Second)
	start := time.Now()
	for i := 1; i <= n; i++ {
		ch.broadcast("pubsub-abc", messageEvent(i, 5, 1))
	}
	if code := l.wait(15 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.errOut)
	}
	t.Logf("%d events broadcast and printed in %v", n, time.Since(start).Round(time.Millisecond))
	got := printedIDs(t, l.out.lines())
	seen := map[int]bool{}
	for _, id := range got {
		if seen[id] {
			t.Fatalf("event %d printed twice", id)
		}
		seen[id] = true
	}
	for i := 1; i <= n; i++ {
		if !seen[i] {
			t.Fatalf("event %d lost (printed %d)", i, len(got))
		}
	}
	// Rails may send back-to-back broadcasts out of order (thread pools):
	// what must hold is that listen prints them as they came off the wire.
	wire := wireMessageIDs(t, relay.downstream())
	if len(wire) < len(got) {
		t.Fatalf("the capture holds %d broadcasts, %d were printed", len(wire), len(got))
	}
	if fmt.Sprint(wire[:len(got)]) != fmt.Sprint(got) {
		t.Fatalf("printed order differs from the wire order:\nwire %v\ngot  %v", wire, got)
	}
	swaps := 0
	for i := 1; i < len(got); i++ {
		if got[i] < got[i-1] {
			swaps++
		}
	}
	t.Logf("the server sent %d of %d broadcasts out of publish order", swaps, n)
}

func TestListenHarnessRestartSurvivedWithBackfill(t *testing.T) {
	t.Parallel()
	ch := startCableHarness(t)
	h, l := agentListen(t, "pubsub-abc", "ws://"+ch.addr()+"/cable", "--backfill", "--count", "40")
	// Messages 21 and 22 are created while the server is down; REST has them.
	rest := func(id int) string {
		return `{"id":` + itoa(id) + `,"content":"message ` + itoa(id) + `","inbox_id":3,"conversation_id":5,"message_type":0,"created_at":1767258000,"private":false,"status":"sent","content_type":"text","content_attributes":{},"sender_type":"Contact","sender_id":42}`
	}
	h.stub.On("GET", "/api/v1/accounts/1/conversations/5/messages", 200,
		`{"meta":{},"payload":[`+rest(21)+`,`+rest(22)+`]}`).WithQuery("after", "20")
	l.waitStderr("subscribed to RoomChannel", 10*time.Second)
	for i := 1; i <= 20; i++ {
		ch.broadcast("pubsub-abc", messageEvent(i, 5, 1))
	}
	l.waitLines(20, 10*time.Second)

	// A hard restart: the process dies and the socket with it, no frame.
	if out, err := ch.script(nil, "restart"); err != nil {
		t.Fatalf("cable.sh restart: %v\n%s", err, out)
	}
	up := time.Now()
	back := l.waitStderr("resubscribed", 10*time.Second)
	t.Logf("resubscribed %v after the server was back", back.Sub(up).Round(time.Millisecond))
	if back.Sub(up) > 3*time.Second {
		t.Errorf("resubscribed %v after the server came back, want within 3 s", back.Sub(up))
	}
	l.waitStderr("backfill: 2 message(s)", 10*time.Second)
	ch.broadcast("pubsub-abc", messageEvent(22, 5, 1)) // late copy of a backfilled one
	for i := 23; i <= 40; i++ {
		ch.broadcast("pubsub-abc", messageEvent(i, 5, 1))
	}
	if code := l.wait(15 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.errOut)
	}
	got := printedIDs(t, l.out.lines())
	seen := map[int]bool{}
	for _, id := range got {
		if seen[id] {
			t.Fatalf("message %d printed twice: %v", id, got)
		}
		seen[id] = true
	}
	if len(got) != 40 || got[20] != 21 || got[21] != 22 {
		t.Fatalf("printed %v, want 1..40 with the backfilled 21, 22 right after the reconnect", got)
	}
}

func TestListenHarnessPausedServerDetectedByWatchdog(t *testing.T) {
	t.Parallel()
	ch := startCableHarness(t)
	// Pings come every 3 s; the hidden knob shortens the production 10 s.
	l := startWoot(t, map[string]string{"WOOT_CONFIG_DIR": t.TempDir()},
		"listen", "--pubsub-token", "contact-token-7", "--cable-url", "ws://"+ch.addr()+"/cable", "--stale-after", "5s", "--count", "1")
	l.waitStderr("subscribed to RoomChannel", 10*time.Second)
	if out, err := ch.script(nil, "pause"); err != nil {
		t.Fatalf("cable.sh pause: %v\n%s", err, out)
	}
	paused := time.Now()
	detected := l.waitStderr("dead link", 10*time.Second)
	t.Logf("watchdog fired %v after the pause", detected.Sub(paused).Round(time.Millisecond))
	if detected.Sub(paused) > 6*time.Second {
		t.Errorf("watchdog fired %v after the pause, want within --stale-after (5 s) plus a ping", detected.Sub(paused))
	}
	if out, err := ch.script(nil, "resume"); err != nil {
		t.Fatalf("cable.sh resume: %v\n%s", err, out)
	}
	l.waitStderr("resubscribed", 10*time.Second)
	ch.broadcast("contact-token-7", messageEvent(1, 5, 1))
	if code := l.wait(10 * time.Second); code != 0 || len(l.out.lines()) != 1 {
		t.Fatalf("exit %d, stdout %q\n%s", code, l.out, l.errOut)
	}
}

func TestListenHarnessRefusedSubscriptionsExit3(t *testing.T) {
	t.Parallel()
	// Only token "a" is known: Chatwoot raises inside #subscribed for any
	// other, so the client hears nothing; a blank token is rejected.
	ch := startCableHarness(t, "CABLE_TOKENS=a")
	t.Run("rejected", func(t *testing.T) {
		_, l := agentListen(t, " ", "ws://"+ch.addr()+"/cable")
		if code := l.wait(10 * time.Second); code != exitAuth {
			t.Fatalf("exit %d, want 3\n%s", code, l.errOut)
		}
		if !strings.Contains(l.errOut.String(), "subscription rejected") {
			t.Errorf("stderr: %s", l.errOut)
		}
	})
	t.Run("silent", func(t *testing.T) {
		_, l := agentListen(t, "pubsub-abc", "ws://"+ch.addr()+"/cable", "--confirm-timeout", "3s")
		start := time.Now()
		if code := l.wait(15 * time.Second); code != exitAuth {
			t.Fatalf("exit %d, want 3\n%s", code, l.errOut)
		}
		if took := time.Since(start); took < 3*time.Second {
			t.Errorf("gave up after %v, before the confirmation timeout", took)
		}
		if !strings.Contains(l.errOut.String(), "no confirmation") || !strings.Contains(l.errOut.String(), "hint: ") {
			t.Errorf("stderr: %s", l.errOut)
		}
	})
}

// relay is a TCP relay in front of the harness that records what the
// server sent, so the test knows the order frames came off the wire.
type relay struct {
	ln  net.Listener
	mu  sync.Mutex
	buf bytes.Buffer
}

func startRelay(t *testing.T, target string) *relay {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &relay{ln: ln}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			mu.Lock()
			conns = append(conns, c, up)
			mu.Unlock()
			go func() { _, _ = io.Copy(up, c); up.Close() }()
			go func() { _, _ = io.Copy(io.MultiWriter(c, r), up); c.Close() }()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return r
}

func (r *relay) addr() string { return r.ln.Addr().String() }

func (r *relay) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf.Write(p)
}

func (r *relay) downstream() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]byte{}, r.buf.Bytes()...)
}

// wireMessageIDs decodes the server's side of a websocket stream (the HTTP
// 101 answer, then unmasked frames) and returns data.id of each broadcast
// in the order it was sent.
func wireMessageIDs(t *testing.T, stream []byte) []int {
	t.Helper()
	head := bytes.Index(stream, []byte("\r\n\r\n"))
	if head < 0 {
		t.Fatal("no handshake answer in the capture")
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
			size, hdr = 0, 10
			for _, c := range b[2:10] {
				size = size<<8 | int(c)
			}
		}
		if b[1]&0x80 != 0 || len(b) < hdr+size {
			break // a masked frame is no server frame; or the capture ends
		}
		payload := b[hdr : hdr+size]
		b = b[hdr+size:]
		if op != 0x1 && op != 0x0 {
			continue
		}
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
	return ids
}
