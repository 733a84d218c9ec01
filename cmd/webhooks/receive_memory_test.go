package webhooks_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/webhook"
)

// TestWebhooksReceiveMemoryUnderHugeBadBodies is the flood of issue 12:
// 24 clients at once each offer a 60 MB body with a bad signature. The
// receiver (the real binary, so the figure is its own) must answer them
// all and peak under 100 MB of resident memory; it used to read every body
// whole first (2.68 GB). This measures memory, not time.
func TestWebhooksReceiveMemoryUnderHugeBadBodies(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the peak RSS (VmHWM) from /proc, which only Linux has")
	}
	const (
		secret   = "whsec-flood-2f8b"
		clients  = 24
		bodySize = 60 << 20
		limitKB  = 100 << 10
	)
	bin := cmdtest.WootBinary(t)
	secretFile := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secretFile, []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	recv := exec.Command(bin, "webhooks", "receive", "--addr", "127.0.0.1:0", "--secret-file", secretFile)
	recv.Env = append(os.Environ(), "WOOT_CONFIG_DIR="+t.TempDir())
	var stdout bytes.Buffer
	recv.Stdout = &stdout
	stderr, err := recv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := recv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = recv.Process.Kill(); _ = recv.Wait() }()
	host := waitListening(t, stderr)

	// Three kinds of bad request, eight of each: a well-formed wrong
	// signature with the size declared, the same sent chunked (the size
	// is known only by reading), and a malformed signature.
	var wg sync.WaitGroup
	results := make(chan string, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- floodOnce(host, i%3, bodySize)
		}()
	}
	wg.Wait()
	close(results)
	for r := range results {
		if strings.HasPrefix(r, "HTTP 2") {
			t.Errorf("a bad-signature flood request was accepted: %s", r)
		}
	}

	// Still serving: a genuine delivery goes through and is printed.
	body := []byte(`{"event":"message_created","id":1}`)
	if status, text := capture(secret, body).send(t, "http://"+host+"/", ""); status != http.StatusOK {
		t.Fatalf("after the flood a valid delivery got HTTP %d %s", status, text)
	}
	hwm := peakRSSKiB(t, recv.Process.Pid)
	t.Logf("receiver peak RSS after %d concurrent %d MB bad-signature bodies: %.1f MB", clients, bodySize>>20, float64(hwm)/1024)
	if hwm > limitKB {
		t.Errorf("peak RSS %d KiB, want under %d KiB", hwm, limitKB)
	}
	_ = recv.Process.Signal(syscall.SIGINT)
	if err := recv.Wait(); err != nil {
		t.Fatalf("receiver exit: %v", err)
	}
	if stdout.String() != string(body)+"\n" {
		t.Fatalf("stdout %q: want only the valid delivery", stdout.String())
	}
}

// waitListening reads the receiver's stderr until it names its address,
// then keeps draining it so the receiver never blocks on a full pipe.
func waitListening(t *testing.T, stderr io.Reader) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(line, "listening on http://"); ok {
				select {
				case found <- rest[:strings.IndexAny(rest, "/ ")]:
				default:
				}
			}
		}
	}()
	select {
	case host := <-found:
		return host
	case <-time.After(30 * time.Second):
		t.Fatal("the receiver never said where it listens")
		return ""
	}
}

// floodOnce offers one oversized bad request and reports how it ended:
// the status line, or the error that cut it (the receiver closing on a
// body it will not read is the expected end).
func floodOnce(host string, kind, size int) string {
	conn, err := net.DialTimeout("tcp", host, 10*time.Second)
	if err != nil {
		return "dial: " + err.Error()
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Minute)) // a bound, not a measure
	ts := time.Now().Unix()
	sig := webhook.Sign("not-the-secret", ts, nil)
	if kind == 2 {
		sig = "sha256=zz"
	}
	head := fmt.Sprintf("POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n%s: %d\r\n%s: %s\r\n",
		host, webhook.HeaderTimestamp, ts, webhook.HeaderSignature, sig)
	if kind == 1 {
		head += "Transfer-Encoding: chunked\r\n\r\n"
	} else {
		head += "Content-Length: " + strconv.Itoa(size) + "\r\n\r\n"
	}
	answer := make(chan string, 1)
	go func() {
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			answer <- "read: " + err.Error()
			return
		}
		resp.Body.Close()
		answer <- resp.Status
	}()
	if _, err := io.WriteString(conn, head); err != nil {
		return "write: " + err.Error()
	}
	chunk := bytes.Repeat([]byte("a"), 64<<10)
	for sent := 0; sent < size; sent += len(chunk) {
		var err error
		if kind == 1 {
			_, err = fmt.Fprintf(conn, "%x\r\n%s\r\n", len(chunk), chunk)
		} else {
			_, err = conn.Write(chunk)
		}
		if err != nil {
			break // the receiver stopped reading and closed: as it should
		}
	}
	return "HTTP " + strings.TrimPrefix(<-answer, "HTTP ")
}

// peakRSSKiB reads VmHWM, the resident set's high-water mark, of pid.
func peakRSSKiB(t *testing.T, pid int) int {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				t.Fatalf("VmHWM line %q: %v", line, err)
			}
			return kb
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}
