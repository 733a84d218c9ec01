package bulk_test

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

const migration = `{"inbox_id":1,"source_id":"zd-1","contact":{"identifier":"cus_1","email":"ana@example.com","name":"Ana Lima"},"status":"resolved","assignee_email":"bob@acme.test","labels":["billing"],"messages":[{"type":"incoming","content":"My invoice is wrong","author":"Ana Lima","created_at":"2024-03-01T09:12:00Z","source_id":"m-1"},{"type":"outgoing","content":"Fixed it, sorry!","author":"Bo","created_at":"2024-03-01T10:02:00Z"},{"type":"private","content":"Refund issued","author":"Bo"}]}
{"inbox_id":1,"contact":{"email":"ana@example.com"},"messages":[{"type":"incoming","content":"Another question"}]}
{"inbox_id":2,"contact":{"email":"web@example.com"},"messages":[{"type":"incoming","content":"hi"}]}
{"inbox_id":1,"contact":{"email":"x@example.com"},"assignee_email":"nobody@example.com","messages":[]}
`

func TestImportConversationsMigratesHistoryOnce(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	h := sb.harness(t)
	in := writeTemp(t, "zendesk.ndjson", migration)
	if code := h.Run("conversations", "import", in); code != cmdutil.ExitValidation {
		t.Fatalf("exit %d, want 5\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "2 created") || !strings.Contains(h.ErrOut.String(), "2 rejected") {
		t.Errorf("summary: %s", h.ErrOut)
	}
	rejects, _ := os.ReadFile(strings.TrimSuffix(in, ".ndjson") + ".rejects.ndjson")
	lines := nonEmptyLines(string(rejects))
	sort.Strings(lines) // workers finish in any order
	if len(lines) != 2 || !strings.Contains(lines[1], `"_error":"inbox 2 is a Channel::WebWidget inbox`) || !strings.Contains(lines[0], `not an agent`) {
		t.Errorf("rejects:\n%s", rejects)
	}

	ids := nonEmptyLines(h.MustRun("contacts", "search", "--q", "ana@example.com", "-o", "json", "--jq", ".[].id"))
	if len(ids) != 1 {
		t.Fatalf("ana: %v", ids)
	}
	convs := h.MustRun("contacts", "conversations", "list", ids[0], "-o", "json")
	var list []struct {
		ID     int64    `json:"id"`
		Status string   `json:"status"`
		Labels []string `json:"labels"`
		Meta   struct {
			Assignee struct {
				Email string `json:"email"`
			} `json:"assignee"`
		} `json:"meta"`
	}
	if err := json.Unmarshal([]byte(convs), &list); err != nil || len(list) != 2 {
		t.Fatalf("ana's conversations: %v\n%s", err, convs)
	}
	var first = list[0]
	if list[1].Status == "resolved" {
		first = list[1]
	}
	if first.Status != "resolved" || len(first.Labels) != 1 || first.Labels[0] != "billing" || first.Meta.Assignee.Email != "bob@acme.test" {
		t.Errorf("migrated conversation %+v", first)
	}
	msgs := h.MustRun("messages", "list", cmdtest.JSONID(first.ID), "--all", "-o", "json", "--jq", `[.[] | select(.message_type != 2 and .message_type != "activity") | [.content, .private, .content_attributes.imported.author // ""]]`)
	var got [][]any
	json.Unmarshal([]byte(msgs), &got)
	want := `[["My invoice is wrong",false,"Ana Lima"],["Fixed it, sorry!",false,"Bo"],["Refund issued",true,"Bo"]]`
	if b, _ := json.Marshal(got); string(b) != want {
		t.Errorf("messages %s\nwant %s", b, want)
	}

	before := sb.requests.Load()
	if code := h.Run("conversations", "import", in); code != cmdutil.ExitValidation {
		t.Fatalf("rerun: exit %d\n%s", code, h.ErrOut)
	}
	if sb.requests.Load() != before {
		t.Errorf("the rerun sent %d requests; the journal says everything is done", sb.requests.Load()-before)
	}
}
