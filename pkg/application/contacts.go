package application

import "github.com/wootcli/woot/pkg/api"

// contactOperations covers contacts, their labels, inboxes, notes and
// attachments, and Chatwoot's own server-side import and export.
func contactOperations() []api.Operation {
	ops := []api.Operation{
		{
			Command: "contacts list", Method: "GET", Path: acct + "/contacts", InSpec: true,
			Short:   "List contacts",
			Example: "  $ woot contacts list --sort -last_activity_at\n  $ woot contacts list --all -o csv > contacts.csv",
			Params: []api.Param{
				{Name: "sort", In: api.InQuery, Enum: contactSorts(), Usage: "Sort key; prefix with - for descending order"},
			},
			Data: "payload", List: &api.List{Pager: api.PageNumber, PageSize: 15},
			Columns: contactColumns(),
		},
		{
			Command: "contacts search", Method: "GET", Path: acct + "/contacts/search", InSpec: true,
			Short:   "Search contacts by name, email, phone number or identifier",
			Example: "  $ woot contacts search --q ann --all -o csv\n  $ woot contacts search --q +4915 --jq '.[].id'",
			Params: []api.Param{
				// The spec marks q optional; the server answers 422 without it.
				{Name: "q", In: api.InQuery, Required: true, Usage: "Text to look for"},
				{Name: "sort", In: api.InQuery, Enum: contactSorts(), Usage: "Sort key; prefix with - for descending order"},
			},
			Data: "payload", List: &api.List{Pager: api.PageNumber, PageSize: 15},
			Columns: contactColumns(),
		},
		{
			Command: "contacts filter", Method: "POST", Path: acct + "/contacts/filter", InSpec: true,
			Short: "List contacts matching filter conditions",
			Long: "Each condition is {attribute_key, filter_operator, values, query_operator}; query_operator\n" +
				"(AND or OR) joins a condition to the next one, so leave it out of the last condition.",
			Example: "  $ woot contacts filter --payload '[{\"attribute_key\":\"country_code\",\"filter_operator\":\"equal_to\",\"values\":[\"de\"]}]' --all\n" +
				"  $ woot contacts filter --input conditions.json -o json",
			Params: []api.Param{
				{Name: "payload", Type: api.JSON, Required: true, Usage: "Filter conditions as a JSON array (or @file)"},
			},
			Data: "payload", List: &api.List{Pager: api.PageNumber, PageSize: 15},
			Columns: contactColumns(),
		},
		{
			Command: "contacts list-active", Method: "GET", Path: acct + "/contacts/active",
			Short:   "List contacts who are online now",
			Example: "  $ woot contacts list-active --all",
			Data:    "payload", List: &api.List{Pager: api.PageNumber, PageSize: 15},
			Columns: contactColumns(),
		},
		{
			Command: "contacts get", Method: "GET", Path: acct + "/contacts/{id}", InSpec: true,
			Short:    "Show a contact",
			Example:  "  $ woot contacts get 42\n  $ woot contacts get 42 -o json --jq .custom_attributes",
			ArgNames: []string{"CONTACT_ID"},
			Data:     "payload", Columns: contactColumns(),
		},
		{
			Command: "contacts create", Method: "POST", Path: acct + "/contacts", InSpec: true,
			Short: "Create a contact",
			Long: "With --inbox-id the contact is also attached to that inbox (a contact inbox whose\n" +
				"source_id is --source-id, or a generated one).",
			Example: "  $ woot contacts create --name 'Ann Lee' --email ann@example.com --inbox-id 1\n" +
				"  $ woot contacts create --name Bob --phone-number +4915112345678 --custom-attribute plan=pro",
			Params: contactWriteParams(true),
			// The server answers {"payload":{"contact":{…},"contact_inbox":{…}}}; the
			// contact's own contact_inboxes carry the new source_id too.
			Data: "payload.contact", Columns: contactColumns(),
		},
		{
			Command: "contacts update", Method: "PUT", Path: acct + "/contacts/{id}", InSpec: true,
			Short: "Update a contact",
			Long: "Only the flags given are changed. Custom and additional attributes are merged into\n" +
				"the existing ones; use `woot contacts custom-attributes delete` to remove keys.",
			Example:  "  $ woot contacts update 42 --email ann@new.example.com\n  $ woot contacts update 42 --custom-attribute plan=enterprise --blocked=false",
			ArgNames: []string{"CONTACT_ID"},
			Params:   contactWriteParams(false),
			Data:     "payload", Columns: contactColumns(),
		},
		{
			Command: "contacts delete", Method: "DELETE", Path: acct + "/contacts/{id}", InSpec: true,
			Short:    "Delete a contact",
			Long:     "Chatwoot refuses (422) to delete a contact who is online at that moment.",
			Example:  "  $ woot contacts delete 42 --yes",
			ArgNames: []string{"CONTACT_ID"},
			Confirm:  true,
		},
		{
			Command: "contacts merge", Method: "POST", Path: acct + "/actions/contact_merge", InSpec: true,
			Short: "Merge one contact into another",
			Long: "The mergee's conversations, notes and attributes move to the base contact and the\n" +
				"mergee is deleted. This cannot be undone.",
			Example: "  $ woot contacts merge --base-contact-id 2 --mergee-contact-id 3 --yes",
			Params: []api.Param{
				{Name: "base_contact_id", Type: api.Int, Required: true, Usage: "Contact that remains"},
				{Name: "mergee_contact_id", Type: api.Int, Required: true, Usage: "Contact merged into the base and deleted"},
			},
			Columns: []string{"id", "name", "email", "phone_number", "identifier"},
			Confirm: true,
		},
		{
			Command: "contacts conversations list", Method: "GET", Path: acct + "/contacts/{id}/conversations", InSpec: true,
			Short:    "List a contact's conversations",
			Example:  "  $ woot contacts conversations list 1\n  $ woot contacts conversations list 1 --jq '.[] | select(.status==\"open\") | .id'",
			ArgNames: []string{"CONTACT_ID"},
			Data:     "payload", List: &api.List{Pager: api.NoPages},
			Columns: conversationColumns(),
		},
		{
			Command: "contacts labels list", Method: "GET", Path: acct + "/contacts/{id}/labels", InSpec: true,
			Short:    "List a contact's labels",
			Example:  "  $ woot contacts labels list 42",
			ArgNames: []string{"CONTACT_ID"},
			Data:     "payload", List: &api.List{Pager: api.NoPages},
		},
		{
			Command: "contacts labels set", Method: "POST", Path: acct + "/contacts/{id}/labels", InSpec: true,
			Short:    "Replace a contact's labels",
			Long:     "The contact ends up with exactly the labels given; labels not listed are removed.",
			Example:  "  $ woot contacts labels set 42 --labels vip,billing",
			ArgNames: []string{"CONTACT_ID"},
			Params: []api.Param{
				{Name: "labels", Type: api.Strings, Required: true, Usage: "Label names (repeat or comma-separate)"},
			},
			Data: "payload", List: &api.List{Pager: api.NoPages},
		},
		{
			Command: "contacts inboxes create", Method: "POST", Path: acct + "/contacts/{id}/contact_inboxes", InSpec: true,
			Short:    "Attach a contact to an inbox",
			Long:     "Creates the contact inbox a conversation needs; its source_id identifies the contact in that inbox.",
			Example:  "  $ woot contacts inboxes create 1 --inbox-id 1\n  $ woot contacts inboxes create 1 --inbox-id 2 --source-id +4915112345678",
			ArgNames: []string{"CONTACT_ID"},
			Params: []api.Param{
				{Name: "inbox_id", Type: api.Int, Required: true, Usage: "Inbox to attach the contact to"},
				{Name: "source_id", Usage: "Contact's id in that channel (phone number, email…); generated when omitted"},
			},
			Columns: contactInboxColumns(),
		},
		{
			Command: "contacts contactable-inboxes list", Method: "GET", Path: acct + "/contacts/{id}/contactable_inboxes", InSpec: true,
			Short:    "List the inboxes a contact can be reached through",
			Example:  "  $ woot contacts contactable-inboxes list 42",
			ArgNames: []string{"CONTACT_ID"},
			Data:     "payload", List: &api.List{Pager: api.NoPages},
			Columns: contactInboxColumns(),
		},
		{
			Command: "contacts custom-attributes delete", Method: "POST", Path: acct + "/contacts/{id}/destroy_custom_attributes",
			Short:    "Remove custom attributes from a contact",
			Example:  "  $ woot contacts custom-attributes delete 42 --keys plan,trial_ends_at --yes",
			ArgNames: []string{"CONTACT_ID"},
			Params: []api.Param{
				{Name: "custom_attributes", Flag: "keys", Type: api.Strings, Required: true, Usage: "Attribute keys to remove"},
			},
			Data: "payload", Columns: contactColumns(),
			Confirm: true,
		},
		{
			Command: "contacts attachments list", Method: "GET", Path: acct + "/contacts/{contact_id}/attachments",
			Short:    "List the files shared in a contact's conversations",
			Example:  "  $ woot contacts attachments list 42 --all --jq '.[].data_url'",
			ArgNames: []string{"CONTACT_ID"},
			Data:     "payload", List: &api.List{Pager: api.PageNumber, PageSize: 100},
			Columns: attachmentColumns(),
		},
		{
			Command: "contacts server-import", Method: "POST", Path: acct + "/contacts/import",
			Short: "Upload a CSV for Chatwoot to import contacts in the background",
			Long: "Chatwoot queues the file and imports it asynchronously: rows are matched by identifier,\n" +
				"email, then phone number; name, email, phone_number, identifier, company and city are\n" +
				"recognised, other columns become custom attributes. Failed rows are mailed to the\n" +
				"administrators. The answer is empty. For a client-side import with per-row results,\n" +
				"a rejects file and resume, use `woot contacts import`.",
			Example: "  $ woot contacts server-import --file contacts.csv",
			Params: []api.Param{
				{Name: "import_file", Flag: "file", Type: api.File, Required: true, Usage: "CSV file to upload (- for stdin)"},
			},
		},
		{
			Command: "contacts server-export", Method: "POST", Path: acct + "/contacts/export",
			Short: "Ask Chatwoot to e-mail a CSV export of contacts",
			Long: "Chatwoot builds the CSV in the background and e-mails you a download link; the answer\n" +
				"is empty. To stream contacts to a file directly, use `woot contacts export` or\n" +
				"`woot contacts list --all -o csv`.",
			Example: "  $ woot contacts server-export --column-names id,name,email,phone_number --label vip",
			Params: []api.Param{
				{Name: "column_names", Type: api.Strings, Usage: "Contact columns to export (default id,name,email,phone_number)"},
				{Name: "label", Usage: "Only contacts with this label"},
				{Name: "payload", Type: api.JSON, Usage: "Filter conditions, as woot contacts filter takes them"},
			},
		},
	}
	return append(ops, contactNoteOperations()...)
}

