package webhooks_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/webhook"
)

// The receiver is meant to be reachable by anyone; these tests play the
// attacker and the unlucky network: replays, huge and slow bodies, floods.

// startReceiver runs `webhooks receive` in-process on a free port and
// returns its URL.
func startReceiver(t *testing.T, secret string, extra ...string) (*cmdtest.LiveCmd, string) {
	t.Helper()
	args := append([]string{"webhooks", "receive", "--addr", "127.0.0.1:0", "--path", "/hooks"}, extra...)
	recv := cmdtest.StartWoot(t, map[string]string{"CHATWOOT_WEBHOOK_SECRET": secret, "WOOT_CONFIG_DIR": t.TempDir()}, args...)
	return recv, cmdtest.ReceiverURL(t, recv)
}

func hostOf(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// capturedDelivery is one signed delivery as an eavesdropper would keep it.
type capturedDelivery struct {
	body      []byte
	timestamp string
	signature string
}

func capture(secret string, body []byte) capturedDelivery {
	ts := time.Now().Unix()
	return capturedDelivery{body: body, timestamp: strconv.FormatInt(ts, 10), signature: referenceSignature(secret, ts, body)}
}

// send posts the captured delivery with the given delivery id ("" for
// none) and returns the status and body of the answer.
func (d capturedDelivery) send(t *testing.T, url, deliveryID string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(d.body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(webhook.HeaderTimestamp, d.timestamp)
	req.Header.Set(webhook.HeaderSignature, d.signature)
	if deliveryID != "" {
		req.Header.Set(webhook.HeaderDelivery, deliveryID)
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestWebhooksReceiveRejectsAReplayWhateverItsDeliveryID(t *testing.T) {
	const secret = "whsec-replay-77c1"
	var forwarded atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		forwarded.Add(1)
		w.WriteHeader(http.StatusOK)
	}))
	defer target.Close()
	recv, url := startReceiver(t, secret, "--forward-to", target.URL)
	d := capture(secret, []byte(`{"event":"message_created","id":9001,"content":"refund approved"}`))

	if status, text := d.send(t, url, "5b0f3f0e-1111-4c3a-9d55-6f1e2b3c4d5e"); status != http.StatusOK {
		t.Fatalf("the original delivery: HTTP %d %s", status, text)
	}
	for _, id := range []string{"0c2a9e7d-2222-4b1a-8e44-7a6b5c4d3e2f", ""} {
		status, text := d.send(t, url, id)
		if status != http.StatusUnauthorized || !strings.Contains(text, "replayed delivery") {
			t.Errorf("replay with delivery id %q: HTTP %d %q, want 401 naming the replay", id, status, text)
		}
	}
	// A fresh signature over the same body is a new delivery (Chatwoot's retry).
	later := time.Now().Unix() + 1
	retry := capturedDelivery{body: d.body, timestamp: strconv.FormatInt(later, 10), signature: referenceSignature(secret, later, d.body)}
	if status, text := retry.send(t, url, "5b0f3f0e-1111-4c3a-9d55-6f1e2b3c4d5e"); status != http.StatusOK {
		t.Fatalf("a re-signed retry: HTTP %d %s", status, text)
	}
	recv.WaitStderr("(a retry, printed before)", 5*time.Second)
	if code := recv.Stop(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, recv.ErrOut)
	}
	if got := recv.Out.String(); got != string(d.body)+"\n" {
		t.Fatalf("stdout %q: want the delivery printed once", got)
	}
	if n := recv.CountStderr("replayed delivery"); n != 2 {
		t.Errorf("%d replay lines on stderr, want 2:\n%s", n, recv.ErrOut)
	}
	if n := forwarded.Load(); n != 2 { // the original and the re-signed retry
		t.Errorf("%d requests forwarded, want 2 (replays are not passed on)", n)
	}
}

// rawRequest opens a connection and writes a request head by hand, so a
// test can stall or dribble the body as a hostile client would.
func rawRequest(t *testing.T, host, path string, headers map[string]string) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	var head strings.Builder
	fmt.Fprintf(&head, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n", path, host)
	for k, v := range headers {
		fmt.Fprintf(&head, "%s: %s\r\n", k, v)
	}
	head.WriteString("\r\n")
	if _, err := io.WriteString(conn, head.String()); err != nil {
		t.Fatal(err)
	}
	return conn
}

// readAnswer waits (bounded) for the response on conn.
func readAnswer(t *testing.T, conn net.Conn, within time.Duration) (*http.Response, string) {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(within))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer within %s: %v", within, err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

