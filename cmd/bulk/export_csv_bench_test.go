package bulk_test

import (
	"encoding/json"
	"io"
	"testing"

	bulkcmd "github.com/wootcli/woot/cmd/bulk"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/sandbox"
)

// BenchmarkExportWriter is the per-item cost of each export writer on
// the sandbox's contacts (Chatwoot's contact shape), side by side in one
// run, so the ratios hold on a loaded machine:
//
//	go test ./cmd/bulk -run '^$' -bench BenchmarkExportWriter -benchmem
func BenchmarkExportWriter(b *testing.B) {
	sb := newBulkSandbox(b, sandbox.Options{})
	sb.seedContacts(b, seedCSV(1500))
	items := sb.allItems(b, "/api/v1/accounts/1/contacts", "payload")
	ios, _, _, _ := output.Test()
	ios.Out = io.Discard
	for _, tc := range []struct {
		name, format string
		fields       []string
	}{
		{"ndjson", "ndjson", nil},
		{"json", "json", nil},
		{"csv every column", "csv", nil},
		{"csv --fields", "csv", []string{"id", "name", "email", "phone_number", "custom_attributes.plan"}},
		{"tsv every column", "tsv", nil},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				writeAll(b, ios, tc.format, tc.fields, items)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/item")
		})
	}
}

// writeAll writes one whole export of items, header and spool included.
func writeAll(b *testing.B, ios *output.IOStreams, format string, fields []string, items []json.RawMessage) {
	w, discard, err := bulkcmd.ExportWriter(ios, format, fields)
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
