package client_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/spectest"
)

const family = "client"

// verbs are the words a client command may end with.
var verbs = []string{"list", "get", "create", "update", "delete", "resolve", "toggle-typing", "update-last-seen"}

// configured path parameters come from configuration, not arguments.
var configured = []string{"inbox_identifier", "contact_identifier"}

// beyondSpecParams are parameters the real server reads that Chatwoot's
// spec does not declare, each with the reason it is sent anyway. The test
// fails when the spec starts declaring one, so the list cannot go stale.
var beyondSpecParams = map[string]string{
	"GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier} identifier":      "identity validation is checked on show too (FACTS §3)",
	"GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier} identifier_hash": "identity validation is checked on show too (FACTS §3)",
}

// builderFlags are added to commands by the builder; a Param must not take them.
var builderFlags = []string{"output", "jq", "template", "fields", "all", "page", "limit", "concurrency", "input",
	"output-file", "yes", "dry-run", "account", "profile", "url", "debug", "timeout", "retries", "rate", "sandbox",
	"help", "inbox-identifier", "contact-identifier", "save"}

func TestEverySpecOperationHasOneCommand(t *testing.T) {
	spectest.CheckSpecCoverage(t, family, 13, client.Operations())
}

func TestEveryBeyondSpecRouteHasOneCommand(t *testing.T) {
	spectest.CheckBeyondSpecCoverage(t, family, client.Operations())
}

func TestCommandsFollowTheGrammar(t *testing.T) {
	spectest.CheckCommandGrammar(t, family, verbs, configured, client.Operations())
}

func TestOperationShapes(t *testing.T) {
	for _, op := range client.Operations() {
		if op.Family != api.FamilyClient {
			t.Errorf("%s: family %q", op.Command, op.Family)
		}
		if !strings.HasPrefix(op.Path, "/public/api/v1/") {
			t.Errorf("%s: path %s is outside the Client API", op.Command, op.Path)
		}
		spectest.CheckOperationShape(t, op, builderFlags)
	}
}

func TestParamsMatchTheSpec(t *testing.T) {
	spectest.CheckParamsMatchSpec(t, client.Operations(), beyondSpecParams)
}

// TestResponsesMatchTheSpec checks Data, List and Columns against the
// spec's 200 response: a list operation's Data must lead to an array, a
// single object's to an object, and each column's first segment must be a
// property of the item.
func TestResponsesMatchTheSpec(t *testing.T) {
	spectest.CheckResponsesMatchSpec(t, client.Operations(), nil)
}
