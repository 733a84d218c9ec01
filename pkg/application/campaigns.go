package application

import "github.com/wootcli/woot/pkg/api"

// campaignOperations covers outbound campaigns.
func campaignOperations() []api.Operation {
	cols := []string{"id", "title", "campaign_type", "campaign_status", "enabled", "inbox.name", "scheduled_at"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "campaign.title", Flag: "title", Required: create, Usage: "Campaign title"},
			{Name: "campaign.inbox_id", Flag: "inbox-id", Type: api.Int, Required: create, Usage: "Inbox that sends it (Website, SMS, WhatsApp)"},
			{Name: "campaign.message", Flag: "message", Required: create, Usage: "Message text"},
			{Name: "campaign.description", Flag: "description", Usage: "Internal description"},
			{Name: "campaign.sender_id", Flag: "sender-id", Type: api.Int, Usage: "Agent shown as sender"},
			{Name: "campaign.enabled", Flag: "enabled", Type: api.Bool, Usage: "Website campaigns: enabled"},
			{Name: "campaign.scheduled_at", Flag: "scheduled-at", Usage: "One-off campaigns: send time (ISO 8601 with zone)"},
			{Name: "campaign.audience", Flag: "audience", Type: api.JSON, Usage: "One-off campaigns: [{\"type\":\"Label\",\"id\":5}] as JSON"},
			{Name: "campaign.trigger_rules", Flag: "trigger-rule", Type: api.Map, Usage: "Website campaigns: trigger key=value, e.g. url=https://example.com/pricing"},
			{Name: "campaign.trigger_only_during_business_hours", Flag: "business-hours-only", Type: api.Bool, Usage: "Website campaigns: only in business hours"},
			{Name: "campaign.template_params", Flag: "template-params", Type: api.JSON, Usage: "Channel template parameters as JSON"},
		}
	}
	return []api.Operation{
		{
			Command: "campaigns list", Method: "GET", Path: acct + "/campaigns", InSpec: true,
			Short:   "List campaigns",
			Example: "  $ woot campaigns list",
			List:    &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "campaigns get", Method: "GET", Path: acct + "/campaigns/{id}", InSpec: true,
			Short:    "Show a campaign",
			Example:  "  $ woot campaigns get 1",
			ArgNames: []string{"CAMPAIGN_ID"},
			Columns:  cols,
		},
		{
			Command: "campaigns create", Method: "POST", Path: acct + "/campaigns", InSpec: true,
			Short: "Create a campaign",
			Example: "  $ woot campaigns create --title 'Spring sale' --inbox-id 2 --message 'Hi {{contact.name}}, 20% off this week' " +
				"--scheduled-at 2027-03-01T09:00:00Z --audience '[{\"type\":\"Label\",\"id\":12}]'",
			Params:  params(true),
			Columns: cols,
		},
		{
			Command: "campaigns update", Method: "PATCH", Path: acct + "/campaigns/{id}", InSpec: true,
			Short:    "Change a campaign",
			Example:  "  $ woot campaigns update 1 --enabled=false",
			ArgNames: []string{"CAMPAIGN_ID"},
			Params:   params(false),
			Columns:  cols,
		},
		{
			Command: "campaigns delete", Method: "DELETE", Path: acct + "/campaigns/{id}", InSpec: true,
			Short:    "Delete a campaign",
			Example:  "  $ woot campaigns delete 1 --yes",
			ArgNames: []string{"CAMPAIGN_ID"},
			Confirm:  true,
		},
	}
}
