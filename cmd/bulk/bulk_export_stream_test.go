package bulk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/sandbox"
)

// --with-messages streams each history from its spool to the output for
// -o ndjson and -o json, and assembles it in memory for --jq: the three
// agree, and -o json is byte for byte the printer's indented array.
func TestExportWithMessagesStreamsJSONAsThePrinterWould(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	direct := sb.direct(t)
	conv := newTalker(t, direct, "Streamed", "streamed@example.com").conversation(t, direct)
	// Long enough that the history's spool moves to a file.
	for i := 1; i <= 150; i++ {
		postJSON(t, direct, fmt.Sprintf("/api/v1/accounts/1/conversations/%d/messages", conv.ID),
			map[string]any{"content": fmt.Sprintf("line %d: %s", i, strings.Repeat("{[,:\"]} ", 20)), "message_type": "incoming"}, nil)
	}
	h := sb.harness(t)
	lines := nonEmptyLines(h.MustRun("conversations", "export", "--with-messages", "--concurrency", "3"))
	if len(lines) < 2 {
		t.Fatalf("exported %d conversations", len(lines))
	}

	var want bytes.Buffer
	p, err := output.New(&output.IOStreams{Out: &want}, output.Options{Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[int64]int{}
	for _, l := range lines {
		p.Item(json.RawMessage(l))
		var c struct {
			ID       int64             `json:"id"`
			Messages []json.RawMessage `json:"messages"`
		}
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("an NDJSON line is not JSON: %v", err)
		}
		counts[c.ID] = len(c.Messages)
	}
	p.Close()
	if counts[conv.ID] != 150 {
		t.Fatalf("the long conversation has %d messages, want 150", counts[conv.ID])
	}
	if got := h.MustRun("conversations", "export", "--with-messages", "--concurrency", "3", "-o", "json"); got != want.String() {
		t.Errorf("-o json differs from the printer's array of the NDJSON items (%d vs %d bytes)", len(got), want.Len())
	}

	jq := nonEmptyLines(h.MustRun("conversations", "export", "--with-messages", "--jq", `"\(.id) \(.messages | length)"`))
	if len(jq) != len(lines) {
		t.Fatalf("--jq printed %d lines for %d conversations", len(jq), len(lines))
	}
	for _, l := range jq {
		var id int64
		var n int
		fmt.Sscanf(strings.Trim(l, `"`), "%d %d", &id, &n)
		if counts[id] != n {
			t.Errorf("--jq sees %d messages in conversation %d, NDJSON has %d", n, id, counts[id])
		}
	}
}
