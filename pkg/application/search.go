package application

import (
	"slices"

	"github.com/wootcli/woot/pkg/api"
)

// searchOperations covers the account-wide search the dashboard's search
// page uses (contacts by name, e-mail, phone or identifier; conversations by
// id or contact; messages by text from the last three months; published
// articles). It pages 15 results at a time.
func searchOperations() []api.Operation {
	query := func() []api.Param {
		return []api.Param{{Name: "q", In: api.InQuery, Required: true, Usage: "Text to look for"}}
	}
	list := func(what, data string, cols []string, example string) api.Operation {
		return api.Operation{
			Command: "search " + what + " list", Method: "GET", Path: acct + "/search/" + what,
			Short:   "Search " + what + " across the account",
			Example: example,
			Params:  query(),
			Data:    data, List: &api.List{Pager: api.PageNumber, PageSize: 15},
			Columns: cols,
		}
	}
	// Columns follow Chatwoot's search views (app/views/api/v1/accounts/
	// search/): a conversation result is {id, account_id, created_at,
	// message, contact, inbox, agent}, an article names its category.
	conversations := []string{"id", "contact.name", "inbox.name", "agent.name", "created_at"}
	messages := []string{"id", "conversation_id", "message_type", "created_at", "content"}
	contacts := []string{"id", "name", "email", "phone_number", "identifier"}
	articles := []string{"id", "title", "locale", "category_name", "status"}
	return []api.Operation{
		{
			Command: "search get", Method: "GET", Path: acct + "/search",
			Short:   "Search contacts, conversations, messages and articles at once",
			Example: "  $ woot search get --q 'order 1001'\n  $ woot search get --q 'order 1001' -o json",
			Params:  query(),
			Data:    "payload",
			// One table per kind of result ("contacts[].name": the name
			// column of the payload's contacts array).
			Columns: slices.Concat(
				sectionColumns("contacts", contacts), sectionColumns("conversations", conversations),
				sectionColumns("messages", messages), sectionColumns("articles", articles)),
		},
		list("conversations", "payload.conversations", conversations,
			"  $ woot search conversations list --q ann@example.com"),
		list("messages", "payload.messages", messages,
			"  $ woot search messages list --q 'refund' --all -o ndjson"),
		list("contacts", "payload.contacts", contacts,
			"  $ woot search contacts list --q +4915"),
		list("articles", "payload.articles", articles,
			"  $ woot search articles list --q password"),
	}
}

// sectionColumns names cols as columns of the elements of the array field key.
func sectionColumns(key string, cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = key + "[]." + c
	}
	return out
}
