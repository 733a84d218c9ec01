package bulk_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// conversationField reads one field of each conversation, by id.
func conversationField(t *testing.T, h *cmdtest.Harness, jq string) map[string]string {
	t.Helper()
	out := h.MustRun("conversations", "list", "--status", "all", "--all", "-o", "json", "--jq", `.[] | [(.id|tostring), (`+jq+`|tostring)] | @tsv`)
	m := map[string]string{}
	for _, l := range nonEmptyLines(out) {
		id, v, _ := strings.Cut(l, "\t")
		m[id] = v
	}
	return m
}

func TestBulkResolveFromArgumentsAndStdin(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	h := sb.harness(t)
	open := nonEmptyLines(h.MustRun("conversations", "list", "--status", "open", "--all", "-o", "json", "--jq", ".[].id"))
	if len(open) < 4 {
		t.Fatalf("demo seed has %d open conversations", len(open))
	}
	if code := h.Run(append([]string{"conversations", "bulk", "resolve"}, open[:2]...)...); code != 0 {
		t.Fatalf("args: exit %d\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "conversations bulk resolve done") || !strings.Contains(h.ErrOut.String(), "2 updated") {
		t.Errorf("summary: %s", h.ErrOut)
	}
	h.In = bytes.NewBufferString("# from a list\n" + strings.Join(open[2:], "\n") + "\n\n")
	if code := h.Run("conversations", "bulk", "resolve", "--batch-size", "2", "-o", "json"); code != 0 {
		t.Fatalf("stdin: exit %d\n%s", code, h.ErrOut)
	}
	var sum struct{ Updated int }
	if err := json.Unmarshal(h.Out.Bytes(), &sum); err != nil || sum.Updated != len(open)-2 {
		t.Errorf("stdin summary %s (%v)", h.Out, err)
	}
	h.In = nil
	status := conversationField(t, h, ".status")
	for _, id := range open {
		if status[id] != "resolved" {
			t.Errorf("conversation %s is %q", id, status[id])
		}
	}
	// The journal lives in the config directory, named after the job; the
	// same command resumes and sends nothing.
	jobs, _ := filepath.Glob(filepath.Join(h.Env["WOOT_CONFIG_DIR"], "jobs", "conversations-resolve-*.journal"))
	if len(jobs) != 2 {
		t.Errorf("journals: %v", jobs)
	}
	before := sb.requests.Load()
	h.Run(append([]string{"conversations", "bulk", "resolve"}, open[:2]...)...)
	if sb.requests.Load() != before || !strings.Contains(h.ErrOut.String(), "finished by an earlier run") {
		t.Errorf("rerun sent %d requests: %s", sb.requests.Load()-before, h.ErrOut)
	}
}

func TestBulkLabelAssignSnoozeAndContacts(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	h := sb.harness(t)
	ids := nonEmptyLines(h.MustRun("conversations", "list", "--status", "open", "-o", "json", "--jq", ".[0:3][].id"))
	h.MustRun(append([]string{"conversations", "bulk", "label", "--labels", "vip,bug"}, ids...)...)
	h.MustRun(append([]string{"conversations", "bulk", "assign", "--agent", "3"}, ids...)...)
	h.MustRun(append([]string{"conversations", "bulk", "snooze", "--until", "2030-01-02T03:04:05Z"}, ids...)...)
	labels := conversationField(t, h, ".labels")
	assignee := conversationField(t, h, ".meta.assignee.id")
	status := conversationField(t, h, ".status")
	for _, id := range ids {
		if !strings.Contains(labels[id], "vip") || !strings.Contains(labels[id], "bug") || assignee[id] != "3" || status[id] != "snoozed" {
			t.Errorf("conversation %s: labels %s, assignee %s, status %s", id, labels[id], assignee[id], status[id])
		}
	}
	h.MustRun(append([]string{"conversations", "bulk", "unlabel", "--labels", "bug"}, ids...)...)
	h.MustRun(append([]string{"conversations", "bulk", "unassign"}, ids...)...)
	labels, assignee = conversationField(t, h, ".labels"), conversationField(t, h, ".meta.assignee.id")
	for _, id := range ids {
		if strings.Contains(labels[id], "bug") || !strings.Contains(labels[id], "vip") || assignee[id] != "null" {
			t.Errorf("after unlabel/unassign %s: labels %s, assignee %s", id, labels[id], assignee[id])
		}
	}

	contacts := nonEmptyLines(h.MustRun("contacts", "list", "-o", "json", "--jq", ".[0:2][].id"))
	h.MustRun(append([]string{"contacts", "bulk", "label", "--labels", "vip"}, contacts...)...)
	if got := h.MustRun("contacts", "labels", "list", contacts[0], "-o", "json"); !strings.Contains(got, "vip") {
		t.Errorf("contact labels: %s", got)
	}
	if code := h.Run(append([]string{"contacts", "bulk", "delete"}, contacts...)...); code != cmdutil.ExitUsage {
		t.Errorf("delete without --yes and no terminal: exit %d", code)
	}
	h.MustRun(append([]string{"contacts", "bulk", "delete", "--yes"}, contacts...)...)
	if code := h.Run("contacts", "get", contacts[0]); code != cmdutil.ExitNotFound {
		t.Errorf("deleted contact: exit %d", code)
	}
}

func TestBulkActionFlagsAreChecked(t *testing.T) {
	h := cmdtest.NewHarness(t)
	for _, args := range [][]string{
		{"conversations", "bulk", "assign", "1"},
		{"conversations", "bulk", "label", "1"},
		{"conversations", "bulk", "snooze", "1", "--until", "tomorrow"},
		{"conversations", "bulk", "resolve", "1", "x"},
		{"conversations", "bulk", "resolve", "--batch-size", "0", "1"},
		{"contacts", "bulk", "resolve", "1"},
	} {
		if code := h.Run(args...); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, h.ErrOut)
		}
	}
	h.TTY = true
	if code := h.Run("conversations", "bulk", "resolve"); code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), "pipe them") {
		t.Errorf("no ids on a terminal: exit %d %s", code, h.ErrOut)
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
