package application

import "github.com/wootcli/woot/pkg/api"

// accountOperations covers the account itself, its e-mail layout and its
// audit log.
func accountOperations() []api.Operation {
	cols := []string{"id", "name", "locale", "domain", "support_email", "status", "created_at"}
	return []api.Operation{
		{
			Command: "account get", Method: "GET", Path: acct, InSpec: true,
			Short:   "Show the account",
			Example: "  $ woot account get\n  $ woot account get -o json --jq .features",
			Columns: cols,
		},
		{
			Command: "account update", Method: "PATCH", Path: acct, InSpec: true,
			Short:   "Change the account's settings",
			Example: "  $ woot account update --name 'Acme Support' --timezone Europe/Berlin\n  $ woot account update --auto-resolve-after 10080",
			Params: []api.Param{
				{Name: "name", Usage: "Account name"},
				{Name: "locale", Usage: "Language, e.g. en or de"},
				{Name: "domain", Usage: "E-mail domain of the account"},
				{Name: "support_email", Usage: "Support e-mail address"},
				{Name: "timezone", Usage: "Time zone, e.g. Europe/Berlin"},
				{Name: "industry", Usage: "Industry"},
				{Name: "company_size", Usage: "Company size"},
				{Name: "auto_resolve_after", Type: api.Int, Usage: "Resolve conversations idle this many minutes"},
				{Name: "auto_resolve_message", Usage: "Message sent when auto-resolving"},
				{Name: "auto_resolve_ignore_waiting", Type: api.Bool, Usage: "Do not auto-resolve conversations waiting for an agent"},
			},
			Columns: cols,
		},
		{
			Command: "account email-layout get", Method: "GET", Path: acct + "/branded_email_layout", InSpec: true,
			Short:   "Show the account's branded e-mail layout",
			Example: "  $ woot account email-layout get --jq .branded_email_layout > layout.liquid",
			Columns: []string{"branded_email_layout"},
		},
		{
			Command: "account email-layout update", Method: "PATCH", Path: acct + "/branded_email_layout", InSpec: true,
			Short:   "Set the account's branded e-mail layout",
			Long:    "A Liquid HTML layout that must contain {{ content_for_layout }}; an empty value removes it.",
			Example: "  $ woot account email-layout update --layout \"$(cat layout.liquid)\"",
			Params: []api.Param{
				{Name: "branded_email_layout", Flag: "layout", Usage: "Liquid HTML layout (up to 256 KiB)"},
			},
			Columns: []string{"branded_email_layout"},
		},
		{
			Command: "audit-logs list", Method: "GET", Path: acct + "/audit_logs", InSpec: true,
			Short:   "List the account's audit log",
			Long:    "Audit logs are an Enterprise feature.",
			Example: "  $ woot audit-logs list --all -o ndjson\n  $ woot audit-logs list --since 1735689600 --sort asc",
			Params: []api.Param{
				{Name: "q", In: api.InQuery, Usage: "Text to look for"},
				{Name: "types", In: api.InQuery, Type: api.Strings, Usage: "Only these auditable types, e.g. Inbox,Webhook"},
				{Name: "since", In: api.InQuery, Type: api.Int, Usage: "From this Unix time"},
				{Name: "until", In: api.InQuery, Type: api.Int, Usage: "Up to this Unix time"},
				{Name: "sort", In: api.InQuery, Enum: []string{"desc", "asc"}, Usage: "Order by time"},
			},
			Data: "audit_logs", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: []string{"id", "created_at", "username", "action", "auditable_type", "auditable_id", "remote_address"},
		},
	}
}
