package api_test

import (
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
