package client

import (
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// Path templates exactly as Chatwoot's spec writes them. The builder fills
// {inbox_identifier} and {contact_identifier} from configuration.
const (
	inboxPath         = "/public/api/v1/inboxes/{inbox_identifier}"
	contactPath       = inboxPath + "/contacts/{contact_identifier}"
	conversationsPath = contactPath + "/conversations"
	conversationPath  = conversationsPath + "/{conversation_id}"
	messagesPath      = conversationPath + "/messages"
)

// Help shared by the family: where the identities come from.
const (
	inboxNote = "Client API calls carry no token. The inbox is picked by --inbox-identifier or " +
		"CHATWOOT_INBOX_IDENTIFIER: the identifier shown in the API inbox's settings."
	contactNote = inboxNote + " The contact is picked by --contact-identifier or " +
		"CHATWOOT_CONTACT_IDENTIFIER: the source_id that `woot client contacts create` returns."
)

// Operations returns every Client API operation woot has a command for:
// the 13 of Chatwoot's spec and the CSAT survey routes it serves beyond it.
// The slice is built on each call, so nothing happens at program start.
func Operations() []api.Operation {
	var ops []api.Operation
	for _, group := range [][]api.Operation{
		inboxOperations(),
		contactOperations(),
		conversationOperations(),
		messageOperations(),
		csatSurveyOperations(),
	} {
		ops = append(ops, group...)
	}
	return ops
}

// long joins paragraphs of help text.
func long(paragraphs ...string) string { return strings.Join(paragraphs, "\n\n") }
