package bulk_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

func TestConversationsBulkDelete(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", attrT0)
	h := sb.Harness(t)

	before := sb.Requests.Load()
	out := h.MustRun("conversations", "bulk", "delete", "3", "4", "--dry-run")
	if out != "step 1      step    delete conversation 3 [DELETE /api/v1/accounts/1/conversations/3]\n"+
		"step 2      step    delete conversation 4 [DELETE /api/v1/accounts/1/conversations/4]\n"+
		"plan: 2 steps to run, 0 done by an earlier run\n" {
		t.Errorf("dry run:\n%s", out)
	}
	if sb.Requests.Load() != before {
		t.Errorf("the dry run sent %d requests", sb.Requests.Load()-before)
	}

	if code := h.Run("conversations", "bulk", "delete", "3", "4"); code != 2 || !strings.Contains(h.ErrOut.String(), "pass --yes") {
		t.Errorf("without --yes and no terminal: exit %d, %s", code, h.ErrOut)
	}
	h.In = bytes.NewBufferString("3\n4\n3\n")
	h.MustRun("conversations", "bulk", "delete", "--yes")
	if !strings.Contains(h.ErrOut.String(), "0 created, 2 updated") {
		t.Errorf("summary: %s", h.ErrOut)
	}
	for _, id := range []string{"3", "4"} {
		if code := h.Run("conversations", "get", id); code != 4 {
			t.Errorf("conversation %s still there (exit %d)", id, code)
		}
	}
	if code := h.Run("conversations", "get", "5"); code != 0 {
		t.Errorf("conversation 5 was not to be deleted: exit %d", code)
	}

	// The same command again does nothing.
	before = sb.Requests.Load()
	h.In = bytes.NewBufferString("3\n4\n3\n")
	h.MustRun("conversations", "bulk", "delete", "--yes")
	if n := sb.Requests.Load() - before; n != 0 {
		t.Errorf("the re-run sent %d requests, want none", n)
	}

	// A missing conversation is a reject with the reason: exit 5.
	if code := h.Run("conversations", "bulk", "delete", "99999", "--yes"); code != 5 {
		t.Errorf("deleting a missing conversation: exit %d, want 5\n%s", code, h.ErrOut)
	}
}
