package platform

import "github.com/wootcli/woot/pkg/api"

const accountPath = prefix + "/accounts/{account_id}"

func accountColumns() []string {
	return []string{"id", "name", "locale", "domain", "support_email", "status"}
}

// accountParams are the fields of Chatwoot's account payload. Feature
// flags ({"features": {"<name>": true}}) have no flag: pass them in --input.
func accountParams(create bool) []api.Param {
	return []api.Param{
		{Name: "name", Required: create, Usage: "account name"},
		{Name: "locale", Usage: "account language, e.g. en, de, pt_BR"},
		{Name: "domain", Usage: "email domain of the account"},
		{Name: "support_email", Usage: "address customer emails are sent from"},
		{Name: "status", Enum: []string{"active", "suspended"}, Usage: "account status"},
		{Name: "limits", Flag: "usage-limit", Type: api.Map, Usage: "usage limit key=value (repeatable), e.g. agents=10"},
		{Name: "custom_attributes", Flag: "custom-attribute", Type: api.Map, Usage: "custom attribute key=value (repeatable)"},
	}
}

func accountOperations() []api.Operation {
	return []api.Operation{
		{
			Family:  api.FamilyPlatform,
			Command: "platform accounts list",
			Method:  "GET",
			Path:    prefix + "/accounts",
			Short:   "List the accounts this platform app manages",
			Long:    "Served beyond Chatwoot's published spec; older servers answer 404.",
			Example: "  $ woot platform accounts list\n" +
				"  $ woot platform accounts list -o csv --fields id,name,status",
			List:    &api.List{Pager: api.NoPages},
			Columns: accountColumns(),
		},
		{
			Family:  api.FamilyPlatform,
			Command: "platform accounts create",
			Method:  "POST",
			Path:    prefix + "/accounts",
			InSpec:  true,
			Short:   "Create an account",
			Long: "The new account belongs to this platform app, which can then add users to it " +
				"(`woot platform account-users create`). Feature flags go in --input as {\"features\": {\"name\": true}}.",
			Example: "  $ woot platform accounts create --name 'Acme Support' --locale en\n" +
				"  $ woot platform accounts create --name Globex --support-email help@globex.example --usage-limit agents=5",
			Params:  accountParams(true),
			Columns: accountColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform accounts get",
			Method:   "GET",
			Path:     accountPath,
			InSpec:   true,
			Short:    "Show an account",
			Example:  "  $ woot platform accounts get 1",
			ArgNames: []string{"ACCOUNT_ID"},
			Columns:  accountColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform accounts update",
			Method:   "PATCH",
			Path:     accountPath,
			InSpec:   true,
			Short:    "Update an account",
			Long:     "Only the fields given are changed.",
			Example:  "  $ woot platform accounts update 1 --status suspended\n  $ woot platform accounts update 1 --name 'Acme Help' --custom-attribute plan=pro",
			ArgNames: []string{"ACCOUNT_ID"},
			Params:   accountParams(false),
			Columns:  accountColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform accounts delete",
			Method:   "DELETE",
			Path:     accountPath,
			InSpec:   true,
			Short:    "Delete an account and everything in it",
			Long:     "The server answers at once and deletes the account's data in a background job.",
			Example:  "  $ woot platform accounts delete 1 --yes",
			ArgNames: []string{"ACCOUNT_ID"},
			Confirm:  true,
		},
	}
}
