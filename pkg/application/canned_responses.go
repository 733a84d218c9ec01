package application

import "github.com/wootcli/woot/pkg/api"

// cannedResponseOperations covers saved replies.
func cannedResponseOperations() []api.Operation {
	cols := []string{"id", "short_code", "content"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "short_code", Required: create, Usage: "Code agents type after / to insert the reply"},
			{Name: "content", Required: create, Usage: "Reply text"},
		}
	}
	return []api.Operation{
		{
			Command: "canned-responses list", Method: "GET", Path: acct + "/canned_responses", InSpec: true,
			Short:   "List canned responses",
			Example: "  $ woot canned-responses list -o csv",
			List:    &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "canned-responses create", Method: "POST", Path: acct + "/canned_responses", InSpec: true,
			Short:   "Create a canned response",
			Example: "  $ woot canned-responses create --short-code delay --content 'Your order is delayed by a day.'",
			Params:  params(true),
			Columns: cols,
		},
		{
			Command: "canned-responses update", Method: "PATCH", Path: acct + "/canned_responses/{id}", InSpec: true,
			Short:    "Change a canned response",
			Example:  "  $ woot canned-responses update 3 --content 'Your refund was issued today.'",
			ArgNames: []string{"CANNED_RESPONSE_ID"},
			Params:   params(false),
			Columns:  cols,
		},
		{
			Command: "canned-responses delete", Method: "DELETE", Path: acct + "/canned_responses/{id}", InSpec: true,
			Short:    "Delete a canned response",
			Example:  "  $ woot canned-responses delete 3 --yes",
			ArgNames: []string{"CANNED_RESPONSE_ID"},
			Confirm:  true,
		},
	}
}
