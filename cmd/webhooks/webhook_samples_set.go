package webhooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/wootcli/woot/cmd/operation"
)

// jsonMember is one key of an object with its value's bytes, in order.
type jsonMember struct {
	Key string
	val json.RawMessage
}

// objectMembers splits a JSON object into its members, keeping their order
// (a Go map would sort them, and Chatwoot's payloads have an order).
func objectMembers(doc []byte) ([]jsonMember, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	var ms []jsonMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		ms = append(ms, jsonMember{key, v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("unexpected data after the JSON object")
	}
	return ms, nil
}

func encodeMembers(ms []jsonMember) []byte {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(jsonString(m.Key))
		buf.WriteByte(':')
		buf.Write(m.val)
	}
	buf.WriteByte('}')
	return buf.Bytes()
}

// jsonString encodes s without Go's HTML escaping, as Ruby's to_json does.
func jsonString(s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// setJSONPath sets the member at a dotted path (conversation.meta.team)
// of a JSON object, creating objects on the way (a null counts as absent)
// and leaving every other member where and as it was.
func setJSONPath(doc []byte, path []string, value json.RawMessage) ([]byte, error) {
	trimmed := bytes.TrimSpace(doc)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		trimmed = []byte("{}")
	}
	ms, err := objectMembers(trimmed)
	if err != nil {
		return nil, err
	}
	i := 0
	for i < len(ms) && ms[i].Key != path[0] {
		i++
	}
	if i == len(ms) {
		ms = append(ms, jsonMember{Key: path[0], val: json.RawMessage("null")})
	}
	if len(path) == 1 {
		ms[i].val = value
		return encodeMembers(ms), nil
	}
	child, err := setJSONPath(ms[i].val, path[1:], value)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path[0], err)
	}
	ms[i].val = child
	return encodeMembers(ms), nil
}

// setValue is the JSON for a --set value: true, false, null and numbers
// typed as written, a JSON array or object as given, anything else a
// string (@file reads one).
func setValue(v string, stdin func() ([]byte, error)) (json.RawMessage, error) {
	if t := strings.TrimSpace(v); (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Valid([]byte(t)) {
		return json.RawMessage(t), nil
	}
	typed, err := operation.TypedValue(v, stdin)
	if err != nil {
		return nil, err
	}
	if s, ok := typed.(string); ok {
		return jsonString(s), nil
	}
	return json.Marshal(typed)
}
