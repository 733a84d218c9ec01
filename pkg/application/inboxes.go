package application

import "github.com/wootcli/woot/pkg/api"

// inboxOperations covers inboxes, their agent bot, WhatsApp templates and
// members.
func inboxOperations() []api.Operation {
	inboxCols := []string{"id", "name", "channel_type", "enable_auto_assignment", "channel_id"}
	ops := []api.Operation{
		{
			Command: "inboxes list", Method: "GET", Path: acct + "/inboxes", InSpec: true,
			Short:   "List inboxes",
			Example: "  $ woot inboxes list\n  $ woot inboxes list --jq '.[] | select(.channel_type==\"Channel::Api\") | .id'",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: inboxCols,
		},
		{
			Command: "inboxes get", Method: "GET", Path: acct + "/inboxes/{id}", InSpec: true,
			Short:    "Show an inbox",
			Example:  "  $ woot inboxes get 1\n  $ woot inboxes get 1 -o json --jq .inbox_identifier",
			ArgNames: []string{"INBOX_ID"},
			Columns:  inboxCols,
		},
		{
			Command: "inboxes create", Method: "POST", Path: acct + "/inboxes", InSpec: true,
			Short: "Create an inbox",
			Long: "--channel describes the channel as JSON: its \"type\" (api, web_widget, email, line,\n" +
				"telegram, whatsapp, sms) and that type's settings.",
			Example: "  $ woot inboxes create --name 'Mobile app' --channel '{\"type\":\"api\",\"webhook_url\":\"https://example.com/chatwoot\"}'\n" +
				"  $ woot inboxes create --name Website --channel '{\"type\":\"web_widget\",\"website_url\":\"https://example.com\"}' --greeting-enabled",
			Params: append([]api.Param{
				{Name: "name", Required: true, Usage: "Inbox name"},
				{Name: "channel", Type: api.JSON, Required: true, Usage: "Channel as JSON with its \"type\" (or @file)"},
			}, inboxSettingParams()...),
			Columns: inboxCols,
		},
		{
			Command: "inboxes update", Method: "PATCH", Path: acct + "/inboxes/{id}", InSpec: true,
			Short:    "Change an inbox's settings",
			Example:  "  $ woot inboxes update 1 --enable-auto-assignment=false\n  $ woot inboxes update 1 --working-hours-enabled --out-of-office-message 'We are back at 9am'",
			ArgNames: []string{"INBOX_ID"},
			Params: append([]api.Param{
				{Name: "name", Usage: "Inbox name"},
				{Name: "channel", Type: api.JSON, Usage: "Channel settings to change, as JSON"},
				{Name: "branded_email_layout", Usage: "Liquid HTML layout for e-mail replies; must contain {{ content_for_layout }}"},
			}, inboxSettingParams()...),
			Columns: inboxCols,
		},
		{
			Command: "inboxes delete", Method: "DELETE", Path: acct + "/inboxes/{id}",
			Short:    "Delete an inbox with its conversations",
			Long:     "Chatwoot deletes the inbox in the background. This cannot be undone.",
			Example:  "  $ woot inboxes delete 1 --yes",
			ArgNames: []string{"INBOX_ID"},
			Confirm:  true,
		},
		{
			Command: "inboxes templates list", Method: "GET", Path: acct + "/inboxes/{id}/message_templates", InSpec: true,
			Short:    "List a WhatsApp inbox's message templates",
			Example:  "  $ woot inboxes templates list 2\n  $ woot inboxes templates list 2 --name order_update -o json",
			ArgNames: []string{"INBOX_ID"},
			Params: []api.Param{
				{Name: "name", In: api.InQuery, Usage: "Only templates with this name"},
			},
			Data: "payload", List: &api.List{Pager: api.NoPages},
			Columns: []string{"id", "name", "language", "category", "status"},
		},
		{
			Command: "inboxes agent-bot get", Method: "GET", Path: acct + "/inboxes/{id}/agent_bot", InSpec: true,
			Short:    "Show the agent bot connected to an inbox",
			Example:  "  $ woot inboxes agent-bot get 1",
			ArgNames: []string{"INBOX_ID"},
			Data:     "agent_bot",
			Columns:  []string{"id", "name", "outgoing_url"},
		},
		{
			Command: "inboxes agent-bot set", Method: "POST", Path: acct + "/inboxes/{id}/set_agent_bot", InSpec: true,
			Short:    "Connect an agent bot to an inbox, or disconnect it",
			Example:  "  $ woot inboxes agent-bot set 1 --agent-bot 1\n  $ woot inboxes agent-bot set 1 --agent-bot null",
			ArgNames: []string{"INBOX_ID"},
			Params: []api.Param{
				// A JSON value so that null (disconnect) can be sent as well as an id.
				{Name: "agent_bot", Type: api.JSON, Required: true, Usage: "Agent bot id, or null to disconnect"},
			},
		},
	}
	return append(ops, inboxMemberOperations()...)
}

