package application

import "github.com/wootcli/woot/pkg/api"

// The routes the table rates low that a script still has a use for (issue
// 16, item 3): reading a conversation, e-mail and push preferences, SAML
// single sign-on set-up and signed-in sessions. docs/coverage.md says why
// the other low routes have no command.

func conversationReadOperations() []api.Operation {
	return []api.Operation{{
		Command: "conversations mark-read", Method: "POST", Path: acct + "/conversations/{id}/update_last_seen",
		Short:   "Mark a conversation read for you",
		Example: "  $ woot conversations mark-read 1", ArgNames: []string{"CONVERSATION_ID"},
	}}
}

func notificationSettingOperations() []api.Operation {
	cols := []string{"id", "selected_email_flags", "selected_push_flags"}
	return []api.Operation{
		{
			Command: "notification-settings get", Method: "GET", Path: acct + "/notification_settings",
			Short:   "Show which events e-mail or push-notify you",
			Example: "  $ woot notification-settings get\n  $ woot notification-settings get --jq .all_email_flags",
			Columns: cols,
		},
		{
			Command: "notification-settings update", Method: "PATCH", Path: acct + "/notification_settings",
			Short:   "Choose which events e-mail or push-notify you",
			Long:    "Each list replaces the one you had; see `woot notification-settings get --jq .all_email_flags` for the flags.",
			Example: "  $ woot notification-settings update --email-flags email_conversation_assignment,email_conversation_mention",
			Params: []api.Param{
				{Name: "notification_settings.selected_email_flags", Flag: "email-flags", Type: api.Strings, Usage: "Events that e-mail you"},
				{Name: "notification_settings.selected_push_flags", Flag: "push-flags", Type: api.Strings, Usage: "Events that push-notify you"},
			},
			Columns: cols,
		},
	}
}

func samlOperations() []api.Operation {
	cols := []string{"id", "sso_url", "idp_entity_id", "sp_entity_id", "certificate_fingerprint"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "saml_settings.sso_url", Flag: "sso-url", Required: create, Usage: "Identity provider's sign-in URL"},
			{Name: "saml_settings.certificate", Flag: "certificate", Required: create, Usage: "Identity provider's X.509 certificate (PEM)"},
			{Name: "saml_settings.idp_entity_id", Flag: "idp-entity-id", Usage: "Identity provider's entity id"},
			{Name: "saml_settings.role_mappings", Flag: "role-mappings", Type: api.JSON, Usage: `IdP groups to Chatwoot roles, as JSON ({"support":{"role":"agent"}})`},
		}
	}
	s := acct + "/saml_settings"
	return []api.Operation{
		{
			Command: "saml-settings get", Method: "GET", Path: s,
			Short:   "Show the account's SAML single sign-on set-up",
			Long:    "Needs the Enterprise SAML feature and an administrator.",
			Example: "  $ woot saml-settings get", Columns: cols,
		},
		{
			Command: "saml-settings create", Method: "POST", Path: s,
			Short:   "Set up SAML single sign-on",
			Example: "  $ woot saml-settings create --sso-url https://idp.acme.test/sso --certificate 'MIIDdzCCAl+gAwIBAgIEbm9uZTANBgkqhkiG9w0BAQsFADBsMRAwDgYDVQQGEwdVbmtub3du'",
			Params:  params(true), Columns: cols,
		},
		{
			Command: "saml-settings update", Method: "PATCH", Path: s,
			Short:   "Change the SAML single sign-on set-up",
			Example: "  $ woot saml-settings update --sso-url https://idp.acme.test/saml/sso --certificate 'MIIDdzCCAl+gAwIBAgIEbm9uZTANBgkqhkiG9w0BAQsFADBsMRAwDgYDVQQGEwdVbmtub3du'",
			Params:  params(false), Columns: cols,
		},
		{
			Command: "saml-settings delete", Method: "DELETE", Path: s,
			Short:   "Turn SAML single sign-on off",
			Example: "  $ woot saml-settings delete --yes", Confirm: true,
		},
	}
}

func profileSessionOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "profile sessions list", Method: "GET", Path: "/api/v1/profile/sessions",
			Short:   "List the places you are signed in",
			Example: "  $ woot profile sessions list",
			List:    &api.List{Pager: api.NoPages}, Columns: []string{"id", "ip_address", "user_agent", "last_active_at", "current"},
		},
		{
			Command: "profile sessions delete", Method: "DELETE", Path: "/api/v1/profile/sessions/{id}",
			Short:   "Sign one of your sessions out",
			Example: "  $ woot profile sessions delete 2 --yes", ArgNames: []string{"SESSION_ID"}, Confirm: true,
		},
	}
}
