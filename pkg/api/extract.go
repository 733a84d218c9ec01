package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Extract returns the value at a dotted path ("data.payload") inside a
// JSON body, its bytes untouched; "" returns the body itself.
func Extract(body []byte, path string) (json.RawMessage, error) {
	cur := json.RawMessage(bytes.TrimSpace(body))
	if path == "" {
		return cur, nil
	}
	for _, key := range strings.Split(path, ".") {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(cur, &obj); err != nil {
			return nil, fmt.Errorf("response is not the expected shape: no object around %q", key)
		}
		next, ok := obj[key]
		if !ok {
			return nil, fmt.Errorf("response is not the expected shape: no %q field", key)
		}
		cur = next
	}
	return cur, nil
}

// Items returns the array at path inside body, each element's bytes untouched.
func Items(body []byte, path string) ([]json.RawMessage, error) {
	raw, err := Extract(body, path)
	if err != nil {
		return nil, err
	}
	if string(raw) == "null" {
		return nil, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		where := path
		if where == "" {
			where = "the body"
		}
		return nil, fmt.Errorf("response is not the expected shape: %s is not a list", where)
	}
	return items, nil
}
