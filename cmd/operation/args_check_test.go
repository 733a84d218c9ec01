package operation_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// TestNonNumericIDIsRefusedBeforeSending: a word where a numeric id goes
// is a usage error naming the argument, and nothing is sent (the stub
// fails on any request); slugs stay free-form.
func TestNonNumericIDIsRefusedBeforeSending(t *testing.T) {
	cases := [][]string{
		{"contacts", "get", "abc"},
		{"contacts", "notes", "get", "1", "x"},
		{"conversations", "get", "12a"},
		{"platform", "users", "get", "ann"},
		{"portals", "categories", "get", "acme-help", "first"},
	}
	for _, args := range cases {
		h := cmdtest.NewHarness(t)
		line := strings.Join(args, " ")
		if code := h.Run(args...); code != cmdutil.ExitUsage {
			t.Errorf("woot %s: exit %d, want %d; stderr: %s", line, code, cmdutil.ExitUsage, h.ErrOut)
			continue
		}
		bad := args[len(args)-1]
		if !strings.Contains(h.ErrOut.String(), `"`+bad+`" is not a number`) {
			t.Errorf("woot %s: the error does not name %q: %s", line, bad, h.ErrOut)
		}
	}
	h := cmdtest.NewHarness(t)
	r := h.Stub.On("GET", "/api/v1/accounts/1/portals/acme-help", 200, `{"id":1,"slug":"acme-help","name":"Acme Help"}`)
	r.BeyondSpec = true // the spec's router does not match a slug here; the server finds portals by slug
	h.MustRun("portals", "get", "acme-help", "--jq", ".id")
}

// TestPagingValuesOutOfRange: --limit below 1 and --page below 1 are
// usage errors, not a quiet full list.
func TestPagingValuesOutOfRange(t *testing.T) {
	for _, args := range [][]string{
		{"contacts", "list", "--limit", "-1"},
		{"contacts", "list", "--limit", "0"},
		{"contacts", "list", "--page", "0"},
		{"conversations", "list", "--page", "-2", "--all"},
	} {
		h := cmdtest.NewHarness(t)
		line := strings.Join(args, " ")
		if code := h.Run(args...); code != cmdutil.ExitUsage {
			t.Errorf("woot %s: exit %d, want %d; stderr: %s", line, code, cmdutil.ExitUsage, h.ErrOut)
		}
		if !strings.Contains(h.ErrOut.String(), args[2]) {
			t.Errorf("woot %s: the error does not name %s: %s", line, args[2], h.ErrOut)
		}
	}
}

// TestHTMLPageAnsweringASingleObject: a 200 HTML page (CHATWOOT_URL at a
// web page) is an error naming the HTML page, not printed as the object.
func TestHTMLPageAnsweringASingleObject(t *testing.T) {
	h := cmdtest.NewHarness(t)
	r := h.Stub.On("GET", "/api/v1/accounts/1/contacts/1", 200, "<!DOCTYPE html><html><body>Welcome</body></html>")
	r.BeyondSpec = true // the answer is deliberately not Chatwoot's
	if code := h.Run("contacts", "get", "1", "-o", "json"); code == cmdutil.ExitOK {
		t.Fatalf("exit 0 on an HTML page; stdout: %s", h.Out)
	}
	if !strings.Contains(h.ErrOut.String(), "HTML page") {
		t.Errorf("the error does not say the server sent an HTML page: %s", h.ErrOut)
	}
	if strings.Contains(h.Out.String(), "Welcome") {
		t.Errorf("the HTML page was printed as data: %s", h.Out)
	}
}
