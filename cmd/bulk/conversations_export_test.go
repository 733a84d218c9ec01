package bulk_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	bulkcmd "github.com/wootcli/woot/cmd/bulk"
	"github.com/wootcli/woot/cmd/internal/cmdtest"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// postJSON sends one request behind woot's back and decodes the answer.
func postJSON(t *testing.T, c *api.Client, path string, body any, out any) {
	t.Helper()
	b, _ := json.Marshal(body)
	resp, err := c.Do(t.Context(), &api.Request{Family: api.FamilyApplication, Method: "POST", Path: path, Body: b})
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	if out != nil {
		if err := json.Unmarshal(resp.Body, out); err != nil {
			t.Fatalf("POST %s: %v", path, err)
		}
	}
}

// talker is a contact of the API inbox, for conversations seeded in tests.
type talker struct {
	contactID int64
	sourceID  string
}

func newTalker(t *testing.T, direct *api.Client, name, email string) talker {
	t.Helper()
	var created struct {
		Payload struct {
			Contact struct {
				ID int64 `json:"id"`
			} `json:"contact"`
			ContactInbox struct {
				SourceID string `json:"source_id"`
			} `json:"contact_inbox"`
		} `json:"payload"`
	}
	postJSON(t, direct, "/api/v1/accounts/1/contacts", map[string]any{"name": name, "email": email, "inbox_id": 1}, &created)
	return talker{created.Payload.Contact.ID, created.Payload.ContactInbox.SourceID}
}

// conversation opens a conversation with the talker and returns its id.
func (tk talker) conversation(t *testing.T, direct *api.Client) (conv struct {
	ID int64 `json:"id"`
}) {
	t.Helper()
	postJSON(t, direct, "/api/v1/accounts/1/conversations", map[string]any{"inbox_id": 1, "contact_id": tk.contactID, "source_id": tk.sourceID}, &conv)
	return conv
}

func TestExportConversationsWithTheirWholeHistory(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	direct := sb.direct(t)
	// One conversation longer than two before= pages.
	talker := newTalker(t, direct, "Long Talker", "long@example.com")
	conv := talker.conversation(t, direct)
	for i := 1; i <= 45; i++ {
		postJSON(t, direct, fmt.Sprintf("/api/v1/accounts/1/conversations/%d/messages", conv.ID), map[string]any{"content": fmt.Sprintf("message %d", i), "message_type": "incoming"}, nil)
	}

	all := sb.allItems(t, "/api/v1/accounts/1/conversations?status=all", "data.payload")
	h := sb.harness(t)
	lines := nonEmptyLines(h.MustRun("conversations", "export", "--with-messages", "--concurrency", "4"))
	if len(lines) != len(all) || len(all) < 26 {
		t.Fatalf("exported %d conversations, the sandbox holds %d", len(lines), len(all))
	}
	for i, l := range lines {
		var got map[string]json.RawMessage
		var want map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(all[i], &want)
		var id int64
		json.Unmarshal(got["id"], &id)
		// Every field the list sent is kept; "messages" is the whole history.
		for k, v := range want {
			if k != "messages" && compactLines(t, []json.RawMessage{v})[0] != compactLines(t, []json.RawMessage{got[k]})[0] {
				t.Errorf("conversation %d: field %s changed", id, k)
			}
		}
		var msgs []json.RawMessage
		if err := json.Unmarshal(got["messages"], &msgs); err != nil {
			t.Fatalf("conversation %d: messages %s", id, got["messages"])
		}
		history := nonEmptyLines(h.MustRun("messages", "list", cmdtest.JSONID(id), "--all", "-o", "ndjson"))
		if !reflect.DeepEqual(compactLines(t, msgs), history) {
			t.Errorf("conversation %d: %d messages exported, %d in its history", id, len(msgs), len(history))
		}
		if id == conv.ID && (len(msgs) != 45 || !strings.Contains(string(msgs[0]), `"message 1"`) || !strings.Contains(string(msgs[44]), `"message 45"`)) {
			t.Errorf("the long conversation exported %d messages, first %.80s", len(msgs), msgs[0])
		}
	}

	// Without --with-messages the items are the list's, untouched; the
	// status filter reaches the server.
	plain := nonEmptyLines(h.MustRun("conversations", "export", "--concurrency", "2"))
	if !reflect.DeepEqual(plain, compactLines(t, all)) {
		t.Error("the plain export differs from the list")
	}
	resolved := nonEmptyLines(h.MustRun("conversations", "export", "--status", "resolved", "-o", "tsv", "--fields", "status"))
	if len(resolved) < 2 || resolved[0] != "status" {
		t.Fatalf("resolved export: %q", resolved)
	}
	for _, s := range resolved[1:] {
		if s != "resolved" {
			t.Errorf("--status resolved exported a %q conversation", s)
		}
	}
	if code := h.Run("conversations", "export", "--status", "closed"); code != cmdutil.ExitUsage {
		t.Errorf("--status closed: exit %d", code)
	}
}

func TestSetFieldKeepsEveryOtherFieldInPlace(t *testing.T) {
	got, err := bulkcmd.SetField(json.RawMessage(`{"id":1, "messages":[{"id":9}],"x":{"y":1.50}}`), "messages", json.RawMessage(`[1,2]`))
	if err != nil || string(got) != `{"id":1,"messages":[1,2],"x":{"y":1.50}}` {
		t.Errorf("replace: %s %v", got, err)
	}
	got, err = bulkcmd.SetField(json.RawMessage(`{"id":1}`), "messages", json.RawMessage(`[]`))
	if err != nil || string(got) != `{"id":1,"messages":[]}` {
		t.Errorf("append: %s %v", got, err)
	}
	if _, err := bulkcmd.SetField(json.RawMessage(`[1]`), "messages", nil); err == nil {
		t.Error("an array was accepted")
	}
}