// contactWriteParams are the fields of contact create and update; only
// create takes the inbox to attach the contact to.
func contactWriteParams(create bool) []api.Param {
	var ps []api.Param
	if create {
		ps = append(ps,
			// The spec requires inbox_id, but the server creates the contact
			// without a contact inbox when it is absent.
			api.Param{Name: "inbox_id", Type: api.Int, Usage: "Inbox to attach the new contact to"},
		)
	}
	return append(ps,
		api.Param{Name: "name", Usage: "Full name"},
		api.Param{Name: "email", Usage: "E-mail address"},
		api.Param{Name: "phone_number", Usage: "Phone number in E.164 form, e.g. +4915112345678"},
		api.Param{Name: "identifier", Usage: "The contact's id in your own system"},
		api.Param{Name: "blocked", Type: api.Bool, Usage: "Block the contact"},
		api.Param{Name: "avatar_url", Usage: "URL of a JPEG or PNG avatar"},
		api.Param{Name: "custom_attributes", Flag: "custom-attribute", Type: api.Map, Usage: "Custom attribute key=value (repeatable)"},
		api.Param{Name: "additional_attributes", Flag: "additional-attribute", Type: api.Map, Usage: "Additional attribute key=value, e.g. company_name=Acme (repeatable)"},
	)
}

