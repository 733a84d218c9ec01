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
	dec := json.NewDecoder(bytes.NewReader(item))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil
	}
	out := map[string]string{}
	flattenInto(out, "", obj)
	return out
}

func flattenInto(out map[string]string, prefix string, v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			key := k
			if prefix != "" {
				key = prefix + "." + k
			}
			flattenInto(out, key, e)
		}
	case []any:
		out[prefix] = flattenArray(t)
	default:
		out[prefix] = scalarText(t)
	}
}

func flattenArray(a []any) string {
	parts := make([]string, 0, len(a))
	for _, e := range a {
		switch e.(type) {
		case map[string]any, []any:
			b, _ := json.Marshal(a)
			return string(b)
		}
		parts = append(parts, scalarText(e))
	}
	return strings.Join(parts, ";")
}

func scalarText(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case json.Number:
		return t.String()
	case bool:
		if t {
			return "true"
		}
		return "false"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
