package application

import "github.com/wootcli/woot/pkg/api"

// teamOperations covers teams and their members.
func teamOperations() []api.Operation {
	teamCols := []string{"id", "name", "description", "allow_auto_assign", "is_member"}
	teamParams := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Team name"},
			{Name: "description", Usage: "What the team handles"},
			{Name: "allow_auto_assign", Type: api.Bool, Usage: "Auto-assign the team's conversations to its agents"},
		}
	}
	usersParam := func(usage string) []api.Param {
		return []api.Param{{Name: "user_ids", Type: api.Ints, Required: true, Usage: usage}}
	}
	return []api.Operation{
		{
			Command: "teams list", Method: "GET", Path: acct + "/teams", InSpec: true,
			Short:   "List teams",
			Example: "  $ woot teams list",
			List:    &api.List{Pager: api.NoPages},
			Columns: teamCols,
		},
		{
			Command: "teams get", Method: "GET", Path: acct + "/teams/{team_id}", InSpec: true,
			Short:    "Show a team",
			Example:  "  $ woot teams get 2",
			ArgNames: []string{"TEAM_ID"},
			Columns:  teamCols,
		},
		{
			Command: "teams create", Method: "POST", Path: acct + "/teams", InSpec: true,
			Short:   "Create a team",
			Example: "  $ woot teams create --name Billing --description 'Invoices and refunds' --allow-auto-assign",
			Params:  teamParams(),
			Columns: teamCols,
		},
		{
			Command: "teams update", Method: "PATCH", Path: acct + "/teams/{team_id}", InSpec: true,
			Short:    "Change a team",
			Example:  "  $ woot teams update 2 --allow-auto-assign=false",
			ArgNames: []string{"TEAM_ID"},
			Params:   teamParams(),
			Columns:  teamCols,
		},
		{
			Command: "teams delete", Method: "DELETE", Path: acct + "/teams/{team_id}", InSpec: true,
			Short:    "Delete a team",
			Example:  "  $ woot teams delete 2 --yes",
			ArgNames: []string{"TEAM_ID"},
			Confirm:  true,
		},
		{
			Command: "teams members list", Method: "GET", Path: acct + "/teams/{team_id}/team_members", InSpec: true,
			Short:    "List the agents of a team",
			Example:  "  $ woot teams members list 2",
			ArgNames: []string{"TEAM_ID"},
			List:     &api.List{Pager: api.NoPages},
			Columns:  agentColumns(),
		},
		{
			Command: "teams members add", Method: "POST", Path: acct + "/teams/{team_id}/team_members", InSpec: true,
			Short:    "Add agents to a team",
			Example:  "  $ woot teams members add 2 --user-ids 2,3",
			ArgNames: []string{"TEAM_ID"},
			Params:   usersParam("Agents to add (repeat or comma-separate)"),
			List:     &api.List{Pager: api.NoPages},
			Columns:  agentColumns(),
		},
		{
			Command: "teams members set", Method: "PATCH", Path: acct + "/teams/{team_id}/team_members", InSpec: true,
			Short:    "Replace the agents of a team",
			Long:     "The team ends up with exactly the agents given.",
			Example:  "  $ woot teams members set 2 --user-ids 2,3,4",
			ArgNames: []string{"TEAM_ID"},
			Params:   usersParam("The team's agents (repeat or comma-separate)"),
			List:     &api.List{Pager: api.NoPages},
			Columns:  agentColumns(),
		},
		{
			Command: "teams members remove", Method: "DELETE", Path: acct + "/teams/{team_id}/team_members", InSpec: true,
			Short:    "Remove agents from a team",
			Example:  "  $ woot teams members remove 2 --user-ids 3 --yes",
			ArgNames: []string{"TEAM_ID"},
			Params:   usersParam("Agents to remove (repeat or comma-separate)"),
			Confirm:  true,
		},
	}
}
