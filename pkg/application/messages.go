package application

import "github.com/wootcli/woot/pkg/api"

// messageOperations covers the messages of a conversation.
func messageOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "messages list", Method: "GET", Path: acct + "/conversations/{conversation_id}/messages", InSpec: true,
			Short: "List a conversation's messages",
			Long: "Without flags the latest 20 messages are shown; --all walks back to the first message\n" +
				"and prints the conversation oldest first. --after ID returns up to 100 newer messages.",
			Example:  "  $ woot messages list 2\n  $ woot messages list 2 --all -o ndjson\n  $ woot messages list 2 --after 5",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "after", In: api.InQuery, Type: api.Int, Usage: "Only messages newer than this message id"},
				{Name: "before", In: api.InQuery, Type: api.Int, Usage: "Only messages older than this message id"},
			},
			Data: "payload", List: &api.List{Pager: api.BeforeID, PageSize: 20},
			Columns: messageColumns(),
		},
		{
			Command: "messages create", Method: "POST", Path: acct + "/conversations/{conversation_id}/messages", InSpec: true,
			Short: "Send a message or add a private note",
			Long: "Sends a reply to the contact (outgoing), records an incoming message (API inboxes), or\n" +
				"with --private adds a note only agents see. --attach uploads a file with the message.\n" +
				"Works with an agent-bot token.",
			Example: "  $ woot messages create 2 --content 'Your refund was issued today.'\n" +
				"  $ woot messages create 2 --content 'Customer called, see ticket #88' --private\n" +
				"  $ woot messages create 2 --content 'Invoice attached' --attach invoice.pdf",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				// The JSON schema requires content; the multipart variant does not,
				// and a message may be just an attachment.
				{Name: "content", Usage: "Message text"},
				{Name: "message_type", Enum: []string{"outgoing", "incoming"}, Usage: "outgoing (to the contact, default) or incoming (from the contact)"},
				{Name: "private", Type: api.Bool, Usage: "Private note, visible to agents only"},
				{Name: "content_type", Enum: []string{"text", "input_email", "cards", "input_select", "form", "article"}, Usage: "Rich content type (default text)"},
				{Name: "content_attributes", Type: api.JSON, Usage: "Attributes for the content type, as JSON"},
				{Name: "campaign_id", Type: api.Int, Usage: "Campaign the message belongs to"},
				{Name: "template_params", Type: api.JSON, Usage: "WhatsApp template: {name, category, language, processed_params} as JSON"},
				{Name: "attachments[]", Flag: "attach", Type: api.File, Usage: "File to attach (- for stdin)"},
			},
			Columns: messageColumns(),
		},
		{
			Command: "messages update", Method: "PATCH", Path: acct + "/conversations/{conversation_id}/messages/{message_id}", InSpec: true,
			Short:    "Set a message's delivery status",
			Long:     "For API-channel integrations reporting delivery back to Chatwoot.",
			Example:  "  $ woot messages update 2 5 --status read\n  $ woot messages update 2 5 --status failed --external-error 'Number unreachable'",
			ArgNames: []string{"CONVERSATION_ID", "MESSAGE_ID"},
			Params: []api.Param{
				{Name: "status", Required: true, Enum: []string{"sent", "delivered", "read", "failed"}, Usage: "Delivery status"},
				{Name: "external_error", Usage: "Why delivery failed (kept only with --status failed)"},
			},
			Columns: messageColumns(),
		},
		{
			Command: "messages delete", Method: "DELETE", Path: acct + "/conversations/{conversation_id}/messages/{message_id}", InSpec: true,
			Short:    "Delete a message",
			Example:  "  $ woot messages delete 2 5 --yes",
			ArgNames: []string{"CONVERSATION_ID", "MESSAGE_ID"},
			Confirm:  true,
		},
	}
}
