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
			Example:  "  $ woot webhooks update 1 --subscriptions message_created,message_updated",
			ArgNames: []string{"WEBHOOK_ID"},
			Params:   params(false),
			Data:     "payload.webhook",
			Columns:  cols,
		},
		{
			Command: "webhooks delete", Method: "DELETE", Path: acct + "/webhooks/{webhook_id}", InSpec: true,
			Short:    "Delete a webhook",
			Example:  "  $ woot webhooks delete 1 --yes",
			ArgNames: []string{"WEBHOOK_ID"},
			Confirm:  true,
		},
	}
}
