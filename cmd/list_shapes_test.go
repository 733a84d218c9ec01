package cmd_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// Issue 13: the list commands accept every shape a server version sends,
// and a wrong URL (an HTML page or an empty 200) says so.
func TestListCommandsAcceptEveryServerShape(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		path, body string
		exit       int
		out, err   string
	}{
		{[]string{"webhooks", "list", "-o", "json"}, "/api/v1/accounts/1/webhooks", `[{"id":3,"url":"https://example.com/h"}]`, 0, `"id": 3`, ""},
		{[]string{"webhooks", "list", "-o", "json"}, "/api/v1/accounts/1/webhooks", `{"payload":{"webhooks":[{"id":4,"url":"https://example.com/h"}]}}`, 0, `"id": 4`, ""},
		{[]string{"contacts", "list", "-o", "json"}, "/api/v1/accounts/1/contacts", `{"meta":{"count":0,"current_page":1},"payload":null}`, 0, "[]", ""},
		{[]string{"conversations", "list", "-o", "json"}, "/api/v1/accounts/1/conversations", `{"data":{"meta":{"all_count":0},"payload":null}}`, 0, "[]", ""},
		{[]string{"contacts", "list"}, "/api/v1/accounts/1/contacts", `<!DOCTYPE html><html><head><title>Chatwoot</title></head></html>`, 1, "", "the server answered with an HTML page (Chatwoot), not Chatwoot's JSON: is the URL wrong"},
		{[]string{"conversations", "list"}, "/api/v1/accounts/1/conversations", ``, 1, "", "the server answered with an empty body, not Chatwoot's JSON: is the URL wrong"},
	} {
		h := cmdtest.NewHarness(t)
		h.Stub.On("GET", tc.path, 200, tc.body)
		got := h.Run(tc.args...)
		if got != tc.exit || !strings.Contains(h.Out.String(), tc.out) || !strings.Contains(h.ErrOut.String(), tc.err) {
			t.Errorf("%v on %q: exit %d (want %d)\nstdout: %s\nstderr: %s", tc.args, tc.body, got, tc.exit, h.Out, h.ErrOut)
		}
	}
}
