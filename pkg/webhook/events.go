package webhook

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// cableToWebhook maps ActionCable event names (dotted) to the webhook event
// names (snake_case) Chatwoot sends for the same change. Account webhooks
// know the first ten; conversation_opened/resolved are agent-bot events.
// Everything else the websocket carries (presence.update, notification.*,
// assignee.changed, conversation.read, …) has no webhook counterpart.
func cableToWebhook(event string) (string, bool) {
	switch event {
	case "conversation.created":
		return "conversation_created", true
	case "conversation.updated":
		return "conversation_updated", true
	case "conversation.status_changed":
		return "conversation_status_changed", true
	case "conversation.typing_on":
		return "conversation_typing_on", true
	case "conversation.typing_off":
		return "conversation_typing_off", true
	case "conversation.opened":
		return "conversation_opened", true
	case "conversation.resolved":
		return "conversation_resolved", true
	case "message.created":
		return "message_created", true
	case "message.updated":
		return "message_updated", true
	case "contact.created":
		return "contact_created", true
	case "contact.updated":
		return "contact_updated", true
	case "webwidget.triggered":
		return "webwidget_triggered", true
	}
	return "", false
}

// WebhookEventName returns the webhook name for a websocket event name
// ("message.created" → "message_created"); ok is false when Chatwoot sends
// no webhook for it.
func WebhookEventName(cableEvent string) (string, bool) { return cableToWebhook(cableEvent) }

// CableEventName is the inverse of WebhookEventName.
func CableEventName(webhookEvent string) (string, bool) {
	for _, name := range CableEventNames() {
		if w, _ := cableToWebhook(name); w == webhookEvent {
			return name, true
		}
	}
	return "", false
}

// CableEventNames lists the websocket events that have a webhook
// counterpart, for help text and completion.
func CableEventNames() []string {
	return []string{
		"conversation.created", "conversation.updated", "conversation.status_changed",
		"conversation.typing_on", "conversation.typing_off", "conversation.opened",
		"conversation.resolved", "message.created", "message.updated",
		"contact.created", "contact.updated", "webwidget.triggered",
	}
}

// ToWebhookPayload turns a websocket event into the body Chatwoot's webhook
// would carry: the data object's fields in their order, then
// "event":"<snake_name>" (Ruby's Hash#merge: a data field named "event" is
// replaced where it stands). Values are kept byte-for-byte apart from
// insignificant whitespace. The fields are the websocket's push data, which
// is close to but not always identical with Chatwoot's webhook_data.
// ok is false for events with no webhook counterpart or data that is not a
// JSON object (null or empty data gives {"event":…}).
func ToWebhookPayload(event string, data json.RawMessage) (name string, body []byte, ok bool) {
	name, ok = cableToWebhook(event)
	if !ok {
		return "", nil, false
	}
	body, err := mergeEvent(data, name)
	if err != nil {
		return "", nil, false
	}
	return name, body, true
}

func mergeEvent(data json.RawMessage, name string) ([]byte, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		trimmed = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("event data is not a JSON object")
	}
	eventValue, _ := json.Marshal(name)
	var out bytes.Buffer
	out.WriteByte('{')
	replaced := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, err
		}
		if out.Len() > 1 {
			out.WriteByte(',')
		}
		writeKey(&out, key)
		if key == "event" && !replaced {
			out.Write(eventValue)
			replaced = true
			continue
		}
		if err := json.Compact(&out, value); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after the event object")
	}
	if !replaced {
		if out.Len() > 1 {
			out.WriteByte(',')
		}
		out.WriteString(`"event":`)
		out.Write(eventValue)
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// writeKey writes a JSON object key without Go's HTML escaping, as Ruby's
// to_json and JavaScript's JSON.stringify would.
func writeKey(buf *bytes.Buffer, key string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(key)         // a string always encodes
	buf.Truncate(buf.Len() - 1) // Encode's newline
	buf.WriteByte(':')
}
