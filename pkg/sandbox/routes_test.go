package sandbox

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
	"github.com/wootcli/woot/pkg/spectest"
)

// TestBeyondSpecRoutesAnswer sends every route routes-beyond-spec.tsv
// marks cli_relevance=high (in the spec or not) to a fresh demo sandbox
// with identifiers that exist, and expects no 404 or 405: the route is
// served, whatever it answers to an empty body.
func TestBeyondSpecRoutesAnswer(t *testing.T) {
	n := 0
	for _, row := range spectest.Rows(t, "routes-beyond-spec.tsv") {
		if row["cli_relevance"] != "high" {
			continue
		}
		family, path := row["family"], row["path"]
		for _, method := range strings.Split(row["method"], "|") {
			n++
			t.Run(method+" "+path, func(t *testing.T) {
				s, srv := newTestSandbox(t, Options{})
				target := fill(t, path, routeValues(t, s, family, path))
				token := ""
				switch family {
				case "application":
					token = store.SeedUserToken
				case "platform":
					token = store.SeedPlatformToken
				}
				var body any
				if method != "GET" {
					body = obj{}
				}
				r := call(t, srv, method, target, token, body)
				if r.status == 404 || r.status == 405 || r.status >= 500 {
					t.Errorf("%s %s: %d %s", method, target, r.status, r.body)
				}
			})
		}
	}
	if n < 150 {
		t.Fatalf("only %d high-relevance routes read; is the TSV complete?", n)
	}
}

// routeValues are existing identifiers for the Rails parameter names the
// TSV uses; their meaning depends on the route.
func routeValues(t *testing.T, s *Sandbox, family, path string) map[string]string {
	t.Helper()
	fx := fixtures(t, s)
	v := map[string]string{"account_id": "1", "id": "1", "contact_id": "1", "conversation_id": "1", "inbox_id": "1",
		"team_id": "1", "portal_id": "acme-help", "automation_rule_id": "1"}
	switch {
	case family == "client":
		v["inbox_id"], v["contact_id"], v["id"] = fx["inbox_identifier"], fx["contact_identifier"], fx["conversation_id"]
		v["conversation_id"] = fx["conversation_id"]
		if strings.HasSuffix(path, "/messages/{id}") {
			v["id"] = fx["message_id"]
		} else if strings.HasSuffix(path, "/inboxes/{id}") {
			v["id"] = fx["inbox_identifier"]
		} else if strings.HasSuffix(path, "/contacts/{id}") {
			v["id"] = fx["contact_identifier"]
		}
	case family == "platform" && strings.Contains(path, "agent_bots"):
		v["id"] = "2" // the bot the platform app created
	case strings.Contains(path, "/portals/{id}"):
		v["id"] = "acme-help"
	case strings.Contains(path, "/conversations/{conversation_id}/messages/{id}"):
		v["conversation_id"], v["id"] = fx["conversation_id"], fx["message_id"]
	case strings.Contains(path, "/agents/{id}"):
		v["id"] = "2"
	case strings.Contains(path, "/contacts/{id}"):
		v["id"] = "2" // contact 1 is online, and Chatwoot refuses to delete an online contact
	}
	return v
}
