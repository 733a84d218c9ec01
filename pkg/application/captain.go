package application

import "github.com/wootcli/woot/pkg/api"

// Captain is Chatwoot's AI agent: assistants that answer in inboxes, the
// knowledge they answer from, and the reports on how they do. Chatwoot
// serves these routes beyond its published spec; the captain feature must
// be on for the account.

const captainPath = acct + "/captain"

// captainOperations lists every Captain group in help order.
func captainOperations() []api.Operation {
	return withOps(
		captainAssistantOperations(),
		captainAssistantStatsOperations(),
		captainInboxOperations(),
		captainScenarioOperations(),
		captainResponseOperations(),
		captainFAQSuggestionOperations(),
		captainDocumentOperations(),
		captainCustomToolOperations(),
		captainMiscOperations(),
	)
}

func withOps(groups ...[]api.Operation) []api.Operation {
	var out []api.Operation
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// statsWindow are the range and time-zone query of the assistant reports.
func statsWindow() []api.Param {
	return []api.Param{
		{Name: "range", In: api.InQuery, Usage: "Report period, e.g. 7, 30 or 90 (days)"},
		{Name: "timezone_offset", In: api.InQuery, Type: api.Float, Usage: "Hours from UTC for day buckets, e.g. 5.5"},
	}
}

func captainAssistantOperations() []api.Operation {
	cols := []string{"id", "name", "description", "config.product_name"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "name", Required: create, Usage: "Assistant name"},
			{Name: "description", Usage: "What the assistant is for"},
			{Name: "config.product_name", Usage: "Product the assistant talks about"},
			{Name: "config.instructions", Usage: "Extra instructions for the assistant"},
			{Name: "config.welcome_message", Usage: "First message to a new conversation"},
			{Name: "config.handoff_message", Usage: "Message when handing over to a human"},
			{Name: "config.resolution_message", Usage: "Message when resolving a conversation"},
			{Name: "config.temperature", Type: api.Float, Usage: "Creativity of answers, 0 to 1"},
			{Name: "config.feature_faq", Type: api.Bool, Usage: "Suggest FAQs from resolved conversations"},
			{Name: "config.feature_memory", Type: api.Bool, Usage: "Remember facts about contacts"},
			{Name: "config.feature_citation", Type: api.Bool, Usage: "Cite sources in answers"},
			{Name: "response_guidelines", Type: api.Strings, Usage: "How to answer (repeat or comma-separate)"},
			{Name: "guardrails", Type: api.Strings, Usage: "What never to do (repeat or comma-separate)"},
		}
	}
	a := captainPath + "/assistants"
	return []api.Operation{
		{
			Command: "captain assistants list", Method: "GET", Path: a,
			Short:   "List Captain assistants",
			Example: "  $ woot captain assistants list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "captain assistants get", Method: "GET", Path: a + "/{id}",
			Short:    "Show a Captain assistant",
			Example:  "  $ woot captain assistants get 1",
			ArgNames: []string{"ASSISTANT_ID"},
			Columns:  cols,
		},
		{
			Command: "captain assistants create", Method: "POST", Path: a,
			Short:   "Create a Captain assistant",
			Example: "  $ woot captain assistants create --name Scout --config-product-name Acme --guardrails no-refunds",
			Params:  params(true),
			Columns: cols,
		},
		{
			Command: "captain assistants update", Method: "PATCH", Path: a + "/{id}",
			Short:    "Change a Captain assistant",
			Example:  "  $ woot captain assistants update 1 --config-temperature 0.3",
			ArgNames: []string{"ASSISTANT_ID"},
			Params:   params(false),
			Columns:  cols,
		},
		{
			Command: "captain assistants delete", Method: "DELETE", Path: a + "/{id}",
			Short:    "Delete a Captain assistant",
			Example:  "  $ woot captain assistants delete 2 --yes",
			ArgNames: []string{"ASSISTANT_ID"},
			Confirm:  true,
		},
		{
			Command: "captain assistants tools list", Method: "GET", Path: a + "/tools",
			Short:   "List the tools assistants can use",
			Example: "  $ woot captain assistants tools list",
			List:    &api.List{Pager: api.NoPages},
			Columns: []string{"id", "title", "description"},
		},
		{
			Command: "captain assistants metrics get", Method: "GET", Path: a + "/{id}/metrics",
			Short:    "Show an assistant's headline metrics",
			Example:  "  $ woot captain assistants metrics get 1 --range 30",
			ArgNames: []string{"ASSISTANT_ID"},
			Params:   statsWindow(),
		},
		{
			Command: "captain assistants faq-stats get", Method: "GET", Path: a + "/{id}/faq_stats",
			Short:    "Show how many FAQs an assistant has and uses",
			Example:  "  $ woot captain assistants faq-stats get 1",
			ArgNames: []string{"ASSISTANT_ID"},
			Params:   statsWindow(),
		},
		{
			Command: "captain assistants summary get", Method: "GET", Path: a + "/{id}/summary",
			Short:    "Show a written summary of an assistant's period",
			Example:  "  $ woot captain assistants summary get 1 --range 7",
			ArgNames: []string{"ASSISTANT_ID"},
			Params:   statsWindow(),
			Columns:  []string{"message"},
		},
		{
			Command: "captain assistants drilldown get", Method: "GET", Path: a + "/{id}/drilldown",
			Short:    "List the conversations behind one of an assistant's metrics",
			Example:  "  $ woot captain assistants drilldown get 1 --metric handoff_rate",
			ArgNames: []string{"ASSISTANT_ID"},
			Params: withParams(statsWindow(), []api.Param{
				{Name: "metric", In: api.InQuery, Required: true, Usage: "Metric to explain, e.g. handoff_rate"},
				{Name: "per_page", In: api.InQuery, Type: api.Int, Usage: "Rows per page"},
			}),
			Data: "payload", Columns: []string{"id", "display_id", "status", "contact.name"},
		},
	}
}

