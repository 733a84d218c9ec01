package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// yamlPrinter writes a list as a YAML sequence, one "- " entry per item
// as it arrives, and an object as a mapping.
type yamlPrinter struct {
	w      io.Writer
	n      int
	object bool
	tree   jsonTree
	buf    bytes.Buffer
}

func newYAMLPrinter(w io.Writer) *yamlPrinter { return &yamlPrinter{w: w} }

func (p *yamlPrinter) Item(raw json.RawMessage) error {
	root, err := p.tree.parse(raw)
	if err != nil {
		return fmt.Errorf("print YAML item: %w", err)
	}
	p.n++
	p.buf.Reset()
	yamlEmitter{&p.buf, &p.tree}.sequenceEntry(root)
	_, err = p.w.Write(p.buf.Bytes())
	return err
}

func (p *yamlPrinter) Object(raw json.RawMessage) error {
	root, err := p.tree.parse(raw)
	if err != nil {
		return fmt.Errorf("print YAML: %w", err)
	}
	p.object = true
	p.buf.Reset()
	yamlEmitter{&p.buf, &p.tree}.document(root)
	_, err = p.w.Write(p.buf.Bytes())
	return err
}

// Close writes "[]" for an empty list: an empty stream would read as null.
func (p *yamlPrinter) Close() error {
	if p.object || p.n > 0 {
		return nil
	}
	_, err := io.WriteString(p.w, "[]\n")
	return err
}
