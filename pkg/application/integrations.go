package application

import "github.com/wootcli/woot/pkg/api"

// integrationOperations covers integration apps and their hooks.
func integrationOperations() []api.Operation {
	hookCols := []string{"id", "app_id", "inbox_id", "status", "hook_type"}
	return []api.Operation{
		{
			Command: "integrations apps list", Method: "GET", Path: acct + "/integrations/apps", InSpec: true,
			Short:   "List integration apps and whether they are enabled",
			Example: "  $ woot integrations apps list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: []string{"id", "name", "enabled", "hook_type", "allow_multiple_hooks"},
		},
		{
			Command: "integrations hooks create", Method: "POST", Path: acct + "/integrations/hooks", InSpec: true,
			Short:   "Connect an integration",
			Example: "  $ woot integrations hooks create --app-id dialogflow --inbox-id 1 --settings project_id=my-agent",
			Params: []api.Param{
				// The spec types app_id as an integer; app ids are names such as
				// "dialogflow" or "dyte".
				{Name: "app_id", Required: true, Usage: "Integration app id, e.g. dialogflow"},
				{Name: "inbox_id", Type: api.Int, Usage: "Inbox, for inbox-level integrations"},
				{Name: "status", Type: api.Int, Usage: "1 active, 0 inactive"},
				{Name: "settings", Type: api.Map, Usage: "Integration setting key=value (repeatable)"},
			},
			Columns: hookCols,
		},
		{
			Command: "integrations hooks update", Method: "PATCH", Path: acct + "/integrations/hooks/{hook_id}", InSpec: true,
			Short:    "Change an integration hook",
			Example:  "  $ woot integrations hooks update 1 --status 0",
			ArgNames: []string{"HOOK_ID"},
			Params: []api.Param{
				{Name: "status", Type: api.Int, Usage: "1 active, 0 inactive"},
				{Name: "settings", Type: api.Map, Usage: "Integration setting key=value (repeatable)"},
			},
			Columns: hookCols,
		},
		{
			Command: "integrations hooks delete", Method: "DELETE", Path: acct + "/integrations/hooks/{hook_id}", InSpec: true,
			Short:    "Disconnect an integration",
			Example:  "  $ woot integrations hooks delete 1 --yes",
			ArgNames: []string{"HOOK_ID"},
			Confirm:  true,
		},
	}
}
