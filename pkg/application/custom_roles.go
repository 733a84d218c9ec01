package application

import "github.com/wootcli/woot/pkg/api"

// customRoleOperations covers custom agent roles (Enterprise).
func customRoleOperations() []api.Operation {
	cols := []string{"id", "name", "description", "permissions"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "name", Required: create, Usage: "Role name"},
			{Name: "description", Usage: "Description"},
			{Name: "permissions", Type: api.Strings, Enum: []string{
				"conversation_manage", "conversation_unassigned_manage", "conversation_participating_manage",
				"contact_manage", "report_manage", "knowledge_base_manage",
			}, Usage: "Permissions (repeat or comma-separate)"},
		}
	}
	return []api.Operation{
		{
			Command: "custom-roles list", Method: "GET", Path: acct + "/custom_roles",
			Short:   "List custom roles",
			Example: "  $ woot custom-roles list",
			List:    &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "custom-roles get", Method: "GET", Path: acct + "/custom_roles/{id}",
			Short:    "Show a custom role",
			Example:  "  $ woot custom-roles get 1",
			ArgNames: []string{"ROLE_ID"},
			Columns:  cols,
		},
		{
			Command: "custom-roles create", Method: "POST", Path: acct + "/custom_roles",
			Short:   "Create a custom role",
			Example: "  $ woot custom-roles create --name 'Tier 1' --permissions conversation_participating_manage,contact_manage",
			Params:  params(true),
			Columns: cols,
		},
		{
			Command: "custom-roles update", Method: "PATCH", Path: acct + "/custom_roles/{id}",
			Short:    "Change a custom role",
			Example:  "  $ woot custom-roles update 1 --permissions conversation_manage,contact_manage,report_manage",
			ArgNames: []string{"ROLE_ID"},
			Params:   params(false),
			Columns:  cols,
		},
		{
			Command: "custom-roles delete", Method: "DELETE", Path: acct + "/custom_roles/{id}",
			Short:    "Delete a custom role",
			Example:  "  $ woot custom-roles delete 1 --yes",
			ArgNames: []string{"ROLE_ID"},
			Confirm:  true,
		},
	}
}