func captainAssistantStatsOperations() []api.Operation {
	type stat struct{ words, path, short string }
	stats := []stat{
		{"overview get", "overview", "Show an assistant's overview figures"},
		{"overview-summary get", "overview_summary", "Show an assistant's overview in words"},
		{"resolution-flow get", "resolution_flow", "Show how an assistant's conversations end"},
		{"resolution-trend get", "resolution_trend", "Show an assistant's resolutions over time"},
		{"drilldown get", "drilldown", "List the conversations behind an overview figure"},
	}
	var ops []api.Operation
	for _, s := range stats {
		op := api.Operation{
			Command: "captain assistants stats " + s.words, Method: "GET",
			Path:     captainPath + "/assistants/{assistant_id}/stats/" + s.path,
			Short:    s.short,
			Example:  "  $ woot captain assistants stats " + s.words + " 1 --range 30",
			ArgNames: []string{"ASSISTANT_ID"},
			Params:   statsWindow(),
		}
		if s.path == "drilldown" {
			op.Params = append(op.Params, api.Param{Name: "metric", In: api.InQuery, Required: true, Usage: "Figure to explain, e.g. handoff_rate"})
			op.Example += " --metric handoff_rate"
			op.Data = "payload"
			op.Columns = []string{"id", "display_id", "status", "contact.name"}
		}
		ops = append(ops, op)
	}
	return ops
}

func captainInboxOperations() []api.Operation {
	p := captainPath + "/assistants/{assistant_id}/inboxes"
	return []api.Operation{
		{
			Command: "captain assistants inboxes list", Method: "GET", Path: p,
			Short:    "List the inboxes an assistant answers in",
			Example:  "  $ woot captain assistants inboxes list 1",
			ArgNames: []string{"ASSISTANT_ID"},
			Data:     "payload", List: &api.List{Pager: api.NoPages},
			Columns: []string{"id", "name", "channel_type"},
		},
		{
			Command: "captain assistants inboxes add", Method: "POST", Path: p,
			Short:    "Let an assistant answer in an inbox",
			Example:  "  $ woot captain assistants inboxes add 1 --inbox-id 2",
			ArgNames: []string{"ASSISTANT_ID"},
			Params:   []api.Param{{Name: "inbox.inbox_id", Flag: "inbox-id", Type: api.Int, Required: true, Usage: "Inbox to answer in"}},
			Columns:  []string{"id", "name", "channel_type"},
		},
		{
			Command: "captain assistants inboxes remove", Method: "DELETE", Path: p + "/{inbox_id}",
			Short:    "Stop an assistant answering in an inbox",
			Example:  "  $ woot captain assistants inboxes remove 1 1 --yes",
			ArgNames: []string{"ASSISTANT_ID", "INBOX_ID"},
			Confirm:  true,
		},
	}
}

