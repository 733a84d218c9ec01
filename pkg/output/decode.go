package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// decodeJSON decodes raw for jq and templates: plain maps (they sort keys
// anyway) with json.Number so big ids stay exact.
func decodeJSON(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}
