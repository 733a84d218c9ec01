package output

import (
	"encoding/json"
	"fmt"
)

// scoped gives --jq and --template their scope: over a list, run sees the
// whole array once, at Close, like jq reading the JSON array, so the items
// are held until then; with perItem (-o ndjson) it sees each item as it
// arrives and nothing is held. A single object is run at once.
type scoped struct {
	name    string // "jq" or "template", to say which failed to decode
	perItem bool
	run     func(v any) error
	list    []any
	object  bool
}

func (s *scoped) Item(raw json.RawMessage) error {
	v, err := decodeJSON(raw)
	if err != nil {
		return fmt.Errorf("%s: decode item: %w", s.name, err)
	}
	if s.perItem {
		return s.run(v)
	}
	s.list = append(s.list, v)
	return nil
}

func (s *scoped) Object(raw json.RawMessage) error {
	v, err := decodeJSON(raw)
	if err != nil {
		return fmt.Errorf("%s: decode result: %w", s.name, err)
	}
	s.object = true
	return s.run(v)
}

// Close runs over the held list; an empty list is [], not null, as jq
// would see it.
func (s *scoped) Close() error {
	if s.perItem || s.object {
		return nil
	}
	list := s.list
	s.list = nil
	if list == nil {
		list = []any{}
	}
	return s.run(list)
}
