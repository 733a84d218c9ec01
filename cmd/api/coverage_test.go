package api_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	apicmd "github.com/wootcli/woot/cmd/api"

	"github.com/wootcli/woot/pkg/spectest"
)

// foundationOperations are the spec operations of the foundation's four tags.
func foundationOperations(t *testing.T) []string {
	var keys []string
	for _, r := range spectest.Rows(t, "operations.tsv") {
		switch r["tag"] {
		case "Contacts", "Conversations", "Messages", "Profile":
			if r["family"] == "application" {
				keys = append(keys, r["method"]+" "+r["path"])
			}
		}
	}
	return keys
}

// beyondSpecMethod is the method woot uses for a routes-beyond-spec row ("PATCH|PUT" → PATCH).
func beyondSpecMethod(m string) string {
	first, _, _ := strings.Cut(m, "|")
	return first
}

func TestAPIOperationsCoversEverySpecOperationAndNeededRoute(t *testing.T) {
	covered := map[string]apicmd.OperationRow{}
	commands := map[string]string{}
	for _, r := range apicmd.OperationRows() {
		key := r.Method + " " + r.Path
		if prev, dup := covered[key]; dup {
			t.Errorf("%s is covered twice: %s and %s", key, prev.Command, r.Command)
		}
		covered[key] = r
		if other, dup := commands[r.Command]; dup {
			t.Errorf("command %q calls two operations: %s and %s", r.Command, other, key)
		}
		commands[r.Command] = key
	}
	counts := map[string]int{}
	for _, r := range spectest.Rows(t, "operations.tsv") {
		key := r["method"] + " " + r["path"]
		row, ok := covered[key]
		if !ok {
			t.Errorf("spec operation %s (%s) has no command", key, r["operationId"])
			continue
		}
		if !row.InSpec {
			t.Errorf("%s is in the spec but listed in_spec=false", key)
		}
		counts[r["family"]]++
	}
	for family, want := range map[string]int{"application": 122, "client": 13, "platform": 17, "other": 2} {
		if counts[family] != want {
			t.Errorf("%s: %d spec operations covered, want %d", family, counts[family], want)
		}
	}
	needed := map[string]int{}
	for _, r := range spectest.Rows(t, "routes-beyond-spec.tsv") {
		if r["in_spec"] != "no" {
			continue
		}
		wanted := r["cli_relevance"] == "high" || r["family"] == "client" || r["family"] == "platform"
		if !wanted {
			continue
		}
		key := beyondSpecMethod(r["method"]) + " " + r["path"]
		row, ok := covered[key]
		if !ok {
			t.Errorf("route beyond the spec %s (%s, %s) has no command", key, r["family"], r["cli_relevance"])
			continue
		}
		if row.InSpec {
			t.Errorf("%s is beyond the spec but listed in_spec=true", key)
		}
		needed[r["family"]]++
	}
	for family, want := range map[string]int{"application": 74, "client": 2, "platform": 4, "other": 2} {
		if needed[family] != want {
			t.Errorf("%s: %d needed beyond-spec routes covered, want %d", family, needed[family], want)
		}
	}
}

// routeParam matches a path parameter; Chatwoot's routes and woot's tables
// may name the same parameter differently ({id} or {hook_id}), which does
// not change the route.
var routeParam = regexp.MustCompile(`\{[a-z_]+\}`)

func routeKey(method, path string) string {
	return method + " " + routeParam.ReplaceAllString(path, "{}")
}

// wrappedElsewhere are the routes other Chatwoot CLIs already wrap (issue
// 16, item 2), as method and path; each must name exactly one row of the
// table, so a renamed route fails here instead of passing unnoticed.
var wrappedElsewhere = []string{
	"POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{id}/retry",
	"POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{id}/translate",
	"POST /api/v1/accounts/{account_id}/inboxes/{id}/sync_templates",
	"GET /api/v1/accounts/{account_id}/inboxes/{id}/health",
	"GET /api/v1/accounts/{account_id}/inboxes/{id}/campaigns",
	"GET /api/v1/accounts/{account_id}/inboxes/{inbox_id}/csat_template",
	"POST /api/v1/accounts/{account_id}/inboxes/{inbox_id}/csat_template",
	"DELETE /api/v1/accounts/{account_id}/inboxes/{id}/avatar",
	"DELETE /api/v1/accounts/{account_id}/agent_bots/{id}/avatar",
	"DELETE /api/v1/accounts/{account_id}/portals/{id}/logo",
	"GET /api/v1/accounts/{account_id}/portals/{id}/ssl_status",
	"POST /api/v1/accounts/{account_id}/portals/{id}/send_instructions",
	"POST /api/v1/accounts/{account_id}/portals/{portal_id}/articles/reorder",
	"POST /api/v1/accounts/{account_id}/integrations/shopify/auth",
	"GET /api/v1/accounts/{account_id}/integrations/shopify/orders",
	"DELETE /api/v1/accounts/{account_id}/integrations/shopify",
	"DELETE /api/v1/accounts/{account_id}/integrations/notion",
	"POST /api/v1/accounts/{account_id}/upload",
}

// Issue 16: every route the table rates medium has a command, and so has
// every route other CLIs wrap; the medium set is read from the table.
func TestAPIOperationsCoversMediumAndWrappedRoutes(t *testing.T) {
	covered := map[string]apicmd.OperationRow{}
	for _, r := range apicmd.OperationRows() {
		covered[routeKey(r.Method, r.Path)] = r
	}
	rows := spectest.Rows(t, "routes-beyond-spec.tsv")
	check := func(r map[string]string, why string) {
		// "PATCH|PUT" is one route: a command for either method covers it.
		var row apicmd.OperationRow
		ok := false
		for _, m := range strings.Split(r["method"], "|") {
			if cand, found := covered[routeKey(m, r["path"])]; found && !ok {
				row, ok = cand, true
			}
		}
		switch {
		case !ok:
			t.Errorf("%s %s (%s, %s) has no command", r["method"], r["path"], r["resource"], why)
		case row.InSpec != (r["in_spec"] == "yes"):
			t.Errorf("%s: in_spec=%v, the table says %s", row.Command, row.InSpec, r["in_spec"])
		}
	}
	medium := 0
	for _, r := range rows {
		if r["cli_relevance"] == "medium" {
			medium++
			check(r, "medium")
		}
	}
	if medium < 140 {
		t.Fatalf("only %d medium rows read from the table; is it the right file?", medium)
	}
	for _, want := range wrappedElsewhere {
		method, path, _ := strings.Cut(want, " ")
		var found []map[string]string
		for _, r := range rows {
			if slices.Contains(strings.Split(r["method"], "|"), method) && r["path"] == path {
				found = append(found, r)
			}
		}
		if len(found) != 1 {
			t.Errorf("%s matches %d rows of the table, want 1", want, len(found))
			continue
		}
		check(found[0], "wrapped by other CLIs")
	}
}
