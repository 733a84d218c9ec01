package bulk

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// flatRow is one item flattened to CSV cells, as FlattenOrdered does it,
// in one pass over the bytes with no decoder: an export flattens every
// item, and encoding/json's token stream costs more than the rest of the
// export together. Its slices are reused from item to item.
type flatRow struct {
	keys, cells []string
	prefix      []byte // the dotted path of the object being walked
}

// flatten fills r with item's columns; false when item is not a valid
// JSON object (FlattenOrdered's nil).
func (r *flatRow) flatten(item []byte) bool {
	r.keys, r.cells, r.prefix = r.keys[:0], r.cells[:0], r.prefix[:0]
	p := &flatScanner{b: bytes.TrimSpace(item)}
	if p.i >= len(p.b) || p.b[p.i] != '{' {
		return false
	}
	if !r.object(p) {
		return false
	}
	p.space()
	return p.i == len(p.b)
}

// object walks the object at p (on its '{'), adding a column per leaf.
func (r *flatRow) object(p *flatScanner) bool {
	p.i++ // {
	p.space()
	if p.peek() == '}' {
		p.i++
		return true
	}
	for {
		name, ok := p.member()
		if !ok {
			return false
		}
		outer := len(r.prefix)
		if outer > 0 {
			r.prefix = append(r.prefix, '.')
		}
		r.prefix = append(r.prefix, name...)
		if !r.value(p) {
			return false
		}
		r.prefix = r.prefix[:outer]
		if more, ok := p.next('}'); !more {
			return ok
		}
	}
}

// value adds the column (or columns) of the value at p under r.prefix.
func (r *flatRow) value(p *flatScanner) bool {
	switch p.peek() {
	case '{':
		return r.object(p)
	case '[':
		start := p.i
		nested, ok := p.skipArray()
		if !ok {
			return false
		}
		r.add(arrayCell(p.b[start:p.i], nested))
		return true
	}
	start := p.i
	if !p.skipScalar() {
		return false
	}
	r.add(scalarCell(p.b[start:p.i]))
	return true
}

func (r *flatRow) add(cell string) {
	r.keys = append(r.keys, string(r.prefix))
	r.cells = append(r.cells, cell)
}

// scalarCell is scalarText without a decoder for the usual plain string.
func scalarCell(v []byte) string {
	if v[0] == '"' && plainString(v) {
		return string(v[1 : len(v)-1])
	}
	return scalarText(v)
}

// arrayCell is flattenArray's cell: scalars joined with ";", anything
// holding an object or array kept as compact JSON.
func arrayCell(v []byte, nested bool) string {
	if nested {
		var b bytes.Buffer
		json.Compact(&b, v)
		return b.String()
	}
	p := &flatScanner{b: v, i: 1}
	var out []byte
	first := true
	for {
		p.space()
		if p.peek() == ']' {
			return string(out)
		}
		start := p.i
		p.skipScalar()
		if !first {
			out = append(out, ';')
		}
		first = false
		out = append(out, scalarCell(p.b[start:p.i])...)
		p.space()
		if p.peek() == ',' {
			p.i++
		}
	}
}