// inboxSettingParams are the settings inbox create and update share.
func inboxSettingParams() []api.Param {
	return []api.Param{
		{Name: "greeting_enabled", Type: api.Bool, Usage: "Send a greeting message"},
		{Name: "greeting_message", Usage: "Greeting message text"},
		{Name: "enable_email_collect", Type: api.Bool, Usage: "Ask website visitors for their e-mail"},
		{Name: "csat_survey_enabled", Type: api.Bool, Usage: "Send a CSAT survey when a conversation is resolved"},
		{Name: "csat_config", Type: api.JSON, Usage: "CSAT survey settings as JSON"},
		{Name: "enable_auto_assignment", Type: api.Bool, Usage: "Assign new conversations to agents automatically"},
		{Name: "working_hours_enabled", Type: api.Bool, Usage: "Use working hours"},
		{Name: "out_of_office_message", Usage: "Reply sent outside working hours"},
		{Name: "timezone", Usage: "Time zone of the working hours, e.g. Europe/Berlin"},
		{Name: "allow_messages_after_resolved", Type: api.Bool, Usage: "Website: let contacts write after resolution"},
		{Name: "lock_to_single_conversation", Type: api.Bool, Usage: "Keep each contact in one active conversation"},
		{Name: "portal_id", Type: api.Int, Usage: "Help center portal to attach"},
		{Name: "sender_name_type", Enum: []string{"friendly", "professional"}, Usage: "Sender name on e-mail replies"},
		{Name: "business_name", Usage: "Business name on e-mail replies"},
	}
}

// inboxMemberOperations covers which agents work an inbox.
func inboxMemberOperations() []api.Operation {
	memberParams := func(usage string) []api.Param {
		return []api.Param{
			{Name: "inbox_id", Type: api.Int, Required: true, Usage: "Inbox id"},
			{Name: "user_ids", Type: api.Ints, Required: true, Usage: usage},
		}
	}
	return []api.Operation{
		{
			Command: "inboxes members list", Method: "GET", Path: acct + "/inbox_members/{inbox_id}", InSpec: true,
			Short:    "List the agents of an inbox",
			Example:  "  $ woot inboxes members list 1",
			ArgNames: []string{"INBOX_ID"},
			Data:     "payload", List: &api.List{Pager: api.NoPages},
			Columns: agentColumns(),
		},
		{
			Command: "inboxes members add", Method: "POST", Path: acct + "/inbox_members", InSpec: true,
			Short:   "Add agents to an inbox",
			Example: "  $ woot inboxes members add --inbox-id 1 --user-ids 2,3",
			Params:  memberParams("Agents to add (repeat or comma-separate)"),
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: agentColumns(),
		},
		{
			Command: "inboxes members set", Method: "PATCH", Path: acct + "/inbox_members", InSpec: true,
			Short:   "Replace the agents of an inbox",
			Long:    "The inbox ends up with exactly the agents given.",
			Example: "  $ woot inboxes members set --inbox-id 1 --user-ids 2,3,4",
			Params:  memberParams("The inbox's agents (repeat or comma-separate)"),
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: agentColumns(),
		},
		{
			Command: "inboxes members remove", Method: "DELETE", Path: acct + "/inbox_members", InSpec: true,
			Short:   "Remove agents from an inbox",
			Example: "  $ woot inboxes members remove --inbox-id 1 --user-ids 3 --yes",
			Params:  memberParams("Agents to remove (repeat or comma-separate)"),
			Confirm: true,
		},
	}
}
