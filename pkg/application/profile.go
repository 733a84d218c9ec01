package application

import "github.com/wootcli/woot/pkg/api"

// profileOperations covers the signed-in user's own profile.
func profileOperations() []api.Operation {
	cols := []string{"id", "name", "display_name", "email", "role"}
	return []api.Operation{
		{
			Command: "profile get", Method: "GET", Path: "/api/v1/profile", InSpec: true,
			Short:   "Show your own profile and accounts",
			Example: "  $ woot profile get\n  $ woot profile get -o json --jq '.accounts[] | [.id, .name, .role] | @tsv'",
			Columns: cols,
		},
		{
			Command: "profile update", Method: "PUT", Path: "/api/v1/profile", InSpec: true,
			Short: "Change your own profile",
			Long: "Changing the password needs --current-password too; to keep passwords out of shell\n" +
				"history, pass them in --input instead: {\"profile\":{\"current_password\":…,\"password\":…}}.\n" +
				"--avatar uploads an image.",
			Example: "  $ woot profile update --display-name Kim --message-signature 'Kim, Acme Support'\n  $ woot profile update --avatar me.png",
			Params: []api.Param{
				{Name: "profile.name", Flag: "name", Usage: "Full name"},
				{Name: "profile.display_name", Flag: "display-name", Usage: "Name shown to contacts"},
				{Name: "profile.email", Flag: "email", Usage: "E-mail address"},
				{Name: "profile.message_signature", Flag: "message-signature", Usage: "Signature appended to replies"},
				{Name: "profile.phone_number", Flag: "phone-number", Usage: "Phone number"},
				{Name: "profile.current_password", Flag: "current-password", Usage: "Current password (to change it)"},
				{Name: "profile.password", Flag: "password", Usage: "New password"},
				{Name: "profile.password_confirmation", Flag: "password-confirmation", Usage: "New password again"},
				{Name: "profile.ui_settings", Flag: "ui-setting", Type: api.Map, Usage: "Dashboard setting key=value (repeatable)"},
				{Name: "profile[avatar]", Flag: "avatar", Type: api.File, Usage: "Avatar image file"},
			},
			Columns: cols,
		},
		{
			Command: "profile reset-token", Method: "POST", Path: "/api/v1/profile/reset_access_token",
			Short: "Issue a new API access token for yourself",
			Long: "The current token stops working at once, including the one woot is using: store the\n" +
				"new one (-o json --jq .access_token) with `woot auth login --with-token`.",
			Example: "  $ woot profile reset-token --yes -o json --jq .access_token | woot auth login --with-token",
			Columns: []string{"id", "name", "email"},
			Confirm: true,
		},
	}
}

// notificationOperations covers the signed-in user's notifications.
func notificationOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "notifications list", Method: "GET", Path: acct + "/notifications",
			Short:   "List your notifications",
			Example: "  $ woot notifications list\n  $ woot notifications list --all --jq '.[] | select(.read_at == null) | .push_message_title'",
			Data:    "data.payload", List: &api.List{Pager: api.PageNumber, PageSize: 15},
			Columns: []string{"id", "notification_type", "push_message_title", "read_at", "created_at"},
		},
		{
			Command: "notifications mark-all-read", Method: "POST", Path: acct + "/notifications/read_all",
			Short:   "Mark all your notifications read",
			Example: "  $ woot notifications mark-all-read",
		},
	}
}
