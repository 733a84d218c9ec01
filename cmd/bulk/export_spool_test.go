package bulk_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox"
)

// An export killed with SIGKILL cannot remove its spool; the next export
// removes the spools whose process is gone, and keeps a live one's.
func TestExportRemovesStaleSpoolsAtStart(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no true(1) to get the pid of a finished process")
	}
	stale := filepath.Join(tmp, fmt.Sprintf("woot-export-%d-1.tmp", gone.ProcessState.Pid()))
	live := filepath.Join(tmp, fmt.Sprintf("woot-export-%d-2.tmp", os.Getppid()))
	for _, p := range []string{stale, live} {
		if err := os.WriteFile(p, []byte("left behind"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sb := newBulkSandbox(t, sandbox.Options{})
	sb.seedContacts(t, seedCSV(3))
	sb.harness(t).MustRun("contacts", "export", "-o", "csv")
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the spool of a finished process is still there (%v)", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the spool of a running process was removed: %v", err)
	}
}

// A history is read forwards, 100 messages a request (after=), not 20 a
// request backwards: 250 messages take 3 requests.
func TestExportReadsHistoriesAHundredAtATime(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	direct := sb.direct(t)
	conv := newTalker(t, direct, "Forward", "forward@example.com").conversation(t, direct)
	for i := 1; i <= 250; i++ {
		postJSON(t, direct, fmt.Sprintf("/api/v1/accounts/1/conversations/%d/messages", conv.ID), map[string]any{"content": fmt.Sprintf("m%d", i)}, nil)
	}
	h := sb.harness(t)
	before := sb.requests.Load()
	out := h.MustRun("conversations", "export", "--with-messages", "--concurrency", "1")
	// One list page and the profile lookups aside, the rest are message pages.
	if n := sb.requests.Load() - before; n > 6 {
		t.Errorf("exporting 250 messages took %d requests, want about 3 message pages", n)
	}
	var got struct {
		Messages []json.RawMessage `json:"messages"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &got); err != nil || len(got.Messages) != 250 {
		t.Errorf("exported %d messages (%v), want 250", len(got.Messages), err)
	}
}
