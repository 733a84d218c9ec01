package application

import "github.com/wootcli/woot/pkg/api"

// agentOperations covers the account's agents.
func agentOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "agents list", Method: "GET", Path: acct + "/agents", InSpec: true,
			Short:   "List agents",
			Example: "  $ woot agents list\n  $ woot agents list --jq '.[] | select(.availability_status==\"online\") | .email'",
			List:    &api.List{Pager: api.NoPages},
			Columns: agentColumns(),
		},
		{
			Command: "agents create", Method: "POST", Path: acct + "/agents", InSpec: true,
			Short:   "Invite an agent",
			Long:    "Chatwoot e-mails the new agent an invitation to set a password.",
			Example: "  $ woot agents create --name 'Kim Park' --email kim@example.com --role agent",
			Params: []api.Param{
				{Name: "name", Required: true, Usage: "Full name"},
				{Name: "email", Required: true, Usage: "E-mail address (the login)"},
				{Name: "role", Required: true, Enum: agentRoles(), Usage: "agent or administrator"},
				{Name: "availability", Enum: availabilities(), Usage: "Initial availability"},
				{Name: "auto_offline", Type: api.Bool, Usage: "Go offline automatically when away"},
			},
			Columns: agentColumns(),
		},
		{
			Command: "agents bulk-create", Method: "POST", Path: acct + "/agents/bulk_create",
			Short: "Invite many agents by e-mail address",
			Long: "Each address becomes an agent named after the part before @. Addresses that are\n" +
				"invalid or already taken are skipped silently; the answer is empty.",
			Example: "  $ woot agents bulk-create --emails kim@example.com,lee@example.com",
			Params: []api.Param{
				{Name: "emails", Type: api.Strings, Required: true, Usage: "E-mail addresses (repeat or comma-separate)"},
			},
		},
		{
			Command: "agents update", Method: "PATCH", Path: acct + "/agents/{id}", InSpec: true,
			Short:    "Change an agent's role or availability",
			Example:  "  $ woot agents update 5 --role administrator\n  $ woot agents update 5 --availability offline",
			ArgNames: []string{"AGENT_ID"},
			Params: []api.Param{
				// The spec requires role, but the server updates only the fields
				// sent (AgentsController#update compacts them).
				{Name: "role", Enum: agentRoles(), Usage: "agent or administrator"},
				{Name: "availability", Enum: availabilities(), Usage: "Availability"},
				{Name: "auto_offline", Type: api.Bool, Usage: "Go offline automatically when away"},
			},
			Columns: agentColumns(),
		},
		{
			Command: "agents delete", Method: "DELETE", Path: acct + "/agents/{id}", InSpec: true,
			Short:    "Remove an agent from the account",
			Example:  "  $ woot agents delete 5 --yes",
			ArgNames: []string{"AGENT_ID"},
			Confirm:  true,
		},
	}
}
