package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// jsonPrinter writes a list as one JSON array, item by item, so the first
// page is on stdout before the last is fetched. Items are re-indented, not
// re-encoded: every field, its order and its number spelling survive.
type jsonPrinter struct {
	w      io.Writer
	n      int
	object bool
	buf    bytes.Buffer
}

func newJSONPrinter(w io.Writer) *jsonPrinter { return &jsonPrinter{w: w} }

func (p *jsonPrinter) Item(raw json.RawMessage) error {
	p.buf.Reset()
	if p.n == 0 {
		p.buf.WriteString("[\n  ")
	} else {
		p.buf.WriteString(",\n  ")
	}
	if err := json.Indent(&p.buf, bytes.TrimSpace(raw), "  ", "  "); err != nil {
		return fmt.Errorf("print JSON item: %w", err)
	}
	p.n++
	_, err := p.w.Write(p.buf.Bytes())
	return err
}

func (p *jsonPrinter) Object(raw json.RawMessage) error {
	p.object = true
	p.buf.Reset()
	if err := json.Indent(&p.buf, bytes.TrimSpace(raw), "", "  "); err != nil {
		return fmt.Errorf("print JSON: %w", err)
	}
	p.buf.WriteByte('\n')
	_, err := p.w.Write(p.buf.Bytes())
	return err
}

func (p *jsonPrinter) Close() error {
	if p.object {
		return nil
	}
	var err error
	if p.n == 0 {
		_, err = io.WriteString(p.w, "[]\n")
	} else {
		_, err = io.WriteString(p.w, "\n]\n")
	}
	return err
}

// ndjsonPrinter writes one compact JSON value per line.
type ndjsonPrinter struct {
	w   io.Writer
	buf bytes.Buffer
}

func newNDJSONPrinter(w io.Writer) *ndjsonPrinter { return &ndjsonPrinter{w: w} }

func (p *ndjsonPrinter) Item(raw json.RawMessage) error {
	p.buf.Reset()
	if err := json.Compact(&p.buf, bytes.TrimSpace(raw)); err != nil {
		return fmt.Errorf("print JSON line: %w", err)
	}
	p.buf.WriteByte('\n')
	_, err := p.w.Write(p.buf.Bytes())
	return err
}

func (p *ndjsonPrinter) Object(raw json.RawMessage) error { return p.Item(raw) }

func (p *ndjsonPrinter) Close() error { return nil }
