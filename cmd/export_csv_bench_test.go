package cmd

import (
	"encoding/json"
	"io"
	"testing"

	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/sandbox"
)

// BenchmarkExportWriter is the per-item cost of each export writer on
// the sandbox's contacts (Chatwoot's contact shape), side by side:
//
//	go test ./cmd -run '^$' -bench BenchmarkExportWriter -benchmem
func BenchmarkExportWriter(b *testing.B) {
	sb := newBulkSandbox(b, sandbox.Options{})
	sb.seedContacts(b, seedCSV(1500))
	items := sb.allItems(b, "/api/v1/accounts/1/contacts", "payload")
	ios, _, _, _ := output.Test()
	ios.Out = io.Discard
	for _, tc := range []struct {
		name  string
		flags exportFlags
	}{
		{"ndjson", exportFlags{format: "ndjson"}},
		{"csv every column", exportFlags{format: "csv"}},
		{"csv --fields", exportFlags{format: "csv", fields: []string{"id", "name", "email", "phone_number", "custom_attributes.plan"}}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			e := &exporter{flags: &tc.flags}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				writeAll(b, e, ios, tc.flags.format, items)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/item")
		})
	}
}

func writeAll(b *testing.B, e *exporter, ios *output.IOStreams, format string, items []json.RawMessage) {
	w, discard, err := e.writer(ios, format)
	if err != nil {
		b.Fatal(err)
	}
	defer discard()
	for _, it := range items {
		if err := w.Item(it); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}
