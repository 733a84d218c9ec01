package bulk_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

var attrT0 = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func attrsOf(t *testing.T, sb *cmdtest.Sandbox, path, field string) string {
	t.Helper()
	var v map[string]any
	sb.Call(t, "", "GET", path, nil, &v)
	if field == "payload" {
		v = v["payload"].(map[string]any)
	}
	var keys []string
	attrs := v["custom_attributes"].(map[string]any)
	for k, val := range attrs {
		keys = append(keys, fmt.Sprintf("%s=%v", k, val))
	}
	sort.Strings(keys)
	return strings.Join(keys, " ")
}

func TestConversationsBulkSetAttributeKeepsTheOtherKeys(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", attrT0)
	h := sb.Harness(t)
	// Conversation 8 of the demo seed carries order_id ORD-01007; 2 has none.
	h.MustRun("conversations", "bulk", "set-attribute", "tier=gold", "seats:=5", "--ids", "2,8")
	if got := attrsOf(t, sb, "/conversations/8", ""); got != "order_id=ORD-01007 seats=5 tier=gold" {
		t.Errorf("conversation 8: %s", got)
	}
	if got := attrsOf(t, sb, "/conversations/2", ""); got != "seats=5 tier=gold" {
		t.Errorf("conversation 2: %s", got)
	}
	h.MustRun("conversations", "bulk", "delete-attribute", "tier", "--ids", "8")
	if got := attrsOf(t, sb, "/conversations/8", ""); got != "order_id=ORD-01007 seats=5" {
		t.Errorf("conversation 8 after delete-attribute: %s", got)
	}
}

func TestContactsBulkAttributesFromStdinAndFilter(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", attrT0)
	h := sb.Harness(t)
	h.In = bytes.NewBufferString("3\n# skip me\n4\n")
	h.MustRun("contacts", "bulk", "set-attribute", "region=emea")
	for _, p := range []string{"/contacts/3", "/contacts/4"} {
		if got := attrsOf(t, sb, p, "payload"); !strings.Contains(got, "region=emea") {
			t.Errorf("%s: %s", p, got)
		}
	}
	if got := attrsOf(t, sb, "/contacts/5", "payload"); strings.Contains(got, "region") {
		t.Errorf("contact 5 was not selected: %s", got)
	}
	h.MustRun("contacts", "bulk", "delete-attribute", "region", "--ids", "3,4")
	if got := attrsOf(t, sb, "/contacts/3", "payload"); strings.Contains(got, "region") {
		t.Errorf("contact 3 after delete-attribute: %s", got)
	}

	// --filter q=… selects through the search route; the dry run sends no write.
	before := sb.Requests.Load()
	out := h.MustRun("contacts", "bulk", "set-attribute", "vip:=true", "--filter", "q=ava.smith1@example.com", "--dry-run")
	if out != "step 1      step    set vip on contact 1 [PUT /api/v1/accounts/1/contacts/1]\nplan: 1 steps to run, 0 done by an earlier run\n" {
		t.Errorf("dry run plan:\n%q", out)
	}
	if n := sb.Requests.Load() - before; n != 1 {
		t.Errorf("the dry run sent %d requests, want 1 (the search)", n)
	}
}

func TestBulkAttributeUsageErrors(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "empty", attrT0)
	h := sb.Harness(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"contacts", "bulk", "set-attribute", "--ids", "1"}, "give the attributes to set"},
		{[]string{"contacts", "bulk", "set-attribute", "plan", "--ids", "1"}, `"plan": write KEY=VALUE`},
		{[]string{"contacts", "bulk", "set-attribute", "n:=five", "--ids", "1"}, "must be JSON"},
		{[]string{"conversations", "bulk", "set-attribute", "a=b", "--filter", "q=x"}, "KEY one of status, inbox_id"},
		{[]string{"conversations", "bulk", "delete-attribute", "a", "--ids", "1", "--filter", "status=open"}, "give one"},
	} {
		if code := h.Run(c.args...); code != 2 || !strings.Contains(h.ErrOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, h.ErrOut, c.want)
		}
	}
}

func TestBulkAttributeAndDeleteRequestsConformToTheSpec(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", attrT0)
	sb.CheckSpec(t)
	h := sb.Harness(t)
	h.MustRun("contacts", "bulk", "set-attribute", "tier=gold", "--ids", "1")
	h.MustRun("conversations", "bulk", "set-attribute", "tier=gold", "--ids", "1")
	h.MustRun("conversations", "bulk", "delete-attribute", "tier", "--ids", "1")
	h.MustRun("conversations", "bulk", "delete", "2", "--yes") // DELETE conversations/{id} is served beyond the spec
	got := strings.Join(sb.Checked(), "; ")
	for _, op := range []string{"PUT /api/v1/accounts/{account_id}/contacts/{id}", "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes",
		"POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/destroy_custom_attributes"} {
		if !strings.Contains(got, op) {
			t.Errorf("%s was not checked against the spec: %s", op, got)
		}
	}
}