func signedHeaders(secret string, body []byte, contentLength int) map[string]string {
	ts := time.Now().Unix()
	return map[string]string{
		webhook.HeaderTimestamp: strconv.FormatInt(ts, 10),
		webhook.HeaderSignature: referenceSignature(secret, ts, body),
		"Content-Length":        strconv.Itoa(contentLength),
	}
}

func TestWebhooksReceiveAnswersBeforeReadingTheBody(t *testing.T) {
	const secret = "whsec-early-3e9d"
	// The read timeout is far beyond the test's wait: an answer that arrives
	// proves the receiver did not wait for the stalled body.
	recv, u := startReceiver(t, secret, "--read-timeout", "10m")
	host := hostOf(t, u)
	for name, headers := range map[string]map[string]string{
		"unsigned":            {"Content-Length": "1000"},
		"malformed signature": {"Content-Length": "1000", webhook.HeaderTimestamp: strconv.FormatInt(time.Now().Unix(), 10), webhook.HeaderSignature: "sha256=not-hex"},
		"stale timestamp":     signedHeaders(secret, nil, 1000),
	} {
		if name == "stale timestamp" {
			old := time.Now().Unix() - 3600
			headers[webhook.HeaderTimestamp] = strconv.FormatInt(old, 10)
			headers[webhook.HeaderSignature] = referenceSignature(secret, old, []byte("x"))
		}
		conn := rawRequest(t, host, "/hooks", headers) // and no body at all
		resp, text := readAnswer(t, conn, 20*time.Second)
		if resp.StatusCode != http.StatusUnauthorized || !resp.Close {
			t.Errorf("%s: HTTP %d (close %v) %q, want 401 closing the connection", name, resp.StatusCode, resp.Close, text)
		}
	}
	// Neither does a request to another path.
	conn := rawRequest(t, host, "/elsewhere", map[string]string{"Content-Length": "1000"})
	if resp, _ := readAnswer(t, conn, 20*time.Second); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another path: HTTP %d, want 404", resp.StatusCode)
	}
	// A signed body declared over --max-body (1 MiB) is refused unread too.
	conn = rawRequest(t, host, "/hooks", signedHeaders(secret, []byte("{}"), 2<<20))
	if resp, text := readAnswer(t, conn, 20*time.Second); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(text, "--max-body") {
		t.Errorf("declared 2 MiB: HTTP %d %q, want 413 naming --max-body", resp.StatusCode, text)
	}
	if code := recv.Stop(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, recv.ErrOut)
	}
	if recv.Out.String() != "" {
		t.Fatalf("printed %q", recv.Out)
	}
}

func TestWebhooksReceiveCapsTheBody(t *testing.T) {
	const secret = "whsec-cap-51aa"
	recv, url := startReceiver(t, secret, "--max-body", "1KiB")
	atCap := []byte(`{"event":"message_created","content":"` + strings.Repeat("a", 1024-len(`{"event":"message_created","content":""}`)) + `"}`)
	over := []byte(`{"event":"message_created","content":"` + strings.Repeat("a", 1024) + `"}`)
	if status, text := capture(secret, over).send(t, url, ""); status != http.StatusRequestEntityTooLarge || !strings.Contains(text, "1 KiB") {
		t.Errorf("signed %d bytes over a 1 KiB cap: HTTP %d %q, want 413", len(over), status, text)
	}
	// Chunked, so no Content-Length gives the size away.
	d := capture(secret, over)
	req, _ := http.NewRequest(http.MethodPost, url, io.MultiReader(bytes.NewReader(d.body)))
	req.Header.Set(webhook.HeaderTimestamp, d.timestamp)
	req.Header.Set(webhook.HeaderSignature, d.signature)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || req.ContentLength != 0 {
		t.Errorf("chunked over the cap: HTTP %d (sent with length %d), want 413", resp.StatusCode, req.ContentLength)
	}
	if status, text := capture(secret, atCap).send(t, url, ""); status != http.StatusOK {
		t.Errorf("exactly 1 KiB: HTTP %d %q, want 200", status, text)
	}
	recv.WaitLines(1, 5*time.Second)
	if code := recv.Stop(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, recv.ErrOut)
	}
	if lines := recv.Out.Lines(); len(lines) != 1 {
		t.Fatalf("printed %d deliveries, want only the one within the cap", len(lines))
	}
}

