package bulk

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Row size limits. A row past its limit is rejected without being read
// into memory, and the job goes on with the next one: a runaway field (a
// file pasted into a cell, a quote that never closes) must neither exhaust
// memory nor be sent to Chatwoot, nor swell the journal.
const (
	// DefaultMaxRowBytes bounds a contact row: a contact with every field
	// and dozens of attributes is a few KiB.
	DefaultMaxRowBytes = 1 << 20
	// DefaultMaxConversationBytes bounds a conversation line, which holds
	// the conversation's whole history.
	DefaultMaxConversationBytes = 16 << 20
)

// physLine is one line of the input as read, without its line ending.
type physLine struct {
	num  int64
	off  int64  // where the line starts in the input
	text []byte // the whole line; only its first bytes when long
	size int64  // the line's length in the file, ending included
	long bool   // longer than the limit: text is a preview
	// quotes counts the line's double quotes: for a line too long to keep,
	// whether it ends inside a quoted CSV field (an odd count) is all that
	// is known of it.
	quotes int64
}

// previewBytes is how much of a line too long to keep is kept, to name it.
const previewBytes = 40

// lineReader reads lines keeping at most max bytes of each, and can be
// given lines back to read them again (stray-quote recovery).
type lineReader struct {
	br   *bufio.Reader
	max  int64
	num  int64
	off  int64 // bytes read so far
	back []physLine
}

func newLineReader(br *bufio.Reader, max int64) *lineReader {
	return &lineReader{br: br, max: max}
}

// unread gives lines back, to be read again before anything else.
func (lr *lineReader) unread(lines []physLine) {
	lr.back = append(append([]physLine(nil), lines...), lr.back...)
}

func (lr *lineReader) read() (physLine, error) {
	if len(lr.back) > 0 {
		l := lr.back[0]
		lr.back = lr.back[1:]
		return l, nil
	}
	var buf []byte
	var size, quotes int64
	long := false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += int64(len(chunk))
		quotes += int64(bytes.Count(chunk, []byte{'"'}))
		switch {
		case long:
		case int64(len(buf)+len(chunk)) > lr.max+2: // +2: the line ending is not the row's
			long = true
			buf = append(buf, chunk...)
			buf = buf[:min(len(buf), previewBytes)]
		case buf == nil:
			buf = append(make([]byte, 0, len(chunk)), chunk...) // most lines come in one chunk
		default:
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return physLine{}, inputErrorf("read input: %w", err)
		}
		if size == 0 {
			return physLine{}, io.EOF
		}
		break
	}
	lr.num++
	off := lr.off
	lr.off += size
	if !long {
		buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
	}
	if lr.num == 1 {
		buf = bytes.TrimPrefix(buf, utf8BOM)
	}
	return physLine{num: lr.num, off: off, text: buf, size: size, long: long, quotes: quotes}, nil
}

// tooLong is the reason a row over the limit is rejected with.
func tooLong(first, last int64, size, limit int64, preview []byte) string {
	return fmt.Sprintf("the row (%s, starting %q) is %s, over the limit of %s a row: it was neither read nor sent",
		lineSpan(first, last), previewOf(preview), formatBytes(size), formatBytes(limit)) + oversizeAdvice
}

// oversizeAdvice ends the reason of a row over the limit that was not
// kept (a dry run, stdin): keepOversize says where a kept one is instead.
const oversizeAdvice = "; take it from the input, shorten it, or raise --max-row-size"

// lineSpan names lines first to last: "line 4", "lines 4–6".
func lineSpan(first, last int64) string {
	if last > first {
		return fmt.Sprintf("lines %d–%d", first, last)
	}
	return fmt.Sprintf("line %d", first)
}

func previewOf(b []byte) string {
	s := strings.ToValidUTF8(string(b), "")
	if r := []rune(s); len(r) > 24 {
		s = string(r[:24]) + "…"
	}
	return s
}

// formatBytes writes a size the way --max-row-size takes it.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ParseSize reads a --max-row-size: bytes, or a number with KiB, MiB, KB
// or MB (K and M alone mean KiB and MiB).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"KB", 1000}, {"MB", 1000 * 1000}, {"K", 1 << 10}, {"M", 1 << 20}, {"B", 1}} {
		if v, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(v), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > 1<<40 {
		return 0, fmt.Errorf("size %q: give bytes, or a number with KiB or MiB (e.g. 4MiB)", s)
	}
	return n * mult, nil
}
