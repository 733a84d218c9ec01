package application

import "github.com/wootcli/woot/pkg/api"

// webhookOperations covers account webhooks.
//
// The spec (and FACTS §5) describe the list as a bare array, but the server's
// views wrap it: index renders {"payload":{"webhooks":[…]}} and create and
// update render {"payload":{"webhook":{…}}}. The table follows the server.
func webhookOperations() []api.Operation {
	cols := []string{"id", "name", "url", "subscriptions"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "url", Flag: "webhook-url", Required: create, Usage: "URL the events are POSTed to"},
			{Name: "name", Usage: "Webhook name"},
			{Name: "subscriptions", Type: api.Strings, Enum: webhookEvents(), Usage: "Events to send (repeat or comma-separate)"},
		}
	}
	return []api.Operation{
		{
			Command: "webhooks list", Method: "GET", Path: acct + "/webhooks", InSpec: true,
			Short:   "List webhooks",
			Example: "  $ woot webhooks list",
			Data:    "payload.webhooks", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "webhooks create", Method: "POST", Path: acct + "/webhooks", InSpec: true,
			Short: "Add a webhook",
			Long: "The answer carries the webhook's signing secret (see -o json); check deliveries with\n" +
				"`woot verify`.",
			Example: "  $ woot webhooks create --webhook-url https://example.com/hooks/chatwoot --subscriptions message_created,conversation_status_changed",
			Params:  params(true),
			Data:    "payload.webhook",
			Columns: cols,
		},
		{
			Command: "webhooks update", Method: "PATCH", Path: acct + "/webhooks/{webhook_id}", InSpec: true,
			Short:    "Change a webhook",
			Example:  "  $ woot webhooks update 3 --subscriptions message_created,message_updated",
			ArgNames: []string{"WEBHOOK_ID"},
			Params:   params(false),
			Data:     "payload.webhook",
			Columns:  cols,
		},
		{
			Command: "webhooks delete", Method: "DELETE", Path: acct + "/webhooks/{webhook_id}", InSpec: true,
			Short:    "Delete a webhook",
			Example:  "  $ woot webhooks delete 3 --yes",
			ArgNames: []string{"WEBHOOK_ID"},
			Confirm:  true,
		},
	}
}

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
			Example: "  $ woot integrations hooks create --app-id dialogflow --inbox-id 3 --settings project_id=my-agent",
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
			Example:  "  $ woot integrations hooks update 8 --status 0",
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
			Example:  "  $ woot integrations hooks delete 8 --yes",
			ArgNames: []string{"HOOK_ID"},
			Confirm:  true,
		},
	}
}
