package bulk

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Flatten turns one JSON object into CSV cells: nested objects become
// dotted columns (additional_attributes.city, custom_attributes.plan),
// arrays of scalars are joined with ";" (as the import reads labels),
// other arrays are kept as JSON text, null is empty, and numbers keep
// their exact spelling. Empty objects produce no column. A value that is
// not an object (or not JSON) yields nil.
func Flatten(item json.RawMessage) map[string]string {
	keys, cells := FlattenOrdered(item)
	if keys == nil {
		return nil
	}
	out := make(map[string]string, len(keys))
	for i, k := range keys {
		out[k] = cells[i]
	}
	return out
}

// FlattenOrdered is Flatten keeping the columns in the order the object
// lists them, so an export's columns follow the server's field order:
// keys[i] is the column of cells[i]. A value that is not an object yields
// nil slices.
func FlattenOrdered(item json.RawMessage) (keys, cells []string) {
	item = bytes.TrimSpace(item)
	if len(item) == 0 || item[0] != '{' || !json.Valid(item) {
		return nil, nil
	}
	keys, cells = []string{}, []string{}
	flattenObject(item, "", &keys, &cells)
	return keys, cells
}

// flattenObject walks a valid JSON object in document order; raw values
// are split off with the decoder, so numbers keep their spelling.
func flattenObject(obj json.RawMessage, prefix string, keys, cells *[]string) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if _, err := dec.Token(); err != nil { // {
		return
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		name, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return
		}
		key := name
		if prefix != "" {
			key = prefix + "." + name
		}
		switch v[0] {
		case '{':
			flattenObject(v, key, keys, cells)
		case '[':
			*keys = append(*keys, key)
			*cells = append(*cells, flattenArray(v))
		default:
			*keys = append(*keys, key)
			*cells = append(*cells, scalarText(v))
		}
	}
}

// flattenArray joins an array of scalars with ";"; an array holding
// objects or arrays is kept as compact JSON text.
func flattenArray(v json.RawMessage) string {
	var elems []json.RawMessage
	if json.Unmarshal(v, &elems) != nil {
		return string(v)
	}
	parts := make([]string, 0, len(elems))
	for _, e := range elems {
		if e[0] == '{' || e[0] == '[' {
			var b bytes.Buffer
			if json.Compact(&b, v) != nil {
				return string(v)
			}
			return b.String()
		}
		parts = append(parts, scalarText(e))
	}
	return strings.Join(parts, ";")
}

// scalarText is a scalar's cell: strings unquoted, null empty, numbers and
// booleans as written.
func scalarText(v json.RawMessage) string {
	switch v[0] {
	case 'n':
		return ""
	case '"':
		var s string
		if json.Unmarshal(v, &s) != nil {
			return string(v)
		}
		return s
	}
	return string(v)
}
