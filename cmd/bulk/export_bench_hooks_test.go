package bulk

import (
	"encoding/json"

	"github.com/wootcli/woot/pkg/output"
)

// ItemWriter is what an export writes its items through.
type ItemWriter interface {
	Item(raw json.RawMessage) error
	Close() error
}

// ExportWriter is the writer an export to format (with --fields) uses,
// and the clean-up of a failed one: the benchmarks measure it alone.
func ExportWriter(ios *output.IOStreams, format string, fields []string) (ItemWriter, func(), error) {
	e := &exporter{flags: &exportFlags{format: format, fields: fields}}
	return e.writer(ios, format)
}
