package webhooks

import "strings"

// webhookSample is one event `woot webhooks trigger` can send: a payload of
// our own invention in the shape Chatwoot's webhook listeners build
// (<model>.webhook_data merged with "event", plus changed_attributes or
// event_info where Chatwoot adds them).
type webhookSample struct {
	Event       string        `json:"event"`
	Receivers   string        `json:"receivers"`
	Description string        `json:"description"`
	Body        func() string `json:"-"` // exported for the tests; never printed
}

// webhookSamples lists every webhook event Chatwoot emits: the ten an
// account webhook can subscribe to, then the two only agent bots get.
// Built on call, never at start-up.
func webhookSamples() []webhookSample {
	const (
		account = "account webhooks, API inbox callbacks"
		withBot = "account webhooks, API inbox callbacks, agent bots"
	)
	return []webhookSample{
		{"conversation_created", account, "A contact started a conversation", func() string { return sampleConversation("open", "null", false) }},
		{"conversation_status_changed", account, "A conversation was resolved, reopened, snoozed or set pending", func() string {
			return withChanges(sampleConversation("resolved", "null", true), `[{"status":{"previous_value":"open","current_value":"resolved"}}]`)
		}},
		{"conversation_updated", account, "A conversation's assignee, team, priority, labels or attributes changed", func() string {
			return withChanges(sampleConversation("open", `"high"`, true),
				`[{"assignee_id":{"previous_value":null,"current_value":7}},{"priority":{"previous_value":null,"current_value":"high"}}]`)
		}},
		{"contact_created", "account webhooks", "A contact was created", sampleContact},
		{"contact_updated", "account webhooks", "A contact's attributes changed", func() string {
			return withChanges(sampleContact(),
				`[{"email":{"previous_value":"mara@lindqvist-design.example","current_value":"mara.lindqvist@example.net"}},{"updated_at":{"previous_value":"2025-11-02T14:12:09.118Z","current_value":"2026-01-01T09:02:41.552Z"}}]`)
		}},
		{"message_created", withBot, "A message was posted in a conversation (not for activity messages)", sampleIncomingMessage},
		{"message_updated", withBot, "A message was edited or its attributes changed", sampleUpdatedMessage},
		{"webwidget_triggered", withBot, "A visitor opened the website widget", sampleWidgetTriggered},
		{"conversation_typing_on", account, "Someone started typing in a conversation", func() string { return sampleTyping() }},
		{"conversation_typing_off", account, "Someone stopped typing in a conversation", func() string { return sampleTyping() }},
		{"conversation_resolved", "agent bots", "A conversation of the bot's inbox was resolved", func() string { return sampleConversation("resolved", "null", true) }},
		{"conversation_opened", "agent bots", "A conversation of the bot's inbox was (re)opened", func() string { return sampleConversation("open", "null", true) }},
	}
}

func findWebhookSample(event string) (webhookSample, bool) {
	for _, s := range webhookSamples() {
		if s.Event == event {
			return s, true
		}
	}
	return webhookSample{}, false
}

func webhookSampleNames() []string {
	var names []string
	for _, s := range webhookSamples() {
		names = append(names, s.Event)
	}
	return names
}

// The sample world: account 1, its website inbox 3, contact 42 (Mara),
// agent 7 (Jonas) and conversation 118 about a cracked mug. Times are
// 2026-01-01 around 09:00 UTC.
const (
	sampleAccount     = `{"id":1,"name":"Harbor Coffee Co."}`
	sampleInbox       = `{"id":3,"name":"Website chat"}`
	sampleSourceID    = `"6f1e0c52-9a43-4d7b-b8e2-2c95a1d07e3f"`
	sampleContactCore = `"additional_attributes":{"city":"Malmö","country":"Sweden","company_name":"Lindqvist Design"},` +
		`"custom_attributes":{"plan":"beans-monthly"},"email":"mara.lindqvist@example.net","id":42,"identifier":"cust-8812",` +
		`"name":"Mara Lindqvist","phone_number":"+46701234567","thumbnail":"","blocked":false`
	sampleContactPush = `{` + sampleContactCore + `,"type":"contact"}`
	sampleAgentPush   = `{"id":7,"name":"Jonas Berg","available_name":"Jonas","avatar_url":"","type":"user","availability_status":"online","thumbnail":""}`
	sampleAgentHook   = `{"id":7,"name":"Jonas Berg","email":"jonas@harbor-coffee.example","type":"user"}`
	sampleBrowser     = `{"device_name":"Unknown","browser_name":"Firefox","platform_name":"Linux","browser_version":"133.0","platform_version":""}`
	sampleInitiated   = `{"timestamp":"Thu Jan 01 2026 09:59:40 GMT+0100 (Central European Standard Time)"}`
	sampleMugText     = `"Hi! My order #4412 arrived with a cracked mug. Can you help?"`
)

// sampleContact is Contact#webhook_data.
func sampleContact() string {
	return `{"account":` + sampleAccount + `,"additional_attributes":{"city":"Malmö","country":"Sweden","company_name":"Lindqvist Design"},` +
		`"avatar":"","custom_attributes":{"plan":"beans-monthly"},"email":"mara.lindqvist@example.net","id":42,"identifier":"cust-8812",` +
		`"name":"Mara Lindqvist","phone_number":"+46701234567","thumbnail":"","blocked":false}`
}