// contactNoteOperations covers the private notes agents keep on a contact.
func contactNoteOperations() []api.Operation {
	noteCols := []string{"id", "created_at", "user.name", "content"}
	return []api.Operation{
		{
			Command: "contacts notes list", Method: "GET", Path: acct + "/contacts/{contact_id}/notes",
			Short:    "List a contact's notes",
			Example:  "  $ woot contacts notes list 1",
			ArgNames: []string{"CONTACT_ID"},
			List:     &api.List{Pager: api.NoPages},
			Columns:  noteCols,
		},
		{
			Command: "contacts notes get", Method: "GET", Path: acct + "/contacts/{contact_id}/notes/{id}",
			Short:    "Show a contact note",
			Example:  "  $ woot contacts notes get 1 1",
			ArgNames: []string{"CONTACT_ID", "NOTE_ID"},
			Columns:  noteCols,
		},
		{
			Command: "contacts notes create", Method: "POST", Path: acct + "/contacts/{contact_id}/notes",
			Short:    "Add a note to a contact",
			Example:  "  $ woot contacts notes create 1 --content 'Prefers e-mail over phone'",
			ArgNames: []string{"CONTACT_ID"},
			Params: []api.Param{
				{Name: "content", Required: true, Usage: "Note text"},
			},
			Columns: noteCols,
		},
		{
			Command: "contacts notes update", Method: "PATCH", Path: acct + "/contacts/{contact_id}/notes/{id}",
			Short:    "Change a contact note",
			Example:  "  $ woot contacts notes update 1 1 --content 'Prefers phone after 5pm'",
			ArgNames: []string{"CONTACT_ID", "NOTE_ID"},
			Params: []api.Param{
				{Name: "content", Required: true, Usage: "New note text"},
			},
			Columns: noteCols,
		},
		{
			Command: "contacts notes delete", Method: "DELETE", Path: acct + "/contacts/{contact_id}/notes/{id}",
			Short:    "Delete a contact note",
			Example:  "  $ woot contacts notes delete 1 1 --yes",
			ArgNames: []string{"CONTACT_ID", "NOTE_ID"},
			Confirm:  true,
		},
	}
}
