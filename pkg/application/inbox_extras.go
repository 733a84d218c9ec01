package application

import "github.com/wootcli/woot/pkg/api"

// inboxExtraOperations covers the inbox routes beyond the spec: its
// campaigns, WhatsApp templates and health, secrets, the CSAT template and
// the agents a conversation in it can go to.
func inboxExtraOperations() []api.Operation {
	inbox := []string{"INBOX_ID"}
	return []api.Operation{
		{
			Command: "inboxes campaigns list", Method: "GET", Path: acct + "/inboxes/{id}/campaigns",
			Short:   "List the campaigns of an inbox",
			Example: "  $ woot inboxes campaigns list 2", ArgNames: inbox,
			List: &api.List{Pager: api.NoPages}, Columns: []string{"id", "title", "campaign_type", "campaign_status", "enabled"},
		},
		{
			Command: "inboxes assignable-agents list", Method: "GET", Path: acct + "/inboxes/{id}/assignable_agents",
			Short:   "List the agents conversations of an inbox can be assigned to",
			Example: "  $ woot inboxes assignable-agents list 1", ArgNames: inbox,
			Data: "payload", List: &api.List{Pager: api.NoPages}, Columns: []string{"id", "name", "email", "availability_status"},
		},
		{
			Command: "inboxes templates sync", Method: "POST", Path: acct + "/inboxes/{id}/sync_templates",
			Short:   "Fetch a WhatsApp inbox's message templates from Meta again",
			Long:    "Only WhatsApp inboxes have templates; the sync runs in the background, so list them a little later.",
			Example: "  $ woot inboxes templates sync 3", ArgNames: inbox,
		},
		{
			Command: "inboxes health get", Method: "GET", Path: acct + "/inboxes/{id}/health",
			Short:   "Show the health of a WhatsApp Cloud inbox's number",
			Example: "  $ woot inboxes health get 3", ArgNames: inbox,
			Columns: []string{"display_phone_number", "verified_name", "quality_rating", "platform_type", "throughput.level"},
		},
		{
			Command: "inboxes reset-secret", Method: "POST", Path: acct + "/inboxes/{id}/reset_secret",
			Short:   "Issue a new webhook secret for an API inbox",
			Long:    "The old secret stops working at once: receivers that check signatures need the new one.",
			Example: "  $ woot inboxes reset-secret 1 --yes --jq .secret", ArgNames: inbox, Confirm: true,
			Columns: []string{"id", "name", "secret"},
		},
		{
			Command: "inboxes hmac-token reset", Method: "POST", Path: acct + "/inboxes/{id}/rotate_hmac_token",
			Short:   "Issue a new identity-validation (HMAC) token for an inbox",
			Long:    "Every signed contact identifier made with the old token stops validating.",
			Example: "  $ woot inboxes hmac-token reset 1 --yes --jq .hmac_token", ArgNames: inbox, Confirm: true,
			Columns: []string{"id", "name", "hmac_token"},
		},
		{
			Command: "inboxes csat-template get", Method: "GET", Path: acct + "/inboxes/{inbox_id}/csat_template",
			Short:   "Show the WhatsApp CSAT survey template of an inbox",
			Example: "  $ woot inboxes csat-template get 3", ArgNames: inbox,
			Columns: []string{"template_exists", "template.name", "template.status", "template.language"},
		},
		{
			Command: "inboxes csat-template set", Method: "POST", Path: acct + "/inboxes/{inbox_id}/csat_template",
			Short:    "Create the WhatsApp CSAT survey template of an inbox",
			Example:  "  $ woot inboxes csat-template set 3 --message 'How did we do?' --button-text Rate --language en",
			ArgNames: inbox,
			Params: []api.Param{
				{Name: "template.message", Flag: "message", Required: true, Usage: "Question the survey asks"},
				{Name: "template.button_text", Flag: "button-text", Usage: "Text of the rating button"},
				{Name: "template.language", Flag: "language", Usage: "Template language code (e.g. en)"},
			},
			Columns: []string{"template.name", "template.status", "template.language"},
		},
		{
			Command: "inboxes csat-template analyze", Method: "POST", Path: acct + "/inboxes/{inbox_id}/csat_template/analyze",
			Short:   "Check a CSAT survey text against WhatsApp's template rules",
			Example: "  $ woot inboxes csat-template analyze 3 --message 'How did we do?'", ArgNames: inbox,
			Params: []api.Param{
				{Name: "template.message", Flag: "message", Required: true, Usage: "Question the survey would ask"},
				{Name: "template.button_text", Flag: "button-text", Usage: "Text of the rating button"},
				{Name: "template.language", Flag: "language", Usage: "Template language code (e.g. en)"},
			},
		},
		{
			Command: "inboxes avatar delete", Method: "DELETE", Path: acct + "/inboxes/{id}/avatar",
			Short:   "Remove an inbox's avatar",
			Example: "  $ woot inboxes avatar delete 1 --yes", ArgNames: inbox, Confirm: true,
		},
	}
}
