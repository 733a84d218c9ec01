package platform_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/platform"
	"github.com/wootcli/woot/pkg/spectest"
)

const family = "platform"

// verbs are the words a platform command may end with.
var verbs = []string{"list", "get", "create", "update", "delete", "login-url", "token"}

// configured path parameters come from configuration, not arguments: none
// in this family, where even {account_id} is an argument.
var configured = []string{}

// beyondSpecParams are parameters the real server reads that Chatwoot's
// spec does not declare, each with the reason it is sent anyway. The test
// fails when the spec starts declaring one, so the list cannot go stale.
var beyondSpecParams = map[string]string{
	"DELETE /platform/api/v1/accounts/{account_id}/account_users user_id": "the spec omits it, but the server finds the membership to remove by it",
}

// beyondSpecColumns are fields the server renders that the spec's response
// schema leaves out, per command.
var beyondSpecColumns = map[string][]string{
	// platform_account lists only id and name; the account partial also
	// renders locale, domain, support_email, status, limits, custom_attributes.
	"platform accounts create": {"locale", "domain", "support_email", "status"},
	"platform accounts get":    {"locale", "domain", "support_email", "status"},
	"platform accounts update": {"locale", "domain", "support_email", "status"},
}

// builderFlags are added to commands by the builder; a Param must not take them.
var builderFlags = []string{"output", "jq", "template", "fields", "all", "page", "limit", "concurrency", "input",
	"output-file", "yes", "dry-run", "account", "profile", "url", "debug", "timeout", "retries", "rate", "sandbox",
	"help"}

func TestEverySpecOperationHasOneCommand(t *testing.T) {
	spectest.CheckSpecCoverage(t, family, 17, platform.Operations())
}

func TestEveryBeyondSpecRouteHasOneCommand(t *testing.T) {
	spectest.CheckBeyondSpecCoverage(t, family, platform.Operations())
}

func TestCommandsFollowTheGrammar(t *testing.T) {
	spectest.CheckCommandGrammar(t, family, verbs, configured, platform.Operations())
}

func TestOperationShapes(t *testing.T) {
	for _, op := range platform.Operations() {
		if op.Family != api.FamilyPlatform {
			t.Errorf("%s: family %q", op.Command, op.Family)
		}
		if !strings.HasPrefix(op.Path, "/platform/api/v1/") {
			t.Errorf("%s: path %s is outside the Platform API", op.Command, op.Path)
		}
		if !strings.Contains(op.Long, "CHATWOOT_PLATFORM_TOKEN") || !strings.Contains(op.Long, "created itself") {
			t.Errorf("%s: help does not say which token works and what an app can see:\n%s", op.Command, op.Long)
		}
		spectest.CheckOperationShape(t, op, builderFlags)
	}
}

func TestParamsMatchTheSpec(t *testing.T) {
	spectest.CheckParamsMatchSpec(t, platform.Operations(), beyondSpecParams)
}

// TestResponsesMatchTheSpec checks Data, List and Columns against the
// spec's 200 response: a list operation's Data must lead to an array, a
// single object's to an object, and each column's first segment must be a
// property of the item.
func TestResponsesMatchTheSpec(t *testing.T) {
	spectest.CheckResponsesMatchSpec(t, platform.Operations(), beyondSpecColumns)
}
