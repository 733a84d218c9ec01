package output

import (
	"encoding/json"
	"errors"
)

// jsonKind is the type of one JSON value.
type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonObject
	jsonArray
)

// jsonNode is one value of a jsonTree. Scalars keep their bytes as the
// server wrote them (strings with their quotes); collections link their
// children by index.
type jsonNode struct {
	kind        jsonKind
	raw         []byte // scalars: the value's bytes
	key         []byte // members of an object: the key with its quotes
	first, next int32  // first child, next sibling; -1 for none
}

// jsonTree indexes one JSON document in place: no value is decoded or
// copied, and the node slice is reused from one document to the next, so
// walking a page of items in key order costs no allocation per item (the
// token-by-token json.Decoder it replaces made hundreds per contact).
type jsonTree struct {
	nodes []jsonNode
	data  []byte
	pos   int
}

var errInvalidJSON = errors.New("invalid JSON")

// parse indexes data and returns its root node. The document is validated
// first, so the scanner below can trust its shape.
func (t *jsonTree) parse(data []byte) (int32, error) {
	if !json.Valid(data) {
		return 0, errInvalidJSON
	}
	t.nodes, t.data, t.pos = t.nodes[:0], data, 0
	return t.value(), nil
}

func (t *jsonTree) node(i int32) *jsonNode { return &t.nodes[i] }

// empty reports whether a collection has no children (scalars have none).
func (t *jsonTree) empty(i int32) bool { return t.nodes[i].first < 0 }

func (t *jsonTree) value() int32 {
	t.skipSpace()
	idx := int32(len(t.nodes))
	t.nodes = append(t.nodes, jsonNode{first: -1, next: -1})
	start := t.pos
	switch t.data[t.pos] {
	case '{':
		t.pos++
		t.nodes[idx].kind = jsonObject
		t.children(idx, true)
		return idx
	case '[':
		t.pos++
		t.nodes[idx].kind = jsonArray
		t.children(idx, false)
		return idx
	case '"':
		t.skipString()
		t.nodes[idx].kind = jsonString
	case 't', 'f':
		t.skipWord()
		t.nodes[idx].kind = jsonBool
	case 'n':
		t.skipWord()
		t.nodes[idx].kind = jsonNull
	default:
		t.skipWord()
		t.nodes[idx].kind = jsonNumber
	}
	t.nodes[idx].raw = t.data[start:t.pos]
	return idx
}

// children reads the members of an object or the elements of an array up
// to the closing bracket, linking them under parent.
func (t *jsonTree) children(parent int32, object bool) {
	last := int32(-1)
	for {
		t.skipSpace()
		switch t.data[t.pos] {
		case '}', ']':
			t.pos++
			return
		case ',':
			t.pos++
			continue
		}
		var key []byte
		if object {
			start := t.pos
			t.skipString()
			key = t.data[start:t.pos]
			t.skipSpace()
			t.pos++ // ':'
		}
		child := t.value()
		t.nodes[child].key = key
		if last < 0 {
			t.nodes[parent].first = child
		} else {
			t.nodes[last].next = child
		}
		last = child
	}
}

func (t *jsonTree) skipSpace() {
	for t.pos < len(t.data) {
		switch t.data[t.pos] {
		case ' ', '\t', '\n', '\r':
			t.pos++
		default:
			return
		}
	}
}

// skipString moves past a string starting at its opening quote.
func (t *jsonTree) skipString() {
	for t.pos++; t.data[t.pos] != '"'; t.pos++ {
		if t.data[t.pos] == '\\' {
			t.pos++
		}
	}
	t.pos++
}

// skipWord moves past a number, true, false or null.
func (t *jsonTree) skipWord() {
	for t.pos < len(t.data) {
		switch t.data[t.pos] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return
		}
		t.pos++
	}
}

// jsonText is a string node's or key's text. Without escapes it is the
// bytes between the quotes, shared with the document; with escapes it is
// decoded (encoding/json's rules: invalid UTF-8 and lone surrogates become
// U+FFFD).
func jsonText(quoted []byte) []byte {
	inner := quoted[1 : len(quoted)-1]
	for _, c := range inner {
		if c == '\\' {
			var s string
			if json.Unmarshal(quoted, &s) != nil {
				return inner
			}
			return []byte(s)
		}
	}
	return inner
}
