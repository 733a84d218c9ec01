package cmd_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// sandboxHarness runs woot against the embedded sandbox's demo seed.
func sandboxHarness(t *testing.T) *cmdtest.Harness {
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = "sandbox"
	return h
}

func values(candidates []string) []string {
	out := make([]string, len(candidates))
	for i, c := range candidates {
		out[i], _, _ = strings.Cut(c, "\t")
	}
	return out
}

// TestHandWrittenCommandsCompleteFromTheServer: the support, bulk and
// report commands complete the ids, names and labels they take, as the
// generated operation commands do, instead of offering file names.
func TestHandWrittenCommandsCompleteFromTheServer(t *testing.T) {
	cases := []struct {
		args []string
		want string // a candidate line the demo seed gives
	}{
		{[]string{"conversations", "handoff", "7", "--to-team", ""}, "support\tProduct support"},
		{[]string{"conversations", "handoff", "7", "--to-agent", ""}, "bob@acme.test\tBob Baker"},
		{[]string{"conversations", "labels", "add", "7", ""}, "vip\tHigh-value customers"},
		{[]string{"contacts", "labels", "add", ""}, "1\tAva Smith <ava.smith1@example.com>"},
		{[]string{"contacts", "bulk", "label", "1", "--labels", ""}, "billing\tInvoices, payments and refunds"},
		{[]string{"contacts", "bulk", "delete", ""}, "2\tLiam Tanaka <liam.tanaka2@example.com>"},
		{[]string{"contacts", "bulk", "set-attribute", "--ids", ""}, "3\tMia Okafor <mia.okafor3@globex.example>"},
		{[]string{"conversations", "bulk", "assign", "--agent", ""}, "2\tBob Baker <bob@acme.test>"},
		{[]string{"conversations", "bulk", "assign", "--team", ""}, "1\tsales"},
		{[]string{"conversations", "export", "--inbox-id", ""}, "2\tAcme Website"},
		{[]string{"contacts", "import", "x.csv", "--inbox-id", ""}, "1\tAPI Inbox"},
		{[]string{"conversations", "triage", "--team", ""}, "2\tsupport"},
		{[]string{"reports", "conversations", "--inbox", ""}, "3\tAcme WhatsApp"},
		{[]string{"portals", "articles", "sync", "docs", "--portal", ""}, "acme-help\tAcme Help Center"},
		{[]string{"bulk-actions", "create", "--type", "Contact", "--ids", ""}, "1\tAva Smith <ava.smith1@example.com>"},
		// Collections without a hand-picked kind complete from their own list.
		{[]string{"macros", "get", ""}, "1\tResolve with thanks"},
		{[]string{"canned-responses", "delete", ""}, "1\tthanks"},
		{[]string{"captain", "scenarios", "get", "1", ""}, "1\tOrder status"},
	}
	h := sandboxHarness(t)
	for _, tc := range cases {
		got, directive := h.Complete(tc.args...)
		if !slices.Contains(got, tc.want) || directive != ":4" {
			t.Errorf("woot __complete %q: %q %s, want a line %q and :4 (no file names)", tc.args, got, directive, tc.want)
		}
	}
}

// TestConversationArgumentsCompleteWithContactAndStatus covers the
// hand-written commands whose arguments are conversations, repeated ones
// leaving out the ids already given.
func TestConversationArgumentsCompleteWithContactAndStatus(t *testing.T) {
	h := sandboxHarness(t)
	for _, args := range [][]string{
		{"conversations", "handoff", ""},
		{"conversations", "transcript", "80", ""},
		{"conversations", "bulk", "resolve", "80", ""},
		{"conversations", "bulk", "delete", "79,80", ""},
		{"conversations", "labels", "remove", ""},
	} {
		got, directive := h.Complete(args...)
		if len(got) < 2 || directive != ":4" {
			t.Fatalf("woot __complete %q: %q %s", args, got, directive)
		}
		for _, line := range got {
			id, desc, _ := strings.Cut(line, "\t")
			name, status, ok := strings.Cut(desc, " · ")
			if !ok || name == "" || !slices.Contains([]string{"open", "resolved", "pending", "snoozed"}, status) {
				t.Errorf("woot __complete %q: candidate %q is not ID<TAB>contact · status", args, line)
			}
			for _, given := range args[2:] {
				if slices.Contains(strings.Split(given, ","), id) {
					t.Errorf("woot __complete %q offers %s, already given", args, id)
				}
			}
		}
	}
}

