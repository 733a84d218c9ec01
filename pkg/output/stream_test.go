package output

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"testing"
)

// streamItems is 100k items (10k under the race detector).
const streamItems = 100_000 / raceScale

// streamFixture is streamItems contact-shaped items, built once.
var streamFixture = sync.OnceValue(func() []json.RawMessage {
	items := make([]json.RawMessage, streamItems)
	for i := range items {
		items[i] = json.RawMessage(fmt.Sprintf(
			`{"id":%d,"name":"Contact %d","email":"c%d@example.com","phone_number":null,"custom_attributes":{"plan":"pro"},"created_at":%d}`,
			i+1, i, i, 1700000000+i))
	}
	return items
})

// arrivalWriter records how much output arrived before Close was called.
type arrivalWriter struct {
	closing             bool
	writes, beforeClose int
	total               int
}

func (w *arrivalWriter) Write(b []byte) (int, error) {
	w.writes++
	w.total += len(b)
	if !w.closing {
		w.beforeClose += len(b)
	}
	return len(b), nil
}

// Every streaming format writes as items arrive: nearly all bytes are out
// before Close, in at least one write per item, so nothing waits for the
// end. (A table holds its rows to size the columns: see tablePrinter.)
func TestPrintersStream(t *testing.T) {
	items := streamFixture()
	for _, format := range []string{"json", "ndjson", "csv", "tsv", "yaml"} {
		t.Run(format, func(t *testing.T) {
			w := &arrivalWriter{}
			ios, _, _ := testIO(true)
			ios.Out = w
			p, err := New(ios, Options{Format: format, Columns: []string{"id", "name", "email", "created_at"}})
			if err != nil {
				t.Fatal(err)
			}
			for i, it := range items {
				if err := p.Item(it); err != nil {
					t.Fatal(err)
				}
				if i == streamItems/2 && w.beforeClose == 0 {
					t.Fatalf("nothing written after %d items", i+1)
				}
			}
			w.closing = true
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			if w.writes < streamItems {
				t.Errorf("%d writes for %d items: output is being batched", w.writes, streamItems)
			}
			if w.total-w.beforeClose > 16 {
				t.Errorf("%d of %d bytes were held until Close", w.total-w.beforeClose, w.total)
			}
		})
	}
}

// A streaming printer keeps no per-item state: the memory reachable from
// it after 100k items is what it was after the first thousand, give or take
// a buffer grown for a longer item. This measures the retained state itself
// (not the allocator's counters, which count every goroutine and move with
// the garbage collector's timing), so the answer is the same on every run.
func TestPrintersDoNotAccumulate(t *testing.T) {
	items := streamFixture()
	const early, slack = 1000, 4 << 10 // an accumulating printer retains ≥ 1 byte per item
	retainedAfter := func(t *testing.T, opts Options, items []json.RawMessage) (atEarly, atEnd int) {
		ios, _, _ := testIO(true)
		ios.Out = io.Discard
		p, err := New(ios, opts)
		if err != nil {
			t.Fatal(err)
		}
		for i, it := range items {
			if err := p.Item(it); err != nil {
				t.Fatal(err)
			}
			if i+1 == early {
				atEarly = retainedBytes(p)
			}
		}
		return atEarly, retainedBytes(p)
	}
	for _, format := range []string{"json", "ndjson", "tsv", "csv", "yaml"} {
		atEarly, atEnd := retainedAfter(t, Options{Format: format, Columns: []string{"id", "name"}}, items)
		if atEnd-atEarly > slack {
			t.Errorf("-o %s retains %d bytes after %d items, %d after %d: it keeps per-item state",
				format, atEnd, len(items), atEarly, early)
		}
	}
	// The measure sees the printers that hold the list by design.
	held := items[:5*early]
	for _, opts := range []Options{{Format: "table"}, {JQ: ".[].id"}} {
		atEarly, atEnd := retainedAfter(t, opts, held)
		if grown := atEnd - atEarly; grown < len(held)-early {
			t.Errorf("%+v grew %d bytes over %d held items: the measure misses held items", opts, grown, len(held)-early)
		}
	}
}

func benchmarkFormat(b *testing.B, format string) {
	items := streamFixture()
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _ := testIO(false)
		ios.Out = io.Discard
		p, err := New(ios, Options{Format: format})
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range items {
			if err := p.Item(it); err != nil {
				b.Fatal(err)
			}
		}
		if err := p.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNDJSON100k(b *testing.B)    { benchmarkFormat(b, "ndjson") }
func BenchmarkJSONArray100k(b *testing.B) { benchmarkFormat(b, "json") }
func BenchmarkYAML100k(b *testing.B)      { benchmarkFormat(b, "yaml") }
func BenchmarkTSV100k(b *testing.B)       { benchmarkFormat(b, "tsv") }

// realContact is one item of GET /api/v1/accounts/{id}/contacts as
// Chatwoot's contact view writes it, with one contact inbox.
const realContact = `{"additional_attributes":{"city":"Berlin","country":"Germany","country_code":"DE","company_name":"Acme GmbH","description":"Key account since 2021","social_profiles":{"github":"alice","twitter":"","facebook":"","linkedin":"alice-schmidt","instagram":""}},"availability_status":"offline","email":"alice@example.com","id":10423,"name":"Alice Schmidt","phone_number":"+4930123456","blocked":false,"identifier":"crm-10423","thumbnail":"https://app.chatwoot.example/rails/active_storage/representations/redirect/eyJfcmFpbHMiOnsiZGF0YSI6MTIzLCJwdXIiOiJibG9iX2lkIn19--0a1b2c/avatar.png","custom_attributes":{"plan":"enterprise","seats":25,"renewal_date":"2025-03-01","beta":true},"last_activity_at":1731580000,"created_at":1699990000,"contact_inboxes":[{"source_id":"5d0e4c1b-8f3a-4a57-9d1e-2c6f7b8a9e01","inbox":{"id":3,"avatar_url":"","channel_id":2,"name":"Website","channel_type":"Channel::WebWidget","provider":null}}]}`

// BenchmarkFormatPerContact is the cost of printing one real contact in
// each format, side by side in one run: ns/op is per item.
func BenchmarkFormatPerContact(b *testing.B) {
	item := json.RawMessage(realContact)
	for _, format := range []string{"ndjson", "json", "csv", "tsv", "yaml"} {
		b.Run(format, func(b *testing.B) {
			ios, _, _ := testIO(false)
			ios.Out = io.Discard
			p, err := New(ios, Options{Format: format, Columns: []string{"id", "name", "email", "phone_number", "identifier", "last_activity_at"}})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := p.Item(item); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
