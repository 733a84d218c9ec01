package application

import "github.com/wootcli/woot/pkg/api"

// assignmentPolicyOperations covers assignment policies (auto-assignment v2):
// how conversations of the inboxes attached to a policy reach agents.
func assignmentPolicyOperations() []api.Operation {
	cols := []string{"id", "name", "assignment_order", "conversation_priority", "fair_distribution_limit", "enabled", "assigned_inbox_count"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "assignment_policy.name", Flag: "name", Required: create, Usage: "Policy name (unique in the account)"},
			{Name: "assignment_policy.description", Flag: "description", Usage: "Description"},
			{Name: "assignment_policy.assignment_order", Flag: "assignment-order", Enum: []string{"round_robin", "balanced"}, Usage: "How agents take turns (balanced needs Enterprise)"},
			{Name: "assignment_policy.conversation_priority", Flag: "conversation-priority", Enum: []string{"earliest_created", "longest_waiting"}, Usage: "Which conversation is assigned first"},
			{Name: "assignment_policy.fair_distribution_limit", Flag: "fair-distribution-limit", Type: api.Int, Usage: "Most conversations an agent gets per window"},
			{Name: "assignment_policy.fair_distribution_window", Flag: "fair-distribution-window", Type: api.Int, Usage: "Window of the limit, in seconds"},
			{Name: "assignment_policy.enabled", Flag: "enabled", Type: api.Bool, Usage: "Whether the policy assigns conversations"},
		}
	}
	policy := []string{"POLICY_ID"}
	return []api.Operation{
		{
			Command: "assignment-policies list", Method: "GET", Path: acct + "/assignment_policies",
			Short:   "List assignment policies",
			Example: "  $ woot assignment-policies list",
			List:    &api.List{Pager: api.NoPages}, Columns: cols,
		},
		{
			Command: "assignment-policies get", Method: "GET", Path: acct + "/assignment_policies/{id}",
			Short:   "Show an assignment policy",
			Example: "  $ woot assignment-policies get 1", ArgNames: policy, Columns: cols,
		},
		{
			Command: "assignment-policies create", Method: "POST", Path: acct + "/assignment_policies",
			Short:   "Create an assignment policy",
			Long:    "Needs an administrator.",
			Example: "  $ woot assignment-policies create --name 'Night shift' --conversation-priority longest_waiting --fair-distribution-limit 20",
			Params:  params(true), Columns: cols,
		},
		{
			Command: "assignment-policies update", Method: "PATCH", Path: acct + "/assignment_policies/{id}",
			Short:   "Change an assignment policy",
			Example: "  $ woot assignment-policies update 1 --enabled=false", ArgNames: policy,
			Params: params(false), Columns: cols,
		},
		{
			Command: "assignment-policies delete", Method: "DELETE", Path: acct + "/assignment_policies/{id}",
			Short:   "Delete an assignment policy",
			Example: "  $ woot assignment-policies delete 1 --yes", ArgNames: policy, Confirm: true,
		},
		{
			Command: "assignment-policies inboxes list", Method: "GET", Path: acct + "/assignment_policies/{assignment_policy_id}/inboxes",
			Short:   "List the inboxes a policy assigns for",
			Example: "  $ woot assignment-policies inboxes list 1", ArgNames: policy,
			Data: "inboxes", List: &api.List{Pager: api.NoPages}, Columns: []string{"id", "name", "channel_type"},
		},
		{
			Command: "assignment-policies inboxes add", Method: "POST", Path: acct + "/assignment_policies/{assignment_policy_id}/inboxes",
			Short:   "Attach an inbox to a policy",
			Long:    "An inbox has at most one policy; attaching replaces the one it had.",
			Example: "  $ woot assignment-policies inboxes add 1 --inbox-id 2", ArgNames: policy,
			Params:  []api.Param{{Name: "inbox_id", Type: api.Int, Required: true, Usage: "Inbox to attach"}},
			Columns: []string{"id", "name", "channel_type"},
		},
		{
			Command: "assignment-policies inboxes remove", Method: "DELETE", Path: acct + "/assignment_policies/{assignment_policy_id}/inboxes/{id}",
			Short:   "Detach an inbox from a policy",
			Example: "  $ woot assignment-policies inboxes remove 1 1 --yes", ArgNames: []string{"POLICY_ID", "INBOX_ID"}, Confirm: true,
		},
		{
			Command: "inboxes assignment-policy get", Method: "GET", Path: acct + "/inboxes/{inbox_id}/assignment_policy",
			Short:   "Show the assignment policy of an inbox",
			Example: "  $ woot inboxes assignment-policy get 1", ArgNames: []string{"INBOX_ID"}, Columns: cols,
		},
		{
			Command: "inboxes assignment-policy set", Method: "POST", Path: acct + "/inboxes/{inbox_id}/assignment_policy",
			Short:   "Give an inbox an assignment policy",
			Example: "  $ woot inboxes assignment-policy set 2 --assignment-policy-id 1", ArgNames: []string{"INBOX_ID"},
			Params:  []api.Param{{Name: "assignment_policy_id", Type: api.Int, Required: true, Usage: "Policy to use"}},
			Columns: cols,
		},
		{
			Command: "inboxes assignment-policy delete", Method: "DELETE", Path: acct + "/inboxes/{inbox_id}/assignment_policy",
			Short:   "Take the assignment policy off an inbox",
			Example: "  $ woot inboxes assignment-policy delete 1 --yes", ArgNames: []string{"INBOX_ID"}, Confirm: true,
		},
	}
}

