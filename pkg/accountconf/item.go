package accountconf

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// Item is one object of a kind: its configuration in the file's form
// (references as natural keys), the server id when it is live, and where
// it was read from when it comes from a file.
type Item struct {
	Kind   *Kind
	ID     int64
	Values map[string]any

	File      string
	Line      int
	lines     map[string]int    // line of each field in File
	templates map[string]string // fields whose value came from ${ENV_VAR}: the template, for display
}

// Key is the natural key, its parts joined by "/" (attribute key and model,
// portal and slug).
func (it *Item) Key() string {
	parts := make([]string, len(it.Kind.Key))
	for i, k := range it.Kind.Key {
		parts[i] = scalarString(it.Values[k])
	}
	return strings.Join(parts, "/")
}

// where names the item for messages: "labels billing (labels.yaml:4)".
func (it *Item) where() string {
	s := it.Kind.Name
	if k := it.Key(); k != "" {
		s += " " + strconv.Quote(k)
	}
	if it.File != "" {
		s += " (" + it.File + ":" + strconv.Itoa(it.Line) + ")"
	}
	return s
}

func (it *Item) fieldLine(name string) int {
	if l, ok := it.lines[name]; ok {
		return l
	}
	return it.Line
}

// display is a field's value as plans show it: the ${ENV_VAR} template
// rather than what the environment held.
func (it *Item) display(name string) any {
	if t, ok := it.templates[name]; ok {
		return t
	}
	return it.Values[name]
}

func scalarString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// canonical is the comparable form of a value: numbers from JSON and from
// YAML, map key order, all compare alike.
func canonical(v any) []byte {
	b, err := json.Marshal(normalize(v))
	if err != nil {
		return []byte(scalarString(v))
	}
	return b
}

func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case json.Number:
		if f, err := x.Float64(); err == nil {
			return f
		}
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	}
	return v
}

func equalValues(a, b any) bool { return bytes.Equal(canonical(a), canonical(b)) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// idOf reads an id the server sent (a JSON number, or a numeric string).
func idOf(v any) (int64, bool) {
	switch x := v.(type) {
	case json.Number:
		n, err := x.Int64()
		return n, err == nil
	case float64:
		return int64(x), x == float64(int64(x))
	case int:
		return int64(x), true
	case int64:
		return x, true
	case string:
		n, err := strconv.ParseInt(x, 10, 64)
		return n, err == nil
	}
	return 0, false
}

func sortedStrings(v any) any {
	list, ok := v.([]any)
	if !ok {
		return v
	}
	out := append([]any(nil), list...)
	sort.SliceStable(out, func(i, j int) bool { return scalarString(out[i]) < scalarString(out[j]) })
	return out
}

// dig reads a dotted path from a server object.
func dig(m map[string]any, path string) (any, bool) {
	parts := strings.Split(path, ".")
	var cur any = m
	for _, p := range parts {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[p]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// put writes a dotted path into a request body.
func put(m map[string]any, path string, v any) {
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	m[parts[len(parts)-1]] = v
}
