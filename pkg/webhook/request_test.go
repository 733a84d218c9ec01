package webhook

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

const capturedBody = `{"account":{"id":1,"name":"Acme"},"content":"Bonjour 👋","event":"message_created","id":9}`

func TestParseRequestCRLFWithContentLength(t *testing.T) {
	raw := "POST /hooks/chatwoot HTTP/1.1\r\n" +
		"Host: 127.0.0.1:8080\r\n" +
		"Content-Type: application/json\r\n" +
		"x-chatwoot-signature: sha256=abc\r\n" +
		"X-Chatwoot-Timestamp: 1718000000\r\n" +
		"Content-Length: " + strconv.Itoa(len(capturedBody)) + "\r\n" +
		"\r\n" + capturedBody + "\n" // an editor's newline after the body
	req, err := ParseRequest(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != "POST" || req.Target != "/hooks/chatwoot" || req.Proto != "HTTP/1.1" {
		t.Errorf("request line = %q %q %q", req.Method, req.Target, req.Proto)
	}
	if got := req.Headers.Get(HeaderSignature); got != "sha256=abc" {
		t.Errorf("signature header (sent lowercase) = %q", got)
	}
	if string(req.Body) != capturedBody {
		t.Errorf("body = %q, want exactly Content-Length bytes", req.Body)
	}
}

func TestParseRequestBareLFWithoutContentLength(t *testing.T) {
	raw := "POST / HTTP/1.1\nX-Chatwoot-Timestamp: 1\n\n" + capturedBody + "\n"
	req, err := ParseRequest(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if string(req.Body) != capturedBody+"\n" {
		t.Errorf("body = %q, want the rest of the input unaltered", req.Body)
	}
	if req.Headers.Get(HeaderTimestamp) != "1" {
		t.Errorf("timestamp header = %q", req.Headers.Get(HeaderTimestamp))
	}
}

func TestParseRequestHeadersOnlyCapture(t *testing.T) {
	raw := "\r\nX-Chatwoot-Signature: sha256=ff\r\nContent-Type:application/json\r\n\r\n{}"
	req, err := ParseRequest(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != "" || req.Headers.Get("Content-Type") != "application/json" || string(req.Body) != "{}" {
		t.Errorf("got %+v body %q", req, req.Body)
	}
}

func TestParseRequestFoldedHeader(t *testing.T) {
	raw := "POST / HTTP/1.1\r\nX-Note: first\r\n  second\r\n\tthird\r\nContent-Length: 2\r\n\r\n{}"
	req, err := ParseRequest(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got := req.Headers.Get("X-Note"); got != "first second third" {
		t.Errorf("folded header = %q", got)
	}
}

func TestParseRequestChunked(t *testing.T) {
	for name, eol := range map[string]string{"CRLF": "\r\n", "LF": "\n"} {
		t.Run(name, func(t *testing.T) {
			b := []byte(capturedBody)
			raw := "POST / HTTP/1.1" + eol + "Transfer-Encoding: gzip, chunked" + eol + "Content-Length: 3" + eol + eol +
				hexLen(b[:10]) + ";ext=1" + eol + string(b[:10]) + eol +
				hexLen(b[10:]) + eol + string(b[10:]) + eol +
				"0" + eol + "X-Trailer: x" + eol + eol
			req, err := ParseRequest(strings.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if string(req.Body) != capturedBody {
				t.Errorf("decoded body = %q", req.Body)
			}
		})
	}
}

func TestParseRequestErrors(t *testing.T) {
	cases := map[string]struct{ raw, want string }{
		"empty":                {"", "empty input"},
		"blank only":           {"\r\n\r\n", "empty input"},
		"truncated body":       {"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n{}", "body has 2 bytes but Content-Length says 10"},
		"bad request line":     {"POST /\r\n\r\n", "request line"},
		"bad header":           {"POST / HTTP/1.1\r\nno colon here\r\n\r\n", "line 2"},
		"space in header name": {"POST / HTTP/1.1\r\nX Bad: 1\r\n\r\n", "line 2"},
		"negative length":      {"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length"},
		"conflicting lengths":  {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "conflicting"},
		"bad chunk size":       {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"},
		"short chunk":          {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nabc\r\n0\r\n\r\n", "only"},
		"no last chunk":        {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n", "zero-size"},
		"huge chunk size":      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n", "chunk size"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseRequest(strings.NewReader(c.raw))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestParseRequestTooLarge(t *testing.T) {
	_, err := ParseRequest(io.LimitReader(zeroReader{}, MaxRequestSize+10))
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("err = %v, want a size error", err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestParseCapturedDeliveryVerifies sends a real signed delivery over TCP,
// captures the raw bytes a receiver sees, and checks ParseRequest hands
// Verify what it needs.
func TestParseCapturedDeliveryVerifies(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	captured := make(chan []byte, 1)
	go captureOne(ln, captured)

	s := NewSender(nil, testSecret)
	s.MaxAttempts = 1
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := s.Send(ctx, "http://"+ln.Addr().String()+"/hook", []byte(capturedBody)); err != nil {
		t.Fatal(err)
	}
	raw := <-captured
	req, err := ParseRequest(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("parse captured request: %v\n%s", err, raw)
	}
	res, err := Verify(testSecret, req.Headers.Get(HeaderSignature), req.Headers.Get(HeaderTimestamp), req.Body, time.Now(), 5*time.Minute)
	if err != nil || !res.Valid {
		t.Fatalf("captured delivery does not verify: %+v %v", res, err)
	}
	if string(req.Body) != capturedBody {
		t.Errorf("captured body = %q", req.Body)
	}
}

// captureOne reads one request (until it parses completely), answers 204
// and hands the raw bytes over.
func captureOne(ln net.Listener, out chan<- []byte) {
	conn, err := ln.Accept()
	if err != nil {
		out <- nil
		return
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	var buf []byte
	chunk := make([]byte, 4096)
	for {
		n, err := conn.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if _, perr := ParseRequest(bytes.NewReader(buf)); perr == nil && bytes.Contains(buf, []byte("\r\n\r\n")) {
			break
		}
		if err != nil {
			break
		}
	}
	_, _ = conn.Write([]byte("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"))
	out <- buf
}

func TestParseRequestReportsReadErrors(t *testing.T) {
	req, err := ParseRequest(errReader{})
	if req != nil || !errors.Is(err, errBoom) {
		t.Fatalf("read failure: req %v err %v", req, err)
	}
}

var errBoom = errors.New("boom")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBoom }

func hexLen(b []byte) string { return strconv.FormatInt(int64(len(b)), 16) }
