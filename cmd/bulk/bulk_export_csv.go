package bulk

import "encoding/json"

// itemWriter receives an export's items in order. CSV and TSV are
// bulk.DelimitedExport's: it flattens each item once and, when the columns
// depend on the data, spools the cells instead of the JSON.
type itemWriter interface {
	Item(raw json.RawMessage) error
	Close() error
}
