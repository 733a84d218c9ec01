package sandbox

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
	"github.com/wootcli/woot/pkg/spectest"
)

// TestCaptainCompanyMonitorRoutesAnswer sends every route of the captain,
// companies and monitors resources that routes-beyond-spec.tsv marks
// cli_relevance=medium to a fresh demo sandbox, with identifiers the seed
// has, and expects neither 404 nor 405 nor a 5xx: the route is served.
func TestCaptainCompanyMonitorRoutesAnswer(t *testing.T) {
	n := 0
	for _, row := range spectest.Rows(t, "routes-beyond-spec.tsv") {
		if row["cli_relevance"] != "medium" || !ownResource[row["resource"]] {
			continue
		}
		path := row["path"]
		for _, method := range strings.Split(row["method"], "|") {
			n++
			t.Run(method+" "+path, func(t *testing.T) {
				s, srv := newTestSandbox(t, Options{})
				target := fill(t, path, mediumRouteValues())
				var body any
				if method != "GET" {
					body = mediumRouteBody(t, s, method+" "+path)
				}
				r := call(t, srv, method, target, store.SeedUserToken, body)
				if r.status == 404 || r.status == 405 || r.status >= 500 {
					t.Errorf("%s %s: %d %s", method, target, r.status, r.body)
				}
			})
		}
	}
	if n < 80 {
		t.Fatalf("only %d captain, companies and monitors routes read; is the TSV complete?", n)
	}
}

var ownResource = map[string]bool{"captain": true, "companies": true, "monitors": true}

// mediumRouteValues are seeded identifiers: assistant, document, FAQ,
// suggestion, tool, scenario, session, company and monitor 1, contact 1
// (in company 2), inbox 1 (linked to assistant 1) and the seeded preview.
func mediumRouteValues() map[string]string {
	return map[string]string{"account_id": "1", "id": "1", "assistant_id": "1", "company_id": "2",
		"inbox_id": "1", "token": store.SeedPreviewToken}
}

// mediumRouteBody is an empty body, except for the creates that look up
// another record first (and so answer 404, as Chatwoot does, without it).
func mediumRouteBody(t *testing.T, s *Sandbox, route string) obj {
	const a = "/api/v1/accounts/{account_id}"
	switch route {
	case "POST " + a + "/captain/assistants/{assistant_id}/inboxes":
		return obj{"inbox": obj{"inbox_id": 2}}
	case "POST " + a + "/captain/message_reports":
		return obj{"message_id": fixtures(t, s)["message_id"], "report_reason": "incorrect"}
	case "POST " + a + "/captain/documents":
		return obj{"assistant_id": 1, "external_link": "https://acme.test/help/shipping"}
	case "POST " + a + "/companies/{company_id}/contacts":
		return obj{"contact_id": 2}
	}
	return obj{}
}
