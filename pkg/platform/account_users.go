package platform

import "github.com/wootcli/woot/pkg/api"

const accountUsersPath = accountPath + "/account_users"

func accountUserColumns() []string { return []string{"account_id", "user_id", "role"} }

func accountUserOperations() []api.Operation {
	return []api.Operation{
		{
			Family:   api.FamilyPlatform,
			Command:  "platform account-users list",
			Method:   "GET",
			Path:     accountUsersPath,
			InSpec:   true,
			Short:    "List the users of an account and their roles",
			Example:  "  $ woot platform account-users list 1",
			ArgNames: []string{"ACCOUNT_ID"},
			List:     &api.List{Pager: api.NoPages},
			Columns:  accountUserColumns(),
		},
		{
			Family:  api.FamilyPlatform,
			Command: "platform account-users create",
			Method:  "POST",
			Path:    accountUsersPath,
			InSpec:  true,
			Short:   "Add a user to an account, or change their role",
			Long:    "A user who is already a member keeps the membership and gets the role given.",
			Example: "  $ woot platform account-users create 1 --user-id 2 --role administrator\n" +
				"  $ woot platform account-users create 1 --user-id 3 --role agent",
			ArgNames: []string{"ACCOUNT_ID"},
			Params: []api.Param{
				{Name: "user_id", Type: api.Int, Required: true, Usage: "id of the user (woot platform users create prints it)"},
				{Name: "role", Required: true, Enum: []string{"administrator", "agent"}, Usage: "role in the account"},
			},
			Columns: accountUserColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform account-users delete",
			Method:   "DELETE",
			Path:     accountUsersPath,
			InSpec:   true,
			Short:    "Remove a user from an account",
			Long:     "The user itself is kept; only the membership goes. Removing a non-member succeeds and changes nothing.",
			Example:  "  $ woot platform account-users delete 1 --user-id 3 --yes",
			ArgNames: []string{"ACCOUNT_ID"},
			Params: []api.Param{
				// The spec gives this call no parameters at all; the server
				// reads user_id from the request's params, and a query string
				// survives proxies that drop DELETE bodies.
				{Name: "user_id", In: api.InQuery, Type: api.Int, Required: true, Usage: "id of the user to remove"},
			},
			Confirm: true,
		},
	}
}
