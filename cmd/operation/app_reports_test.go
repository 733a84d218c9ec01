package operation_test

import (
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

const (
	appV2       = "/api/v2/accounts/1"
	reportSince = "1735689600"
	reportUntil = "1738368000"
	// csvBOM starts the CSV downloads Chatwoot renders for spreadsheets.
	csvBOM = "\xef\xbb\xbf"
)

func summaryRowsJSON() string {
	return `[{"id":3,"conversations_count":40,"resolved_conversations_count":31,"avg_resolution_time":5400.5,"avg_first_response_time":320.0,"avg_reply_time":410.25},` +
		`{"id":5,"conversations_count":12,"resolved_conversations_count":12,"avg_resolution_time":null,"avg_first_response_time":null,"avg_reply_time":null}]`
}

// reportWindowQuery is the query of a report over the test's window.
func reportWindowQuery(kv ...string) []string {
	return append([]string{"since", reportSince, "until", reportUntil}, kv...)
}

func appReportCases() []appCase {
	window := "--since " + reportSince + " --until " + reportUntil
	csv := csvBOM + "Agent name,Conversations count,Avg first response time (Minutes)\nKim Park,40,5.33\nLee Chen,12,\n"
	cases := []appCase{
		{
			command: "reporting-events list",
			args:    appArgs("reporting-events list --since "+reportSince+" --name first_response --inbox-id 3 --jq", `.[] | "\(.conversation_id) \(.value)"`),
			method:  "GET", path: appV1 + "/reporting_events", query: appQuery("since", reportSince, "name", "first_response", "inbox_id", "3", "page", "1"),
			resp:   `{"meta":{"count":2,"current_page":1,"total_pages":1},"payload":[` + reportingEventJSON(81, "first_response") + `,` + reportingEventJSON(82, "first_response") + `]}`,
			stdout: "1281 381.0\n1282 382.0\n",
		},
		{
			command: "reports timeseries list",
			args:    appArgs("reports timeseries list --metric conversations_count --type agent --id 7 "+window+" --group-by week --jq", `.[] | "\(.timestamp) \(.value)"`),
			method:  "GET", path: appV2 + "/reports",
			query:  appQuery(reportWindowQuery("metric", "conversations_count", "type", "agent", "id", "7", "group_by", "week")...),
			resp:   `[{"value":"12","timestamp":1735689600},{"value":"9","timestamp":1736294400}]`,
			stdout: "1735689600 12\n1736294400 9\n",
		},
		{
			command: "reports summary get",
			args:    appArgs("reports summary get --type team --id 2 "+window+" -o json --jq", `"\(.conversations_count) \(.previous.conversations_count)"`),
			method:  "GET", path: appV2 + "/reports/summary", query: appQuery(reportWindowQuery("type", "team", "id", "2")...),
			resp: `{"avg_first_response_time":"320.0","avg_resolution_time":"5400.5","conversations_count":40,"incoming_messages_count":210,` +
				`"outgoing_messages_count":180,"resolutions_count":31,"previous":{"avg_first_response_time":"410.0","avg_resolution_time":"6100.0",` +
				`"conversations_count":35,"incoming_messages_count":190,"outgoing_messages_count":160,"resolutions_count":28}}`,
			stdout: "40 35\n",
		},
		{
			command: "reports conversations get",
			args:    appArgs("reports conversations get --type account"),
			method:  "GET", path: appV2 + "/reports/conversations", query: appQuery("type", "account"),
			resp:   `{"open":14,"unattended":3,"unassigned":2}`,
			stdout: "14\t3\t2\n",
		},
		{
			command: "reports agent-conversations list",
			args:    appArgs("reports agent-conversations list --type agent --user-id 7"),
			method:  "GET", path: appV2 + "/reports/conversations/", query: appQuery("type", "agent", "user_id", "7"),
			resp:   `[{"id":7,"name":"Kim Park","email":"kim@acme.example","thumbnail":"","availability":"online","metric":{"open":4,"unattended":1}}]`,
			stdout: "7\tKim Park\tkim@acme.example\tonline\t4\t1\n",
		},
		{
			command: "reports first-response-distribution get",
			args:    appArgs("reports first-response-distribution get "+window+" -o json --jq", `.["Channel::WebWidget"]["0-1h"]`),
			method:  "GET", path: appV2 + "/reports/first_response_time_distribution", query: appQuery(reportWindowQuery()...),
			resp:   `{"Channel::WebWidget":{"0-1h":12,"1-4h":3,"4-8h":1,"8-24h":0,"24h+":0},"Channel::Email":{"0-1h":2,"1-4h":5,"4-8h":2,"8-24h":1,"24h+":1}}`,
			stdout: "12\n",
		},
		{
			command: "reports inbox-label-matrix get",
			args:    appArgs("reports inbox-label-matrix get "+window+" --inbox-ids 3,5 -o json --jq", `"\(.inboxes[1].name) \(.labels[0].title) \(.matrix[1][0])"`),
			method:  "GET", path: appV2 + "/reports/inbox_label_matrix", query: appQuery(reportWindowQuery("inbox_ids[]", "3", "inbox_ids[]", "5")...),
			resp: `{"inboxes":[{"id":3,"name":"Mobile app"},{"id":5,"name":"WhatsApp"}],"labels":[{"id":5,"title":"billing"},{"id":6,"title":"vip"}],` +
				`"matrix":[[4,1],[7,0]]}`,
			stdout: "WhatsApp billing 7\n",
		},
		{
			command: "reports outgoing-messages list",
			args:    appArgs("reports outgoing-messages list --group-by agent " + window),
			method:  "GET", path: appV2 + "/reports/outgoing_messages_count", query: appQuery(reportWindowQuery("group_by", "agent")...),
			resp:   `[{"id":7,"name":"Kim Park","outgoing_messages_count":31},{"id":9,"name":"Lee Chen","outgoing_messages_count":12}]`,
			stdout: "7\tKim Park\t31\n9\tLee Chen\t12\n",
		},
		{
			command: "reports bot-summary get",
			args:    appArgs("reports bot-summary get --type account " + window + " --business-hours"),
			method:  "GET", path: appV2 + "/reports/bot_summary", query: appQuery(reportWindowQuery("type", "account", "business_hours", "true")...),
			resp:   `{"bot_resolutions_count":12,"bot_handoffs_count":3,"previous":{"bot_resolutions_count":9,"bot_handoffs_count":4}}`,
			stdout: "12\t3\n",
		},
		{
			command: "reports bot-metrics get",
			args:    appArgs("reports bot-metrics get " + window),
			method:  "GET", path: appV2 + "/reports/bot_metrics", query: appQuery(reportWindowQuery()...),
			resp:   `{"conversation_count":40,"message_count":120,"resolution_rate":30,"handoff_rate":7.5}`,
			stdout: "40\t120\t30\t7.5\n",
		},
		{
			command: "reports drilldown get",
			args:    appArgs("reports drilldown get --metric avg_first_response_time --type account "+window+" --bucket-timestamp 1736035200 -o json --jq", `.payload | map(.id) | join(",")`),
			method:  "GET", path: appV2 + "/reports/drilldown",
			query:  appQuery(reportWindowQuery("metric", "avg_first_response_time", "type", "account", "bucket_timestamp", "1736035200")...),
			resp:   `{"meta":{"count":2,"current_page":1},"payload":[` + cmdtest.ConversationJSON(1234) + `,` + cmdtest.ConversationJSON(1240) + `]}`,
			stdout: "1234,1240\n",
		},
		{
			command: "reports channel-summary get",
			args:    appArgs("reports channel-summary get "+window+" -o json --jq", `.["Channel::WebWidget"].total`),
			method:  "GET", path: appV2 + "/summary_reports/channel", query: appQuery(reportWindowQuery()...),
			resp:   `{"Channel::WebWidget":{"open":3,"resolved":10,"pending":1,"snoozed":0,"total":14},"Channel::Api":{"open":1,"resolved":4,"pending":0,"snoozed":0,"total":5}}`,
			stdout: "14\n",
		},
		{
			command: "reports live get",
			args:    appArgs("reports live get --team-id 2"),
			method:  "GET", path: appV2 + "/live_reports/conversation_metrics", query: appQuery("team_id", "2"),
			resp:   `{"open":4,"unattended":1,"unassigned":2,"pending":1}`,
			stdout: "4\t1\t2\t1\n",
		},
		{
			command: "reports live-grouped list",
			args:    appArgs("reports live-grouped list --group-by assignee_id --jq", `.[] | "\(.assignee_id) \(.open)"`),
			method:  "GET", path: appV2 + "/live_reports/grouped_conversation_metrics", query: appQuery("group_by", "assignee_id"),
			resp:   `[{"assignee_id":7,"open":4,"unattended":1,"unassigned":0},{"assignee_id":9,"open":2,"unattended":0,"unassigned":0}]`,
			stdout: "7 4\n9 2\n",
		},
		{
			command: "reports conversation-traffic download",
			args:    appArgs("reports conversation-traffic download --timezone-offset 5.5 --days-before 13"),
			method:  "GET", path: appV2 + "/reports/conversation_traffic", query: appQuery("timezone_offset", "5.5", "days_before", "13"),
			resp: csvBOM + "Start of the hour,00:00,01:00\n2025-11-20,3,1\n2025-11-21,4,0\n", respType: "text/csv; charset=utf-8",
			stdout: csvBOM + "Start of the hour,00:00,01:00\n2025-11-20,3,1\n2025-11-21,4,0\n",
		},
	}
	for _, dim := range []string{"inbox", "agent", "team", "label"} {
		cases = append(cases, appCase{
			command: "reports " + dim + "-summary list",
			args:    appArgs("reports " + dim + "-summary list " + window + " --business-hours"),
			method:  "GET", path: appV2 + "/summary_reports/" + dim, query: appQuery(reportWindowQuery("business_hours", "true")...),
			resp:   summaryRowsJSON(),
			stdout: "3\t40\t31\t320.0\t5400.5\t410.25\n5\t12\t12\t\t\t\n",
		})
	}
	for _, d := range []struct{ noun, path string }{
		{"agents", "agents"}, {"inboxes", "inboxes"}, {"labels", "labels"}, {"teams", "teams"}, {"conversations-summary", "conversations_summary"},
	} {
		cases = append(cases, appCase{
			command: "reports " + d.noun + " download",
			args:    appArgs("reports " + d.noun + " download " + window + " --business-hours"),
			method:  "GET", path: appV2 + "/reports/" + d.path, query: appQuery(reportWindowQuery("business_hours", "true")...),
			resp: csv, respType: "text/csv; charset=utf-8",
			stdout: csv,
		})
	}
	return cases
}

func appCSATAndSLACases() []appCase {
	return []appCase{
		{
			command: "csat-responses list",
			args:    appArgs("csat-responses list --since "+reportSince+" --rating 1,2 --inbox-id 3 --jq", `.[] | "\(.rating) \(.assigned_agent.name)"`),
			method:  "GET", path: appV1 + "/csat_survey_responses", query: appQuery("since", reportSince, "rating[]", "1", "rating[]", "2", "inbox_id", "3", "page", "1"),
			resp:   `[` + csatResponseJSON(71, 1) + `,` + csatResponseJSON(72, 2) + `]`,
			stdout: "1 Kim Park\n2 Kim Park\n",
		},
		{
			command: "csat-responses metrics get",
			args:    appArgs("csat-responses metrics get --since "+reportSince+" --until "+reportUntil+" --user-ids 7,9 -o json --jq", `"\(.total_count)/\(.total_sent_messages_count) \(.ratings_count["5"])"`),
			method:  "GET", path: appV1 + "/csat_survey_responses/metrics", query: appQuery("since", reportSince, "until", reportUntil, "user_ids[]", "7", "user_ids[]", "9"),
			resp:   `{"total_count":40,"ratings_count":{"1":2,"3":8,"5":30},"total_sent_messages_count":55}`,
			stdout: "40/55 30\n",
		},
		{
			command: "csat-responses download",
			args:    appArgs("csat-responses download --since " + reportSince + " --team-id 2"),
			method:  "GET", path: appV1 + "/csat_survey_responses/download", query: appQuery("since", reportSince, "team_id", "2"),
			resp: csvBOM + "Agent name,Rating,Feedback\nKim Park,5,Quick and helpful\n", respType: "text/csv; charset=utf-8",
			stdout: csvBOM + "Agent name,Rating,Feedback\nKim Park,5,Quick and helpful\n",
		},
		{
			command: "applied-slas list",
			args:    appArgs("applied-slas list --since " + reportSince + " --sla-policy-id 2 --label-list vip"),
			method:  "GET", path: appV1 + "/applied_slas", query: appQuery("since", reportSince, "sla_policy_id", "2", "label_list[]", "vip", "page", "1"),
			resp:   `{"payload":[` + appliedSLAJSON(61) + `],"meta":{"count":1}}`,
			stdout: "61\tPremium\tmissed\t1061\tAnn Lee\tKim Park\n",
		},
		{
			command: "applied-slas metrics get",
			args:    appArgs("applied-slas metrics get --since " + reportSince + " --until " + reportUntil + " --team-id 2"),
			method:  "GET", path: appV1 + "/applied_slas/metrics", query: appQuery("since", reportSince, "until", reportUntil, "team_id", "2"),
			resp:   `{"total_applied_slas":40,"number_of_sla_misses":6,"hit_rate":"85.0%"}`,
			stdout: "40\t6\t85.0%\n",
		},
		{
			command: "applied-slas download",
			args:    appArgs("applied-slas download --since " + reportSince + " --assigned-agent-id 7"),
			method:  "GET", path: appV1 + "/applied_slas/download", query: appQuery("since", reportSince, "assigned_agent_id", "7"),
			resp: csvBOM + "Conversation ID,SLA Policy,Assignee,Contact\n1061,Premium,Kim Park,Ann Lee\n", respType: "text/csv; charset=utf-8",
			stdout: csvBOM + "Conversation ID,SLA Policy,Assignee,Contact\n1061,Premium,Kim Park,Ann Lee\n",
		},
	}
}

func TestAppReports(t *testing.T) { runAppCases(t, appReportCases()) }

func TestAppCSATAndSLA(t *testing.T) { runAppCases(t, appCSATAndSLACases()) }
