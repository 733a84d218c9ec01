package operation_test

import "testing"

func appInboxCases() []appCase {
	api := `{"type":"api","webhook_url":"https://example.com/chatwoot"}`
	return []appCase{
		{
			command: "inboxes list",
			args:    appArgs("inboxes list"),
			method:  "GET", path: appV1 + "/inboxes",
			resp:   `{"payload":[` + inboxJSON(3, "Mobile app", "Channel::Api") + `,` + inboxJSON(5, "WhatsApp", "Channel::Whatsapp") + `]}`,
			stdout: "3\tMobile app\tChannel::Api\ttrue\t13\n5\tWhatsApp\tChannel::Whatsapp\ttrue\t15\n",
		},
		{
			command: "inboxes get",
			args:    appArgs("inboxes get 3 -o json --jq .inbox_identifier"),
			method:  "GET", path: appV1 + "/inboxes/3",
			resp:   inboxJSON(3, "Mobile app", "Channel::Api"),
			stdout: "Jzk3Ym1ZZ2p3V1hZ\n",
		},
		{
			command: "inboxes create",
			args:    appArgs("inboxes create --name", "Mobile app", "--channel", api, "--greeting-enabled", "--timezone", "Europe/Berlin", "--jq", `"\(.id) \(.channel_type)"`),
			method:  "POST", path: appV1 + "/inboxes",
			body:   `{"name":"Mobile app","channel":` + api + `,"greeting_enabled":true,"timezone":"Europe/Berlin"}`,
			resp:   inboxJSON(3, "Mobile app", "Channel::Api"),
			stdout: "3 Channel::Api\n",
		},
		{
			command: "inboxes update",
			args: appArgs("inboxes update 3 --enable-auto-assignment=false --working-hours-enabled --out-of-office-message", "We are back at 9am",
				"--csat-config", `{"display_type":"star","message":"How did we do?"}`, "--jq", ".enable_auto_assignment"),
			method: "PATCH", path: appV1 + "/inboxes/3",
			body: `{"enable_auto_assignment":false,"working_hours_enabled":true,"out_of_office_message":"We are back at 9am",` +
				`"csat_config":{"display_type":"star","message":"How did we do?"}}`,
			resp:   replaceFirst(inboxJSON(3, "Mobile app", "Channel::Api"), `"enable_auto_assignment":true`, `"enable_auto_assignment":false`),
			stdout: "false\n",
		},
		{
			command: "inboxes delete",
			args:    appArgs("inboxes delete 3 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/inboxes/3",
			stderr: "✓ DELETE " + appV1 + "/inboxes/3: 200",
		},
		{
			command: "inboxes templates list",
			args:    appArgs("inboxes templates list 5 --name order_update"),
			method:  "GET", path: appV1 + "/inboxes/5/message_templates", query: appQuery("name", "order_update"),
			resp: `{"payload":[{"id":"1290384756","name":"order_update","language":"en_US","category":"UTILITY","status":"APPROVED",` +
				`"components":[{"type":"BODY","text":"Your order {{1}} has shipped."}]}],"meta":{"last_sync_attempt_at":"2025-11-21T08:00:00.000Z"}}`,
			stdout: "1290384756\torder_update\ten_US\tUTILITY\tAPPROVED\n",
		},
		{
			command: "inboxes agent-bot get",
			args:    appArgs("inboxes agent-bot get 3"),
			method:  "GET", path: appV1 + "/inboxes/3/agent_bot",
			resp:   `{"agent_bot":` + appAgentBotJSON(2, "Triage", "https://bots.acme.example/chatwoot") + `}`,
			stdout: "2\tTriage\thttps://bots.acme.example/chatwoot\n",
		},
		{
			command: "inboxes agent-bot set",
			args:    appArgs("inboxes agent-bot set 3 --agent-bot 2"), tty: true,
			method: "POST", path: appV1 + "/inboxes/3/set_agent_bot",
			body:   `{"agent_bot":2}`,
			stderr: "✓ POST " + appV1 + "/inboxes/3/set_agent_bot: 200",
		},
		{
			command: "inboxes members list",
			args:    appArgs("inboxes members list 3 --jq .[].email"),
			method:  "GET", path: appV1 + "/inbox_members/3",
			resp:   `{"payload":[` + agentJSON(7, "Kim Park", "agent") + `,` + agentJSON(9, "Lee Chen", "administrator") + `]}`,
			stdout: "kim@acme.example\nlee@acme.example\n",
		},
		{
			command: "inboxes members add",
			args:    appArgs("inboxes members add --inbox-id 3 --user-ids 7,9 --jq .[].id"),
			method:  "POST", path: appV1 + "/inbox_members",
			body:   `{"inbox_id":3,"user_ids":[7,9]}`,
			resp:   `{"payload":[` + agentJSON(7, "Kim Park", "agent") + `,` + agentJSON(9, "Lee Chen", "administrator") + `]}`,
			stdout: "7\n9\n",
		},
		{
			command: "inboxes members set",
			args:    appArgs("inboxes members set --inbox-id 3 --user-ids 7,9,12 --jq .[].id"),
			method:  "PATCH", path: appV1 + "/inbox_members",
			// FACTS.md §10: the spec types this inbox_id as a string (POST: an
			// integer); the server takes either, woot sends the integer.
			errata: "FACTS.md §10 inbox_members inbox_id type",
			body:   `{"inbox_id":3,"user_ids":[7,9,12]}`,
			resp: `{"payload":[` + agentJSON(7, "Kim Park", "agent") + `,` + agentJSON(9, "Lee Chen", "administrator") + `,` +
				agentJSON(12, "Max Roe", "agent") + `]}`,
			stdout: "7\n9\n12\n",
		},
		{
			command: "inboxes members remove",
			args:    appArgs("inboxes members remove --inbox-id 3 --user-ids 9 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/inbox_members",
			// FACTS.md §10: as for PATCH, the spec's DELETE body types inbox_id
			// as a string; the server takes the integer woot sends.
			errata: "FACTS.md §10 inbox_members inbox_id type",
			body:   `{"inbox_id":3,"user_ids":[9]}`,
			stderr: "✓ DELETE " + appV1 + "/inbox_members: 200",
		},
	}
}

func appTeamCases() []appCase {
	members := `[` + agentJSON(7, "Kim Park", "agent") + `,` + agentJSON(9, "Lee Chen", "administrator") + `]`
	return []appCase{
		{
			command: "teams list",
			args:    appArgs("teams list"),
			method:  "GET", path: appV1 + "/teams",
			resp:   `[` + teamJSON(2, "Billing", true) + `,` + teamJSON(4, "Onboarding", false) + `]`,
			stdout: "2\tBilling\tInvoices and refunds\ttrue\ttrue\n4\tOnboarding\tInvoices and refunds\tfalse\ttrue\n",
		},
		{
			command: "teams get",
			args:    appArgs("teams get 2 --jq .name"),
			method:  "GET", path: appV1 + "/teams/2",
			resp:   teamJSON(2, "Billing", true),
			stdout: "Billing\n",
		},
		{
			command: "teams create",
			args:    appArgs("teams create --name Billing --description", "Invoices and refunds", "--allow-auto-assign", "--jq", ".id"),
			method:  "POST", path: appV1 + "/teams",
			body:   `{"name":"Billing","description":"Invoices and refunds","allow_auto_assign":true}`,
			resp:   teamJSON(2, "Billing", true),
			stdout: "2\n",
		},
		{
			command: "teams update",
			args:    appArgs("teams update 2 --allow-auto-assign=false --jq .allow_auto_assign"),
			method:  "PATCH", path: appV1 + "/teams/2",
			body:   `{"allow_auto_assign":false}`,
			resp:   teamJSON(2, "Billing", false),
			stdout: "false\n",
		},
		{
			command: "teams delete",
			args:    appArgs("teams delete 2 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/teams/2",
			stderr: "✓ DELETE " + appV1 + "/teams/2: 200",
		},
		{
			command: "teams members list",
			args:    appArgs("teams members list 2 --fields id,role"),
			method:  "GET", path: appV1 + "/teams/2/team_members",
			resp:   members,
			stdout: "7\tagent\n9\tadministrator\n",
		},
		{
			command: "teams members add",
			args:    appArgs("teams members add 2 --user-ids 7 --user-ids 9 --jq .[].name"),
			method:  "POST", path: appV1 + "/teams/2/team_members",
			body:   `{"user_ids":[7,9]}`,
			resp:   members,
			stdout: "Kim Park\nLee Chen\n",
		},
		{
			command: "teams members set",
			args:    appArgs("teams members set 2 --user-ids 7,9 --jq length"),
			method:  "PATCH", path: appV1 + "/teams/2/team_members",
			body:   `{"user_ids":[7,9]}`,
			resp:   members,
			stdout: "2\n",
		},
		{
			command: "teams members remove",
			args:    appArgs("teams members remove 2 --user-ids 9 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/teams/2/team_members",
			body:   `{"user_ids":[9]}`,
			stderr: "✓ DELETE " + appV1 + "/teams/2/team_members: 200",
		},
	}
}

func appAgentCases() []appCase {
	return []appCase{
		{
			command: "agents list",
			args:    appArgs("agents list"),
			method:  "GET", path: appV1 + "/agents",
			resp:   `[` + agentJSON(7, "Kim Park", "agent") + `,` + agentJSON(9, "Lee Chen", "administrator") + `]`,
			stdout: "7\tKim Park\tkim@acme.example\tagent\tonline\ttrue\n9\tLee Chen\tlee@acme.example\tadministrator\tonline\ttrue\n",
		},
		{
			command: "agents create",
			args:    appArgs("agents create --name", "Kim Park", "--email", "kim@acme.example", "--role", "agent", "--availability", "busy", "--jq", ".id"),
			method:  "POST", path: appV1 + "/agents",
			body:   `{"name":"Kim Park","email":"kim@acme.example","role":"agent","availability":"busy"}`,
			resp:   agentJSON(7, "Kim Park", "agent"),
			stdout: "7\n",
		},
		{
			command: "agents bulk-create",
			args:    appArgs("agents bulk-create --emails kim@acme.example,lee@acme.example"), tty: true,
			method: "POST", path: appV1 + "/agents/bulk_create",
			body:   `{"emails":["kim@acme.example","lee@acme.example"]}`,
			stderr: "✓ POST " + appV1 + "/agents/bulk_create: 200",
		},
		{
			command: "agents update",
			args:    appArgs("agents update 7 --role administrator --auto-offline=false --jq .role"),
			method:  "PATCH", path: appV1 + "/agents/7",
			body:   `{"role":"administrator","auto_offline":false}`,
			resp:   agentJSON(7, "Kim Park", "administrator"),
			stdout: "administrator\n",
		},
		{
			command: "agents delete",
			args:    appArgs("agents delete 7 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/agents/7",
			stderr: "✓ DELETE " + appV1 + "/agents/7: 200",
		},
	}
}

func TestAppInboxes(t *testing.T) { runAppCases(t, appInboxCases()) }

func TestAppTeams(t *testing.T) { runAppCases(t, appTeamCases()) }

func TestAppAgents(t *testing.T) { runAppCases(t, appAgentCases()) }
