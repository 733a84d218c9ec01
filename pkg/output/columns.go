package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// column is one printed column: a dotted path into each item.
type column struct {
	path    string   // as written in --fields or the command, less any section; csv/tsv header
	segs    []string // nil = the item itself
	isTime  bool
	section string // "contacts" for "contacts[].name": a column of the object's contacts array
}

// header is the table's label for the column.
func (c column) header() string {
	if c.segs == nil {
		return "VALUE"
	}
	// Chatwoot nests a conversation's people under meta; "SENDER NAME"
	// reads better in a narrow table than "META.SENDER.NAME".
	label := strings.TrimPrefix(c.path, "meta.")
	return strings.ToUpper(strings.ReplaceAll(label, ".", " "))
}

// csvHeader is the csv/tsv label: the path itself, so it can be fed back
// to --fields.
func (c column) csvHeader() string {
	if c.segs == nil {
		return "value"
	}
	return c.path
}

// parsePath splits "meta.sender.name" into segments; a leading dot is
// accepted so jq habits (".id") work, and "." alone means the whole item.
func parsePath(p string) ([]string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return nil, errors.New("empty column name")
	}
	if p == "." {
		return nil, nil
	}
	segs := strings.Split(strings.TrimPrefix(p, "."), ".")
	for _, s := range segs {
		if s == "" {
			return nil, fmt.Errorf("empty segment in column %q", p)
		}
	}
	return segs, nil
}

// parseColumns turns paths into columns; nil paths mean "derive them from
// the first item".
func parseColumns(paths []string) ([]column, error) {
	var cols []column
	for _, p := range paths {
		segs, err := parsePath(p)
		if err != nil {
			return nil, fmt.Errorf("invalid column: %w", err)
		}
		cols = append(cols, newColumn(strings.TrimSpace(p), segs))
	}
	return cols, nil
}

// newColumn makes the column for a parsed path. A first segment ending in
// "[]" ("contacts[].name") makes it a section column: a column of the
// table printed for each element of that array field of an object result,
// as for `search get`, whose one answer holds four lists.
func newColumn(path string, segs []string) column {
	var section string
	if len(segs) > 1 && strings.HasSuffix(segs[0], "[]") {
		section = strings.TrimSuffix(segs[0], "[]")
		segs = segs[1:]
		path = strings.Join(segs, ".")
	}
	return column{path: path, segs: segs, isTime: isTimeColumn(segs), section: section}
}

// section is the columns of one array field of an object result.
type section struct {
	key  string
	cols []column
}

// sections groups section columns by their array, in the order first
// named; none when the columns are ordinary ones.
func sections(cols []column) []section {
	var out []section
	for _, c := range cols {
		if c.section == "" {
			continue
		}
		i := slices.IndexFunc(out, func(s section) bool { return s.key == c.section })
		if i < 0 {
			out = append(out, section{key: c.section})
			i = len(out) - 1
		}
		out[i].cols = append(out[i].cols, c)
	}
	return out
}

// sectionItems is the elements of s's array in r; none when r has no such
// array.
func sectionItems(r *record, s section) []json.RawMessage {
	var items []json.RawMessage
	if v := r.lookup([]string{s.key}); v != nil {
		_ = json.Unmarshal(v, &items) // not an array: no items
	}
	return items
}

// deriveColumns picks columns when a command names none (e.g. `woot api`):
// the top-level keys of the first item in the server's order, or the item
// itself when it is not an object (or an empty one). Keys are single
// segments even when they contain dots.
func deriveColumns(raw json.RawMessage) []column {
	keys, err := topLevelKeys(raw)
	if err != nil || len(keys) == 0 {
		return []column{{path: "value"}}
	}
	cols := make([]column, len(keys))
	for i, k := range keys {
		cols[i] = newColumn(k, []string{k})
	}
	return cols
}

