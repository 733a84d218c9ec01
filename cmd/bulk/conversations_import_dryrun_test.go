package bulk_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// TestImportConversationsDryRunRejectsWhatTheImportRejects runs the same
// file through --dry-run and the import on the sandbox: both reject the
// lines with a missing inbox, a non-agent assignee or an unknown label,
// for the same reasons, and the dry run changes nothing.
func TestImportConversationsDryRunRejectsWhatTheImportRejects(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	h := sb.harness(t)
	line := `{"inbox_id":1,"contact":{"email":"ana@example.com"},"messages":[{"type":"incoming","content":"hi"}]}`
	in := writeTemp(t, "conv.ndjson", strings.Join([]string{
		line,
		strings.Replace(line, `"inbox_id":1`, `"inbox_id":999`, 1),
		strings.Replace(line, `"messages"`, `"assignee_email":"nobody@example.com","messages"`, 1),
		strings.Replace(line, `"messages"`, `"labels":["no-such-label"],"messages"`, 1),
	}, "\n")+"\n")

	before := sb.contactEmails(t)
	if code := h.Run("conversations", "import", in, "--dry-run", "-o", "json"); code != cmdutil.ExitValidation {
		t.Fatalf("dry run: exit %d, want 5\n%s", code, h.ErrOut)
	}
	var plan struct {
		Reject int `json:"reject"`
		Items  []struct {
			Row    int64  `json:"row"`
			Action string `json:"action"`
			Reason string `json:"reason"`
		} `json:"items"`
		Read []string `json:"read"`
	}
	if err := json.Unmarshal(h.Out.Bytes(), &plan); err != nil || plan.Reject != 3 || len(plan.Read) != 3 {
		t.Fatalf("plan %+v (%v)", plan, err)
	}
	if after := sb.contactEmails(t); len(after) != len(before) {
		t.Errorf("the dry run created contacts: %v", after)
	}

	if code := h.Run("conversations", "import", in, "-o", "json"); code != cmdutil.ExitValidation {
		t.Fatalf("import: exit %d, want 5\n%s", code, h.ErrOut)
	}
	rejects := readRejects(t, strings.TrimSuffix(in, ".ndjson")+".rejects.ndjson")
	for _, it := range plan.Items {
		if it.Action == "reject" && !rejects[it.Reason] {
			t.Errorf("row %d: planned %q, which the import did not reject with (rejects: %v)", it.Row, it.Reason, rejects)
		}
	}
}

// readRejects collects the _error of each line of an NDJSON rejects file.
func readRejects(t *testing.T, path string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range nonEmptyLines(string(data)) {
		var v struct {
			Error string `json:"_error"`
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("rejects line %q: %v", l, err)
		}
		out[v.Error] = true
	}
	return out
}
