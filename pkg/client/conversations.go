package client

import "github.com/wootcli/woot/pkg/api"

func conversationColumns() []string {
	return []string{"id", "uuid", "status", "inbox_id", "contact_last_seen_at", "agent_last_seen_at"}
}

func conversationOperations() []api.Operation {
	return []api.Operation{
		{
			Family:  api.FamilyClient,
			Command: "client conversations create",
			Method:  "POST",
			Path:    conversationsPath,
			InSpec:  true,
			Short:   "Start a conversation as the current contact",
			Long:    contactNote,
			Example: "  $ woot client conversations create\n" +
				"  $ woot client conversations create --custom-attribute order=A-1001",
			Params: []api.Param{
				{Name: "custom_attributes", Flag: "custom-attribute", Type: api.Map, Usage: "conversation custom attribute key=value (repeatable)"},
			},
			Columns: conversationColumns(),
		},
		{
			Family:  api.FamilyClient,
			Command: "client conversations list",
			Method:  "GET",
			Path:    conversationsPath,
			InSpec:  true,
			Short:   "List the current contact's conversations",
			Long: long(contactNote,
				"The server answers with every conversation at once. A contact whose identity was "+
					"validated (identifier_hash) sees its conversations from every inbox."),
			Example: "  $ woot client conversations list\n" +
				"  $ woot client conversations list -o json --jq '.[] | select(.status == \"open\") | .id'",
			List:    &api.List{Pager: api.NoPages},
			Columns: conversationColumns(),
		},
		{
			Family:  api.FamilyClient,
			Command: "client conversations get",
			Method:  "GET",
			Path:    conversationPath,
			InSpec:  true,
			Short:   "Show one of the current contact's conversations",
			Long:    contactNote,
			Example: "  $ woot client conversations get 55\n" +
				"  $ woot client conversations get 55 -o json --jq '.messages[].content'",
			ArgNames: []string{"CONVERSATION_ID"},
			Columns:  conversationColumns(),
		},
		{
			Family:  api.FamilyClient,
			Command: "client conversations resolve",
			Method:  "POST",
			Path:    conversationPath + "/toggle_status",
			InSpec:  true,
			Short:   "Resolve a conversation as the contact",
			Long: long(contactNote,
				"A conversation that is already resolved is left as it is; the Client API cannot reopen one "+
					"(a new message from the contact does)."),
			Example:  "  $ woot client conversations resolve 55",
			ArgNames: []string{"CONVERSATION_ID"},
			Columns:  conversationColumns(),
		},
		{
			Family:  api.FamilyClient,
			Command: "client conversations toggle-typing",
			Method:  "POST",
			Path:    conversationPath + "/toggle_typing",
			InSpec:  true,
			Short:   "Show or hide the contact's typing indicator",
			Long: long(contactNote,
				"Agents watching the conversation get conversation.typing_on or conversation.typing_off "+
					"over the websocket. Nothing is printed on success."),
			Example: "  $ woot client conversations toggle-typing 55 --typing-status on\n" +
				"  $ woot client conversations toggle-typing 55 --typing-status off",
			ArgNames: []string{"CONVERSATION_ID"},
			Params: []api.Param{
				// Chatwoot wants it in the query string and in the body alike.
				{Name: "typing_status", In: api.InQueryAndBody, Required: true, Enum: []string{"on", "off"}, Usage: "typing indicator state"},
			},
		},
		{
			Family:  api.FamilyClient,
			Command: "client conversations update-last-seen",
			Method:  "POST",
			Path:    conversationPath + "/update_last_seen",
			InSpec:  true,
			Short:   "Mark a conversation as read by the contact",
			Long: long(contactNote,
				"Sets contact_last_seen_at to now; the server then marks the agents' messages read in the "+
					"background. Nothing is printed on success."),
			Example:  "  $ woot client conversations update-last-seen 55",
			ArgNames: []string{"CONVERSATION_ID"},
		},
	}
}
