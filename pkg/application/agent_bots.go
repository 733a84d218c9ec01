package application

import "github.com/wootcli/woot/pkg/api"

// agentBotOperations covers the account's agent bots.
func agentBotOperations() []api.Operation {
	botCols := []string{"id", "name", "bot_type", "outgoing_url", "description"}
	botParams := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Bot name"},
			{Name: "description", Usage: "What the bot does"},
			{Name: "outgoing_url", Usage: "Webhook URL Chatwoot sends the bot's events to"},
			{Name: "avatar_url", Usage: "URL of a JPEG or PNG avatar"},
			{Name: "bot_type", Type: api.Int, Usage: "Bot type (0 webhook)"},
			{Name: "bot_config", Flag: "bot-config", Type: api.Map, Usage: "Bot configuration key=value (repeatable)"},
		}
	}
	return []api.Operation{
		{
			Command: "agent-bots list", Method: "GET", Path: acct + "/agent_bots", InSpec: true,
			Short:   "List agent bots",
			Example: "  $ woot agent-bots list",
			List:    &api.List{Pager: api.NoPages},
			Columns: botCols,
		},
		{
			Command: "agent-bots get", Method: "GET", Path: acct + "/agent_bots/{id}", InSpec: true,
			Short:    "Show an agent bot",
			Example:  "  $ woot agent-bots get 2",
			ArgNames: []string{"BOT_ID"},
			Columns:  botCols,
		},
		{
			Command: "agent-bots create", Method: "POST", Path: acct + "/agent_bots", InSpec: true,
			Short:   "Create an agent bot",
			Long:    "The answer carries the bot's access_token (see -o json): the token its webhook handler uses.",
			Example: "  $ woot agent-bots create --name Triage --outgoing-url https://bots.example.com/chatwoot",
			Params:  botParams(),
			Columns: botCols,
		},
		{
			Command: "agent-bots update", Method: "PATCH", Path: acct + "/agent_bots/{id}", InSpec: true,
			Short:    "Change an agent bot",
			Example:  "  $ woot agent-bots update 1 --outgoing-url https://bots.example.com/v2/chatwoot",
			ArgNames: []string{"BOT_ID"},
			Params:   botParams(),
			Columns:  botCols,
		},
		{
			Command: "agent-bots delete", Method: "DELETE", Path: acct + "/agent_bots/{id}", InSpec: true,
			Short:    "Delete an agent bot",
			Example:  "  $ woot agent-bots delete 1 --yes",
			ArgNames: []string{"BOT_ID"},
			Confirm:  true,
		},
		{
			Command: "agent-bots reset-token", Method: "POST", Path: acct + "/agent_bots/{id}/reset_access_token",
			Short:    "Issue a new access token for an agent bot",
			Long:     "The old token stops working at once. The new one is in the JSON answer: -o json --jq .access_token",
			Example:  "  $ woot agent-bots reset-token 1 --yes -o json --jq .access_token",
			ArgNames: []string{"BOT_ID"},
			Columns:  []string{"id", "name"},
			Confirm:  true,
		},
	}
}
