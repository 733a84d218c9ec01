package application

import "github.com/wootcli/woot/pkg/api"

// labelOperations covers the account's labels.
func labelOperations() []api.Operation {
	cols := []string{"id", "title", "description", "color", "show_on_sidebar"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "title", Required: create, Usage: "Label name (lowercase, no spaces)"},
			{Name: "description", Usage: "What the label means"},
			{Name: "color", Usage: "Hex colour, e.g. #1f93ff"},
			{Name: "show_on_sidebar", Type: api.Bool, Usage: "Show the label in the sidebar"},
		}
	}
	return []api.Operation{
		{
			Command: "labels list", Method: "GET", Path: acct + "/labels", InSpec: true,
			Short:   "List labels",
			Example: "  $ woot labels list\n  $ woot labels list --jq '.[].title'",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "labels get", Method: "GET", Path: acct + "/labels/{id}", InSpec: true,
			Short:    "Show a label",
			Example:  "  $ woot labels get 5",
			ArgNames: []string{"LABEL_ID"},
			Columns:  cols,
		},
		{
			Command: "labels create", Method: "POST", Path: acct + "/labels", InSpec: true,
			Short:   "Create a label",
			Example: "  $ woot labels create --title shipping --color '#ff6f00' --show-on-sidebar",
			Params:  params(true),
			Columns: cols,
		},
		{
			Command: "labels update", Method: "PATCH", Path: acct + "/labels/{id}", InSpec: true,
			Short:    "Change a label",
			Example:  "  $ woot labels update 5 --description 'Invoices, refunds and payments'",
			ArgNames: []string{"LABEL_ID"},
			Params:   params(false),
			Columns:  cols,
		},
		{
			Command: "labels delete", Method: "DELETE", Path: acct + "/labels/{id}", InSpec: true,
			Short:    "Delete a label",
			Example:  "  $ woot labels delete 5 --yes",
			ArgNames: []string{"LABEL_ID"},
			Confirm:  true,
		},
	}
}
