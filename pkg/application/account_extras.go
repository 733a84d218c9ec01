package application

import "github.com/wootcli/woot/pkg/api"

// attachmentOperations covers the account's direct upload: a file stored
// once and referred to by URL (in a message, an avatar, a rich article).
func attachmentOperations() []api.Operation {
	return []api.Operation{{
		Command: "attachments upload", Method: "POST", Path: acct + "/upload",
		Short:   "Upload a file and print its URL",
		Long:    "Give a local file with --file, or let Chatwoot fetch one with --external-url.",
		Example: "  $ woot attachments upload --external-url https://acme.test/logo.png --jq .file_url",
		Params: []api.Param{
			{Name: "attachment", Flag: "file", Type: api.File, Usage: "File to upload (- for stdin)"},
			{Name: "external_url", Usage: "URL Chatwoot downloads the file from instead"},
		},
		Columns: []string{"file_url", "blob_key", "blob_id"},
	}}
}

// agentExtraOperations covers the account-wide assignable agents.
func agentExtraOperations() []api.Operation {
	return []api.Operation{{
		Command: "agents assignable list", Method: "GET", Path: acct + "/assignable_agents",
		Short:   "List the agents conversations of the given inboxes can go to",
		Example: "  $ woot agents assignable list --inbox-ids 1,2",
		Params:  []api.Param{{Name: "inbox_ids", In: api.InQuery, Type: api.Ints, Required: true, Usage: "Inboxes the agents must all belong to"}},
		Data:    "payload", List: &api.List{Pager: api.NoPages},
		Columns: []string{"id", "name", "email", "role", "availability_status"},
	}}
}

// contactExtraOperations covers contact routes beyond the spec.
func contactExtraOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "contacts call", Method: "POST", Path: acct + "/contacts/{id}/call",
			Short:   "Start a voice call to a contact",
			Long:    "Needs the Enterprise voice channel and a voice inbox the contact can be reached through.",
			Example: "  $ woot contacts call 1 --inbox-id 3", ArgNames: []string{"CONTACT_ID"},
			Params:  []api.Param{{Name: "inbox_id", Type: api.Int, Usage: "Voice inbox to call from"}},
			Columns: []string{"conversation_id", "call_sid", "status"},
		},
		{
			Command: "contacts avatar delete", Method: "DELETE", Path: acct + "/contacts/{id}/avatar",
			Short:   "Remove a contact's avatar",
			Example: "  $ woot contacts avatar delete 1 --yes", ArgNames: []string{"CONTACT_ID"}, Confirm: true,
		},
	}
}

// contactInboxOperations finds a contact by the id a channel knows it by.
func contactInboxOperations() []api.Operation {
	return []api.Operation{{
		Command: "contact-inboxes filter", Method: "POST", Path: acct + "/contact_inboxes/filter",
		Short:   "Find the contact behind a channel's source id",
		Example: "  $ woot contact-inboxes filter --inbox-id 3 --source-id 15550123001",
		Params: []api.Param{
			{Name: "inbox_id", Type: api.Int, Required: true, Usage: "Inbox the source id belongs to"},
			{Name: "source_id", Required: true, Usage: "The contact's id in that channel (phone, email, session)"},
		},
		Data: "payload", Columns: []string{"id", "name", "email", "phone_number"},
	}}
}

// channelOperations covers channel set-up routes outside the inbox API.
func channelOperations() []api.Operation {
	return []api.Operation{{
		Command: "channels twilio create", Method: "POST", Path: acct + "/channels/twilio_channel",
		Short: "Create a Twilio SMS or WhatsApp inbox",
		Long: "The Twilio auth token is a secret, so it has no flag: put it in a JSON file given with --input\n" +
			`({"twilio_channel":{"auth_token":"…"}}), or read it from stdin with --input -.`,
		Example: "  $ woot channels twilio create --name 'Support SMS' --medium sms --account-sid AC123 --phone-number +15550100",
		Params: []api.Param{
			{Name: "twilio_channel.name", Flag: "name", Required: true, Usage: "Inbox name"},
			{Name: "twilio_channel.medium", Flag: "medium", Enum: []string{"sms", "whatsapp"}, Required: true, Usage: "Message medium"},
			{Name: "twilio_channel.account_sid", Flag: "account-sid", Required: true, Usage: "Twilio account SID"},
			{Name: "twilio_channel.api_key_sid", Flag: "api-key-sid", Usage: "Twilio API key SID, instead of the auth token"},
			{Name: "twilio_channel.phone_number", Flag: "phone-number", Usage: "Sending number (E.164)"},
			{Name: "twilio_channel.messaging_service_sid", Flag: "messaging-service-sid", Usage: "Messaging service SID, instead of a number"},
		},
		Columns: []string{"id", "name", "channel_type", "phone_number"},
	}}
}
