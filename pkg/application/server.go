package application

import "github.com/wootcli/woot/pkg/api"

// ServerOperations returns the operations outside the authenticated API
// families: server status, the CSAT survey page, and a message route the
// spec lists without the /api/v1 prefix.
func ServerOperations() []api.Operation {
	return []api.Operation{
		{
			Family: api.FamilyServer, Command: "server info", Method: "GET", Path: "/api",
			Short:   "Show the server's version and the state of its queue and database",
			Example: "  $ woot server info\n  $ woot server info --jq .version",
			Columns: []string{"version", "timestamp", "queue_services", "data_services"},
		},
		{
			Family: api.FamilyServer, Command: "server health", Method: "GET", Path: "/health",
			Short:   "Check that the server answers (for CI and load balancers)",
			Example: "  $ woot server health && echo up",
			Columns: []string{"status"},
		},
		{
			Family: api.FamilyServer, Command: "surveys get", Method: "GET", Path: "/survey/responses/{conversation_uuid}", InSpec: true,
			Short: "Fetch the CSAT survey page a contact is sent",
			Long: "The page is HTML for the contact's browser, written out as it comes; the conversation\n" +
				"is identified by its uuid, not its display id.",
			Example:  "  $ woot surveys get 6a1f0c2e-93b4-4b7e-8d0a-2c5e7f1b9d34 --output-file survey.html",
			ArgNames: []string{"CONVERSATION_UUID"},
			Raw:      true,
		},
		{
			Family: api.FamilyServer, Command: "messages list-unprefixed", Method: "GET", Path: "/accounts/{account_id}/conversations/{conversation_id}/messages", InSpec: true,
			// The spec gives this path no security; the sandbox serves it
			// as the prefixed route, which needs the user's token.
			Credentials: api.FamilyApplication,
			Short:       "List messages through the spec's unprefixed messages path",
			Long: "Chatwoot's spec lists this path without /api/v1 and without authentication, but the\n" +
				"server has no such route and answers 404. It exists so that woot covers every\n" +
				"operation of the spec; use `woot messages list` for real work.",
			Example:  "  $ woot messages list-unprefixed 2",
			ArgNames: []string{"CONVERSATION_ID"},
			Data:     "payload", List: &api.List{Pager: api.NoPages},
			Columns: messageColumns(),
		},
	}
}
