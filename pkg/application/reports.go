package application

import "github.com/wootcli/woot/pkg/api"

// reportOperations covers reporting events and the v2 reports: timeseries,
// summaries, live metrics and CSV downloads. v2 reports need an
// administrator; Chatwoot rate-limits them per user and per account.
func reportOperations() []api.Operation {
	var ops []api.Operation
	ops = append(ops, reportingEventOperations()...)
	ops = append(ops, reportMetricOperations()...)
	ops = append(ops, summaryReportOperations()...)
	ops = append(ops, reportDownloadOperations()...)
	return append(ops, liveReportOperations()...)
}

func reportingEventOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "reporting-events list", Method: "GET", Path: acct + "/reporting_events", InSpec: true,
			Short:   "List the account's reporting events",
			Long:    "Event names include first_response, reply_time, conversation_resolved, conversation_opened,\nconversation_bot_handoff and conversation_bot_resolved; values are seconds.",
			Example: "  $ woot reporting-events list --since 1735689600 --name first_response --all -o csv",
			Params: []api.Param{
				{Name: "since", In: api.InQuery, Usage: "From this Unix time"},
				{Name: "until", In: api.InQuery, Usage: "Up to this Unix time"},
				{Name: "inbox_id", In: api.InQuery, Type: api.Int, Usage: "Only this inbox"},
				{Name: "user_id", In: api.InQuery, Type: api.Int, Usage: "Only this agent"},
				{Name: "name", In: api.InQuery, Usage: "Only events with this name"},
			},
			Data: "payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: []string{"id", "name", "value", "value_in_business_hours", "conversation_id", "inbox_id", "user_id", "created_at"},
		},
	}
}

