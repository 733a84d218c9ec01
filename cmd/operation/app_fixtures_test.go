package operation_test

import (
	"fmt"
	"strings"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// Fixtures in the shapes the Application API renders: swagger.json's
// response schemas and FACTS.md §5. Conversations and messages carry Unix
// times, most other records ISO 8601 strings, as the server sends them.

const fixtureISOTime = "2025-11-21T08:00:00.000Z"

func agentJSON(id int, name, role string) string {
	email := strings.ToLower(strings.Fields(name)[0]) + "@acme.example"
	return fmt.Sprintf(`{"id":%d,"account_id":1,"availability_status":"online","auto_offline":true,"confirmed":true,`+
		`"email":%q,"available_name":%q,"name":%q,"role":%q,"thumbnail":"","custom_role_id":null}`, id, email, name, name, role)
}

func inboxJSON(id int, name, channelType string) string {
	return fmt.Sprintf(`{"id":%d,"avatar_url":"","channel_id":%d,"name":%q,"channel_type":%q,"greeting_enabled":false,`+
		`"greeting_message":null,"working_hours_enabled":false,"enable_email_collect":true,"csat_survey_enabled":false,`+
		`"enable_auto_assignment":true,"auto_assignment_config":{},"out_of_office_message":null,"working_hours":[],`+
		`"timezone":"UTC","callback_webhook_url":null,"allow_messages_after_resolved":true,"lock_to_single_conversation":false,`+
		`"sender_name_type":"friendly","business_name":null,"inbox_identifier":"Jzk3Ym1ZZ2p3V1hZ","hmac_mandatory":false,"webhook_url":null}`,
		id, id+10, name, channelType)
}

func teamJSON(id int, name string, autoAssign bool) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"description":"Invoices and refunds","allow_auto_assign":%v,"account_id":1,"is_member":true}`, id, name, autoAssign)
}

func labelJSON(id int, title string) string {
	return fmt.Sprintf(`{"id":%d,"title":%q,"description":"Invoices, refunds and payments","color":"#ff6f00","show_on_sidebar":true}`, id, title)
}

func cannedResponseJSON(id int, code, content string) string {
	return fmt.Sprintf(`{"id":%d,"account_id":1,"short_code":%q,"content":%q,"created_at":%q,"updated_at":%q}`, id, code, content, fixtureISOTime, fixtureISOTime)
}

func customAttributeJSON(id int, key string) string {
	return fmt.Sprintf(`{"id":%d,"attribute_display_name":"Plan","attribute_display_type":"list","attribute_description":"Subscription plan",`+
		`"attribute_key":%q,"regex_pattern":null,"regex_cue":null,"attribute_values":["free","pro","enterprise"],`+
		`"attribute_model":"contact_attribute","default_value":null,"created_at":%q,"updated_at":%q}`, id, key, fixtureISOTime, fixtureISOTime)
}

func customFilterJSON(id int, name string) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"type":"conversation","query":{"payload":[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]},`+
		`"created_at":%q,"updated_at":%q}`, id, name, fixtureISOTime, fixtureISOTime)
}

func macroJSON(id int, name, visibility string) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"visibility":%q,"actions":[{"action_name":"add_label","action_params":["spam"]},{"action_name":"resolve_conversation"}],`+
		`"account_id":1,"created_by":{"id":2,"name":"Agent Smith","available_name":"Agent Smith","thumbnail":""},`+
		`"updated_by":{"id":2,"name":"Agent Smith","available_name":"Agent Smith","thumbnail":""},"created_at":1763700000,"updated_at":1763712000}`,
		id, name, visibility)
}

func automationRuleJSON(id int, name string, active bool) string {
	return fmt.Sprintf(`{"id":%d,"account_id":1,"name":%q,"description":"Label refund requests","event_name":"message_created",`+
		`"conditions":[{"attribute_key":"content","filter_operator":"contains","values":["refund"],"query_operator":null}],`+
		`"actions":[{"action_name":"add_label","action_params":["refund"]}],"created_on":1763700000,"active":%v}`, id, name, active)
}

func campaignJSON(id int, title string, enabled bool) string {
	return fmt.Sprintf(`{"id":%d,"title":%q,"description":null,"account_id":1,"inbox":%s,"sender":{},"message":"Hi {{contact.name}}, 20%% off this week",`+
		`"template_params":null,"campaign_status":"active","campaign_type":"one_off","enabled":%v,"scheduled_at":1772355600,`+
		`"started_at":null,"completed_at":null,"audience":[{"type":"Label","id":12}],"trigger_rules":{},`+
		`"trigger_only_during_business_hours":false,"created_at":%q,"updated_at":%q}`, id, title, inboxJSON(5, "SMS", "Channel::Sms"), enabled, fixtureISOTime, fixtureISOTime)
}

func webhookJSON(id int, url string, subs ...string) string {
	return fmt.Sprintf(`{"id":%d,"url":%q,"name":"Order sync","subscriptions":[%s],"secret":"whsec-8f2e1c","account_id":1}`, id, url, quoteAll(subs))
}

func integrationHookJSON(id int, app string, status bool) string {
	return fmt.Sprintf(`{"id":%d,"app_id":%q,"inbox_id":3,"account_id":1,"status":%v,"hook_type":"inbox","settings":{"project_id":"my-agent"}}`, id, app, status)
}

func appAgentBotJSON(id int, name, url string) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"description":"Routes new conversations","thumbnail":"","outgoing_url":%q,"bot_type":"webhook",`+
		`"bot_config":{},"account_id":1,"access_token":"bot-access-%d","system_bot":false}`, id, name, url, id)
}