// plainString is true for a quoted string with no escapes and valid
// UTF-8: its bytes are its text.
func plainString(v []byte) bool {
	inner := v[1 : len(v)-1]
	ascii := true
	for _, c := range inner {
		if c == '\\' || c < 0x20 {
			return false
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	return ascii || utf8.Valid(inner)
}

// topLevelValue returns the raw value of key in a JSON object, skipping
// every other value unread.
func topLevelValue(obj []byte, key string) ([]byte, bool) {
	start, end, found := topLevelSpan(obj, key)
	if !found {
		return nil, false
	}
	return obj[start:end], true
}

// topLevelSpan is where key's value is in obj (a JSON object), as byte
// offsets; found is false when obj has no such member or is no object.
func topLevelSpan(obj []byte, key string) (start, end int, found bool) {
	p := &flatScanner{b: obj}
	p.space()
	if p.peek() != '{' {
		return 0, 0, false
	}
	p.i++
	for {
		name, ok := p.member()
		start := p.i
		if !ok || !p.skipValue() {
			return 0, 0, false
		}
		if name == key {
			return start, p.i, true
		}
		if more, _ := p.next('}'); !more {
			return 0, 0, false
		}
	}
}

// member reads `"name":` and stops at the value.
func (p *flatScanner) member() (string, bool) {
	p.space()
	name, ok := p.str()
	if !ok {
		return "", false
	}
	p.space()
	if p.peek() != ':' {
		return "", false
	}
	p.i++
	p.space()
	return name, true
}

// next reads what follows a member or element: a comma (more to come)
// or the closing bracket.
func (p *flatScanner) next(closing byte) (more, ok bool) {
	p.space()
	switch p.peek() {
	case ',':
		p.i++
		return true, true
	case closing:
		p.i++
		return false, true
	}
	return false, false
}

// flatScanner checks JSON syntax as it skips over values, as strictly as
// json.Valid.
type flatScanner struct {
	b []byte
	i int
}

func (p *flatScanner) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *flatScanner) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// str reads a string at p and returns its text.
func (p *flatScanner) str() (string, bool) {
	start := p.i
	if !p.skipString() {
		return "", false
	}
	return scalarCell(p.b[start:p.i]), true
}

func (p *flatScanner) skipString() bool {
	if p.peek() != '"' {
		return false
	}
	for p.i++; p.i < len(p.b); p.i++ {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			p.i++
			if p.i >= len(p.b) {
				return false
			}
			switch p.b[p.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if p.i+4 >= len(p.b) || !isHex(p.b[p.i+1:p.i+5]) {
					return false
				}
				p.i += 4
			default:
				return false
			}
		}
	}
	return false
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// skipArray skips an array, saying whether it holds an object or array.
func (p *flatScanner) skipArray() (nested, ok bool) {
	p.i++ // [
	p.space()
	if p.peek() == ']' {
		p.i++
		return false, true
	}
	for {
		p.space()
		if c := p.peek(); c == '{' || c == '[' {
			nested = true
		}
		if !p.skipValue() {
			return false, false
		}
		if more, ok := p.next(']'); !more {
			return nested, ok
		}
	}
}

// skipComposite skips an object or array inside an array.
func (p *flatScanner) skipComposite() bool {
	if p.peek() == '[' {
		_, ok := p.skipArray()
		return ok
	}
	return p.skipObject()
}

func (p *flatScanner) skipObject() bool {
	p.i++ // {
	p.space()
	if p.peek() == '}' {
		p.i++
		return true
	}
	for {
		if _, ok := p.member(); !ok || !p.skipValue() {
			return false
		}
		if more, ok := p.next('}'); !more {
			return ok
		}
	}
}

func (p *flatScanner) skipValue() bool {
	switch p.peek() {
	case '{', '[':
		return p.skipComposite()
	}
	return p.skipScalar()
}

func (p *flatScanner) skipScalar() bool {
	switch c := p.peek(); {
	case c == '"':
		return p.skipString()
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	return false
}

func (p *flatScanner) literal(word string) bool {
	if !bytes.HasPrefix(p.b[p.i:], []byte(word)) {
		return false
	}
	p.i += len(word)
	return true
}

// number skips -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.
func (p *flatScanner) number() bool {
	if p.peek() == '-' {
		p.i++
	}
	switch c := p.peek(); {
	case c == '0':
		p.i++
	case '1' <= c && c <= '9':
		p.digits()
	default:
		return false
	}
	if p.peek() == '.' {
		p.i++
		if !p.digits() {
			return false
		}
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.i++
		if c := p.peek(); c == '+' || c == '-' {
			p.i++
		}
		if !p.digits() {
			return false
		}
	}
	return true
}

func (p *flatScanner) digits() bool {
	start := p.i
	for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}
