package operation_test

import (
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

func appAutomationCases() []appCase {
	actions := `[{"action_name":"add_label","action_params":["refund"]}]`
	macroActions := `[{"action_name":"add_label","action_params":["spam"]},{"action_name":"resolve_conversation"}]`
	return []appCase{
		{
			command: "macros list",
			args:    appArgs("macros list"),
			method:  "GET", path: appV1 + "/macros",
			resp:   `{"payload":[` + macroJSON(3, "Close as spam", "global") + `]}`,
			stdout: "3\tClose as spam\tglobal\tAgent Smith\n",
		},
		{
			command: "macros get",
			args:    appArgs("macros get 3 -o json --jq .actions[0].action_name"),
			method:  "GET", path: appV1 + "/macros/3",
			resp:   `{"payload":` + macroJSON(3, "Close as spam", "global") + `}`,
			stdout: "add_label\n",
		},
		{
			command: "macros create",
			args:    appArgs("macros create --name", "Close as spam", "--visibility", "global", "--actions", macroActions, "--jq", ".id"),
			method:  "POST", path: appV1 + "/macros",
			body:   `{"name":"Close as spam","visibility":"global","actions":` + macroActions + `}`,
			resp:   `{"payload":` + macroJSON(3, "Close as spam", "global") + `}`,
			stdout: "3\n",
		},
		{
			command: "macros update",
			args:    appArgs("macros update 3 --visibility personal --jq .visibility"),
			method:  "PATCH", path: appV1 + "/macros/3",
			body:   `{"visibility":"personal"}`,
			resp:   `{"payload":` + macroJSON(3, "Close as spam", "personal") + `}`,
			stdout: "personal\n",
		},
		{
			command: "macros delete",
			args:    appArgs("macros delete 3 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/macros/3",
			stderr: "✓ DELETE " + appV1 + "/macros/3: 200",
		},
		{
			command: "macros execute",
			args:    appArgs("macros execute 3 --conversation-ids 1234,1235"), tty: true,
			method: "POST", path: appV1 + "/macros/3/execute",
			body:   `{"conversation_ids":[1234,1235]}`,
			stderr: "✓ POST " + appV1 + "/macros/3/execute: 200",
		},
		{
			command: "automation-rules list",
			args:    appArgs("automation-rules list --fields id,name,event_name,active"),
			method:  "GET", path: appV1 + "/automation_rules",
			resp:   `{"payload":[` + automationRuleJSON(6, "Tag refunds", true) + `,` + automationRuleJSON(7, "Escalate VIPs", false) + `]}`,
			stdout: "6\tTag refunds\tmessage_created\ttrue\n7\tEscalate VIPs\tmessage_created\tfalse\n",
		},
		{
			command: "automation-rules get",
			args:    appArgs("automation-rules get 6 -o json --jq .conditions[0].values[0]"),
			method:  "GET", path: appV1 + "/automation_rules/6",
			resp:   `{"payload":` + automationRuleJSON(6, "Tag refunds", true) + `}`,
			stdout: "refund\n",
		},
		{
			command: "automation-rules create",
			args: appArgs("automation-rules create --name", "Tag refunds", "--event-name", "message_created", "--active",
				"--conditions", `[{"attribute_key":"content","filter_operator":"contains","values":["refund"]}]`, "--actions", actions, "--jq", ".id"),
			method: "POST", path: appV1 + "/automation_rules",
			body: `{"name":"Tag refunds","event_name":"message_created","active":true,` +
				`"conditions":[{"attribute_key":"content","filter_operator":"contains","values":["refund"]}],"actions":` + actions + `}`,
			resp:   `{"payload":` + automationRuleJSON(6, "Tag refunds", true) + `}`,
			stdout: "6\n",
		},
		{
			command: "automation-rules update",
			args:    appArgs("automation-rules update 6 --active=false --jq .active"),
			method:  "PATCH", path: appV1 + "/automation_rules/6",
			body:   `{"active":false}`,
			resp:   `{"payload":` + automationRuleJSON(6, "Tag refunds", false) + `}`,
			stdout: "false\n",
		},
		{
			command: "automation-rules delete",
			args:    appArgs("automation-rules delete 6 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/automation_rules/6",
			stderr: "✓ DELETE " + appV1 + "/automation_rules/6: 200",
		},
		{
			command: "automation-rules clone",
			args:    appArgs("automation-rules clone 6 --jq", `"\(.id) \(.name)"`),
			method:  "POST", path: appV1 + "/automation_rules/6/clone",
			resp:   `{"payload":` + automationRuleJSON(9, "Tag refunds", true) + `}`,
			stdout: "9 Tag refunds\n",
		},
		{
			command: "campaigns list",
			args:    appArgs("campaigns list --jq", `.[] | "\(.id) \(.campaign_type) \(.inbox.name)"`),
			method:  "GET", path: appV1 + "/campaigns",
			resp:   `[` + campaignJSON(9, "Spring sale", true) + `]`,
			stdout: "9 one_off SMS\n",
		},
		{
			command: "campaigns get",
			args:    appArgs("campaigns get 9 --jq .audience[0].id"),
			method:  "GET", path: appV1 + "/campaigns/9",
			resp:   campaignJSON(9, "Spring sale", true),
			stdout: "12\n",
		},
		{
			command: "campaigns create",
			args: appArgs("campaigns create --title", "Spring sale", "--inbox-id", "5", "--message", "Hi {{contact.name}}, 20% off this week",
				"--scheduled-at", "2027-03-01T09:00:00Z", "--audience", `[{"type":"Label","id":12}]`, "--jq", ".id"),
			method: "POST", path: appV1 + "/campaigns",
			body: `{"campaign":{"title":"Spring sale","inbox_id":5,"message":"Hi {{contact.name}}, 20% off this week",` +
				`"scheduled_at":"2027-03-01T09:00:00Z","audience":[{"type":"Label","id":12}]}}`,
			resp:   campaignJSON(9, "Spring sale", true),
			stdout: "9\n",
		},
		{
			command: "campaigns update",
			args:    appArgs("campaigns update 9 --enabled=false --jq .enabled"),
			method:  "PATCH", path: appV1 + "/campaigns/9",
			body:   `{"campaign":{"enabled":false}}`,
			resp:   campaignJSON(9, "Spring sale", false),
			stdout: "false\n",
		},
		{
			command: "campaigns delete",
			args:    appArgs("campaigns delete 9 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/campaigns/9",
			stderr: "✓ DELETE " + appV1 + "/campaigns/9: 200",
		},
		{
			command: "bulk-actions create",
			args:    appArgs("bulk-actions create --type Conversation --ids 12,13,14 --status resolved --add-label vip --remove-label spam --yes"), tty: true,
			method: "POST", path: appV1 + "/bulk_actions",
			body:   `{"type":"Conversation","ids":[12,13,14],"fields":{"status":"resolved"},"labels":{"add":["vip"],"remove":["spam"]}}`,
			stderr: "✓ POST " + appV1 + "/bulk_actions: 200",
		},
		{
			command: "bulk-actions create", variant: "delete contacts",
			args: appArgs("bulk-actions create --type Contact --ids 40,41 --action-name delete --yes"), tty: true,
			method: "POST", path: appV1 + "/bulk_actions",
			body:   `{"type":"Contact","ids":[40,41],"action_name":"delete"}`,
			stderr: "✓ POST " + appV1 + "/bulk_actions: 200",
		},
		{
			command: "sla-policies list",
			args:    appArgs("sla-policies list --fields id,name,first_response_time_threshold"),
			method:  "GET", path: appV1 + "/sla_policies",
			resp:   `{"payload":[` + slaPolicyJSON(2, "Premium", 900) + `]}`,
			stdout: "2\tPremium\t900\n",
		},
		{
			command: "sla-policies get",
			args:    appArgs("sla-policies get 2 --jq .only_during_business_hours"),
			method:  "GET", path: appV1 + "/sla_policies/2",
			resp:   `{"payload":` + slaPolicyJSON(2, "Premium", 900) + `}`,
			stdout: "true\n",
		},
		{
			command: "sla-policies create",
			args:    appArgs("sla-policies create --name Premium --first-response-time-threshold 900 --resolution-time-threshold 86400 --only-during-business-hours --jq .id"),
			method:  "POST", path: appV1 + "/sla_policies",
			body:   `{"name":"Premium","first_response_time_threshold":900,"resolution_time_threshold":86400,"only_during_business_hours":true}`,
			resp:   `{"payload":` + slaPolicyJSON(2, "Premium", 900) + `}`,
			stdout: "2\n",
		},
		{
			command: "sla-policies update",
			args:    appArgs("sla-policies update 2 --first-response-time-threshold 600.5 --jq .first_response_time_threshold"),
			method:  "PATCH", path: appV1 + "/sla_policies/2",
			body:   `{"first_response_time_threshold":600.5}`,
			resp:   `{"payload":` + slaPolicyJSON(2, "Premium", 600.5) + `}`,
			stdout: "600.5\n",
		},
		{
			command: "sla-policies delete",
			args:    appArgs("sla-policies delete 2 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/sla_policies/2",
			stderr: "✓ DELETE " + appV1 + "/sla_policies/2: 200",
		},
	}
}

func appSearchCases() []appCase {
	contacts := `[` + cmdtest.ContactJSON(42) + `]`
	conversations := `[{"id":1234,"account_id":1,"created_at":1763700000,"message":null,"contact":{"id":42,"name":"Ann Lee"},` +
		`"inbox":{"id":3,"name":"Mobile app","channel_type":"Channel::Api"},"agent":{"id":7,"name":"Kim Park"}}]`
	messages := `[` + convMessageJSON(98762, 1, "Your refund was issued today.", false) + `]`
	articles := `[{"id":31,"title":"Getting a refund","locale":"en","content":"Refunds are issued within 5 days.","slug":"31-getting-a-refund","portal_slug":"help","account_id":1,"category_id":4,"status":"published","updated_at":1763712000}]`
	all := `{"payload":{"contacts":` + contacts + `,"conversations":` + conversations + `,"messages":` + messages + `,"articles":` + articles + `}}`
	return []appCase{
		{
			command: "search get",
			args:    appArgs("search get --q refund -o json --jq", `"\(.messages[0].id) \(.articles[0].title)"`),
			method:  "GET", path: appV1 + "/search", query: appQuery("q", "refund"),
			resp:   all,
			stdout: "98762 Getting a refund\n",
		},
		{
			command: "search conversations list",
			args:    appArgs("search conversations list --q ann@example.com"),
			method:  "GET", path: appV1 + "/search/conversations", query: appQuery("q", "ann@example.com", "page", "1"),
			resp:   `{"payload":{"conversations":` + conversations + `}}`,
			stdout: "1234\tAnn Lee\tMobile app\tKim Park\t2025-11-21T04:40:00Z\n",
		},
		{
			command: "search messages list",
			args:    appArgs("search messages list --q refund --jq .[].conversation_id"),
			method:  "GET", path: appV1 + "/search/messages", query: appQuery("q", "refund", "page", "1"),
			resp:   `{"payload":{"messages":` + messages + `}}`,
			stdout: "1234\n",
		},
		{
			command: "search contacts list",
			args:    appArgs("search contacts list --q +4915 --jq .[].phone_number"),
			method:  "GET", path: appV1 + "/search/contacts", query: appQuery("q", "+4915", "page", "1"),
			resp:   `{"payload":{"contacts":` + contacts + `}}`,
			stdout: "+351910000042\n",
		},
		{
			command: "search articles list",
			args:    appArgs("search articles list --q password --fields id,title,locale"),
			method:  "GET", path: appV1 + "/search/articles", query: appQuery("q", "password", "page", "1"),
			resp:   `{"payload":{"articles":` + articles + `}}`,
			stdout: "31\tGetting a refund\ten\n",
		},
	}
}

func TestAppAutomation(t *testing.T) { runAppCases(t, appAutomationCases()) }

func TestAppSearch(t *testing.T) { runAppCases(t, appSearchCases()) }
