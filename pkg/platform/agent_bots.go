package platform

import "github.com/wootcli/woot/pkg/api"

const (
	agentBotsPath = prefix + "/agent_bots"
	agentBotPath  = agentBotsPath + "/{id}"
)

func agentBotColumns() []string {
	return []string{"id", "name", "description", "outgoing_url", "account_id"}
}

func agentBotParams(create bool) []api.Param {
	return []api.Param{
		{Name: "name", Required: create, Usage: "bot name, shown to contacts"},
		{Name: "description", Usage: "what the bot does"},
		{Name: "outgoing_url", Usage: "webhook URL the bot's events are sent to"},
		{Name: "account_id", Type: api.Int, Usage: "account the bot belongs to"},
		{Name: "avatar_url", Usage: "URL of a JPEG or PNG avatar the server downloads"},
	}
}

func agentBotOperations() []api.Operation {
	return []api.Operation{
		{
			Family:  api.FamilyPlatform,
			Command: "platform agent-bots list",
			Method:  "GET",
			Path:    agentBotsPath,
			InSpec:  true,
			Short:   "List the agent bots this platform app created",
			Example: "  $ woot platform agent-bots list",
			List:    &api.List{Pager: api.NoPages},
			Columns: agentBotColumns(),
		},
		{
			Family:  api.FamilyPlatform,
			Command: "platform agent-bots create",
			Method:  "POST",
			Path:    agentBotsPath,
			InSpec:  true,
			Short:   "Create an agent bot",
			Example: "  $ woot platform agent-bots create --name Triage --outgoing-url https://bots.example.com/triage --account-id 1",
			Params:  agentBotParams(true),
			Columns: agentBotColumns(),
		},
		{
			Family:  api.FamilyPlatform,
			Command: "platform agent-bots get",
			Method:  "GET",
			Path:    agentBotPath,
			InSpec:  true,
			Short:   "Show an agent bot",
			Example: "  $ woot platform agent-bots get 2\n" +
				"  $ woot platform agent-bots get 2 -o json --jq .access_token",
			ArgNames: []string{"ID"},
			Columns:  agentBotColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform agent-bots update",
			Method:   "PATCH",
			Path:     agentBotPath,
			InSpec:   true,
			Short:    "Update an agent bot",
			Long:     "Only the fields given are changed.",
			Example:  "  $ woot platform agent-bots update 2 --outgoing-url https://bots.example.com/v2/triage",
			ArgNames: []string{"ID"},
			Params:   agentBotParams(false),
			Columns:  agentBotColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform agent-bots delete",
			Method:   "DELETE",
			Path:     agentBotPath,
			InSpec:   true,
			Short:    "Delete an agent bot",
			Example:  "  $ woot platform agent-bots delete 2 --yes",
			ArgNames: []string{"ID"},
			Confirm:  true,
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform agent-bots avatar delete",
			Method:   "DELETE",
			Path:     agentBotPath + "/avatar",
			Short:    "Remove an agent bot's avatar",
			Long:     "Served beyond Chatwoot's published spec.",
			Example:  "  $ woot platform agent-bots avatar delete 2 --yes",
			ArgNames: []string{"ID"},
			Confirm:  true,
		},
	}
}
