package bulk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// contactData is one contact as the input describes it. Empty values are
// absent: an import never blanks out what the server already has.
type contactData struct {
	name, email, phone, identifier, avatarURL string
	blocked                                   *bool
	labels                                    []string
	additional                                map[string]any
	custom                                    map[string]any
}

func (d *contactData) set(c column, v string) error {
	switch c.kind {
	case colName:
		d.name = v
	case colEmail:
		d.email = v
	case colPhone:
		d.phone = v
	case colIdentifier:
		d.identifier = v
	case colAvatar:
		d.avatarURL = v
	case colBlocked:
		b, ok := parseBool(v)
		if !ok {
			return fmt.Errorf("blocked is %q: use true or false", v)
		}
		d.blocked = &b
	case colLabels:
		d.labels = splitLabels(v)
	case colAdditional:
		d.setAttr(&d.additional, c.key, v)
	case colCustom:
		d.setAttr(&d.custom, c.key, v)
	}
	return nil
}

func (d *contactData) setAttr(m *map[string]any, key string, v any) {
	if *m == nil {
		*m = map[string]any{}
	}
	(*m)[key] = v
}

func parseBool(v string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes", "y", "t":
		return true, true
	case "false", "0", "no", "n", "f":
		return false, true
	}
	return false, false
}

// splitLabels reads "a; b;c" into [a b c]: trimmed, lowercased as Chatwoot
// stores label titles, without empties or repeats.
func splitLabels(v string) []string {
	return cleanLabels(strings.Split(v, ";"))
}

func cleanLabels(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range in {
		l = strings.ToLower(strings.TrimSpace(l))
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// contactFromCSV reads one CSV row through the header's column map.
func contactFromCSV(cols []column, fields []string) (contactData, []string) {
	var d contactData
	var problems []string
	for i, c := range cols {
		if i >= len(fields) {
			break
		}
		v := strings.TrimSpace(fields[i])
		if v == "" || c.kind == colIgnore {
			continue
		}
		if !utf8.ValidString(v) {
			problems = append(problems, fmt.Sprintf("column %d is not valid UTF-8: save the file as UTF-8", i+1))
			continue
		}
		if err := d.set(c, v); err != nil {
			problems = append(problems, err.Error())
		}
	}
	return d, problems
}

// contactFromJSON reads one NDJSON object. Values keep their JSON types in
// attributes; scalar fields must be strings (ids may be numbers).
func contactFromJSON(raw []byte, extraCustom bool) (contactData, []string) {
	var d contactData
	if !utf8.Valid(raw) {
		return d, []string{"the line is not valid UTF-8: save the file as UTF-8"}
	}
	obj, err := decodeObject(raw)
	if err != nil {
		return d, []string{err.Error()}
	}
	var problems, unknown []string
	for _, k := range sortedKeys(obj) {
		v := obj[k]
		if v == nil {
			continue
		}
		if p := d.setJSON(k, v, extraCustom); p != "" {
			if p == errUnknownField {
				unknown = append(unknown, k)
				continue
			}
			problems = append(problems, p)
		}
	}
	if len(unknown) > 0 {
		problems = append(problems, fmt.Sprintf("unknown fields %s: rename them custom_attributes.<key>, or pass --extra custom", quoteList(unknown)))
	}
	return d, problems
}

const errUnknownField = "unknown"

// setJSON sets field k from a decoded JSON value and returns a problem, if any.
func (d *contactData) setJSON(k string, v any, extraCustom bool) string {
	switch k {
	case "custom_attributes", "additional_attributes":
		m, ok := v.(map[string]any)
		if !ok {
			return k + " must be an object"
		}
		target := &d.custom
		if k == "additional_attributes" {
			target = &d.additional
		}
		for ak, av := range m {
			d.setAttr(target, ak, av)
		}
		return ""
	case "labels":
		return d.setLabelsJSON(v)
	case "blocked":
		if b, ok := v.(bool); ok {
			d.blocked = &b
			return ""
		}
	}
	c, ok := contactColumn(k, false)
	if !ok {
		if !extraCustom {
			return errUnknownField
		}
		d.setAttr(&d.custom, k, v)
		return ""
	}
	if c.kind == colCustom || c.kind == colAdditional {
		if c.kind == colCustom {
			d.setAttr(&d.custom, c.key, v)
		} else {
			d.setAttr(&d.additional, c.key, v)
		}
		return ""
	}
	s, ok := scalarString(v)
	if !ok {
		return fmt.Sprintf("%s must be a string", k)
	}
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	if err := d.set(c, s); err != nil {
		return err.Error()
	}
	return ""
}

func (d *contactData) setLabelsJSON(v any) string {
	switch t := v.(type) {
	case string:
		d.labels = splitLabels(t)
	case []any:
		var ls []string
		for _, e := range t {
			s, ok := e.(string)
			if !ok {
				return "labels must be strings"
			}
			ls = append(ls, s)
		}
		d.labels = cleanLabels(ls)
	default:
		return "labels must be a list of strings or a ;-separated string"
	}
	return ""
}

// scalarString accepts strings, and numbers for fields such as an
// identifier or a phone number that exports often write unquoted.
func scalarString(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case json.Number:
		return t.String(), true
	}
	return "", false
}

// decodeObject decodes one JSON object, numbers kept exactly.
func decodeObject(raw []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, fmt.Errorf("the line is not a JSON object")
	}
	if dec.More() {
		return nil, fmt.Errorf("the line holds more than one JSON value")
	}
	return obj, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
