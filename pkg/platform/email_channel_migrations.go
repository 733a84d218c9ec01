package platform

import "github.com/wootcli/woot/pkg/api"

func emailChannelMigrationOperations() []api.Operation {
	return []api.Operation{{
		Family:  api.FamilyPlatform,
		Command: "platform email-channel-migrations create",
		Method:  "POST",
		Path:    accountPath + "/email_channel_migrations",
		Short:   "Create email inboxes for mailboxes moved from another system",
		Long: long(
			"Served beyond Chatwoot's published spec, and only when the server runs with "+
				"EMAIL_CHANNEL_MIGRATION enabled (otherwise 403).",
			"--migrations is a JSON array (or @file) of up to 25 entries, each with email, provider "+
				"(google or microsoft) and provider_config (the mailbox's OAuth tokens), and optionally inbox_name "+
				"and imap_enabled, imap_address, imap_port, imap_login, imap_enable_ssl. Prints one result per "+
				"entry: status success with the new inbox_id, or error with a message."),
		Example:  "  $ woot platform email-channel-migrations create 1 --migrations @mailboxes.json",
		ArgNames: []string{"ACCOUNT_ID"},
		Params: []api.Param{
			{Name: "migrations", Type: api.JSON, Required: true, Usage: "JSON array of mailboxes to migrate, or @file"},
		},
		Data:    "results",
		Columns: []string{"email", "status", "inbox_id", "channel_id", "message"},
	}}
}
