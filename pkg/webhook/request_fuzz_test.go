package webhook

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

func FuzzParseRequest(f *testing.F) {
	seeds := []string{
		"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
		"POST / HTTP/1.1\nX-Chatwoot-Signature: sha256=00\n\n{\"event\":\"message_created\"}\n",
		"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
		"POST / HTTP/1.1\nTransfer-Encoding: chunked\n\n1;a=b\n{\n1\n}\n0\n\n",
		"X-Chatwoot-Timestamp: 1\r\n\r\nbody",
		"POST / HTTP/1.1\r\nA: b\r\n c\r\nContent-Length: 0\r\n\r\n",
		"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
		"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n",
		"\r\n\r\n",
		"",
		":\r\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := ParseRequest(bytes.NewReader(data))
		if err != nil {
			if req != nil {
				t.Fatal("request returned together with an error")
			}
			return
		}
		if req.Headers == nil {
			t.Fatal("nil headers")
		}
		if len(req.Body) > len(data) {
			t.Fatalf("body of %d bytes from %d bytes of input", len(req.Body), len(data))
		}
		if isChunked(req.Headers) {
			return
		}
		// Unchunked, the body is an unaltered tail region of the input.
		if !bytes.Contains(data, req.Body) {
			t.Fatalf("body %q is not part of the input", req.Body)
		}
		if cl := req.Headers.Get("Content-Length"); cl != "" && !strings.Contains(cl, ",") && len(req.Headers.Values("Content-Length")) == 1 {
			n, _ := strconv.Atoi(strings.TrimSpace(cl))
			if len(req.Body) != n {
				t.Fatalf("Content-Length %s but body has %d bytes", cl, len(req.Body))
			}
		}
	})
}
