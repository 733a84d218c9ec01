package application

import "github.com/wootcli/woot/pkg/api"

// automationOperations covers automation rules.
//
// The spec lists a page parameter for the rule list, but the controller
// returns every rule at once: following pages would repeat the first page
// forever, so the list is read in one request.
func automationOperations() []api.Operation {
	cols := []string{"id", "name", "event_name", "active", "created_on"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Rule name"},
			{Name: "description", Usage: "What the rule does"},
			{Name: "event_name", Enum: []string{"conversation_created", "conversation_updated", "conversation_resolved", "message_created"}, Usage: "Event that runs the rule"},
			{Name: "active", Type: api.Bool, Usage: "Enable the rule"},
			{Name: "conditions", Type: api.JSON, Usage: "Conditions as a JSON array (or @file)"},
			{Name: "actions", Type: api.JSON, Usage: "Actions as a JSON array (or @file)"},
		}
	}
	return []api.Operation{
		{
			Command: "automation-rules list", Method: "GET", Path: acct + "/automation_rules", InSpec: true,
			Short:   "List automation rules",
			Example: "  $ woot automation-rules list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "automation-rules get", Method: "GET", Path: acct + "/automation_rules/{id}", InSpec: true,
			Short:    "Show an automation rule",
			Example:  "  $ woot automation-rules get 6 -o json",
			ArgNames: []string{"RULE_ID"},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "automation-rules create", Method: "POST", Path: acct + "/automation_rules", InSpec: true,
			Short: "Create an automation rule",
			Example: "  $ woot automation-rules create --input rule.json\n" +
				"  $ woot automation-rules create --name 'Tag refunds' --event-name message_created " +
				"--conditions '[{\"attribute_key\":\"content\",\"filter_operator\":\"contains\",\"values\":[\"refund\"]}]' " +
				"--actions '[{\"action_name\":\"add_label\",\"action_params\":[\"refund\"]}]'",
			Params: params(),
			Data:   "payload", Columns: cols,
		},
		{
			Command: "automation-rules update", Method: "PATCH", Path: acct + "/automation_rules/{id}", InSpec: true,
			Short:    "Change an automation rule",
			Example:  "  $ woot automation-rules update 6 --active=false",
			ArgNames: []string{"RULE_ID"},
			Params:   params(),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "automation-rules delete", Method: "DELETE", Path: acct + "/automation_rules/{id}", InSpec: true,
			Short:    "Delete an automation rule",
			Example:  "  $ woot automation-rules delete 6 --yes",
			ArgNames: []string{"RULE_ID"},
			Confirm:  true,
		},
		{
			Command: "automation-rules clone", Method: "POST", Path: acct + "/automation_rules/{automation_rule_id}/clone",
			Short:    "Copy an automation rule",
			Example:  "  $ woot automation-rules clone 6",
			ArgNames: []string{"RULE_ID"},
			Data:     "payload", Columns: cols,
		},
	}
}

// macroOperations covers macros: saved action sequences agents run on a
// conversation.
func macroOperations() []api.Operation {
	cols := []string{"id", "name", "visibility", "created_by.name"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Macro name"},
			{Name: "visibility", Enum: []string{"personal", "global"}, Usage: "personal (you only) or global (every agent)"},
			{Name: "actions", Type: api.JSON, Usage: "Actions as a JSON array (or @file)"},
		}
	}
	return []api.Operation{
		{
			Command: "macros list", Method: "GET", Path: acct + "/macros",
			Short:   "List macros",
			Example: "  $ woot macros list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "macros get", Method: "GET", Path: acct + "/macros/{id}",
			Short:    "Show a macro",
			Example:  "  $ woot macros get 3 -o json",
			ArgNames: []string{"MACRO_ID"},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "macros create", Method: "POST", Path: acct + "/macros",
			Short: "Create a macro",
			Example: "  $ woot macros create --name 'Close as spam' --visibility global " +
				"--actions '[{\"action_name\":\"add_label\",\"action_params\":[\"spam\"]},{\"action_name\":\"resolve_conversation\"}]'",
			Params: params(),
			Data:   "payload", Columns: cols,
		},
		{
			Command: "macros update", Method: "PATCH", Path: acct + "/macros/{id}",
			Short:    "Change a macro",
			Example:  "  $ woot macros update 3 --visibility personal",
			ArgNames: []string{"MACRO_ID"},
			Params:   params(),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "macros delete", Method: "DELETE", Path: acct + "/macros/{id}",
			Short:    "Delete a macro",
			Example:  "  $ woot macros delete 3 --yes",
			ArgNames: []string{"MACRO_ID"},
			Confirm:  true,
		},
		{
			Command: "macros execute", Method: "POST", Path: acct + "/macros/{id}/execute",
			Short:    "Run a macro on conversations",
			Long:     "Chatwoot runs the macro in the background and answers at once.",
			Example:  "  $ woot macros execute 3 --conversation-ids 1234,1235",
			ArgNames: []string{"MACRO_ID"},
			Params: []api.Param{
				{Name: "conversation_ids", Type: api.Ints, Required: true, Usage: "Conversations to run it on (repeat or comma-separate)"},
			},
		},
	}
}

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
			Example:  "  $ woot campaigns get 9",
			ArgNames: []string{"CAMPAIGN_ID"},
			Columns:  cols,
		},
		{
			Command: "campaigns create", Method: "POST", Path: acct + "/campaigns", InSpec: true,
			Short: "Create a campaign",
			Example: "  $ woot campaigns create --title 'Spring sale' --inbox-id 5 --message 'Hi {{contact.name}}, 20% off this week' " +
				"--scheduled-at 2027-03-01T09:00:00Z --audience '[{\"type\":\"Label\",\"id\":12}]'",
			Params:  params(true),
			Columns: cols,
		},
		{
			Command: "campaigns update", Method: "PATCH", Path: acct + "/campaigns/{id}", InSpec: true,
			Short:    "Change a campaign",
			Example:  "  $ woot campaigns update 9 --enabled=false",
			ArgNames: []string{"CAMPAIGN_ID"},
			Params:   params(false),
			Columns:  cols,
		},
		{
			Command: "campaigns delete", Method: "DELETE", Path: acct + "/campaigns/{id}", InSpec: true,
			Short:    "Delete a campaign",
			Example:  "  $ woot campaigns delete 9 --yes",
			ArgNames: []string{"CAMPAIGN_ID"},
			Confirm:  true,
		},
	}
}
