package application

import "github.com/wootcli/woot/pkg/api"

// macroOperations covers macros: saved action sequences agents run on a
// conversation.
func macroOperations() []api.Operation {
	cols := []string{"id", "name", "visibility", "created_by.name"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Macro name"},
			{Name: "visibility", Enum: []string{"personal", "global"}, Usage: "personal (you only) or global (every agent)"},
			{Name: "actions", Type: api.JSON, Usage: "Actions as a JSON array (or @file)"},
		}
	}
	return []api.Operation{
		{
			Command: "macros list", Method: "GET", Path: acct + "/macros",
			Short:   "List macros",
			Example: "  $ woot macros list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "macros get", Method: "GET", Path: acct + "/macros/{id}",
			Short:    "Show a macro",
			Example:  "  $ woot macros get 1 -o json",
			ArgNames: []string{"MACRO_ID"},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "macros create", Method: "POST", Path: acct + "/macros",
			Short: "Create a macro",
			Example: "  $ woot macros create --name 'Close as spam' --visibility global " +
				"--actions '[{\"action_name\":\"add_label\",\"action_params\":[\"spam\"]},{\"action_name\":\"resolve_conversation\"}]'",
			Params: params(),
			Data:   "payload", Columns: cols,
		},
		{
			Command: "macros update", Method: "PATCH", Path: acct + "/macros/{id}",
			Short:    "Change a macro",
			Example:  "  $ woot macros update 1 --visibility personal",
			ArgNames: []string{"MACRO_ID"},
			Params:   params(),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "macros delete", Method: "DELETE", Path: acct + "/macros/{id}",
			Short:    "Delete a macro",
			Example:  "  $ woot macros delete 1 --yes",
			ArgNames: []string{"MACRO_ID"},
			Confirm:  true,
		},
		{
			Command: "macros execute", Method: "POST", Path: acct + "/macros/{id}/execute",
			Short:    "Run a macro on conversations",
			Long:     "Chatwoot runs the macro in the background and answers at once.",
			Example:  "  $ woot macros execute 1 --conversation-ids 2,6",
			ArgNames: []string{"MACRO_ID"},
			Params: []api.Param{
				{Name: "conversation_ids", Type: api.Ints, Required: true, Usage: "Conversations to run it on (repeat or comma-separate)"},
			},
		},
	}
}
