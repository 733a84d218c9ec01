package application

import "github.com/wootcli/woot/pkg/api"

// bulkActionOperations covers Chatwoot's server-side bulk endpoint.
func bulkActionOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "bulk-actions create", Method: "POST", Path: acct + "/bulk_actions",
			Short: "Change many conversations or contacts at once on the server",
			Long: "Chatwoot runs the action in a background job and answers at once with an empty body.\n" +
				"Conversations: set --status, --assignee-id, --team-id, --snoozed-until, or add and remove\n" +
				"labels. Contacts: --action-name delete, or add labels. For a client-side bulk job with\n" +
				"per-row results and resume, use `woot conversations bulk` or `woot contacts bulk`.",
			Example: "  $ woot bulk-actions create --type Conversation --ids 12,13,14 --status resolved --yes\n" +
				"  $ woot bulk-actions create --type Conversation --ids 12,13 --add-label vip --remove-label spam --yes\n" +
				"  $ woot bulk-actions create --type Contact --ids 40,41 --action-name delete --yes",
			Params: []api.Param{
				{Name: "type", Required: true, Enum: []string{"Conversation", "Contact"}, Usage: "What the ids are"},
				{Name: "ids", Type: api.Ints, Required: true, Usage: "Conversation display ids or contact ids (repeat or comma-separate)"},
				{Name: "fields.status", Flag: "status", Enum: conversationStatuses(), Usage: "Conversations: new status"},
				{Name: "fields.assignee_id", Flag: "assignee-id", Type: api.Int, Usage: "Conversations: agent to assign"},
				{Name: "fields.team_id", Flag: "team-id", Type: api.Int, Usage: "Conversations: team to assign (0 removes the team)"},
				{Name: "snoozed_until", Usage: "Conversations: snooze until this time"},
				{Name: "labels.add", Flag: "add-label", Type: api.Strings, Usage: "Labels to add (repeatable)"},
				{Name: "labels.remove", Flag: "remove-label", Type: api.Strings, Usage: "Labels to remove (repeatable)"},
				{Name: "action_name", Usage: "Contacts: action to run, e.g. delete"},
			},
			// It can delete or reassign many records in one call.
			Confirm: true,
		},
	}
}
