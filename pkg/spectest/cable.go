package spectest

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
)

// Cable is a running copy of the shared harness's cable.sh: Rails' own
// ActionCable on puma, with a RoomChannel shaped like Chatwoot's. Tests
// use it to check the client against the real server, not a fake.
type Cable struct {
	dir  string
	port int
	log  string
}

// cableScriptTimeout bounds every cable.sh call, start included, so a
// server that never comes up fails the test instead of hanging it.
const cableScriptTimeout = 30 * time.Second

// StartCable starts the harness server on a free 127.0.0.1 port, with env
// (KEY=value) added to its environment, and stops it in Cleanup. It skips
// in -short mode and when the harness, puma, ruby or curl is missing.
func StartCable(t testing.TB, env ...string) *Cable {
	t.Helper()
	if testing.Short() {
		t.Skip("real ActionCable harness skipped in -short mode")
	}
	dir := HarnessDir(t)
	for _, bin := range []string{"puma", "ruby", "curl"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s not installed: apt-get install -y --no-install-recommends ruby ruby-actioncable puma curl", bin)
		}
	}
	c := &Cable{dir: dir, port: freePort(t)}
	out, err := c.Run("start", env...)
	if err != nil {
		t.Fatalf("cable.sh start: %v\n%s", err, out)
	}
	if i := strings.Index(out, " log "); i >= 0 {
		c.log = strings.Fields(out[i+5:])[0]
	}
	t.Cleanup(func() { c.stop(t) })
	return c
}

func (c *Cable) stop(t testing.TB) {
	_, _ = c.Run("resume") // a stopped process would ignore SIGTERM
	if out, err := c.Run("stop"); err != nil {
		t.Errorf("cable.sh stop: %v\n%s", err, out)
	}
	if t.Failed() && c.log != "" {
		if b, err := os.ReadFile(c.log); err == nil {
			t.Logf("harness log (tail):\n%s", tail(string(b), 30))
		}
	}
}

// Run calls cable.sh with verb (start, stop, restart, pause, resume) for
// this server's port and returns its combined output.
func (c *Cable) Run(verb string, env ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cableScriptTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(c.dir, "cable.sh"), verb, strconv.Itoa(c.port))
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Port is the server's TCP port on 127.0.0.1.
func (c *Cable) Port() int { return c.port }

// Addr is the server's host:port.
func (c *Cable) Addr() string { return "127.0.0.1:" + strconv.Itoa(c.port) }

// URL is the server's ActionCable endpoint.
func (c *Cable) URL() string { return "ws://" + c.Addr() + "/cable" }

// Post sends body to one of the harness's HTTP control routes (such as
// /broadcast?token=T or /restart) and wants 200 back.
func (c *Cable) Post(path string, body []byte) error {
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Post("http://"+c.Addr()+path, "application/json", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("POST %s: %w", path, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST %s: HTTP %d", path, resp.StatusCode)
	}
	return nil
}

// Broadcast publishes body to the token's stream through the server's own
// ActionCable.server.broadcast.
func (c *Cable) Broadcast(token string, body []byte) error {
	return c.Post("/broadcast?token="+token, body)
}

func freePort(t testing.TB) int {
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

// Relay is a TCP relay on 127.0.0.1 that records what the server sent, so
// a test knows the order frames came off the wire.
type Relay struct {
	ln  net.Listener
	mu  sync.Mutex
	buf bytes.Buffer
}

// StartRelay relays every connection to target until Cleanup closes the
// listener and all open connections.
func StartRelay(t testing.TB, target string) *Relay {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &Relay{ln: ln}
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
			go func() { _, _ = io.Copy(io.MultiWriter(c, (*recorder)(r)), up); c.Close() }()
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

// Addr is the relay's host:port.
func (r *Relay) Addr() string { return r.ln.Addr().String() }

// Downstream returns a copy of the server → client bytes so far.
func (r *Relay) Downstream() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]byte{}, r.buf.Bytes()...)
}

// recorder keeps Write off Relay's exported API.
type recorder Relay

func (w *recorder) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// BroadcastIDs decodes the server's side of a captured websocket stream
// (the HTTP 101 answer, then unmasked frames) and returns data.id of each
// broadcast message in the order it was sent.
func BroadcastIDs(t testing.TB, stream []byte) []int {
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
		size, hdr := frameSize(b)
		if b[1]&0x80 != 0 || hdr == 0 || size < 0 || len(b) < hdr+size {
			break // a masked frame is no server frame; or the capture ends
		}
		payload := b[hdr : hdr+size]
		b = b[hdr+size:]
		if op != 0x1 && op != 0x0 {
			continue // only text frames and their continuations carry messages
		}
		msg = append(msg, payload...)
		if !fin {
			continue
		}
		if id := messageID(msg); id != 0 {
			ids = append(ids, id)
		}
		msg = nil
	}
	return ids
}

// frameSize reads a frame's payload length and header size; hdr is 0 when
// the capture ends inside the header.
func frameSize(b []byte) (size, hdr int) {
	size, hdr = int(b[1]&0x7f), 2
	switch size {
	case 126:
		if len(b) < 4 {
			return 0, 0
		}
		size, hdr = int(b[2])<<8|int(b[3]), 4
	case 127:
		if len(b) < 10 {
			return 0, 0
		}
		size, hdr = 0, 10
		for _, c := range b[2:10] {
			size = size<<8 | int(c)
		}
	}
	return size, hdr
}

// messageID is data.id of an ActionCable broadcast, 0 for any other frame.
func messageID(frame []byte) int {
	var f struct {
		Message struct{ Data struct{ ID int } }
	}
	if json.Unmarshal(frame, &f) != nil {
		return 0
	}
	return f.Message.Data.ID
}