func captainScenarioOperations() []api.Operation {
	cols := []string{"id", "title", "enabled", "tools"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "title", Required: create, Usage: "Scenario title"},
			{Name: "description", Usage: "When the scenario applies"},
			{Name: "instruction", Required: create, Usage: "What the assistant does in it"},
			{Name: "tools", Type: api.Strings, Usage: "Tool ids the scenario may use (repeat or comma-separate)"},
			{Name: "enabled", Type: api.Bool, Usage: "Use the scenario"},
		}
	}
	p := captainPath + "/assistants/{assistant_id}/scenarios"
	ids := []string{"ASSISTANT_ID", "SCENARIO_ID"}
	return []api.Operation{
		{
			Command: "captain scenarios list", Method: "GET", Path: p,
			Short:    "List an assistant's scenarios",
			Example:  "  $ woot captain scenarios list 1",
			ArgNames: ids[:1],
			Data:     "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "captain scenarios get", Method: "GET", Path: p + "/{id}",
			Short:    "Show a scenario",
			Example:  "  $ woot captain scenarios get 1 1",
			ArgNames: ids, Columns: cols,
		},
		{
			Command: "captain scenarios create", Method: "POST", Path: p,
			Short:    "Add a scenario to an assistant",
			Example:  "  $ woot captain scenarios create 1 --title Refunds --instruction 'Explain the refund policy and offer a return label' --enabled",
			ArgNames: ids[:1], Params: params(true), Columns: cols,
		},
		{
			Command: "captain scenarios update", Method: "PATCH", Path: p + "/{id}",
			Short:    "Change a scenario",
			Example:  "  $ woot captain scenarios update 1 1 --enabled=false",
			ArgNames: ids, Params: params(false), Columns: cols,
		},
		{
			Command: "captain scenarios delete", Method: "DELETE", Path: p + "/{id}",
			Short:    "Delete a scenario",
			Example:  "  $ woot captain scenarios delete 1 2 --yes",
			ArgNames: ids, Confirm: true,
		},
	}
}

func captainMiscOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "captain preferences get", Method: "GET", Path: captainPath + "/preferences",
			Short:   "Show the account's Captain models and features",
			Example: "  $ woot captain preferences get",
		},
		{
			Command: "captain preferences update", Method: "PATCH", Path: captainPath + "/preferences",
			Short:   "Choose Captain's models and features",
			Example: "  $ woot captain preferences update --captain-features editor=true",
			Params: []api.Param{
				{Name: "captain_models", Type: api.Map, Usage: "Model per feature (feature=model, repeatable)"},
				{Name: "captain_features", Type: api.Map, Usage: "Feature switches (feature=true|false, repeatable)"},
			},
		},
		{
			Command: "captain agent-sessions get", Method: "GET", Path: captainPath + "/agent_sessions/{id}",
			Short:    "Show what an assistant did in one session",
			Example:  "  $ woot captain agent-sessions get 1",
			ArgNames: []string{"SESSION_ID"},
			Columns:  []string{"id", "message_id", "llm_model", "credits_consumed"},
		},
		{
			Command: "captain message-reports create", Method: "POST", Path: captainPath + "/message_reports",
			Short:   "Report a wrong answer from Captain",
			Long:    "Only messages Captain sent can be reported; Chatwoot Cloud only.",
			Example: "  $ woot captain message-reports create --message-id 1 --report-reason incorrect",
			Params: []api.Param{
				{Name: "message_id", Type: api.Int, Required: true, Usage: "The Captain message"},
				{Name: "report_reason", Required: true, Usage: "Why it is wrong, e.g. incorrect"},
				{Name: "description", Usage: "Details"},
			},
			Columns: []string{"id", "message_id", "report_reason"},
		},
		{
			Command: "captain bulk-actions create", Method: "POST", Path: captainPath + "/bulk_actions",
			Short:   "Approve or delete many Captain FAQs at once",
			Example: "  $ woot captain bulk-actions create --type AssistantResponse --ids 1 --field status=approve",
			Params: []api.Param{
				{Name: "type", Required: true, Enum: []string{"AssistantResponse"}, Usage: "What the ids are"},
				{Name: "ids", Type: api.Ints, Required: true, Usage: "FAQ ids (repeat or comma-separate)"},
				{Name: "fields", Flag: "field", Type: api.Map, Required: true, Usage: "status=approve or status=delete"},
			},
			List: &api.List{Pager: api.NoPages}, Columns: []string{"id", "question", "status"},
		},
	}
}
