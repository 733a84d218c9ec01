package application

import "github.com/wootcli/woot/pkg/api"

// conversationExtraOperations covers conversation routes beyond the spec:
// unread counts and participants (agents watching a conversation).
func conversationExtraOperations() []api.Operation {
	conv := []string{"CONVERSATION_ID"}
	agents := []string{"id", "name", "email", "availability_status"}
	users := []api.Param{{Name: "user_ids", Type: api.Ints, Required: true, Usage: "Agents (user ids)"}}
	p := acct + "/conversations/{conversation_id}/participants"
	return []api.Operation{
		{
			Command: "conversations unread-counts get", Method: "GET", Path: acct + "/conversations/unread_counts",
			Short:   "Count your unread conversations per inbox, label and team",
			Example: "  $ woot conversations unread-counts get",
		},
		{
			Command: "conversations participants list", Method: "GET", Path: p,
			Short:   "List the agents participating in a conversation",
			Example: "  $ woot conversations participants list 1", ArgNames: conv,
			List: &api.List{Pager: api.NoPages}, Columns: agents,
		},
		{
			Command: "conversations participants add", Method: "POST", Path: p,
			Short:   "Add agents as participants of a conversation",
			Example: "  $ woot conversations participants add 1 --user-ids 2,3", ArgNames: conv,
			Params: users, Columns: agents,
		},
		{
			Command: "conversations participants set", Method: "PATCH", Path: p,
			Short:   "Replace the participants of a conversation",
			Example: "  $ woot conversations participants set 1 --user-ids 2", ArgNames: conv,
			Params: users, Columns: agents,
		},
		{
			Command: "conversations participants remove", Method: "DELETE", Path: p,
			Short:   "Remove agents from the participants of a conversation",
			Example: "  $ woot conversations participants remove 1 --user-ids 2 --yes", ArgNames: conv,
			Params: users, Confirm: true,
		},
	}
}

// messageExtraOperations covers message routes beyond the spec.
func messageExtraOperations() []api.Operation {
	msg := []string{"CONVERSATION_ID", "MESSAGE_ID"}
	m := acct + "/conversations/{conversation_id}/messages/{id}"
	return []api.Operation{
		{
			Command: "messages retry", Method: "POST", Path: m + "/retry",
			Short:   "Send a failed outgoing message again",
			Example: "  $ woot messages retry 1 2", ArgNames: msg,
			Columns: messageColumns(),
		},
		{
			Command: "messages translate", Method: "POST", Path: m + "/translate",
			Short:    "Translate a message with the account's translation integration",
			Long:     "Needs the Google Translate integration; the translation is stored in content_attributes.translations.",
			Example:  "  $ woot messages translate 1 2 --target-language de --jq .content",
			ArgNames: msg,
			Params:   []api.Param{{Name: "target_language", Usage: "Language code to translate into (default: the account's locale)"}},
		},
	}
}

// notificationExtraOperations covers the notification routes the first
// table leaves out.
func notificationExtraOperations() []api.Operation {
	n := []string{"NOTIFICATION_ID"}
	cols := []string{"id", "notification_type", "push_message_title", "read_at", "snoozed_until"}
	return []api.Operation{
		{
			Command: "notifications unread count", Method: "GET", Path: acct + "/notifications/unread_count",
			Short:   "Count your unread notifications",
			Example: "  $ woot notifications unread count",
		},
		{
			Command: "notifications mark-read", Method: "PATCH", Path: acct + "/notifications/{id}",
			Short:   "Mark a notification read",
			Example: "  $ woot notifications mark-read 1", ArgNames: n, Columns: cols,
		},
		{
			Command: "notifications mark-unread", Method: "POST", Path: acct + "/notifications/{id}/unread",
			Short:   "Mark a notification unread",
			Example: "  $ woot notifications mark-unread 1", ArgNames: n, Columns: cols,
		},
		{
			Command: "notifications snooze", Method: "POST", Path: acct + "/notifications/{id}/snooze",
			Short:   "Hide a notification until a time",
			Example: "  $ woot notifications snooze 1 --snoozed-until 1893488400", ArgNames: n,
			Params:  []api.Param{{Name: "snoozed_until", Type: api.Int, Required: true, Usage: "When it shows again, in Unix seconds"}},
			Columns: cols,
		},
		{
			Command: "notifications delete", Method: "DELETE", Path: acct + "/notifications/{id}",
			Short:   "Delete a notification",
			Example: "  $ woot notifications delete 1 --yes", ArgNames: n, Confirm: true,
		},
		{
			Command: "notifications delete-all", Method: "POST", Path: acct + "/notifications/destroy_all",
			Short:   "Delete all your notifications, or only the read ones",
			Example: "  $ woot notifications delete-all --type read --yes",
			Params:  []api.Param{{Name: "type", Enum: []string{"all", "read"}, Usage: "Which notifications to delete"}},
			Confirm: true,
		},
	}
}