func customRoleJSON(id int, name string, perms ...string) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"description":"First-line support","permissions":[%s],"created_at":%q,"updated_at":%q}`,
		id, name, quoteAll(perms), fixtureISOTime, fixtureISOTime)
}

func slaPolicyJSON(id int, name string, firstResponse float64) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"description":"Premium customers","first_response_time_threshold":%v,`+
		`"next_response_time_threshold":3600.0,"resolution_time_threshold":86400.0,"only_during_business_hours":true}`, id, name, firstResponse)
}

func accountJSON(name string) string {
	return fmt.Sprintf(`{"id":1,"name":%q,"locale":"en","domain":"acme.example","support_email":"help@acme.example","status":"active",`+
		`"created_at":%q,"cache_keys":{"label":1763712000},"features":{"help_center":true,"audit_logs":true},`+
		`"settings":{"auto_resolve_after":10080,"auto_resolve_message":"Closing this for now","auto_resolve_ignore_waiting":false},`+
		`"custom_attributes":{"industry":"Retail","company_size":"11-50","timezone":"Europe/Berlin"},"latest_chatwoot_version":"4.8.0"}`, name, fixtureISOTime)
}

func profileJSON(displayName string) string {
	return `{"id":2,"access_token":"tok-profile-rotated","account_id":1,"available_name":"` + displayName + `","avatar_url":"","confirmed":true,` +
		`"display_name":"` + displayName + `","message_signature":"Kim, Acme Support","email":"kim@acme.example","hmac_identifier":"",` +
		`"inviter_id":null,"name":"Kim Park","provider":"email","pubsub_token":"pubsub-kim","role":"administrator","ui_settings":{},` +
		`"uid":"kim@acme.example","type":null,"custom_attributes":{},"accounts":[{"id":1,"name":"Acme Support","status":"active",` +
		`"active_at":"2025-11-21T08:00:00.000Z","role":"administrator","permissions":["administrator"],"availability":"online",` +
		`"availability_status":"online","auto_offline":true,"custom_role_id":null,"custom_role":null}]}`
}

func portalJSON(id int, slug, domain string, archived bool) string {
	return fmt.Sprintf(`{"id":%d,"archived":%v,"color":"#1f93ff","config":{"allowed_locales":[{"code":"en","articles_count":12,"categories_count":3}],"default_locale":"en"},`+
		`"custom_domain":%q,"header_text":"How can we help?","homepage_link":"https://acme.example","name":"Acme Help","slug":%q,`+
		`"page_title":"Acme Help Center","account_id":1,"inbox":null,"logo":null,"meta":{"all_articles_count":12,"archived_articles_count":1,`+
		`"published_count":9,"draft_articles_count":2,"categories_count":3,"default_locale":"en"}}`, id, archived, domain, slug)
}

func categoryJSON(id int, slug string, position int) string {
	return fmt.Sprintf(`{"id":%d,"description":"Invoices and refunds","locale":"en","name":"Billing","slug":%q,"position":%d,`+
		`"portal_id":1,"account_id":1,"associated_category_id":null,"parent_category_id":null,"meta":{"articles_count":4}}`, id, slug, position)
}

func articleJSON(id int, title, status string) string {
	return fmt.Sprintf(`{"id":%d,"slug":"%d-getting-a-refund","title":%q,"content":"Refunds are issued within 5 days.","description":"How refunds work",`+
		`"status":%q,"position":%d,"account_id":1,"updated_at":1763712000,"meta":{},"category":{"id":4,"name":"Billing","slug":"billing","locale":"en"},`+
		`"views":31,"author":{"id":7,"name":"Kim Park","available_name":"Kim Park","thumbnail":""}}`, id, id, title, status, id*10)
}