func reportMetricOperations() []api.Operation {
	summaryCols := []string{"conversations_count", "incoming_messages_count", "outgoing_messages_count", "avg_first_response_time", "avg_resolution_time", "resolutions_count"}
	dimension := func() []api.Param {
		return []api.Param{
			{Name: "type", In: api.InQuery, Required: true, Enum: reportTypes(), Usage: "Dimension: account, agent, inbox, label or team"},
			{Name: "id", In: api.InQuery, Usage: "Id of the agent, inbox, label or team (not for account)"},
		}
	}
	return []api.Operation{
		{
			Command: "reports timeseries list", Method: "GET", Path: acctV2 + "/reports", InSpec: true,
			Short:   "Show a report metric over time",
			Example: "  $ woot reports timeseries list --metric conversations_count --type account --since 1735689600 --until 1738368000\n  $ woot reports timeseries list --metric avg_first_response_time --type agent --id 7 --group-by week",
			Params: withParams(
				[]api.Param{{Name: "metric", In: api.InQuery, Required: true, Enum: reportMetrics(), Usage: "Metric to report"}},
				dimension(), sinceUntil(),
				// Read by the server's report builder though absent from the spec.
				[]api.Param{
					{Name: "group_by", In: api.InQuery, Enum: []string{"hour", "day", "week", "month", "year"}, Usage: "Bucket size (default day)"},
					{Name: "business_hours", In: api.InQuery, Type: api.Bool, Usage: "Count only time inside business hours"},
					{Name: "timezone_offset", In: api.InQuery, Usage: "Hours from UTC for bucketing, e.g. 5.5"},
				},
			),
			List:    &api.List{Pager: api.NoPages},
			Columns: []string{"timestamp", "value"},
		},
		{
			Command: "reports summary get", Method: "GET", Path: acctV2 + "/reports/summary", InSpec: true,
			Short:   "Summarise conversations and response times, with the previous period",
			Example: "  $ woot reports summary get --type account --since 1735689600 --until 1738368000\n  $ woot reports summary get --type team --id 2 --since 1735689600 --until 1738368000 -o json",
			Params: withParams(dimension(), sinceUntil(),
				[]api.Param{{Name: "business_hours", In: api.InQuery, Type: api.Bool, Usage: "Count only time inside business hours"}}),
			Columns: summaryCols,
		},
		{
			Command: "reports conversations get", Method: "GET", Path: acctV2 + "/reports/conversations", InSpec: true,
			Short:   "Count open, unattended and unassigned conversations now",
			Example: "  $ woot reports conversations get --type account",
			Params: []api.Param{
				{Name: "type", In: api.InQuery, Required: true, Enum: []string{"account"}, Usage: "Always account"},
			},
			Columns: []string{"open", "unattended", "unassigned"},
		},
		{
			Command: "reports agent-conversations list", Method: "GET", Path: acctV2 + "/reports/conversations/", InSpec: true,
			Short: "Count each agent's open and unattended conversations now",
			Long: "The spec lists this path with a trailing slash as its own operation (agent metrics);\n" +
				"without the slash it is `woot reports conversations get`.",
			Example: "  $ woot reports agent-conversations list --type agent\n  $ woot reports agent-conversations list --type agent --user-id 7",
			Params: []api.Param{
				{Name: "type", In: api.InQuery, Required: true, Enum: []string{"agent"}, Usage: "Always agent"},
				{Name: "user_id", In: api.InQuery, Usage: "Only this agent"},
			},
			List:    &api.List{Pager: api.NoPages},
			Columns: []string{"id", "name", "email", "availability", "metric.open", "metric.unattended"},
		},
		{
			Command: "reports first-response-distribution get", Method: "GET", Path: acctV2 + "/reports/first_response_time_distribution", InSpec: true,
			Short:   "Count first responses by time bucket per channel",
			Example: "  $ woot reports first-response-distribution get --since 1735689600 --until 1738368000 -o json",
			Params:  sinceUntil(),
		},
		{
			Command: "reports inbox-label-matrix get", Method: "GET", Path: acctV2 + "/reports/inbox_label_matrix", InSpec: true,
			Short:   "Count conversations per inbox and label",
			Example: "  $ woot reports inbox-label-matrix get --since 1735689600 --until 1738368000 --inbox-ids 3,5 -o json",
			Params: withParams(sinceUntil(), []api.Param{
				{Name: "inbox_ids", In: api.InQuery, Type: api.Ints, Usage: "Only these inboxes"},
				{Name: "label_ids", In: api.InQuery, Type: api.Ints, Usage: "Only these labels"},
			}),
		},
		{
			Command: "reports outgoing-messages list", Method: "GET", Path: acctV2 + "/reports/outgoing_messages_count", InSpec: true,
			Short:   "Count outgoing messages per agent, team, inbox or label",
			Example: "  $ woot reports outgoing-messages list --group-by agent --since 1735689600 --until 1738368000",
			Params: withParams([]api.Param{
				{Name: "group_by", In: api.InQuery, Required: true, Enum: []string{"agent", "team", "inbox", "label"}, Usage: "What to count per"},
			}, sinceUntil()),
			List:    &api.List{Pager: api.NoPages},
			Columns: []string{"id", "name", "outgoing_messages_count"},
		},
		{
			Command: "reports bot-summary get", Method: "GET", Path: acctV2 + "/reports/bot_summary",
			Short:   "Summarise bot resolutions and handoffs, with the previous period",
			Example: "  $ woot reports bot-summary get --type account --since 1735689600 --until 1738368000",
			Params: withParams([]api.Param{
				{Name: "type", In: api.InQuery, Required: true, Enum: []string{"account"}, Usage: "Always account"},
			}, reportWindow()),
			Columns: []string{"bot_resolutions_count", "bot_handoffs_count"},
		},
		{
			Command: "reports bot-metrics get", Method: "GET", Path: acctV2 + "/reports/bot_metrics",
			Short:   "Show bot conversation, message, resolution and handoff figures",
			Example: "  $ woot reports bot-metrics get --since 1735689600 --until 1738368000",
			Params:  reportWindow(),
			Columns: []string{"conversation_count", "message_count", "resolution_rate", "handoff_rate"},
		},
		{
			Command: "reports drilldown get", Method: "GET", Path: acctV2 + "/reports/drilldown",
			Short:   "List the conversations behind one point of a report chart",
			Example: "  $ woot reports drilldown get --metric conversations_count --type account --since 1735689600 --until 1738368000 --bucket-timestamp 1736035200 -o json",
			Params: withParams([]api.Param{
				{Name: "metric", In: api.InQuery, Required: true, Usage: "Metric of the chart, e.g. conversations_count or avg_first_response_time"},
				{Name: "bucket_timestamp", In: api.InQuery, Required: true, Usage: "Start of the bucket (Unix seconds)"},
				{Name: "type", In: api.InQuery, Enum: reportTypes(), Usage: "Dimension (default account)"},
				{Name: "id", In: api.InQuery, Usage: "Id of the agent, inbox, label or team"},
				{Name: "group_by", In: api.InQuery, Enum: []string{"hour", "day", "week", "month", "year"}, Usage: "Bucket size of the chart"},
				{Name: "timezone_offset", In: api.InQuery, Usage: "Hours from UTC, e.g. 5.5"},
				{Name: "since", In: api.InQuery, Required: true, Usage: "Start of the time window (Unix seconds)"},
				{Name: "until", In: api.InQuery, Required: true, Usage: "End of the time window (Unix seconds)"},
				{Name: "business_hours", In: api.InQuery, Type: api.Bool, Usage: "Count only time inside business hours"},
			}),
		},
	}
}

