package docgen

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/api"
)

const routesHeader = "method\tpath\tcontroller_action\tfamily\tin_spec\tspec_operation_ids\tenterprise_only\tresource\tcli_relevance\tnote\n"

func routes(t *testing.T, rows ...string) []Route {
	t.Helper()
	rs, err := ReadRoutes(strings.NewReader(routesHeader + strings.Join(rows, "\n") + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestCoverageListsCommandsAndReasons(t *testing.T) {
	ops := []api.Operation{
		{Command: "hooks get", Method: "GET", Path: "/api/v1/accounts/{account_id}/integrations/hooks/{hook_id}"},
		{Command: "contacts update", Method: "PUT", Path: "/api/v1/accounts/{account_id}/contacts/{id}", InSpec: true},
	}
	rs := routes(t,
		"GET\t/api/v1/accounts/{account_id}/integrations/hooks/{id}\tx\tapplication\tno\t-\tno\thooks\tmedium\t-",
		"PATCH|PUT\t/api/v1/accounts/{account_id}/contacts/{id}\tx\tapplication\tyes\tc\tno\tcontacts\thigh\t-",
		"POST\t/api/v1/profile/mfa/verify\tx\tapplication\tno\t-\tno\tprofile\tlow\t-",
		"GET\t/api/v1/accounts/{account_id}/widgets\tx\tapplication\tno\t-\tno\twidgets\tmedium\t-",
	)
	var b bytes.Buffer
	if err := WriteCoverage(&b, ops, rs); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"| medium | 2 | 1 | 1 |",
		"| high | 1 | 1 | 0 |",
		"`/api/v1/accounts/{account_id}/integrations/hooks/{id}` | medium | `woot hooks get` |",
		"`/api/v1/profile/mfa/verify` | low | two-factor",
		"`/api/v1/accounts/{account_id}/widgets` | medium | no command yet |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("coverage.md lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "contacts update") {
		t.Error("a spec route is listed among the routes beyond the spec")
	}
}

// A low route with neither a command nor a reason stops the generator.
func TestCoverageRefusesAnUnexplainedLowRoute(t *testing.T) {
	rs := routes(t, "GET\t/api/v1/accounts/{account_id}/something_new\tx\tapplication\tno\t-\tno\tnew\tlow\t-")
	err := WriteCoverage(&bytes.Buffer{}, nil, rs)
	if err == nil || !strings.Contains(err.Error(), "something_new") || !strings.Contains(err.Error(), "coverage_reasons.go") {
		t.Errorf("err = %v, want one naming the route and where reasons live", err)
	}
}

func TestReasonKeysMatchExactlyOrBySubtree(t *testing.T) {
	for path, want := range map[string]bool{
		"/api/v1/accounts":                     true,  // exact key
		"/api/v1/accounts/{account_id}/labels": false, // an exact key is not a prefix
		"/api/v1/profile/mfa":                  true,  // the subtree's root
		"/api/v1/profile/mfa/backup_codes":     true,
		"/api/v1/profile/mfaa":                 false,
	} {
		if got := reasonFor(Route{Path: path}) != ""; got != want {
			t.Errorf("reasonFor(%s) found %v, want %v", path, got, want)
		}
	}
}