// capacityPolicyOperations covers agent capacity policies (Enterprise): how
// many conversations each agent may hold per inbox.
func capacityPolicyOperations() []api.Operation {
	cols := []string{"id", "name", "description", "created_at"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "agent_capacity_policy.name", Flag: "name", Required: create, Usage: "Policy name"},
			{Name: "agent_capacity_policy.description", Flag: "description", Usage: "Description"},
			{Name: "agent_capacity_policy.exclusion_rules", Flag: "exclusion-rules", Type: api.JSON, Usage: `Conversations that do not count, as JSON (e.g. {"excluded_labels":["vip"]})`},
		}
	}
	policy := []string{"POLICY_ID"}
	limitCols := []string{"id", "inbox_id", "conversation_limit"}
	base := acct + "/agent_capacity_policies"
	return []api.Operation{
		{
			Command: "capacity-policies list", Method: "GET", Path: base,
			Short:   "List agent capacity policies",
			Long:    "Needs the Enterprise edition and an administrator.",
			Example: "  $ woot capacity-policies list",
			List:    &api.List{Pager: api.NoPages}, Columns: cols,
		},
		{
			Command: "capacity-policies get", Method: "GET", Path: base + "/{id}",
			Short:   "Show an agent capacity policy with its agents and inbox limits",
			Example: "  $ woot capacity-policies get 1", ArgNames: policy, Columns: cols,
		},
		{
			Command: "capacity-policies create", Method: "POST", Path: base,
			Short:   "Create an agent capacity policy",
			Example: "  $ woot capacity-policies create --name 'Ten at a time'",
			Params:  params(true), Columns: cols,
		},
		{
			Command: "capacity-policies update", Method: "PATCH", Path: base + "/{id}",
			Short:   "Change an agent capacity policy",
			Example: "  $ woot capacity-policies update 1 --description 'Weekday limits'", ArgNames: policy,
			Params: params(false), Columns: cols,
		},
		{
			Command: "capacity-policies delete", Method: "DELETE", Path: base + "/{id}",
			Short:   "Delete an agent capacity policy",
			Example: "  $ woot capacity-policies delete 1 --yes", ArgNames: policy, Confirm: true,
		},
		{
			Command: "capacity-policies agents list", Method: "GET", Path: base + "/{agent_capacity_policy_id}/users",
			Short:   "List the agents a capacity policy applies to",
			Example: "  $ woot capacity-policies agents list 1", ArgNames: policy,
			List: &api.List{Pager: api.NoPages}, Columns: []string{"id", "name", "email", "role"},
		},
		{
			Command: "capacity-policies agents add", Method: "POST", Path: base + "/{agent_capacity_policy_id}/users",
			Short:   "Apply a capacity policy to an agent",
			Example: "  $ woot capacity-policies agents add 1 --user-id 2", ArgNames: policy,
			Params:  []api.Param{{Name: "user_id", Type: api.Int, Required: true, Usage: "Agent (user id)"}},
			Columns: []string{"id", "name", "email", "role"},
		},
		{
			Command: "capacity-policies agents remove", Method: "DELETE", Path: base + "/{agent_capacity_policy_id}/users/{id}",
			Short:   "Take an agent out of a capacity policy",
			Example: "  $ woot capacity-policies agents remove 1 1 --yes", ArgNames: []string{"POLICY_ID", "USER_ID"}, Confirm: true,
		},
		{
			Command: "capacity-policies inbox-limits create", Method: "POST", Path: base + "/{agent_capacity_policy_id}/inbox_limits",
			Short:   "Cap the conversations an agent holds in one inbox",
			Example: "  $ woot capacity-policies inbox-limits create 1 --inbox-id 2 --conversation-limit 10", ArgNames: policy,
			Params: []api.Param{
				{Name: "inbox_id", Type: api.Int, Required: true, Usage: "Inbox the limit applies to"},
				{Name: "conversation_limit", Type: api.Int, Required: true, Usage: "Most open conversations per agent"},
			},
			Columns: limitCols,
		},
		{
			Command: "capacity-policies inbox-limits update", Method: "PATCH", Path: base + "/{agent_capacity_policy_id}/inbox_limits/{id}",
			Short:   "Change an inbox limit",
			Example: "  $ woot capacity-policies inbox-limits update 1 1 --conversation-limit 5", ArgNames: []string{"POLICY_ID", "LIMIT_ID"},
			Params:  []api.Param{{Name: "conversation_limit", Type: api.Int, Required: true, Usage: "Most open conversations per agent"}},
			Columns: limitCols,
		},
		{
			Command: "capacity-policies inbox-limits delete", Method: "DELETE", Path: base + "/{agent_capacity_policy_id}/inbox_limits/{id}",
			Short:   "Remove an inbox limit",
			Example: "  $ woot capacity-policies inbox-limits delete 1 1 --yes", ArgNames: []string{"POLICY_ID", "LIMIT_ID"}, Confirm: true,
		},
	}
}
