package cmd

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/sandbox"
)

// conversationField reads one field of each conversation, by id.
func conversationField(t *testing.T, h *harness, jq string) map[string]string {
	t.Helper()
	out := h.mustRun("conversations", "list", "--status", "all", "--all", "-o", "json", "--jq", `.[] | [(.id|tostring), (`+jq+`|tostring)] | @tsv`)
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
	open := nonEmptyLines(h.mustRun("conversations", "list", "--status", "open", "--all", "-o", "json", "--jq", ".[].id"))
	if len(open) < 4 {
		t.Fatalf("demo seed has %d open conversations", len(open))
	}
	if code := h.run(append([]string{"conversations", "bulk", "resolve"}, open[:2]...)...); code != 0 {
		t.Fatalf("args: exit %d\n%s", code, h.errOut)
	}
	if !strings.Contains(h.errOut.String(), "conversations bulk resolve done") || !strings.Contains(h.errOut.String(), "2 updated") {
		t.Errorf("summary: %s", h.errOut)
	}
	h.in = bytes.NewBufferString("# from a list\n" + strings.Join(open[2:], "\n") + "\n\n")
	if code := h.run("conversations", "bulk", "resolve", "--batch-size", "2", "-o", "json"); code != 0 {
		t.Fatalf("stdin: exit %d\n%s", code, h.errOut)
	}
	var sum struct{ Updated int }
	if err := json.Unmarshal(h.out.Bytes(), &sum); err != nil || sum.Updated != len(open)-2 {
		t.Errorf("stdin summary %s (%v)", h.out, err)
	}
	h.in = nil
	status := conversationField(t, h, ".status")
	for _, id := range open {
		if status[id] != "resolved" {
			t.Errorf("conversation %s is %q", id, status[id])
		}
	}
	// The journal lives in the config directory, named after the job; the
	// same command resumes and sends nothing.
	jobs, _ := filepath.Glob(filepath.Join(h.env["WOOT_CONFIG_DIR"], "jobs", "conversations-resolve-*.journal"))
	if len(jobs) != 2 {
		t.Errorf("journals: %v", jobs)
	}
	before := sb.requests.Load()
	h.run(append([]string{"conversations", "bulk", "resolve"}, open[:2]...)...)
	if sb.requests.Load() != before || !strings.Contains(h.errOut.String(), "finished by an earlier run") {
		t.Errorf("rerun sent %d requests: %s", sb.requests.Load()-before, h.errOut)
	}
}

func TestBulkLabelAssignSnoozeAndContacts(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{Seed: "demo"})
	h := sb.harness(t)
	ids := nonEmptyLines(h.mustRun("conversations", "list", "--status", "open", "-o", "json", "--jq", ".[0:3][].id"))
	h.mustRun(append([]string{"conversations", "bulk", "label", "--labels", "vip,bug"}, ids...)...)
	h.mustRun(append([]string{"conversations", "bulk", "assign", "--agent", "3"}, ids...)...)
	h.mustRun(append([]string{"conversations", "bulk", "snooze", "--until", "2030-01-02T03:04:05Z"}, ids...)...)
	labels := conversationField(t, h, ".labels")
	assignee := conversationField(t, h, ".meta.assignee.id")
	status := conversationField(t, h, ".status")
	for _, id := range ids {
		if !strings.Contains(labels[id], "vip") || !strings.Contains(labels[id], "bug") || assignee[id] != "3" || status[id] != "snoozed" {
			t.Errorf("conversation %s: labels %s, assignee %s, status %s", id, labels[id], assignee[id], status[id])
		}
	}
	h.mustRun(append([]string{"conversations", "bulk", "unlabel", "--labels", "bug"}, ids...)...)
	h.mustRun(append([]string{"conversations", "bulk", "unassign"}, ids...)...)
	labels, assignee = conversationField(t, h, ".labels"), conversationField(t, h, ".meta.assignee.id")
	for _, id := range ids {
		if strings.Contains(labels[id], "bug") || !strings.Contains(labels[id], "vip") || assignee[id] != "null" {
			t.Errorf("after unlabel/unassign %s: labels %s, assignee %s", id, labels[id], assignee[id])
		}
	}

	contacts := nonEmptyLines(h.mustRun("contacts", "list", "-o", "json", "--jq", ".[0:2][].id"))
	h.mustRun(append([]string{"contacts", "bulk", "label", "--labels", "vip"}, contacts...)...)
	if got := h.mustRun("contacts", "labels", "list", contacts[0], "-o", "json"); !strings.Contains(got, "vip") {
		t.Errorf("contact labels: %s", got)
	}
	if code := h.run(append([]string{"contacts", "bulk", "delete"}, contacts...)...); code != exitUsage {
		t.Errorf("delete without --yes and no terminal: exit %d", code)
	}
	h.mustRun(append([]string{"contacts", "bulk", "delete", "--yes"}, contacts...)...)
	if code := h.run("contacts", "get", contacts[0]); code != exitNotFound {
		t.Errorf("deleted contact: exit %d", code)
	}
}

func TestBulkActionFlagsAreChecked(t *testing.T) {
	h := newHarness(t)
	for _, args := range [][]string{
		{"conversations", "bulk", "assign", "1"},
		{"conversations", "bulk", "label", "1"},
		{"conversations", "bulk", "snooze", "1", "--until", "tomorrow"},
		{"conversations", "bulk", "resolve", "1", "x"},
		{"conversations", "bulk", "resolve", "--batch-size", "0", "1"},
		{"contacts", "bulk", "resolve", "1"},
	} {
		if code := h.run(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, h.errOut)
		}
	}
	h.tty = true
	if code := h.run("conversations", "bulk", "resolve"); code != exitUsage || !strings.Contains(h.errOut.String(), "pipe them") {
		t.Errorf("no ids on a terminal: exit %d %s", code, h.errOut)
	}
	if n := len(h.stub.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestBulkActionOptionsFromFlags(t *testing.T) {
	ios, _, _, _ := output.Test()
	f := &Factory{IOStreams: ios, Getenv: func(string) string { return "" }}
	var got *bulkActionOptions
	c := newBulkCmd(f, bulk.KindConversations, func(o *bulkActionOptions) error { got = o; return nil })
	c.SetArgs([]string{"snooze", "7,8", "9", "--until", "2030-01-01T00:00:00Z", "--concurrency", "3", "--journal", "j", "--dry-run"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.action.Name != "snooze" || got.action.SnoozedUntil != 1893456000 || got.job.concurrency != 3 || got.job.journal != "j" || !got.job.dryRun {
		t.Errorf("options %+v", got)
	}
	ids, err := got.ids()
	if err != nil || len(ids) != 3 || ids[0] != 7 || ids[2] != 9 {
		t.Errorf("ids %v %v", ids, err)
	}
}

func TestJobPaceIsNoCapUnlessRateIsGiven(t *testing.T) {
	// Without --rate the governor finds the server's limit itself.
	for _, tc := range []struct {
		args []string
		want float64
	}{{nil, 0}, {[]string{"--rate", "5"}, 5}, {[]string{"--rate", "0"}, 0}} {
		f := &Factory{}
		root := &cobra.Command{Use: "woot"}
		bindGlobalFlags(root, &f.Global)
		var got float64
		root.AddCommand(&cobra.Command{Use: "job", RunE: func(c *cobra.Command, _ []string) error {
			got = jobPace(c, f)
			return nil
		}})
		root.SetArgs(append([]string{"job"}, tc.args...))
		if err := root.Execute(); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%v: pace %v, want %v", tc.args, got, tc.want)
		}
	}
}
