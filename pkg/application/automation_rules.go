package application

import "github.com/wootcli/woot/pkg/api"

// automationOperations covers automation rules.
//
// The spec lists a page parameter for the rule list, but the controller
// returns every rule at once: following pages would repeat the first page
// forever, so the list is read in one request.
func automationOperations() []api.Operation {
	cols := []string{"id", "name", "event_name", "active", "created_on"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Rule name"},
			{Name: "description", Usage: "What the rule does"},
			{Name: "event_name", Enum: []string{"conversation_created", "conversation_updated", "conversation_resolved", "message_created"}, Usage: "Event that runs the rule"},
			{Name: "active", Type: api.Bool, Usage: "Enable the rule"},
			{Name: "conditions", Type: api.JSON, Usage: "Conditions as a JSON array (or @file)"},
			{Name: "actions", Type: api.JSON, Usage: "Actions as a JSON array (or @file)"},
		}
	}
	return []api.Operation{
		{
			Command: "automation-rules list", Method: "GET", Path: acct + "/automation_rules", InSpec: true,
			Short:   "List automation rules",
			Example: "  $ woot automation-rules list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "automation-rules get", Method: "GET", Path: acct + "/automation_rules/{id}", InSpec: true,
			Short:    "Show an automation rule",
			Example:  "  $ woot automation-rules get 1 -o json",
			ArgNames: []string{"RULE_ID"},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "automation-rules create", Method: "POST", Path: acct + "/automation_rules", InSpec: true,
			Short: "Create an automation rule",
			Example: "  $ woot automation-rules create --input rule.json\n" +
				"  $ woot automation-rules create --name 'Tag refunds' --event-name message_created " +
				"--conditions '[{\"attribute_key\":\"content\",\"filter_operator\":\"contains\",\"values\":[\"refund\"]}]' " +
				"--actions '[{\"action_name\":\"add_label\",\"action_params\":[\"refund\"]}]'",
			Params: params(),
			Data:   "payload", Columns: cols,
		},
		{
			Command: "automation-rules update", Method: "PATCH", Path: acct + "/automation_rules/{id}", InSpec: true,
			Short:    "Change an automation rule",
			Example:  "  $ woot automation-rules update 1 --active=false",
			ArgNames: []string{"RULE_ID"},
			Params:   params(),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "automation-rules delete", Method: "DELETE", Path: acct + "/automation_rules/{id}", InSpec: true,
			Short:    "Delete an automation rule",
			Example:  "  $ woot automation-rules delete 1 --yes",
			ArgNames: []string{"RULE_ID"},
			Confirm:  true,
		},
		{
			Command: "automation-rules clone", Method: "POST", Path: acct + "/automation_rules/{automation_rule_id}/clone",
			Short:    "Copy an automation rule",
			Example:  "  $ woot automation-rules clone 1",
			ArgNames: []string{"RULE_ID"},
			Data:     "payload", Columns: cols,
		},
	}
}
