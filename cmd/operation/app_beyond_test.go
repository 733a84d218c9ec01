package operation_test

import (
	"fmt"
	"testing"

	"github.com/wootcli/woot/pkg/api"
)

// Whole-command cases of the routes beyond the spec added for issue 16:
// the medium routes, the routes other CLIs wrap and the low routes a
// script can use. Answers follow the sandbox's jbuilder-shaped views.

// bx is a case whose answer is an object printed through --jq .id.
func bx(command, line, method, path, body, resp string) appCase {
	return appCase{command: command, args: appArgs(line, "--jq", ".id"), method: method, path: path, body: body, resp: resp, stdout: "7\n"}
}

// bdel is a confirmed delete or a body-less action, run without a
// terminal, with --yes where the command asks.
func bdel(command, line, method, path, body string) appCase {
	return appCase{command: command, args: appArgs(line), method: method, path: path, body: body}
}

func policyJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"name":"Policy %d","description":null,"assignment_order":"round_robin","conversation_priority":"earliest_created","fair_distribution_limit":100,"fair_distribution_window":3600,"enabled":true,"assigned_inbox_count":1,"account_id":1,"created_at":1735689600,"updated_at":1735689600}`, id, id)
}

func capacityJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"name":"Cap %d","description":null,"exclusion_rules":{},"users":[],"inbox_capacity_limits":[],"account_id":1,"created_at":1735689600,"updated_at":1735689600}`, id, id)
}

func dashboardAppJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"title":"App %d","content":[{"type":"frame","url":"https://shop.acme.test/%d"}],"account_id":1,"created_at":1735689600,"updated_at":1735689600}`, id, id, id)
}

func dataImportJSON(id int, status string) string {
	return fmt.Sprintf(`{"id":%d,"name":"Old CRM","data_type":"contacts","source_type":"csv","status":%q,"total_records":10,"processed_records":4,"allowed_actions":{"abandon":true,"retry":false,"start":false}}`, id, status)
}

func appBeyondCases() []appCase {
	ap, cp := appV1+"/assignment_policies", appV1+"/agent_capacity_policies"
	agent := agentJSON(7, "Bob Baker", "agent")
	return []appCase{
		{command: "assignment-policies list", args: appArgs("assignment-policies list"), method: "GET", path: ap,
			resp: "[" + policyJSON(1) + "]", stdout: "1\tPolicy 1\tround_robin\tearliest_created\t100\ttrue\t1\n"},
		bx("assignment-policies get", "assignment-policies get 7", "GET", ap+"/7", "", policyJSON(7)),
		bx("assignment-policies create", "assignment-policies create --name Night --conversation-priority longest_waiting --fair-distribution-limit 20", "POST", ap,
			`{"assignment_policy":{"name":"Night","conversation_priority":"longest_waiting","fair_distribution_limit":20}}`, policyJSON(7)),
		bx("assignment-policies update", "assignment-policies update 7 --enabled=false", "PATCH", ap+"/7", `{"assignment_policy":{"enabled":false}}`, policyJSON(7)),
		bdel("assignment-policies delete", "assignment-policies delete 7 --yes", "DELETE", ap+"/7", ""),
		{command: "assignment-policies inboxes list", args: appArgs("assignment-policies inboxes list 7"), method: "GET", path: ap + "/7/inboxes",
			resp: `{"inboxes":[` + inboxJSON(3, "Mobile app", "Channel::Api") + `]}`, stdout: "3\tMobile app\tChannel::Api\n"},
		{command: "assignment-policies inboxes add", args: appArgs("assignment-policies inboxes add 7 --inbox-id 3 --jq .name"), method: "POST", path: ap + "/7/inboxes",
			body: `{"inbox_id":3}`, resp: inboxJSON(3, "Mobile app", "Channel::Api"), stdout: "Mobile app\n"},
		bdel("assignment-policies inboxes remove", "assignment-policies inboxes remove 7 3 --yes", "DELETE", ap+"/7/inboxes/3", ""),
		bx("inboxes assignment-policy get", "inboxes assignment-policy get 3", "GET", appV1+"/inboxes/3/assignment_policy", "", policyJSON(7)),
		bx("inboxes assignment-policy set", "inboxes assignment-policy set 3 --assignment-policy-id 7", "POST", appV1+"/inboxes/3/assignment_policy", `{"assignment_policy_id":7}`, policyJSON(7)),
		bdel("inboxes assignment-policy delete", "inboxes assignment-policy delete 3 --yes", "DELETE", appV1+"/inboxes/3/assignment_policy", ""),

		{command: "capacity-policies list", args: appArgs("capacity-policies list"), method: "GET", path: cp,
			resp: "[" + capacityJSON(1) + "]", stdout: "1\tCap 1\t\t2025-01-01T00:00:00Z\n"},
		bx("capacity-policies get", "capacity-policies get 7", "GET", cp+"/7", "", capacityJSON(7)),
		bx("capacity-policies create", "capacity-policies create --name Ten --exclusion-rules {\"excluded_labels\":[\"vip\"]}", "POST", cp,
			`{"agent_capacity_policy":{"name":"Ten","exclusion_rules":{"excluded_labels":["vip"]}}}`, capacityJSON(7)),
		bx("capacity-policies update", "capacity-policies update 7 --description Weekdays", "PATCH", cp+"/7", `{"agent_capacity_policy":{"description":"Weekdays"}}`, capacityJSON(7)),
		bdel("capacity-policies delete", "capacity-policies delete 7 --yes", "DELETE", cp+"/7", ""),
		{command: "capacity-policies agents list", args: appArgs("capacity-policies agents list 7 --jq .[].email"), method: "GET", path: cp + "/7/users",
			resp: "[" + agent + "]", stdout: "bob@acme.example\n"},
		bx("capacity-policies agents add", "capacity-policies agents add 7 --user-id 7", "POST", cp+"/7/users", `{"user_id":7}`, agent),
		bdel("capacity-policies agents remove", "capacity-policies agents remove 7 2 --yes", "DELETE", cp+"/7/users/2", ""),
		bx("capacity-policies inbox-limits create", "capacity-policies inbox-limits create 1 --inbox-id 3 --conversation-limit 10", "POST", cp+"/1/inbox_limits",
			`{"inbox_id":3,"conversation_limit":10}`, `{"id":7,"inbox_id":3,"conversation_limit":10}`),
		bx("capacity-policies inbox-limits update", "capacity-policies inbox-limits update 1 7 --conversation-limit 5", "PATCH", cp+"/1/inbox_limits/7",
			`{"conversation_limit":5}`, `{"id":7,"inbox_id":3,"conversation_limit":5}`),
		bdel("capacity-policies inbox-limits delete", "capacity-policies inbox-limits delete 1 7 --yes", "DELETE", cp+"/1/inbox_limits/7", ""),

		{command: "dashboard-apps list", args: appArgs("dashboard-apps list"), method: "GET", path: appV1 + "/dashboard_apps",
			resp: "[" + dashboardAppJSON(1) + "]", stdout: "1\tApp 1\thttps://shop.acme.test/1\t2025-01-01T00:00:00Z\n"},
		bx("dashboard-apps get", "dashboard-apps get 7", "GET", appV1+"/dashboard_apps/7", "", dashboardAppJSON(7)),
		bx("dashboard-apps create", `dashboard-apps create --title Orders --content [{"type":"frame","url":"https://shop.acme.test/orders"}]`, "POST", appV1+"/dashboard_apps",
			`{"dashboard_app":{"title":"Orders","content":[{"type":"frame","url":"https://shop.acme.test/orders"}]}}`, dashboardAppJSON(7)),
		bx("dashboard-apps update", "dashboard-apps update 7 --title History", "PATCH", appV1+"/dashboard_apps/7", `{"dashboard_app":{"title":"History"}}`, dashboardAppJSON(7)),
		bdel("dashboard-apps delete", "dashboard-apps delete 7 --yes", "DELETE", appV1+"/dashboard_apps/7", ""),

		{command: "data-imports list", args: appArgs("data-imports list"), method: "GET", path: appV1 + "/data_imports",
			resp: `{"payload":[` + dataImportJSON(1, "completed") + `]}`, stdout: "1\tOld CRM\tcontacts\tcsv\tcompleted\t4\t10\n"},
		{command: "data-imports get", args: appArgs("data-imports get 7 --jq .allowed_actions.abandon"), method: "GET", path: appV1 + "/data_imports/7",
			resp: dataImportJSON(7, "processing"), stdout: "true\n"},
		bx("data-imports create", "data-imports create --data-type contacts --source-type csv --name CRM", "POST", appV1+"/data_imports",
			`{"name":"CRM","data_type":"contacts","source_type":"csv"}`, dataImportJSON(7, "pending")),
		{command: "data-imports validate", args: appArgs("data-imports validate --data-type contacts --source-type csv --jq .valid"), method: "POST", path: appV1 + "/data_imports/validate_source",
			body: `{"data_type":"contacts","source_type":"csv"}`, resp: `{"valid":true,"errors":[]}`, stdout: "true\n"},
		bx("data-imports start", "data-imports start 7", "POST", appV1+"/data_imports/7/start", "", dataImportJSON(7, "processing")),
		bx("data-imports retry", "data-imports retry 7", "POST", appV1+"/data_imports/7/retry", "", dataImportJSON(7, "processing")),
		bx("data-imports abandon", "data-imports abandon 7 --yes", "POST", appV1+"/data_imports/7/abandon", "", dataImportJSON(7, "abandoned")),
		{command: "data-imports errors list", args: appArgs("data-imports errors list 7"), method: "GET", path: appV1 + "/data_imports/7/error_logs",
			resp: `{"payload":[{"id":1,"row_number":4,"error_message":"Email is invalid","created_at":"2025-01-01T00:00:00Z"}]}`, stdout: "1\t4\tEmail is invalid\t2025-01-01T00:00:00Z\n"},
		{command: "data-imports skips list", args: appArgs("data-imports skips list 7"), method: "GET", path: appV1 + "/data_imports/7/skip_logs",
			resp: `{"payload":[]}`, stdout: ""},

		{command: "inboxes campaigns list", args: appArgs("inboxes campaigns list 3 --jq .[].title"), method: "GET", path: appV1 + "/inboxes/3/campaigns",
			resp: `[{"id":1,"title":"Pricing","campaign_type":"ongoing","campaign_status":"active","enabled":true}]`, stdout: "Pricing\n"},
		{command: "inboxes assignable-agents list", args: appArgs("inboxes assignable-agents list 3 --jq .[].id"), method: "GET", path: appV1 + "/inboxes/3/assignable_agents",
			resp: `{"payload":[` + agent + `]}`, stdout: "7\n"},
		bdel("inboxes templates sync", "inboxes templates sync 3", "POST", appV1+"/inboxes/3/sync_templates", ""),
		{command: "inboxes health get", args: appArgs("inboxes health get 3"), method: "GET", path: appV1 + "/inboxes/3/health",
			resp:   `{"display_phone_number":"+15550100","verified_name":"Acme","quality_rating":"GREEN","platform_type":"CLOUD_API","throughput":{"level":"STANDARD"}}`,
			stdout: "+15550100\tAcme\tGREEN\tCLOUD_API\tSTANDARD\n"},
		{command: "inboxes reset-secret", args: appArgs("inboxes reset-secret 3 --yes --jq .id"), method: "POST", path: appV1 + "/inboxes/3/reset_secret",
			resp: inboxJSON(3, "Mobile app", "Channel::Api"), stdout: "3\n"},
		{command: "inboxes hmac-token reset", args: appArgs("inboxes hmac-token reset 3 --yes --jq .id"), method: "POST", path: appV1 + "/inboxes/3/rotate_hmac_token",
			resp: inboxJSON(3, "Mobile app", "Channel::Api"), stdout: "3\n"},
		{command: "inboxes csat-template get", args: appArgs("inboxes csat-template get 3 --jq .template_exists"), method: "GET", path: appV1 + "/inboxes/3/csat_template",
			resp: `{"template_exists":false}`, stdout: "false\n"},
		{command: "inboxes csat-template set", args: appArgs("inboxes csat-template set 3 --message", "How did we do?", "--language", "en", "--jq", ".template.status"),
			method: "POST", path: appV1 + "/inboxes/3/csat_template", body: `{"template":{"message":"How did we do?","language":"en"}}`,
			resp: `{"template":{"id":1,"name":"customer_satisfaction_survey","status":"PENDING","language":"en"}}`, stdout: "PENDING\n"},
		{command: "inboxes csat-template analyze", args: appArgs("inboxes csat-template analyze 3 --message", "Rate us", "--jq", ".valid"),
			method: "POST", path: appV1 + "/inboxes/3/csat_template/analyze", body: `{"template":{"message":"Rate us"}}`, resp: `{"valid":true,"issues":[]}`, stdout: "true\n"},
		bdel("inboxes avatar delete", "inboxes avatar delete 3 --yes", "DELETE", appV1+"/inboxes/3/avatar", ""),

		{command: "conversations unread-counts get", args: appArgs("conversations unread-counts get --jq .total"), method: "GET", path: appV1 + "/conversations/unread_counts",
			resp: `{"total":2,"inboxes":{"1":2},"labels":{},"teams":{}}`, stdout: "2\n"},
		{command: "conversations participants list", args: appArgs("conversations participants list 42 --jq .[].id"), method: "GET", path: appV1 + "/conversations/42/participants",
			resp: "[" + agent + "]", stdout: "7\n"},
		{command: "conversations participants add", args: appArgs("conversations participants add 42 --user-ids 7,8 --jq length"), method: "POST", path: appV1 + "/conversations/42/participants",
			body: `{"user_ids":[7,8]}`, resp: "[" + agent + "," + agentJSON(8, "Carol Chen", "agent") + "]", stdout: "2\n"},
		{command: "conversations participants set", args: appArgs("conversations participants set 42 --user-ids 7 --jq length"), method: "PATCH", path: appV1 + "/conversations/42/participants",
			body: `{"user_ids":[7]}`, resp: "[" + agent + "]", stdout: "1\n"},
		bdel("conversations participants remove", "conversations participants remove 42 --user-ids 7 --yes", "DELETE", appV1+"/conversations/42/participants", `{"user_ids":[7]}`),
		bdel("conversations mark-read", "conversations mark-read 42", "POST", appV1+"/conversations/42/update_last_seen", ""),
		{command: "messages retry", args: appArgs("messages retry 42 9 --jq .status"), method: "POST", path: appV1 + "/conversations/42/messages/9/retry",
			resp: `{"id":9,"content":"Hi","message_type":1,"status":"sent"}`, stdout: "sent\n"},
		{command: "messages translate", args: appArgs("messages translate 42 9 --target-language de --jq .content"), method: "POST", path: appV1 + "/conversations/42/messages/9/translate",
			body: `{"target_language":"de"}`, resp: `{"content":"Hallo"}`, stdout: "Hallo\n"},

		{command: "notifications unread count", args: appArgs("notifications unread count"), method: "GET", path: appV1 + "/notifications/unread_count", resp: `3`, stdout: "3\n"},
		bx("notifications mark-read", "notifications mark-read 7", "PATCH", appV1+"/notifications/7", "", `{"id":7,"notification_type":"conversation_mention","read_at":1735689600}`),
		bdel("notifications mark-unread", "notifications mark-unread 7", "POST", appV1+"/notifications/7/unread", ""),
		bx("notifications snooze", "notifications snooze 7 --snoozed-until 1893488400", "POST", appV1+"/notifications/7/snooze", `{"snoozed_until":1893488400}`,
			`{"id":7,"notification_type":"conversation_mention","snoozed_until":1893488400}`),
		bdel("notifications delete", "notifications delete 7 --yes", "DELETE", appV1+"/notifications/7", ""),
		bdel("notifications delete-all", "notifications delete-all --type read --yes", "POST", appV1+"/notifications/destroy_all", `{"type":"read"}`),

		{command: "attachments upload", args: appArgs("attachments upload --external-url https://acme.test/logo.png --jq .file_url"), method: "POST", path: appV1 + "/upload",
			body: `{"external_url":"https://acme.test/logo.png"}`, resp: `{"file_url":"https://chat.acme.test/rails/active_storage/blobs/x/logo.png","blob_key":"x","blob_id":1}`,
			stdout: "https://chat.acme.test/rails/active_storage/blobs/x/logo.png\n"},
		{command: "attachments upload", variant: "file", args: appArgs("attachments upload --file {dir}/logo.png --jq .blob_id"), files: map[string]string{"logo.png": "PNG"},
			method: "POST", path: appV1 + "/upload", form: map[string][]string{"attachment": {"PNG"}}, resp: `{"file_url":"u","blob_key":"x","blob_id":4}`, stdout: "4\n"},
		{command: "agents assignable list", args: appArgs("agents assignable list --inbox-ids 1,2 --jq .[].id"), method: "GET", path: appV1 + "/assignable_agents",
			query: appQuery("inbox_ids[]", "1", "inbox_ids[]", "2"), resp: `{"payload":[` + agent + `]}`, stdout: "7\n"},
		{command: "contacts call", args: appArgs("contacts call 42 --inbox-id 3 --jq .status"), method: "POST", path: appV1 + "/contacts/42/call",
			body: `{"inbox_id":3}`, resp: `{"status":"ringing","call_sid":"CA1","conversation_id":null}`, stdout: "ringing\n"},
		bdel("contacts avatar delete", "contacts avatar delete 42 --yes", "DELETE", appV1+"/contacts/42/avatar", ""),
		{command: "contact-inboxes filter", args: appArgs("contact-inboxes filter --inbox-id 3 --source-id 15550123001 --jq .id"), method: "POST", path: appV1 + "/contact_inboxes/filter",
			body: `{"inbox_id":3,"source_id":"15550123001"}`, resp: `{"payload":{"id":42,"name":"Ava"}}`, stdout: "42\n"},
		{command: "channels twilio create", args: appArgs("channels twilio create --name SMS --medium sms --account-sid AC1 --phone-number +15550100 --jq .id"),
			method: "POST", path: appV1 + "/channels/twilio_channel",
			body: `{"twilio_channel":{"name":"SMS","medium":"sms","account_sid":"AC1","phone_number":"+15550100"}}`, resp: inboxJSON(7, "SMS", "Channel::TwilioSms"), stdout: "7\n"},

		{command: "integrations apps get", args: appArgs("integrations apps get openai --jq .enabled"), method: "GET", path: appV1 + "/integrations/apps/openai",
			resp: `{"id":"openai","name":"OpenAI","enabled":true,"hooks":[]}`, stdout: "true\n"},
		bx("integrations hooks get", "integrations hooks get 7", "GET", appV1+"/integrations/hooks/7", "", `{"id":7,"app_id":"openai","status":true}`),
		{command: "integrations shopify connect", args: appArgs("integrations shopify connect --shop-domain acme.myshopify.com --jq .redirect_url"), method: "POST", path: appV1 + "/integrations/shopify/auth",
			body: `{"shop_domain":"acme.myshopify.com"}`, resp: `{"redirect_url":"https://acme.myshopify.com/admin/oauth/authorize"}`, stdout: "https://acme.myshopify.com/admin/oauth/authorize\n"},
		{command: "integrations shopify orders list", args: appArgs("integrations shopify orders list --contact-id 42 --jq .[].name"), method: "GET", path: appV1 + "/integrations/shopify/orders",
			query: appQuery("contact_id", "42"), resp: `{"orders":[{"id":5,"name":"#1042"}]}`, stdout: "#1042\n"},
		bdel("integrations shopify delete", "integrations shopify delete --yes", "DELETE", appV1+"/integrations/shopify", ""),
		bdel("integrations notion delete", "integrations notion delete --yes", "DELETE", appV1+"/integrations/notion", ""),

		{command: "portals ssl get", args: appArgs("portals ssl get help"), method: "GET", path: appV1 + "/portals/help/ssl_status",
			resp: `{"status":"active","verification_errors":[]}`, stdout: "active\t\n"},
		{command: "portals instructions send", args: appArgs("portals instructions send help --email it@acme.test --jq .message"), method: "POST", path: appV1 + "/portals/help/send_instructions",
			body: `{"email":"it@acme.test"}`, resp: `{"message":"Instructions sent successfully"}`, stdout: "Instructions sent successfully\n"},
		bdel("portals logo delete", "portals logo delete help --yes", "DELETE", appV1+"/portals/help/logo", ""),
		bdel("portals categories reorder", "portals categories reorder help --positions 1=2 --positions 2=1", "POST", appV1+"/portals/help/categories/reorder", `{"positions_hash":{"1":2,"2":1}}`),
		bdel("portals articles reorder", "portals articles reorder help --positions 5=1", "POST", appV1+"/portals/help/articles/reorder", `{"positions_hash":{"5":1}}`),

		{command: "agent-bots reset-secret", args: appArgs("agent-bots reset-secret 7 --yes --jq .id"), method: "POST", path: appV1 + "/agent_bots/7/reset_secret",
			resp: `{"id":7,"name":"Bot","secret":"s"}`, stdout: "7\n"},
		bdel("agent-bots avatar delete", "agent-bots avatar delete 7 --yes", "DELETE", appV1+"/agent_bots/7/avatar", ""),
		{command: "profile availability set", args: appArgs("profile availability set --availability busy --account-id 1 --jq .id"), method: "POST", path: "/api/v1/profile/availability",
			body: `{"profile":{"availability":"busy","account_id":1}}`, resp: `{"id":1,"name":"Alice","availability_status":"busy"}`, stdout: "1\n"},
		bdel("profile avatar delete", "profile avatar delete --yes", "DELETE", "/api/v1/profile/avatar", ""),
		{command: "profile sessions list", args: appArgs("profile sessions list --jq .[].id"), method: "GET", path: "/api/v1/profile/sessions",
			resp: `[{"id":1,"ip_address":"127.0.0.1","current":true}]`, stdout: "1\n"},
		bdel("profile sessions delete", "profile sessions delete 2 --yes", "DELETE", "/api/v1/profile/sessions/2", ""),
		{command: "campaigns metrics get", args: appArgs("campaigns metrics get 3 --jq .sent"), method: "GET", path: appV1 + "/campaigns/3/analytics/metrics",
			resp: `{"campaign_id":3,"sent":10}`, stdout: "10\n"},
		{command: "campaigns contacts list", args: appArgs("campaigns contacts list 3 --jq .[].id"), method: "GET", path: appV1 + "/campaigns/3/analytics/contacts", query: appQuery("page", "1"),
			resp: `{"payload":[{"id":42,"name":"Ava"}]}`, stdout: "42\n"},
		{command: "csat-responses update", args: appArgs("csat-responses update 7 --csat-review-notes", "Called back", "--jq", ".csat_review_notes"), method: "PATCH", path: appV1 + "/csat_survey_responses/7",
			body: `{"csat_review_notes":"Called back"}`, resp: `{"id":7,"rating":2,"csat_review_notes":"Called back"}`, stdout: "Called back\n"},
		{command: "notification-settings get", args: appArgs("notification-settings get --jq .selected_push_flags[0]"), method: "GET", path: appV1 + "/notification_settings",
			resp: `{"id":1,"selected_email_flags":[],"selected_push_flags":["push_conversation_mention"]}`, stdout: "push_conversation_mention\n"},
		{command: "notification-settings update", args: appArgs("notification-settings update --email-flags email_conversation_mention --jq .id"), method: "PATCH", path: appV1 + "/notification_settings",
			body: `{"notification_settings":{"selected_email_flags":["email_conversation_mention"]}}`, resp: `{"id":1}`, stdout: "1\n"},
		bx("saml-settings get", "saml-settings get", "GET", appV1+"/saml_settings", "", `{"id":7,"sso_url":"https://idp.acme.test/sso"}`),
		bx("saml-settings create", "saml-settings create --sso-url https://idp.acme.test/sso --certificate MIIC", "POST", appV1+"/saml_settings",
			`{"saml_settings":{"sso_url":"https://idp.acme.test/sso","certificate":"MIIC"}}`, `{"id":7}`),
		bx("saml-settings update", "saml-settings update --sso-url https://idp.acme.test/saml", "PATCH", appV1+"/saml_settings",
			`{"saml_settings":{"sso_url":"https://idp.acme.test/saml"}}`, `{"id":7}`),
		bdel("saml-settings delete", "saml-settings delete --yes", "DELETE", appV1+"/saml_settings", ""),
	}
}

func TestAppBeyondSpec(t *testing.T) { runAppCases(t, appBeyondCases()) }

// beyondListCases: the lists above answer everything at once, except the
// campaign's contacts, which page by 25.
func beyondListCases() []pageCase {
	obj := func(id int) string { return fmt.Sprintf(`{"id":%d,"name":"Item %d"}`, id, id) }
	agent := func(id int) string { return agentJSON(id, fmt.Sprintf("Agent %d", id), "agent") }
	inboxes := func(_, _ int, items string) string { return `{"inboxes":[` + items + `]}` }
	unpaged := func(command, line, path string, item func(int) string, wrap func(int, int, string) string) pageCase {
		return pageCase{command: command, args: appArgs(line), method: "GET", path: path, item: item, wrap: wrap}
	}
	return []pageCase{
		unpaged("assignment-policies list", "assignment-policies list", appV1+"/assignment_policies", policyJSON, bareList),
		unpaged("assignment-policies inboxes list", "assignment-policies inboxes list 1", appV1+"/assignment_policies/1/inboxes", obj, inboxes),
		unpaged("capacity-policies list", "capacity-policies list", appV1+"/agent_capacity_policies", capacityJSON, bareList),
		unpaged("capacity-policies agents list", "capacity-policies agents list 1", appV1+"/agent_capacity_policies/1/users", agent, bareList),
		unpaged("dashboard-apps list", "dashboard-apps list", appV1+"/dashboard_apps", dashboardAppJSON, bareList),
		unpaged("data-imports list", "data-imports list", appV1+"/data_imports", func(id int) string { return dataImportJSON(id, "completed") }, payloadList),
		unpaged("data-imports errors list", "data-imports errors list 1", appV1+"/data_imports/1/error_logs", obj, payloadList),
		unpaged("data-imports skips list", "data-imports skips list 1", appV1+"/data_imports/1/skip_logs", obj, payloadList),
		unpaged("inboxes campaigns list", "inboxes campaigns list 1", appV1+"/inboxes/1/campaigns", obj, bareList),
		unpaged("inboxes assignable-agents list", "inboxes assignable-agents list 1", appV1+"/inboxes/1/assignable_agents", agent, payloadList),
		unpaged("conversations participants list", "conversations participants list 1", appV1+"/conversations/1/participants", agent, bareList),
		unpaged("profile sessions list", "profile sessions list", "/api/v1/profile/sessions", obj, bareList),
		{command: "agents assignable list", args: appArgs("agents assignable list --inbox-ids 1"), method: "GET", path: appV1 + "/assignable_agents",
			query: appQuery("inbox_ids[]", "1"), item: agent, wrap: payloadList},
		{command: "integrations shopify orders list", args: appArgs("integrations shopify orders list --contact-id 1"), method: "GET", path: appV1 + "/integrations/shopify/orders",
			query: appQuery("contact_id", "1"), item: obj, wrap: func(_, _ int, items string) string { return `{"orders":[` + items + `]}` }},
		{command: "campaigns contacts list", args: appArgs("campaigns contacts list 1"), method: "GET", path: appV1 + "/campaigns/1/analytics/contacts",
			pager: api.PageNumber, size: 25, item: obj, wrap: payloadList},
	}
}

func TestAppBeyondSpecListsPage(t *testing.T) {
	ops := appOperations()
	for _, pc := range beyondListCases() {
		t.Run(pc.command, func(t *testing.T) { runPageCase(t, ops, pc) })
	}
}
