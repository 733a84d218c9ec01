package application

import "github.com/wootcli/woot/pkg/api"

// appliedSLAOperations covers the SLA breaches report (Enterprise).
func appliedSLAOperations() []api.Operation {
	filters := func() []api.Param {
		return withParams(sinceUntil(), []api.Param{
			{Name: "inbox_id", In: api.InQuery, Type: api.Int, Usage: "Only this inbox"},
			{Name: "team_id", In: api.InQuery, Type: api.Int, Usage: "Only this team"},
			{Name: "sla_policy_id", In: api.InQuery, Type: api.Int, Usage: "Only this SLA policy"},
			{Name: "assigned_agent_id", In: api.InQuery, Type: api.Int, Usage: "Only this agent"},
			{Name: "label_list", In: api.InQuery, Type: api.Strings, Usage: "Only conversations with these labels"},
		})
	}
	return []api.Operation{
		{
			Command: "applied-slas list", Method: "GET", Path: acct + "/applied_slas",
			Short:   "List conversations that missed their SLA",
			Long:    "Needs the Enterprise SLA feature and an administrator.",
			Example: "  $ woot applied-slas list --since 1735689600 --all",
			Params:  filters(),
			Data:    "payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: []string{"applied_sla.id", "applied_sla.sla_name", "applied_sla.sla_status", "conversation.id", "conversation.contact.name", "conversation.assignee.name"},
		},
		{
			Command: "applied-slas metrics get", Method: "GET", Path: acct + "/applied_slas/metrics",
			Short:   "Show SLA hit rate and misses",
			Example: "  $ woot applied-slas metrics get --since 1735689600 --until 1738368000",
			Params:  filters(),
			Columns: []string{"total_applied_slas", "number_of_sla_misses", "hit_rate"},
		},
		{
			Command: "applied-slas download", Method: "GET", Path: acct + "/applied_slas/download",
			Short:   "Download conversations that missed their SLA as CSV",
			Example: "  $ woot applied-slas download --since 1735689600 --output-file breaches.csv",
			Params:  filters(),
			Raw:     true,
		},
	}
}

// slaPolicyOperations covers SLA policies (Enterprise).
func slaPolicyOperations() []api.Operation {
	cols := []string{"id", "name", "first_response_time_threshold", "next_response_time_threshold", "resolution_time_threshold", "only_during_business_hours"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "name", Required: create, Usage: "Policy name"},
			{Name: "description", Usage: "Description"},
			{Name: "first_response_time_threshold", Type: api.Float, Usage: "First response within this many seconds"},
			{Name: "next_response_time_threshold", Type: api.Float, Usage: "Each next response within this many seconds"},
			{Name: "resolution_time_threshold", Type: api.Float, Usage: "Resolution within this many seconds"},
			{Name: "only_during_business_hours", Type: api.Bool, Usage: "Count business hours only"},
		}
	}
	return []api.Operation{
		{
			Command: "sla-policies list", Method: "GET", Path: acct + "/sla_policies",
			Short:   "List SLA policies",
			Example: "  $ woot sla-policies list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "sla-policies get", Method: "GET", Path: acct + "/sla_policies/{id}",
			Short:    "Show an SLA policy",
			Example:  "  $ woot sla-policies get 1",
			ArgNames: []string{"POLICY_ID"},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "sla-policies create", Method: "POST", Path: acct + "/sla_policies",
			Short:   "Create an SLA policy",
			Example: "  $ woot sla-policies create --name Premium --first-response-time-threshold 900 --resolution-time-threshold 86400 --only-during-business-hours",
			Params:  params(true),
			Data:    "payload", Columns: cols,
		},
		{
			Command: "sla-policies update", Method: "PATCH", Path: acct + "/sla_policies/{id}",
			Short:    "Change an SLA policy",
			Example:  "  $ woot sla-policies update 1 --first-response-time-threshold 600",
			ArgNames: []string{"POLICY_ID"},
			Params:   params(false),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "sla-policies delete", Method: "DELETE", Path: acct + "/sla_policies/{id}",
			Short:    "Delete an SLA policy",
			Long:     "Chatwoot deletes the policy in the background.",
			Example:  "  $ woot sla-policies delete 1 --yes",
			ArgNames: []string{"POLICY_ID"},
			Confirm:  true,
		},
	}
}
