package platform

import "github.com/wootcli/woot/pkg/api"

const (
	usersPath = prefix + "/users"
	userPath  = usersPath + "/{id}"
)

func userColumns() []string {
	return []string{"id", "name", "display_name", "email", "confirmed"}
}

func userParams(create bool) []api.Param {
	return []api.Param{
		{Name: "name", Required: create, Usage: "full name"},
		{Name: "display_name", Usage: "name shown to contacts"},
		{Name: "email", Required: create, Usage: "email address, also the login"},
		{Name: "password", Usage: "password with upper- and lowercase letters, a digit and a symbol (pass it in --input to keep it out of shell history)"},
		{Name: "custom_attributes", Flag: "custom-attribute", Type: api.Map, Usage: "custom attribute key=value (repeatable)"},
	}
}

func userOperations() []api.Operation {
	return []api.Operation{
		{
			Family:  api.FamilyPlatform,
			Command: "platform users create",
			Method:  "POST",
			Path:    usersPath,
			InSpec:  true,
			Short:   "Create a user",
			Long: "The user is confirmed at once, without an email. When a user with that email exists, " +
				"the server returns that user instead and links it to this platform app. A new user belongs to " +
				"no account until `woot platform account-users create`.",
			Example: "  $ woot platform users create --name 'Ann Lee' --email ann@acme.example --input secret.json",
			Params:  userParams(true),
			Columns: userColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform users get",
			Method:   "GET",
			Path:     userPath,
			InSpec:   true,
			Short:    "Show a user",
			Example:  "  $ woot platform users get 1\n  $ woot platform users get 1 -o json --jq '.accounts[].name'",
			ArgNames: []string{"ID"},
			Columns:  userColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform users update",
			Method:   "PATCH",
			Path:     userPath,
			InSpec:   true,
			Short:    "Update a user",
			Long:     "Only the fields given are changed; custom attributes are merged into the existing ones. A new email takes effect without reconfirmation.",
			Example:  "  $ woot platform users update 1 --display-name Ann --custom-attribute team=emea",
			ArgNames: []string{"ID"},
			Params:   userParams(false),
			Columns:  userColumns(),
		},
		{
			Family:   api.FamilyPlatform,
			Command:  "platform users delete",
			Method:   "DELETE",
			Path:     userPath,
			InSpec:   true,
			Short:    "Delete a user",
			Long:     "The server answers at once and deletes the user in a background job.",
			Example:  "  $ woot platform users delete 1 --yes",
			ArgNames: []string{"ID"},
			Confirm:  true,
		},
		{
			Family:  api.FamilyPlatform,
			Command: "platform users login-url",
			Method:  "GET",
			Path:    userPath + "/login",
			InSpec:  true,
			Short:   "Get a one-time sign-in link for a user (SSO)",
			Long:    "The link signs the user into the dashboard without a password; it works once and expires soon.",
			Example: "  $ woot platform users login-url 1\n" +
				"  $ woot platform users login-url 1 -o json --jq .url",
			ArgNames: []string{"ID"},
			Columns:  []string{"url"},
		},
		{
			Family:  api.FamilyPlatform,
			Command: "platform users token",
			Method:  "POST",
			Path:    userPath + "/token",
			Short:   "Get a user's access token for the Application API",
			Long: "Served beyond Chatwoot's published spec. Returns the user's existing access token " +
				"(it is not rotated), to call the Application API as that user.",
			Example:  "  $ woot platform users token 1 -o json --jq .access_token",
			ArgNames: []string{"ID"},
			Columns:  []string{"user.id", "user.email", "access_token"},
		},
	}
}
