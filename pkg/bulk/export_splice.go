package bulk

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// SplitAtField compacts obj (a JSON object) and cuts it around the value
// of key: head ends with `"key":` and tail is everything after the
// value, so head + value + tail is obj with key set to value. A member
// already there is replaced where it stands; a missing one is appended.
// An export splices a conversation's whole history in this way without
// ever holding the history and the conversation together in memory.
func SplitAtField(obj json.RawMessage, key string) (head, tail []byte, err error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, obj); err != nil {
		return nil, nil, fmt.Errorf("set %s: %w", key, err)
	}
	c := buf.Bytes()
	if len(c) < 2 || c[0] != '{' {
		return nil, nil, fmt.Errorf("set %s: not a JSON object: %.60s", key, obj)
	}
	if start, end, found := topLevelSpan(c, key); found {
		return c[:start], c[end:], nil
	}
	name, _ := json.Marshal(key)
	head = append([]byte(nil), c[:len(c)-1]...)
	if len(c) > 2 { // not {}
		head = append(head, ',')
	}
	head = append(append(head, name...), ':')
	return head, []byte{'}'}, nil
}

// SplicedItems writes an export's items as NDJSON or as an indented JSON
// array, byte for byte as woot's printers write them, with one field of
// each item read from a stream (a spool file) instead of memory: the
// memory an item costs is its own fields and a buffer, however long the
// streamed field is. The streamed bytes must be compact JSON (a history
// spool is); head and tail come from SplitAtField.
type SplicedItems struct {
	w     *bufio.Writer
	array bool
	n     int
	ind   jsonIndenter
}

// splicedBuffer is the write buffer between a spool and the output.
const splicedBuffer = 32 << 10

// NewSplicedItems writes NDJSON to w, or a JSON array when array is set.
func NewSplicedItems(w io.Writer, array bool) *SplicedItems {
	s := &SplicedItems{w: bufio.NewWriterSize(w, splicedBuffer), array: array}
	s.ind = jsonIndenter{w: s.w, prefix: "  ", indent: "  "}
	return s
}

// Item writes head, then value to its end, then tail, as one item.
func (s *SplicedItems) Item(head []byte, value io.Reader, tail []byte) error {
	if !s.array {
		s.w.Write(head)
		if _, err := io.Copy(s.w, value); err != nil {
			return s.readError(err)
		}
		s.w.Write(tail)
		s.w.WriteByte('\n')
		return s.w.Flush()
	}
	if s.n == 0 {
		s.w.WriteString("[\n  ")
	} else {
		s.w.WriteString(",\n  ")
	}
	s.n++
	s.ind.reset()
	s.ind.Write(head)
	if _, err := io.Copy(&s.ind, value); err != nil {
		return s.readError(err)
	}
	s.ind.Write(tail)
	return s.w.Flush()
}

// readError tells a failed write of the output from a failed read of the
// spool, which io.Copy reports alike.
func (s *SplicedItems) readError(err error) error {
	if werr := s.w.Flush(); werr != nil {
		return werr
	}
	return fmt.Errorf("read the export's temporary file: %w", err)
}

// Close ends the JSON array (NDJSON needs no end) and flushes.
func (s *SplicedItems) Close() error {
	if s.array {
		if s.n == 0 {
			s.w.WriteString("[]\n")
		} else {
			s.w.WriteString("\n]\n")
		}
	}
	return s.w.Flush()
}

// jsonIndenter re-indents JSON as json.Indent does, but as a stream:
// what it was written so far is all it needs, so a history of any
// length passes through a fixed buffer. It expects valid JSON; the
// whitespace between tokens is dropped and put back as json.Indent puts
// it (an empty object or array stays {} or []).
type jsonIndenter struct {
	w              *bufio.Writer
	prefix, indent string
	depth          int
	needIndent     bool // after { or [: a newline unless it closes at once
	inString       bool
	escaped        bool
}

func (d *jsonIndenter) reset() {
	d.depth, d.needIndent, d.inString, d.escaped = 0, false, false, false
}

// Write always takes all of p; errors surface at the writer's Flush.
func (d *jsonIndenter) Write(p []byte) (int, error) {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if d.inString {
			// Copy the run of plain string bytes at once.
			j := i
			for j < len(p) && p[j] != '"' && p[j] != '\\' && !d.escaped {
				j++
			}
			if j > i {
				d.w.Write(p[i:j])
				i = j - 1
				continue
			}
			d.w.WriteByte(c)
			switch {
			case d.escaped:
				d.escaped = false
			case c == '\\':
				d.escaped = true
			case c == '"':
				d.inString = false
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		if d.needIndent && c != '}' && c != ']' {
			d.needIndent = false
			d.depth++
			d.newline()
		}
		switch c {
		case '"':
			d.inString = true
			d.w.WriteByte(c)
		case '{', '[':
			d.needIndent = true
			d.w.WriteByte(c)
		case ',':
			d.w.WriteByte(c)
			d.newline()
		case ':':
			d.w.WriteString(": ")
		case '}', ']':
			if d.needIndent {
				d.needIndent = false
			} else {
				d.depth--
				d.newline()
			}
			d.w.WriteByte(c)
		default:
			d.w.WriteByte(c)
		}
	}
	return len(p), nil
}

func (d *jsonIndenter) newline() {
	d.w.WriteByte('\n')
	d.w.WriteString(d.prefix)
	for range d.depth {
		d.w.WriteString(d.indent)
	}
}