func noteJSON(id int, content string) string {
	return fmt.Sprintf(`{"id":%d,"content":%q,"contact_id":42,"user":{"id":2,"name":"Agent Smith","available_name":"Agent Smith","thumbnail":""},`+
		`"created_at":1763700000,"updated_at":1763712000}`, id, content)
}

func attachmentJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"message_id":%d,"file_type":"file","account_id":1,"extension":"pdf","data_url":"https://chat.acme.example/rails/active_storage/blobs/%d/invoice.pdf",`+
		`"thumb_url":"","file_size":48213,"width":null,"height":null,"created_at":%d}`, id, 9000+id, id, 1763700000+id)
}

func reportingEventJSON(id int, name string) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"value":%d.0,"value_in_business_hours":%d.0,"event_start_time":"2025-11-21T08:00:00.000Z",`+
		`"event_end_time":"2025-11-21T08:05:00.000Z","account_id":1,"conversation_id":%d,"inbox_id":3,"user_id":7,`+
		`"created_at":%q,"updated_at":%q}`, id, name, 300+id, 240+id, 1200+id, fixtureISOTime, fixtureISOTime)
}

func auditLogJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"auditable_id":%d,"auditable_type":"Inbox","auditable":null,"associated_id":1,"associated_type":"Account",`+
		`"user_id":2,"user_type":"User","username":"kim@acme.example","action":"update","audited_changes":{"name":["Website","Web"]},`+
		`"version":%d,"comment":null,"request_uuid":"6f1b2c3d-%04d-4e5f-8a9b-0c1d2e3f4a5b","created_at":%d,"remote_address":"203.0.113.7"}`,
		id, 3, id, id, 1763700000+id)
}

func notificationJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"notification_type":"conversation_assignment","push_message_title":"A conversation (#%d) has been assigned to you",`+
		`"primary_actor_type":"Conversation","primary_actor_id":%d,"primary_actor":{"id":%d},"read_at":null,"secondary_actor":null,`+
		`"user":{"id":2,"name":"Kim Park"},"created_at":%d,"last_activity_at":%d,"snoozed_until":null,"meta":{}}`,
		id, 1000+id, 1000+id, 1000+id, 1763700000+id, 1763700000+id)
}

func csatResponseJSON(id, rating int) string {
	return fmt.Sprintf(`{"id":%d,"rating":%d,"feedback_message":"Quick and helpful","account_id":1,"message_id":%d,`+
		`"contact":{"id":42,"name":"Ann Lee","email":"ann@example.com","thumbnail":""},"conversation_id":%d,`+
		`"assigned_agent":{"id":7,"name":"Kim Park","email":"kim@acme.example","thumbnail":""},"created_at":%d}`,
		id, rating, 9000+id, 1000+id, 1763700000+id)
}

func appliedSLAJSON(id int) string {
	return fmt.Sprintf(`{"applied_sla":{"id":%d,"sla_id":2,"sla_status":"missed","created_at":%d,"updated_at":%d,"sla_description":"Premium customers",`+
		`"sla_name":"Premium","sla_first_response_time_threshold":900,"sla_next_response_time_threshold":3600,"sla_only_during_business_hours":true,`+
		`"sla_resolution_time_threshold":86400},"conversation":{"id":%d,"contact":{"id":42,"name":"Ann Lee"},"assignee":{"id":7,"name":"Kim Park"},`+
		`"labels":["vip"]},"sla_events":[{"id":%d,"event_type":"frt","meta":{},"updated_at":%d,"created_at":%d}]}`,
		id, 1763700000+id, 1763700000+id, 1000+id, 500+id, 1763700000+id, 1763700000+id)
}

// joinJSON renders n records from one to many, ids starting at first.
func joinJSON(first, n int, one func(int) string) string {
	return cmdtest.JoinObjects(first, first+n-1, one)
}

func quoteAll(ss []string) string {
	quoted := make([]string, len(ss))
	for i, s := range ss {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(quoted, ",")
}

func joinStrings(parts []string) string { return strings.Join(parts, ",") }

// replaceFirst changes one field of a fixture, failing loudly (a panic in
// the test) when the fixture no longer holds it.
func replaceFirst(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("fixture lacks %q", old))
	}
	return strings.Replace(s, old, new, 1)
}