func TestWebhooksReceiveClosesASlowBody(t *testing.T) {
	const secret = "whsec-slow-0b7e"
	recv, u := startReceiver(t, secret, "--read-timeout", "1s", "--read-header-timeout", "1s")
	host := hostOf(t, u)
	body := bytes.Repeat([]byte("x"), 100000)
	conn := rawRequest(t, host, "/hooks", signedHeaders(secret, body, len(body)))
	answered := make(chan struct{})
	go func() { // one byte per interval, never the whole body
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for i := 0; i < len(body)-1; i++ {
			select {
			case <-answered:
				return
			case <-tick.C:
			}
			if _, err := conn.Write(body[i : i+1]); err != nil {
				return
			}
		}
	}()
	resp, _ := readAnswer(t, conn, 30*time.Second)
	close(answered)
	if resp.StatusCode != http.StatusRequestTimeout {
		t.Errorf("slow body: HTTP %d, want 408", resp.StatusCode)
	}
	assertClosed(t, conn, 30*time.Second)

	// Headers dribbled just as slowly never reach the handler.
	slow, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	_, _ = io.WriteString(slow, "POST /hooks HTTP/1.1\r\nHost: x\r\n")
	go func() {
		for i := 0; i < 600; i++ {
			if _, err := io.WriteString(slow, "X"); err != nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	assertClosed(t, slow, 30*time.Second)
	if code := recv.Stop(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, recv.ErrOut)
	}
	if !strings.Contains(recv.ErrOut.String(), "body not received within --read-timeout 1s") {
		t.Errorf("stderr does not explain the 408:\n%s", recv.ErrOut)
	}
}

// assertClosed reads conn until the server closes it, failing after
// within (a generous bound: only the close matters, not how fast).
func assertClosed(t *testing.T, conn net.Conn, within time.Duration) {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(within))
	_, err := io.Copy(io.Discard, conn)
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		t.Fatalf("the server kept the connection open for %s", within)
	}
}

func TestWebhooksReceiveTurnsAwayRequestsBeyondTheCap(t *testing.T) {
	const secret = "whsec-busy-c4d2"
	recv, u := startReceiver(t, secret, "--max-in-flight", "1", "--read-timeout", "10m")
	host := hostOf(t, u)
	// One request holds the only slot, waiting for a body that never comes.
	hold := rawRequest(t, host, "/hooks", signedHeaders(secret, []byte("{}"), 100))
	busy := false
	for deadline := time.Now().Add(10 * time.Second); !busy && time.Now().Before(deadline); {
		conn := rawRequest(t, host, "/hooks", map[string]string{"Content-Length": "0"})
		resp, text := readAnswer(t, conn, 10*time.Second)
		conn.Close()
		switch resp.StatusCode {
		case http.StatusServiceUnavailable:
			busy = true
			if resp.Header.Get("Retry-After") == "" || !strings.Contains(text, "busy") {
				t.Errorf("503 without Retry-After or reason: %v %q", resp.Header, text)
			}
		case http.StatusUnauthorized: // the holder is not in its handler yet
		default:
			t.Fatalf("HTTP %d %q", resp.StatusCode, text)
		}
	}
	if !busy {
		t.Fatal("a second request was never turned away while the slot was held")
	}
	hold.Close()
	if code := recv.Stop(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, recv.ErrOut)
	}
}

func TestWebhooksReceiveSecretFile(t *testing.T) {
	const secret = "whsec-file-6a0c"
	path := writeBodyFile(t, "secret", []byte(secret+"\n"))
	recv := cmdtest.StartWoot(t, map[string]string{"CHATWOOT_WEBHOOK_SECRET": "the-wrong-one", "WOOT_CONFIG_DIR": t.TempDir()},
		"webhooks", "receive", "--addr", "127.0.0.1:0", "--secret-file", path, "--count", "1")
	url := cmdtest.ReceiverURL(t, recv)
	if !strings.Contains(recv.ErrOut.String(), "secret from --secret-file "+path) {
		t.Errorf("announcement does not name the file:\n%s", recv.ErrOut)
	}
	if status, text := capture(secret, []byte(`{"event":"contact_created"}`)).send(t, url, ""); status != http.StatusOK {
		t.Fatalf("signed with the file's secret: HTTP %d %s", status, text)
	}
	if code := recv.Wait(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, recv.ErrOut)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	recv = cmdtest.StartWoot(t, map[string]string{"WOOT_CONFIG_DIR": t.TempDir()},
		"webhooks", "receive", "--addr", "127.0.0.1:0", "--secret-file", path)
	cmdtest.ReceiverURL(t, recv)
	if !strings.Contains(recv.ErrOut.String(), "chmod 600 "+path) || strings.Contains(recv.ErrOut.String(), secret) {
		t.Errorf("a file others can read: stderr %q, want a chmod warning without the secret", recv.ErrOut)
	}
}
