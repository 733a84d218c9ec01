package client

import "github.com/wootcli/woot/pkg/api"

const identityNote = "When the inbox enforces identity validation, send --identifier together with " +
	"--identifier-hash: the hex HMAC-SHA256 of the identifier keyed with the inbox's HMAC token " +
	"(CHATWOOT_HMAC_TOKEN). A wrong hash is refused."

// contactParams are the fields of Chatwoot's public contact payload, shared
// by create and update.
func contactParams() []api.Param {
	return []api.Param{
		{Name: "name", Usage: "contact's name"},
		{Name: "email", Usage: "contact's email address"},
		{Name: "phone_number", Usage: "phone number in E.164 form, e.g. +4915112345678"},
		{Name: "identifier", Usage: "your system's id for this person (used for identity validation)"},
		{Name: "identifier_hash", Usage: "hex HMAC-SHA256 of --identifier keyed with the inbox's HMAC token"},
		{Name: "custom_attributes", Flag: "custom-attribute", Type: api.Map, Usage: "custom attribute key=value (repeatable)"},
	}
}

func contactOperations() []api.Operation {
	return []api.Operation{
		{
			Family:  api.FamilyClient,
			Command: "client contacts create",
			Method:  "POST",
			Path:    inboxPath + "/contacts",
			InSpec:  true,
			Short:   "Create a contact in the API inbox",
			Long: long(inboxNote,
				"The answer carries the contact's source_id (its contact identifier for every later "+
					"Client API call) and pubsub_token (its identity for `woot listen` as a contact).",
				identityNote),
			Example: "  $ woot client contacts create --name 'Ann Lee' --email ann@example.com\n" +
				"  $ woot client contacts create --identifier user-42 --identifier-hash \"$HASH\" --custom-attribute plan=pro",
			Params:  contactParams(),
			Columns: []string{"id", "source_id", "name", "email"},
		},
		{
			Family:  api.FamilyClient,
			Command: "client contacts get",
			Method:  "GET",
			Path:    contactPath,
			InSpec:  true,
			Short:   "Show the current contact",
			Long:    long(contactNote, identityNote),
			Example: "  $ woot client contacts get --contact-identifier 5e3f7c1a-8d2b-4c6e-9f0a-1b2c3d4e5f60",
			Params: []api.Param{
				// Beyond the spec: the server checks the hash on show too and
				// reads both from the query string of a GET.
				{Name: "identifier", In: api.InQuery, Usage: "contact's identifier, when the inbox enforces identity validation"},
				{Name: "identifier_hash", In: api.InQuery, Usage: "hex HMAC-SHA256 of --identifier keyed with the inbox's HMAC token"},
			},
			Columns: []string{"id", "source_id", "name", "email"},
		},
		{
			Family:  api.FamilyClient,
			Command: "client contacts update",
			Method:  "PATCH",
			Path:    contactPath,
			InSpec:  true,
			Short:   "Update the current contact",
			Long:    long(contactNote, "Only the fields given are changed.", identityNote),
			Example: "  $ woot client contacts update --email ann.lee@example.com --custom-attribute plan=enterprise",
			Params:  contactParams(),
			Columns: []string{"id", "name", "email", "phone_number", "identifier"},
		},
	}
}
