package platform

import (
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

const prefix = "/platform/api/v1"

// authNote opens the help of every platform command: the wrong token is
// the first thing that goes wrong with this family.
const authNote = "Authenticated with the platform app token (CHATWOOT_PLATFORM_TOKEN, or the profile's " +
	"platform token), never a user's access token. A platform app sees only the accounts, users and " +
	"agent bots it created itself; any other answers 401 \"Non permissible resource\"."

// Operations returns every Platform API operation woot has a command for:
// the 17 of Chatwoot's spec and the 4 routes it serves beyond it. The slice
// is built on each call, so nothing happens at program start.
func Operations() []api.Operation {
	var ops []api.Operation
	for _, group := range [][]api.Operation{
		accountOperations(),
		accountUserOperations(),
		emailChannelMigrationOperations(),
		agentBotOperations(),
		userOperations(),
	} {
		ops = append(ops, group...)
	}
	for i := range ops {
		ops[i].Long = long(authNote, ops[i].Long)
	}
	return ops
}

// long joins the non-empty paragraphs of help text.
func long(paragraphs ...string) string {
	var kept []string
	for _, p := range paragraphs {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
