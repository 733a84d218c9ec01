package application

import "github.com/wootcli/woot/pkg/api"

// conversationListFilters are the query filters the conversation finder
// reads for lists, counts and search.
func conversationListFilters(withAssignee bool) []api.Param {
	var ps []api.Param
	if withAssignee {
		ps = append(ps, api.Param{Name: "assignee_type", In: api.InQuery, Enum: assigneeTypes(), Usage: "Whose conversations: me, unassigned, assigned or all"})
	}
	return append(ps,
		api.Param{Name: "status", In: api.InQuery, Enum: conversationStatusFilters(), Usage: "Status to list (server default: open)"},
		api.Param{Name: "q", In: api.InQuery, Usage: "Text to look for in messages and contact details"},
		api.Param{Name: "inbox_id", In: api.InQuery, Type: api.Int, Usage: "Only this inbox"},
		api.Param{Name: "team_id", In: api.InQuery, Type: api.Int, Usage: "Only this team"},
		api.Param{Name: "labels", In: api.InQuery, Type: api.Strings, Usage: "Only conversations with these labels (repeat or comma-separate)"},
	)
}

// conversationOperations covers conversations and everything hanging off
// one: status, priority, assignment, labels, attributes and housekeeping.
func conversationOperations() []api.Operation {
	ops := []api.Operation{
		{
			Command: "conversations list", Method: "GET", Path: acct + "/conversations", InSpec: true,
			Short:   "List conversations",
			Example: "  $ woot conversations list --status open --assignee-type unassigned\n  $ woot conversations list --status all --labels billing --all -o csv",
			Params:  conversationListFilters(true),
			Data:    "data.payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: conversationColumns(),
		},
		{
			Command: "conversations count", Method: "GET", Path: acct + "/conversations/meta", InSpec: true,
			Short:   "Count conversations by assignment (mine, assigned, unassigned, all)",
			Example: "  $ woot conversations count --status open\n  $ woot conversations count --inbox-id 3 --jq .unassigned_count",
			Params:  conversationListFilters(false),
			Data:    "meta",
			Columns: []string{"mine_count", "assigned_count", "unassigned_count", "all_count"},
		},
		{
			Command: "conversations filter", Method: "POST", Path: acct + "/conversations/filter", InSpec: true,
			Short: "List conversations matching filter conditions",
			Long: "Each condition is {attribute_key, filter_operator, values, query_operator}; query_operator\n" +
				"(AND or OR) joins a condition to the next one, so leave it out of the last condition.",
			Example: "  $ woot conversations filter --payload '[{\"attribute_key\":\"status\",\"filter_operator\":\"equal_to\",\"values\":[\"pending\"]}]' --all\n" +
				"  $ woot conversations filter --input conditions.json -o json",
			Params: []api.Param{
				{Name: "payload", Type: api.JSON, Required: true, Usage: "Filter conditions as a JSON array (or @file)"},
			},
			Data: "data.payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: conversationColumns(),
		},
		{
			Command: "conversations search", Method: "GET", Path: acct + "/conversations/search",
			Short:   "Search conversations by message content",
			Example: "  $ woot conversations search --q 'refund' --status all --all",
			Params: []api.Param{
				{Name: "q", In: api.InQuery, Required: true, Usage: "Text to look for"},
				{Name: "status", In: api.InQuery, Enum: conversationStatusFilters(), Usage: "Status to search (server default: open)"},
				{Name: "assignee_type", In: api.InQuery, Enum: assigneeTypes(), Usage: "Whose conversations: me, unassigned, assigned or all"},
			},
			Data: "data.payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: conversationColumns(),
		},
		{
			Command: "conversations get", Method: "GET", Path: acct + "/conversations/{conversation_id}", InSpec: true,
			Short:    "Show a conversation",
			Example:  "  $ woot conversations get 2\n  $ woot conversations get 2 -o json --jq .meta.sender",
			ArgNames: []string{"CONVERSATION_ID"},
			Columns:  conversationColumns(),
		},
		{
			Command: "conversations create", Method: "POST", Path: acct + "/conversations", InSpec: true,
			Short: "Start a conversation",
			Long: "Give --inbox-id and --contact-id and Chatwoot finds or creates the contact inbox; or give\n" +
				"--source-id of an existing contact inbox. Works with an agent-bot token too.",
			Example: "  $ woot conversations create --inbox-id 1 --contact-id 2 --message 'Hi Ann, following up on your order'\n" +
				"  $ woot conversations create --source-id 2f0c64d1-7e4b-4a34-9d8e-1b2f5c3a9e10 --status pending --assignee-id 2",
			Params: []api.Param{
				// The spec requires source_id, but the server builds the contact
				// inbox from inbox_id and contact_id when it is absent.
				{Name: "source_id", Usage: "Source id of the contact inbox"},
				{Name: "inbox_id", Type: api.Int, Usage: "Inbox (Website, API, Email, SMS/WhatsApp…)"},
				{Name: "contact_id", Type: api.Int, Usage: "Contact to talk to"},
				{Name: "status", Enum: []string{"open", "resolved", "pending"}, Usage: "Initial status"},
				{Name: "assignee_id", Type: api.Int, Usage: "Agent to assign"},
				{Name: "team_id", Type: api.Int, Usage: "Team to assign"},
				{Name: "snoozed_until", Usage: "Snooze until this time (ISO 8601)"},
				{Name: "message.content", Flag: "message", Usage: "First message to send"},
				{Name: "message.template_params", Flag: "template-params", Type: api.JSON, Usage: "WhatsApp template of the first message, as JSON"},
				{Name: "custom_attributes", Flag: "custom-attribute", Type: api.Map, Usage: "Conversation custom attribute key=value (repeatable)"},
				{Name: "additional_attributes", Flag: "additional-attribute", Type: api.Map, Usage: "Additional attribute key=value (repeatable)"},
			},
			Columns: []string{"id", "inbox_id", "status", "account_id"},
		},
		{
			Command: "conversations update", Method: "PATCH", Path: acct + "/conversations/{conversation_id}", InSpec: true,
			Short:    "Change a conversation's priority or SLA policy",
			Example:  "  $ woot conversations update 2 --priority high\n  $ woot conversations update 2 --sla-policy-id 2",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "priority", Enum: priorities(), Usage: "Priority"},
				{Name: "sla_policy_id", Type: api.Int, Usage: "SLA policy to apply (Enterprise)"},
			},
			Columns: []string{"id", "status", "priority", "sla_policy_id"},
		},
		{
			Command: "conversations set-status", Method: "POST", Path: acct + "/conversations/{conversation_id}/toggle_status", InSpec: true,
			Short:    "Open, resolve, snooze or set a conversation pending",
			Long:     "Chatwoot calls this toggle_status; it sets the status given. Works with an agent-bot token.",
			Example:  "  $ woot conversations set-status 2 --status resolved\n  $ woot conversations set-status 2 --status snoozed --snoozed-until 1767225600",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "status", Required: true, Enum: conversationStatuses(), Usage: "New status"},
				{Name: "snoozed_until", Type: api.Int, Usage: "With --status snoozed: reopen at this Unix time (default: next reply)"},
			},
			Data:    "payload",
			Columns: []string{"conversation_id", "current_status", "snoozed_until", "success"},
		},
		{
			Command: "conversations set-priority", Method: "POST", Path: acct + "/conversations/{conversation_id}/toggle_priority", InSpec: true,
			Short:    "Set a conversation's priority",
			Long:     "Chatwoot calls this toggle_priority; it sets the priority given. Works with an agent-bot token.",
			Example:  "  $ woot conversations set-priority 2 --priority urgent",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "priority", Required: true, Enum: priorities(), Usage: "New priority (none clears it)"},
			},
		},
		{
			Command: "conversations set-typing", Method: "POST", Path: acct + "/conversations/{conversation_id}/toggle_typing_status", InSpec: true,
			Short:    "Show or hide the typing indicator in a conversation",
			Example:  "  $ woot conversations set-typing 2 --status on",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "typing_status", Flag: "status", Required: true, Enum: []string{"on", "off"}, Usage: "Typing indicator on or off"},
				{Name: "is_private", Type: api.Bool, Usage: "The typing is for a private note"},
			},
		},
		{
			Command: "conversations assign", Method: "POST", Path: acct + "/conversations/{conversation_id}/assignments", InSpec: true,
			Short:    "Assign a conversation to an agent or a team",
			Long:     "With --assignee-id the team is ignored. Works with an agent-bot token.",
			Example:  "  $ woot conversations assign 2 --assignee-id 2\n  $ woot conversations assign 2 --team-id 2",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "assignee_id", Type: api.Int, Usage: "Agent to assign"},
				{Name: "team_id", Type: api.Int, Usage: "Team to assign"},
			},
			Columns: []string{"id", "name", "email"},
		},
		{
			Command: "conversations labels list", Method: "GET", Path: acct + "/conversations/{conversation_id}/labels", InSpec: true,
			Short:    "List a conversation's labels",
			Example:  "  $ woot conversations labels list 2",
			ArgNames: []string{"CONVERSATION_ID"},
			Data:     "payload", List: &api.List{Pager: api.NoPages},
		},
		{
			Command: "conversations labels set", Method: "POST", Path: acct + "/conversations/{conversation_id}/labels", InSpec: true,
			Short:    "Replace a conversation's labels",
			Long:     "The conversation ends up with exactly the labels given; labels not listed are removed.",
			Example:  "  $ woot conversations labels set 2 --labels billing,refund",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "labels", Type: api.Strings, Required: true, Usage: "Label names (repeat or comma-separate)"},
			},
			Data: "payload", List: &api.List{Pager: api.NoPages},
		},
		{
			Command: "conversations custom-attributes set", Method: "POST", Path: acct + "/conversations/{conversation_id}/custom_attributes", InSpec: true,
			Short:    "Set a conversation's custom attributes",
			Long:     "Without --merge the given attributes replace all existing ones.",
			Example:  "  $ woot conversations custom-attributes set 2 --custom-attribute order_id=A-1001 --merge",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "custom_attributes", Flag: "custom-attribute", Type: api.Map, Required: true, Usage: "Attribute key=value (repeatable)"},
				{Name: "merge", Type: api.Bool, Usage: "Keep attributes not given instead of replacing them all"},
			},
			Data: "custom_attributes",
		},
		{
			Command: "conversations custom-attributes delete", Method: "POST", Path: acct + "/conversations/{conversation_id}/destroy_custom_attributes", InSpec: true,
			Short:    "Remove custom attributes from a conversation",
			Example:  "  $ woot conversations custom-attributes delete 2 --keys order_id --yes",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "custom_attributes", Flag: "keys", Type: api.Strings, Required: true, Usage: "Attribute keys to remove"},
			},
			Data:    "custom_attributes",
			Confirm: true,
		},
		{
			Command: "conversations reporting-events list", Method: "GET", Path: acct + "/conversations/{conversation_id}/reporting_events", InSpec: true,
			Short:    "List a conversation's reporting events (first response, resolution…)",
			Example:  "  $ woot conversations reporting-events list 2",
			ArgNames: []string{"CONVERSATION_ID"},
			List:     &api.List{Pager: api.NoPages},
			Columns:  []string{"id", "name", "value", "value_in_business_hours", "user_id", "created_at"},
		},
		{
			Command: "conversations attachments list", Method: "GET", Path: acct + "/conversations/{id}/attachments",
			Short:    "List the files shared in a conversation",
			Example:  "  $ woot conversations attachments list 2 --all --jq '.[].data_url'",
			ArgNames: []string{"CONVERSATION_ID"},
			Data:     "payload", List: &api.List{Pager: api.PageNumber, PageSize: 100},
			Columns: attachmentColumns(),
		},
		{
			Command: "conversations mute", Method: "POST", Path: acct + "/conversations/{id}/mute",
			Short:    "Mute a conversation: it is resolved and new messages do not reopen it",
			Example:  "  $ woot conversations mute 2",
			ArgNames: []string{"CONVERSATION_ID"},
		},
		{
			Command: "conversations unmute", Method: "POST", Path: acct + "/conversations/{id}/unmute",
			Short:    "Unmute a conversation",
			Example:  "  $ woot conversations unmute 2",
			ArgNames: []string{"CONVERSATION_ID"},
		},
		{
			Command: "conversations send-transcript", Method: "POST", Path: acct + "/conversations/{id}/transcript",
			Short:    "E-mail a conversation's transcript",
			Long:     "Chatwoot limits transcripts per account (about 30 an hour) and some plans lack them (402).",
			Example:  "  $ woot conversations send-transcript 2 --email ann@example.com",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "email", Required: true, Usage: "Address to send the transcript to"},
			},
		},
		{
			Command: "conversations mark-unread", Method: "POST", Path: acct + "/conversations/{id}/unread",
			Short:    "Mark a conversation unread again",
			Example:  "  $ woot conversations mark-unread 2",
			ArgNames: []string{"CONVERSATION_ID"},
		},
		{
			Command: "conversations delete", Method: "DELETE", Path: acct + "/conversations/{id}",
			Short:    "Delete a conversation and its messages",
			Long:     "Only administrators may delete conversations. This cannot be undone.",
			Example:  "  $ woot conversations delete 2 --yes",
			ArgNames: []string{"CONVERSATION_ID"},
			Confirm:  true,
		},
	}
	return ops
}