func summaryReportOperations() []api.Operation {
	rowCols := []string{"id", "conversations_count", "resolved_conversations_count", "avg_first_response_time", "avg_resolution_time", "avg_reply_time"}
	summary := func(dim, path string, inSpec, hours bool) api.Operation {
		ps := reportWindow()
		if !hours {
			ps = sinceUntil()
		}
		return api.Operation{
			Command: "reports " + dim + "-summary list", Method: "GET", Path: acctV2 + "/summary_reports/" + path, InSpec: inSpec,
			Short:   "Summarise conversations per " + dim,
			Example: "  $ woot reports " + dim + "-summary list --since 1735689600 --until 1738368000 -o csv",
			Params:  ps,
			List:    &api.List{Pager: api.NoPages},
			Columns: rowCols,
		}
	}
	return []api.Operation{
		{
			Command: "reports channel-summary get", Method: "GET", Path: acctV2 + "/summary_reports/channel", InSpec: true,
			Short:   "Summarise conversations per channel type",
			Example: "  $ woot reports channel-summary get --since 1735689600 --until 1738368000 -o json",
			Params:  sinceUntil(),
		},
		summary("inbox", "inbox", true, true),
		summary("agent", "agent", true, true),
		summary("team", "team", true, true),
		summary("label", "label", false, true),
	}
}

// reportDownloadOperations are the CSV reports; their bodies are written
// as they come.
func reportDownloadOperations() []api.Operation {
	download := func(noun, path, what string, params []api.Param) api.Operation {
		return api.Operation{
			Command: "reports " + noun + " download", Method: "GET", Path: acctV2 + "/reports/" + path,
			Short:   "Download the " + what + " report as CSV",
			Example: "  $ woot reports " + noun + " download --since 1735689600 --until 1738368000 --output-file " + path + ".csv",
			Params:  params,
			Raw:     true,
		}
	}
	return []api.Operation{
		download("agents", "agents", "per-agent", reportWindow()),
		download("inboxes", "inboxes", "per-inbox", reportWindow()),
		download("labels", "labels", "per-label", reportWindow()),
		download("teams", "teams", "per-team", reportWindow()),
		download("conversations-summary", "conversations_summary", "conversation summary", reportWindow()),
		{
			Command: "reports conversation-traffic download", Method: "GET", Path: acctV2 + "/reports/conversation_traffic",
			Short:   "Download conversations per hour of the last days as CSV",
			Example: "  $ woot reports conversation-traffic download --timezone-offset 1 --days-before 13 --output-file traffic.csv",
			Params: []api.Param{
				{Name: "timezone_offset", In: api.InQuery, Usage: "Hours from UTC, e.g. 5.5"},
				{Name: "days_before", In: api.InQuery, Type: api.Int, Usage: "Days before today to include (default 6)"},
			},
			Raw: true,
		},
	}
}

func liveReportOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "reports live get", Method: "GET", Path: acctV2 + "/live_reports/conversation_metrics",
			Short:   "Count open, unattended, unassigned and pending conversations now",
			Example: "  $ woot reports live get\n  $ woot reports live get --team-id 2",
			Params: []api.Param{
				{Name: "team_id", In: api.InQuery, Type: api.Int, Usage: "Only this team"},
			},
			Columns: []string{"open", "unattended", "unassigned", "pending"},
		},
		{
			Command: "reports live-grouped list", Method: "GET", Path: acctV2 + "/live_reports/grouped_conversation_metrics",
			Short:   "Count open conversations now, per team or per agent",
			Example: "  $ woot reports live-grouped list --group-by assignee_id",
			Params: []api.Param{
				{Name: "group_by", In: api.InQuery, Required: true, Enum: []string{"team_id", "assignee_id"}, Usage: "Group per team_id or assignee_id"},
			},
			List:    &api.List{Pager: api.NoPages},
			Columns: []string{"team_id", "assignee_id", "open", "unattended", "unassigned"},
		},
	}
}
