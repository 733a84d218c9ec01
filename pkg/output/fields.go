package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// fieldsPrinter applies --fields to formats that print whole items:
// like gh's --json fields, each item keeps only the named fields, every
// path nested as written ("meta.sender.name" stays under meta.sender) and
// null where the item has nothing, so --jq and --template see the same
// shape. For table, csv and tsv, --fields are the columns and the printer
// only checks the names.
//
// Either way the first item is checked: a name it does not have is a typo,
// reported with the names it does have instead of printing an empty
// column for every row.
type fieldsPrinter struct {
	next    Printer
	fields  []column
	tree    *fieldNode // nil: check only
	checked bool
	buf     bytes.Buffer
}

func newFieldsPrinter(next Printer, fields []column, project bool) *fieldsPrinter {
	p := &fieldsPrinter{next: next, fields: fields}
	if project {
		p.tree = newFieldTree(fields)
	}
	return p
}

func (p *fieldsPrinter) Item(raw json.RawMessage) error {
	raw, err := p.apply(raw)
	if err != nil {
		return err
	}
	return p.next.Item(raw)
}

func (p *fieldsPrinter) Object(raw json.RawMessage) error {
	raw, err := p.apply(raw)
	if err != nil {
		return err
	}
	return p.next.Object(raw)
}

func (p *fieldsPrinter) Close() error { return p.next.Close() }

func (p *fieldsPrinter) apply(raw json.RawMessage) (json.RawMessage, error) {
	if p.checked && p.tree == nil {
		return raw, nil
	}
	r, err := parseRecord(raw)
	if err != nil {
		return nil, fmt.Errorf("apply --fields: %w", err)
	}
	if !p.checked {
		p.checked = true
		if err := checkFields(r, p.fields); err != nil {
			return nil, err
		}
	}
	if p.tree == nil {
		return raw, nil
	}
	p.buf.Reset()
	p.tree.write(&p.buf, r)
	// The next printer may keep the item (jq over a list): hand it a copy.
	return bytes.Clone(p.buf.Bytes()), nil
}

// checkFields reports the first field that names a key missing from an
// object on its path. Paths through null, arrays or scalars are not judged:
// an unassigned conversation has meta.assignee null, not a typo.
func checkFields(r *record, fields []column) error {
	if r.top == nil {
		return nil
	}
	for _, f := range fields {
		if f.section != "" {
			if _, ok := r.top[f.section]; !ok {
				keys, _ := topLevelKeys(r.raw)
				return unknownField(column{path: f.section + "[]." + f.path, segs: []string{f.section}}, 0, keys)
			}
			continue // the elements are not judged
		}
		for depth := range f.segs {
			obj := r.lookup(f.segs[:depth])
			keys, err := topLevelKeys(obj)
			if err != nil || keys == nil || bytes.TrimSpace(obj)[0] != '{' {
				break
			}
			if !slices.Contains(keys, f.segs[depth]) {
				return unknownField(f, depth, keys)
			}
		}
	}
	return nil
}

func unknownField(f column, depth int, keys []string) error {
	where := "the items have"
	if depth > 0 {
		where = strings.Join(f.segs[:depth], ".") + " has"
	}
	return &UsageError{Msg: fmt.Sprintf("unknown field %q in --fields: %s %s; pick from those (dotted paths reach nested fields)",
		f.path, where, strings.Join(keys, ", "))}
}

// fieldNode is one key of the projected object: a requested field (segs
// set), or a step on the way to deeper ones.
type fieldNode struct {
	name     string
	segs     []string // the full path when this key was asked for itself
	children []*fieldNode
	each     *fieldNode // "contacts[].name": the fields kept of each element
}

func newFieldTree(fields []column) *fieldNode {
	root := &fieldNode{}
	for _, f := range fields {
		n := root
		if f.section != "" {
			sec := root.child(f.section)
			if sec.each == nil {
				sec.each = &fieldNode{}
			}
			n = sec.each
		}
		for _, seg := range f.segs {
			n = n.child(seg)
		}
		if f.segs == nil {
			n.segs = []string{} // "." asks for the whole item
		} else {
			n.segs = f.segs
		}
	}
	return root
}

func (n *fieldNode) child(name string) *fieldNode {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	c := &fieldNode{name: name}
	n.children = append(n.children, c)
	return c
}

// write writes the projection of r under n: a requested field as the
// item has it (null when missing), a step as an object of its children.
func (n *fieldNode) write(b *bytes.Buffer, r *record) {
	if n.each != nil {
		n.writeEach(b, r)
		return
	}
	if n.segs != nil {
		v := r.lookup(n.segs)
		if v == nil {
			b.WriteString("null")
			return
		}
		b.Write(bytes.TrimSpace(v))
		return
	}
	b.WriteByte('{')
	for i, c := range n.children {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(c.name)
		b.Write(key)
		b.WriteByte(':')
		c.write(b, r)
	}
	b.WriteByte('}')
}

// writeEach writes the projection of every element of the array n names.
func (n *fieldNode) writeEach(b *bytes.Buffer, r *record) {
	b.WriteByte('[')
	for i, it := range sectionItems(r, section{key: n.name}) {
		if i > 0 {
			b.WriteByte(',')
		}
		if ir, err := parseRecord(it); err == nil {
			n.each.write(b, ir)
		} else {
			b.WriteString("null")
		}
	}
	b.WriteByte(']')
}