// sampleMessagePush is the message as a conversation's push data lists it.
func sampleMessagePush() string {
	return `{"id":5017,"content":` + sampleMugText + `,"account_id":1,"inbox_id":3,"conversation_id":118,"message_type":0,` +
		`"created_at":1767258000,"updated_at":"2026-01-01T09:00:00.412Z","private":false,"status":"sent","source_id":null,` +
		`"content_type":"text","content_attributes":{},"sender_type":"Contact","sender_id":42,"external_source_ids":{},` +
		`"additional_attributes":{},"processed_message_content":` + sampleMugText + `,"sentiment":{},` +
		`"conversation":{"assignee_id":null,"unread_count":1,"last_activity_at":1767258000,"contact_inbox":{"source_id":` + sampleSourceID + `}},` +
		`"sender":` + sampleContactPush + `}`
}

// sampleConversation is Conversation#webhook_data (the push data plus the
// account id) with the given status, priority (JSON) and assignee.
func sampleConversation(status, priority string, assigned bool) string {
	assignee, firstReply := "null", "null"
	if assigned {
		assignee, firstReply = sampleAgentPush, `"2026-01-01T09:03:12.000Z"`
	}
	return `{"additional_attributes":{"browser":` + sampleBrowser + `,"referer":"https://harbor-coffee.example/orders/4412",` +
		`"initiated_at":` + sampleInitiated + `,"browser_language":"sv"},"can_reply":true,"channel":"Channel::WebWidget",` +
		`"contact_inbox":{"id":57,"contact_id":42,"inbox_id":3,"source_id":` + sampleSourceID + `,"created_at":"2026-01-01T08:59:40.150Z",` +
		`"updated_at":"2026-01-01T08:59:40.150Z","hmac_verified":false,"pubsub_token":"sample-pubsub-4mZpQ7rT2wXk"},` +
		`"id":118,"inbox_id":3,"messages":[` + sampleMessagePush() + `],"labels":["order-issue"],` +
		`"meta":{"sender":` + sampleContactPush + `,"assignee":` + assignee + `,"team":null,"hmac_verified":false},` +
		`"status":"` + status + `","custom_attributes":{"order_id":"4412"},"snoozed_until":null,"unread_count":1,` +
		`"first_reply_created_at":` + firstReply + `,"priority":` + priority + `,"waiting_since":1767258000,` +
		`"agent_last_seen_at":0,"contact_last_seen_at":1767258001,"last_activity_at":1767258000,"timestamp":1767258000,` +
		`"created_at":1767257980,"updated_at":1767258192.613,"account_id":1}`
}

// sampleIncomingMessage is Message#webhook_data of the contact's message.
func sampleIncomingMessage() string {
	return `{"account":` + sampleAccount + `,"additional_attributes":{},"content_attributes":{},"content_type":"text",` +
		`"content":` + sampleMugText + `,"conversation":` + sampleConversation("open", "null", false) + `,` +
		`"created_at":"2026-01-01T09:00:00.412Z","id":5017,"inbox":` + sampleInbox + `,"message_type":"incoming",` +
		`"private":false,"sender":` + sampleContact() + `,"source_id":null}`
}

// sampleUpdatedMessage is the agent's reply after an edit.
func sampleUpdatedMessage() string {
	return `{"account":` + sampleAccount + `,"additional_attributes":{},"content_attributes":{"in_reply_to":5017},"content_type":"text",` +
		`"content":"Sorry about that, Mara! A replacement mug ships today, no need to send the broken one back.",` +
		`"conversation":` + sampleConversation("open", "null", true) + `,"created_at":"2026-01-01T09:03:12.000Z","id":5018,` +
		`"inbox":` + sampleInbox + `,"message_type":"outgoing","private":false,"sender":` + sampleAgentHook + `,"source_id":null}`
}

// sampleWidgetTriggered is ContactInbox#webhook_data with the widget's
// event_info.
func sampleWidgetTriggered() string {
	return `{"id":57,"contact":` + sampleContact() + `,"inbox":` + sampleInbox + `,"account":` + sampleAccount + `,` +
		`"current_conversation":` + sampleConversation("open", "null", false) + `,"source_id":` + sampleSourceID + `,` +
		`"event_info":{"initiated_at":` + sampleInitiated + `,"referer":"https://harbor-coffee.example/orders/4412",` +
		`"widget_language":null,"browser_language":"sv","browser":` + sampleBrowser + `}}`
}

// sampleTyping is the typing events' payload: the conversation, who types
// and whether it is a private note.
func sampleTyping() string {
	return `{"conversation":` + sampleConversation("open", "null", true) + `,"user":` + sampleAgentHook + `,"is_private":false}`
}

// withChanges adds Chatwoot's changed_attributes: one object per attribute
// with its previous and current value.
func withChanges(body, changes string) string {
	return strings.TrimSuffix(body, "}") + `,"changed_attributes":` + changes + `}`
}
