package webhook

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// messageCreatedData is the data of a websocket message.created event in
// Chatwoot's shape (Message#push_event_data merged with account_id).
const messageCreatedData = `{
  "id": 1842, "content": "Où est ma commande? <b>#1001</b>", "account_id": 1, "inbox_id": 3,
  "conversation_id": 57, "message_type": 0, "created_at": 1718000000, "updated_at": "2024-06-10T06:13:20.123Z",
  "private": false, "status": "sent", "source_id": null, "content_type": "text",
  "content_attributes": {}, "sender_type": "Contact", "sender_id": 12,
  "external_source_ids": {}, "additional_attributes": {}, "processed_message_content": "Où est ma commande?",
  "sentiment": {},
  "conversation": {"assignee_id": null, "unread_count": 1, "last_activity_at": 1718000000,
                   "contact_inbox": {"source_id": "c7f1a2"}},
  "sender": {"id": 12, "name": "Jeanne", "email": "jeanne@example.com", "type": "contact"}
}`

func TestWebhookEventNames(t *testing.T) {
	want := map[string]string{
		"message.created":             "message_created",
		"message.updated":             "message_updated",
		"conversation.created":        "conversation_created",
		"conversation.updated":        "conversation_updated",
		"conversation.status_changed": "conversation_status_changed",
		"conversation.typing_on":      "conversation_typing_on",
		"conversation.typing_off":     "conversation_typing_off",
		"contact.created":             "contact_created",
		"contact.updated":             "contact_updated",
		"webwidget.triggered":         "webwidget_triggered",
	}
	for cable, hook := range want {
		if got, ok := WebhookEventName(cable); !ok || got != hook {
			t.Errorf("WebhookEventName(%q) = %q, %v; want %q", cable, got, ok, hook)
		}
		if got, ok := CableEventName(hook); !ok || got != cable {
			t.Errorf("CableEventName(%q) = %q, %v; want %q", hook, got, ok, cable)
		}
	}
	for _, name := range []string{"presence.update", "notification.created", "notification.deleted", "assignee.changed",
		"conversation.read", "first.reply.created", "account.cache_invalidated", "contact.deleted", "message_created", ""} {
		if got, ok := WebhookEventName(name); ok {
			t.Errorf("WebhookEventName(%q) = %q, want no webhook counterpart", name, got)
		}
	}
	for _, name := range CableEventNames() {
		if _, ok := WebhookEventName(name); !ok {
			t.Errorf("listed event %q has no mapping", name)
		}
	}
}

func TestToWebhookPayloadMergesEventLast(t *testing.T) {
	name, body, ok := ToWebhookPayload("message.created", json.RawMessage(messageCreatedData))
	if !ok || name != "message_created" {
		t.Fatalf("ToWebhookPayload = %q, ok %v", name, ok)
	}
	if !json.Valid(body) {
		t.Fatalf("invalid JSON: %s", body)
	}
	// Same fields and values as the data, plus the event.
	var gotMap, wantMap map[string]any
	_ = json.Unmarshal(body, &gotMap)
	_ = json.Unmarshal([]byte(messageCreatedData), &wantMap)
	wantMap["event"] = "message_created"
	if !reflect.DeepEqual(gotMap, wantMap) {
		t.Errorf("payload fields differ:\n got %v\nwant %v", gotMap, wantMap)
	}
	// Order: the data's keys as they came, then "event".
	if keys, want := topLevelKeys(t, body), append(topLevelKeys(t, []byte(messageCreatedData)), "event"); !reflect.DeepEqual(keys, want) {
		t.Errorf("key order %v, want %v", keys, want)
	}
	s := string(body)
	if !strings.HasPrefix(s, `{"id":1842,"content":"Où est ma commande? <b>#1001</b>",`) || !strings.HasSuffix(s, `,"event":"message_created"}`) {
		t.Errorf("payload is not compact with raw values kept: %s", s)
	}
	if !strings.Contains(s, `"updated_at":"2024-06-10T06:13:20.123Z"`) || !strings.Contains(s, `"source_id":null`) {
		t.Errorf("values altered: %s", s)
	}
}

func TestToWebhookPayloadReplacesEventInPlace(t *testing.T) {
	_, body, ok := ToWebhookPayload("contact.updated", json.RawMessage(`{"id":3,"event":"old","name":"A"}`))
	if !ok || string(body) != `{"id":3,"event":"contact_updated","name":"A"}` {
		t.Fatalf("got %s, %v", body, ok)
	}
}

func TestToWebhookPayloadEdgeCases(t *testing.T) {
	for _, data := range []string{"", "null", "  {}  "} {
		_, body, ok := ToWebhookPayload("conversation.created", json.RawMessage(data))
		if !ok || string(body) != `{"event":"conversation_created"}` {
			t.Errorf("data %q: %s, %v", data, body, ok)
		}
	}
	for _, data := range []string{`[1]`, `"x"`, `{"a":`, `{"a":1} {}`, `{"a":1}x`} {
		if _, body, ok := ToWebhookPayload("message.created", json.RawMessage(data)); ok {
			t.Errorf("data %q accepted: %s", data, body)
		}
	}
	if _, _, ok := ToWebhookPayload("presence.update", json.RawMessage(`{"account_id":1,"users":{"1":"online"}}`)); ok {
		t.Error("presence.update has no webhook counterpart")
	}
}

func topLevelKeys(t *testing.T, body []byte) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(body)))
	_, _ = dec.Token()
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}
