package bulk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/output"
)

func TestSplitAtFieldReplacesInPlaceOrAppends(t *testing.T) {
	for _, tc := range []struct{ obj, head, tail string }{
		{`{"id":1, "messages": [{"id":9}], "x":{"y":1.50}}`, `{"id":1,"messages":`, `,"x":{"y":1.50}}`},
		{`{"messages":[],"id":2}`, `{"messages":`, `,"id":2}`},
		{`{"id":1,"meta":{"messages":3}}`, `{"id":1,"meta":{"messages":3},"messages":`, `}`},
		{` { } `, `{"messages":`, `}`},
		{`{"note":"a \"messages\": b"}`, `{"note":"a \"messages\": b","messages":`, `}`},
	} {
		head, tail, err := SplitAtField(json.RawMessage(tc.obj), "messages")
		if err != nil || string(head) != tc.head || string(tail) != tc.tail {
			t.Errorf("%s: head %s tail %s (%v), want %s and %s", tc.obj, head, tail, err, tc.head, tc.tail)
		}
	}
	for _, bad := range []string{`[1]`, `"x"`, `{"id":`, ``} {
		if _, _, err := SplitAtField(json.RawMessage(bad), "messages"); err == nil {
			t.Errorf("%q was accepted as an object", bad)
		}
	}
}

// splicedFixtures are conversations whose shapes stress the indenter:
// empty containers, nesting, strings holding brackets, commas, colons,
// quotes and escapes, non-ASCII text, numbers as the server spelt them.
var splicedFixtures = []struct{ item, history string }{
	{`{"id":1,"messages":[{"id":7}],"meta":{"sender":{"name":"Ann","tags":[]}},"labels":["a","b"]}`,
		`[{"id":1,"content":"hi {there} [x], a:b","attachments":[],"extra":{}},{"id":2,"content":"say \"no\" \\ back\\","n":1.50e3,"ok":true,"v":null}]`},
	{`{"id":2,"status":"open"}`, `[]`},
	{`{}`, `[{"id":3,"content":"caf\u00e9 ☕ \n\t","nested":[[1,[2,{}]],{"a":[{}]}]}]`},
}

// printed is what woot's printer writes for the assembled items.
func printed(t *testing.T, format string) string {
	t.Helper()
	var buf bytes.Buffer
	ios := &output.IOStreams{Out: &buf}
	p, err := output.New(ios, output.Options{Format: format})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range splicedFixtures {
		head, tail, err := SplitAtField(json.RawMessage(f.item), "messages")
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Item(json.RawMessage(string(head) + f.history + string(tail))); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// A streamed item is byte for byte what the printer writes for the
// same item assembled in memory, as NDJSON and as a JSON array, however
// the history's bytes are cut into reads.
func TestSplicedItemsWriteWhatThePrinterWrites(t *testing.T) {
	for _, format := range []string{"ndjson", "json"} {
		want := printed(t, format)
		for _, chunk := range []int{1, 3, 64 << 10} {
			var buf bytes.Buffer
			s := NewSplicedItems(&buf, format == "json")
			for _, f := range splicedFixtures {
				head, tail, _ := SplitAtField(json.RawMessage(f.item), "messages")
				if err := s.Item(head, &chunkedReader{r: strings.NewReader(f.history), n: chunk}, tail); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != want {
				t.Errorf("-o %s, reads of %d bytes:\n got %q\nwant %q", format, chunk, got, want)
			}
		}
	}
}

func TestSplicedItemsWriteAnEmptyArray(t *testing.T) {
	var buf bytes.Buffer
	s := NewSplicedItems(&buf, true)
	if err := s.Close(); err != nil || buf.String() != "[]\n" {
		t.Errorf("no items: %q %v", buf.String(), err)
	}
}

// A history that cannot be read back fails the item with a message
// naming the temporary file, not the output.
func TestSplicedItemsReportAFailedRead(t *testing.T) {
	s := NewSplicedItems(io.Discard, false)
	err := s.Item([]byte(`{"messages":`), io.MultiReader(strings.NewReader("[1,"), failingReader{}), []byte(`}`))
	if err == nil || !strings.Contains(err.Error(), "temporary file") {
		t.Errorf("got %v", err)
	}
}

// The point of streaming: writing an item whose history is 16 MB
// allocates a small fraction of it (the history is never held whole).
// Allocation is counted, not memory in use, so the GC's timing does not
// enter into it.
func TestSplicedItemsDoNotHoldTheHistory(t *testing.T) {
	const messages = 40_000 // 16 MB
	for _, array := range []bool{false, true} {
		s := NewSplicedItems(io.Discard, array)
		history := newHistoryReader(messages)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := s.Item([]byte(`{"id":1,"messages":`), history, []byte(`}`)); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		allocated := after.TotalAlloc - before.TotalAlloc
		if history.size < 16e6 || allocated > 1<<20 {
			t.Errorf("array=%v: streaming a %d-byte history allocated %d bytes, want under 1 MiB", array, history.size, allocated)
		}
	}
}

// historyReader produces a compact JSON array of n messages, one at a
// time, without ever holding it (and allocating nothing per message).
type historyReader struct {
	n, i    int
	size    int
	line    []byte
	off     int
	content []byte
}

func newHistoryReader(n int) *historyReader {
	return &historyReader{n: n, line: make([]byte, 0, 1024), content: strconv.AppendQuote(nil, strings.Repeat("a line of chat ", 25))}
}

func (h *historyReader) Read(p []byte) (int, error) {
	for h.off == len(h.line) {
		if h.i > h.n {
			return 0, io.EOF
		}
		h.line, h.off = h.line[:0], 0
		switch {
		case h.i == h.n:
			h.line = append(h.line, ']')
		case h.i == 0:
			h.line = append(h.line, '[')
		default:
			h.line = append(h.line, ',')
		}
		if h.i < h.n {
			h.line = strconv.AppendInt(append(h.line, `{"id":`...), int64(h.i+1), 10)
			h.line = append(append(append(h.line, `,"content":`...), h.content...), '}')
		}
		h.i++
	}
	n := copy(p, h.line[h.off:])
	h.off += n
	h.size += n
	return n, nil
}

type chunkedReader struct {
	r io.Reader
	n int
}

func (c *chunkedReader) Read(p []byte) (int, error) {
	return c.r.Read(p[:min(len(p), c.n)])
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, fmt.Errorf("disk gone") }