// topLevelKeys lists an object's keys in order; none when raw is no object.
func topLevelKeys(raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// record is one item being cut into cells; the top-level object is decoded
// once however many columns read it. Values stay raw so nested objects
// print in the server's key order.
type record struct {
	raw json.RawMessage
	top map[string]json.RawMessage // nil unless raw is an object
}

// parseRecord checks that the item is JSON at all, so a broken item fails
// loudly instead of printing as empty cells. An object is decoded here,
// once, which validates it as a side effect.
func parseRecord(raw json.RawMessage) (*record, error) {
	r := &record{raw: bytes.TrimSpace(raw)}
	if len(r.raw) > 0 && r.raw[0] == '{' {
		if err := json.Unmarshal(r.raw, &r.top); err != nil {
			return nil, fmt.Errorf("item is not valid JSON: %w", err)
		}
		return r, nil
	}
	if !json.Valid(r.raw) {
		return nil, errors.New("item is not valid JSON")
	}
	return r, nil
}

// lookup follows segs; numeric segments index arrays. Missing is nil.
func (r *record) lookup(segs []string) json.RawMessage {
	if len(segs) == 0 {
		return r.raw
	}
	var cur json.RawMessage
	if r.top != nil {
		cur = r.top[segs[0]]
	} else {
		cur = child(r.raw, segs[0]) // e.g. "0" into an item that is an array
	}
	if cur == nil {
		return nil
	}
	for _, seg := range segs[1:] {
		if cur = child(cur, seg); cur == nil {
			return nil
		}
	}
	return cur
}

// child steps one segment into an object or array.
func child(v json.RawMessage, seg string) json.RawMessage {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return nil
	}
	switch v[0] {
	case '{':
		var m map[string]json.RawMessage
		if json.Unmarshal(v, &m) != nil {
			return nil
		}
		return m[seg]
	case '[':
		i, err := strconv.Atoi(seg)
		if err != nil || i < 0 {
			return nil
		}
		var a []json.RawMessage
		if json.Unmarshal(v, &a) != nil || i >= len(a) {
			return nil
		}
		return a[i]
	}
	return nil
}

// cells renders one record for cols.
func (f cellFormat) cells(r *record, cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = f.cell(r.lookup(c.segs), c.isTime)
	}
	return out
}

// cell renders one value: strings as is, numbers as written, null and
// missing as empty, scalar arrays joined with ",", anything else compact JSON.
func (f cellFormat) cell(v json.RawMessage, isTime bool) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return ""
	}
	if isTime {
		if s, ok := f.timeCell(v); ok {
			return s
		}
	}
	switch v[0] {
	case 'n':
		return ""
	case '"':
		return unquote(v)
	case '[':
		if s, ok := joinScalars(v); ok {
			return s
		}
		return compactJSON(v)
	case '{':
		return compactJSON(v)
	}
	return string(v) // number or boolean, exactly as the server wrote it
}

// joinScalars joins an array of scalars with ","; false when any element
// is an object or array.
func joinScalars(v json.RawMessage) (string, bool) {
	var elems []json.RawMessage
	if json.Unmarshal(v, &elems) != nil {
		return "", false
	}
	parts := make([]string, len(elems))
	for i, e := range elems {
		if len(e) > 0 && (e[0] == '{' || e[0] == '[') {
			return "", false
		}
		parts[i] = cellFormat{}.cell(e, false)
	}
	return strings.Join(parts, ","), true
}

func compactJSON(v json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return string(v)
	}
	return b.String()
}

// flatten makes a cell safe for one line of tsv or a table: tabs, newlines
// and other control characters (including escape sequences smuggled into
// data) become spaces.
func flatten(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c == 0x7f {
			b[i] = ' '
		}
	}
	return string(b)
}

// unquote decodes a JSON string, skipping the decoder when there is no
// escape to undo (the common case, and the hot path of a big export).
func unquote(v json.RawMessage) string {
	if len(v) >= 2 && bytes.IndexByte(v, '\\') < 0 {
		return string(v[1 : len(v)-1])
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return string(v)
	}
	return s
}
