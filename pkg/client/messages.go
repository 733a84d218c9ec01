package client

import "github.com/wootcli/woot/pkg/api"

func messageColumns() []string {
	return []string{"id", "message_type", "content_type", "content", "sender.name", "created_at"}
}

// csatParams are the fields of a CSAT answer; prefix is where they nest.
// The rating has no Enum: the builder checks enums against a flag's
// string value, which an Int flag does not have, so every rating would be
// refused; the server validates the range itself.
func csatParams(prefix string) []api.Param {
	return []api.Param{
		{Name: prefix + "csat_survey_response.rating", Flag: "rating", Type: api.Int, Usage: "satisfaction rating, 1 (worst) to 5 (best)"},
		{Name: prefix + "csat_survey_response.feedback_message", Flag: "feedback", Usage: "free-text feedback"},
	}
}

func messageOperations() []api.Operation {
	update := []api.Param{
		{Name: "submitted_values.name", Flag: "name", Usage: "name of the submitted option or form field"},
		{Name: "submitted_values.title", Flag: "title", Usage: "title of the chosen option"},
		{Name: "submitted_values.value", Flag: "value", Usage: "value of the chosen option"},
	}
	update = append(update, csatParams("submitted_values.")...)
	return []api.Operation{
		{
			Family:  api.FamilyClient,
			Command: "client messages create",
			Method:  "POST",
			Path:    messagesPath,
			InSpec:  true,
			Short:   "Send a message as the contact",
			Long:    long(contactNote, "The message arrives in Chatwoot as an incoming message from the contact."),
			Example: "  $ woot client messages create 55 --content 'Where is my order?'\n" +
				"  $ woot client messages create 55 --content hi --echo-id tmp-1",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				{Name: "content", Required: true, Usage: "message text"},
				{Name: "echo_id", Usage: "temporary id echoed back on the websocket event, to match it to this request"},
			},
			Columns: messageColumns(),
		},
		{
			Family:  api.FamilyClient,
			Command: "client messages list",
			Method:  "GET",
			Path:    messagesPath,
			InSpec:  true,
			Short:   "List the messages of a conversation",
			Long: long(contactNote,
				"Private notes are never shown to the contact. The server returns the latest 20 messages; "+
					"--all walks back through older ones (before=<oldest id>) and prints them oldest first."),
			Example: "  $ woot client messages list 55\n" +
				"  $ woot client messages list 55 --all -o json --jq '.[].content'",
			ArgNames: []string{"CONVERSATION_ID"},
			List:     &api.List{Pager: api.BeforeID, PageSize: 20},
			Columns:  messageColumns(),
		},
		{
			Family:  api.FamilyClient,
			Command: "client messages update",
			Method:  "PATCH",
			Path:    messagesPath + "/{message_id}",
			InSpec:  true,
			Short:   "Answer a bot message (options, form or CSAT)",
			Long: long(contactNote,
				"Submits the contact's reply to an interactive message: the chosen option of an input_select, "+
					"a form field, or a CSAT rating. Richer replies (a list of form fields) go in --input."),
			Example: "  $ woot client messages update 55 334 --title Yes --value yes\n" +
				"  $ woot client messages update 55 336 --rating 5 --feedback 'Quick and friendly'",
			ArgNames: []string{"CONVERSATION_ID", "MESSAGE_ID"},
			Params:   update,
			Columns:  messageColumns(),
		},
	}
}
