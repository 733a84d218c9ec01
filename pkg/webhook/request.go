package webhook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// MaxRequestSize bounds what ParseRequest reads, so a mistaken pipe cannot
// eat all memory.
const MaxRequestSize = 64 << 20

// Request is a raw HTTP/1.1 request as captured by a receiver (a file, a
// request-bin dump, `nc -l`). Body holds the exact bytes the signature covers.
type Request struct {
	Method  string // empty when the input started directly with headers
	Target  string
	Proto   string
	Headers http.Header
	Body    []byte
}

// ParseRequest reads a raw HTTP/1.1 request: request line, headers, a blank
// line, then the body. It tolerates bare "\n" line endings (files edited by
// hand), a missing request line, folded headers, and decodes a chunked
// body. With Content-Length the body is exactly that many bytes (anything
// after it, such as a newline an editor added, is ignored); without it the
// body is the rest of the input, unaltered.
func ParseRequest(r io.Reader) (*Request, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxRequestSize+1))
	if err != nil {
		return nil, fmt.Errorf("read request: %w", err)
	}
	if len(data) > MaxRequestSize {
		return nil, fmt.Errorf("read request: input larger than %d MiB", MaxRequestSize>>20)
	}
	p := &lineReader{data: data}
	req := &Request{Headers: http.Header{}}
	if err := req.readHead(p); err != nil {
		return nil, fmt.Errorf("parse request: %w", err)
	}
	body, err := req.readBody(p.rest())
	if err != nil {
		return nil, fmt.Errorf("parse request body: %w", err)
	}
	req.Body = body
	return req, nil
}

// lineReader walks a byte slice line by line; a line ends at "\n" with an
// optional "\r" before it.
type lineReader struct {
	data []byte
	pos  int
	line int // number of the line last returned, from 1
}

// next returns the next line without its ending; ok is false at the end.
func (l *lineReader) next() (line []byte, ok bool) {
	if l.pos >= len(l.data) {
		return nil, false
	}
	l.line++
	rest := l.data[l.pos:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		l.pos = len(l.data)
		return rest, true
	}
	l.pos += i + 1
	return bytes.TrimSuffix(rest[:i], []byte{'\r'}), true
}

func (l *lineReader) peek() []byte {
	save, n := l.pos, l.line
	line, _ := l.next()
	l.pos, l.line = save, n
	return line
}

func (l *lineReader) rest() []byte { return l.data[l.pos:] }

func (req *Request) readHead(p *lineReader) error {
	first, ok := p.next()
	for ok && len(bytes.TrimSpace(first)) == 0 { // blank lines before the request line are allowed
		first, ok = p.next()
	}
	if !ok {
		return errors.New("empty input: expected an HTTP request (request line, headers, blank line, body)")
	}
	if looksLikeHeader(first) {
		if err := req.addHeader(p, first); err != nil {
			return err
		}
	} else if err := req.setRequestLine(first); err != nil {
		return err
	}
	for {
		line, ok := p.next()
		if !ok || len(line) == 0 {
			return nil // end of headers (or of input: a request without body)
		}
		if err := req.addHeader(p, line); err != nil {
			return err
		}
	}
}

// looksLikeHeader lets a capture that starts at the headers through: a
// request line has a space before any colon, a header does not.
func looksLikeHeader(line []byte) bool {
	colon := bytes.IndexByte(line, ':')
	space := bytes.IndexAny(line, " \t")
	return colon > 0 && (space < 0 || colon < space)
}

func (req *Request) setRequestLine(line []byte) error {
	fields := strings.Fields(string(line))
	if len(fields) != 3 || !strings.HasPrefix(fields[2], "HTTP/") {
		return fmt.Errorf("line 1: expected a request line like \"POST /webhook HTTP/1.1\", found %s", quoteShort(string(line)))
	}
	req.Method, req.Target, req.Proto = fields[0], fields[1], fields[2]
	return nil
}

func (req *Request) addHeader(p *lineReader, line []byte) error {
	name, value, ok := bytes.Cut(line, []byte{':'})
	if !ok || len(bytes.TrimSpace(name)) == 0 || bytes.ContainsAny(name, " \t") {
		return fmt.Errorf("line %d: expected a header \"Name: value\", found %s", p.line, quoteShort(string(line)))
	}
	v := bytes.TrimSpace(value)
	// Obsolete line folding: continuation lines start with a space or tab.
	if next := p.peek(); len(next) > 0 && (next[0] == ' ' || next[0] == '\t') {
		v = bytes.Clone(v)
		for ; len(next) > 0 && (next[0] == ' ' || next[0] == '\t'); next = p.peek() {
			p.next()
			v = append(append(v, ' '), bytes.TrimSpace(next)...)
		}
	}
	req.Headers.Add(string(name), string(v))
	return nil
}

func (req *Request) readBody(rest []byte) ([]byte, error) {
	if isChunked(req.Headers) {
		return decodeChunked(rest)
	}
	cls := req.Headers.Values("Content-Length")
	if len(cls) == 0 {
		return rest, nil
	}
	n, err := contentLength(cls)
	if err != nil {
		return nil, err
	}
	if int64(len(rest)) < n {
		return nil, fmt.Errorf("body has %d bytes but Content-Length says %d: the capture is truncated or was edited", len(rest), n)
	}
	return rest[:n], nil
}

func contentLength(values []string) (int64, error) {
	var n int64 = -1
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			m, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
			if err != nil || m < 0 {
				return 0, fmt.Errorf("invalid Content-Length %s", quoteShort(v))
			}
			if n >= 0 && m != n {
				return 0, fmt.Errorf("conflicting Content-Length values %q", values)
			}
			n = m
		}
	}
	return n, nil
}

func isChunked(h http.Header) bool {
	te := h.Values("Transfer-Encoding")
	if len(te) == 0 {
		return false
	}
	codings := strings.Split(te[len(te)-1], ",")
	return strings.EqualFold(strings.TrimSpace(codings[len(codings)-1]), "chunked")
}

// decodeChunked decodes a chunked body, accepting "\n" as well as "\r\n".
// Trailers are read and dropped: Chatwoot sends none.
func decodeChunked(data []byte) ([]byte, error) {
	p := &lineReader{data: data}
	body := []byte{}
	for {
		line, ok := p.next()
		if !ok {
			return nil, errors.New("chunked body ends before the last (zero-size) chunk")
		}
		sizeText, _, _ := bytes.Cut(line, []byte{';'}) // drop chunk extensions
		size, err := strconv.ParseUint(string(bytes.TrimSpace(sizeText)), 16, 63)
		if err != nil {
			return nil, fmt.Errorf("chunked body: invalid chunk size %s", quoteShort(string(line)))
		}
		if size == 0 {
			return body, nil
		}
		rest := p.rest()
		if uint64(len(rest)) < size {
			return nil, fmt.Errorf("chunked body: chunk of %d bytes but only %d remain", size, len(rest))
		}
		body = append(body, rest[:size]...)
		p.pos += int(size)
		if end, _ := p.next(); len(end) != 0 {
			return nil, fmt.Errorf("chunked body: expected a line break after a %d-byte chunk", size)
		}
	}
}