// TestLabelsRemoveCompletesTheObjectsOwnLabels: remove offers what the
// conversation has, not every label of the account, and not one given.
func TestLabelsRemoveCompletesTheObjectsOwnLabels(t *testing.T) {
	h := sandboxHarness(t)
	var has []string
	if err := json.Unmarshal([]byte(h.MustRun("conversations", "get", "72", "--jq", ".labels")), &has); err != nil || len(has) < 2 {
		t.Fatalf("the demo seed's conversation 72 should have two labels or more: %v %v", has, err)
	}
	got, _ := h.Complete("conversations", "labels", "remove", "72", "")
	if !slices.Equal(values(got), has) {
		t.Errorf("labels remove 72 completes %q, want the conversation's labels %q", got, has)
	}
	got, _ = h.Complete("conversations", "labels", "remove", "72", has[0], "")
	if !slices.Equal(values(got), has[1:]) {
		t.Errorf("labels remove 72 %s completes %q, want %q", has[0], got, has[1:])
	}
}

// TestListFlagsCompleteAfterTheLastComma: --labels billing,<TAB> offers
// the other labels after "billing," and lets the list go on (no space).
func TestListFlagsCompleteAfterTheLastComma(t *testing.T) {
	h := sandboxHarness(t)
	for _, args := range [][]string{
		{"conversations", "labels", "set", "7", "--labels", "billing,"},
		{"conversations", "bulk", "label", "1", "--labels", "billing,"},
		{"conversations", "labels", "add", "7", "billing,"},
	} {
		got, directive := h.Complete(args...)
		if directive != ":6" || !slices.Contains(values(got), "billing,vip") {
			t.Errorf("woot __complete %q: %q %s, want billing,vip and :6 (no space, no files)", args, got, directive)
		}
		for _, v := range values(got) {
			if !strings.HasPrefix(v, "billing,") || v == "billing,billing" {
				t.Errorf("woot __complete %q offers %q", args, v)
			}
		}
	}
}

// TestFileArgumentsStillCompleteFiles: an argument that is a file keeps
// the shell's file completion.
func TestFileArgumentsStillCompleteFiles(t *testing.T) {
	h := sandboxHarness(t)
	for _, args := range [][]string{{"contacts", "import", ""}, {"conversations", "import", ""}} {
		if got, directive := h.Complete(args...); len(got) != 0 || directive != ":0" {
			t.Errorf("woot __complete %q: %q %s, want file completion (:0)", args, got, directive)
		}
	}
}

// TestBulkAttributeKeysAndValuesComplete: set-attribute completes
// "key=" from the account's attribute definitions (no space after it),
// then the values a list attribute allows; delete-attribute the keys.
func TestBulkAttributeKeysAndValuesComplete(t *testing.T) {
	h := sandboxHarness(t)
	var plan struct {
		Key    string   `json:"attribute_key"`
		Name   string   `json:"attribute_display_name"`
		Values []string `json:"attribute_values"`
	}
	def := h.MustRun("custom-attributes", "list", "--attribute-model", "contact_attribute", "--jq", `.[] | select(.attribute_display_type == "list")`)
	if err := json.Unmarshal([]byte(def), &plan); err != nil || len(plan.Values) == 0 {
		t.Fatalf("the demo seed should define a contact list attribute: %q %v", def, err)
	}
	got, directive := h.Complete("contacts", "bulk", "set-attribute", "")
	if !slices.Contains(got, plan.Key+"=\t"+plan.Name) || directive != ":6" {
		t.Errorf("set-attribute keys: %q %s, want %q and :6", got, directive, plan.Key+"=")
	}
	got, _ = h.Complete("contacts", "bulk", "set-attribute", plan.Key+"=")
	var want []string
	for _, v := range plan.Values {
		want = append(want, plan.Key+"="+v)
	}
	if !slices.Equal(got, want) {
		t.Errorf("set-attribute %s= completes %q, want %q", plan.Key, got, want)
	}
	if got, _ = h.Complete("contacts", "bulk", "set-attribute", plan.Key+"=x", ""); slices.Contains(got, plan.Key+"=\t"+plan.Name) {
		t.Errorf("set-attribute offers %s= again after it was given: %q", plan.Key, got)
	}
	if got, directive = h.Complete("contacts", "bulk", "delete-attribute", ""); !slices.Contains(got, plan.Key+"\t"+plan.Name) || directive != ":4" {
		t.Errorf("delete-attribute keys: %q %s", got, directive)
	}
}
