package sandbox

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// outEvent is one thing to tell the world after a request: a cable frame
// for some streams and webhook deliveries. Handlers build them under the
// state lock (so the payload is a consistent snapshot); the router sends
// them after the lock is released and the response written.
type outEvent struct {
	streams    []string
	payload    json.RawMessage
	deliveries []delivery
}

func (s *Sandbox) dispatch(events []outEvent) {
	for _, e := range events {
		for _, stream := range uniq(e.streams) {
			s.cable.Broadcast(stream, e.payload)
		}
		for _, d := range e.deliveries {
			s.hooks.enqueue(d)
		}
	}
}

func uniq(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0:0]
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// withAccount returns v as a JSON object with account_id set, the way
// Chatwoot's broadcast job merges it into every event's data.
func withAccount(v any, accountID int64, performer obj) obj {
	o, ok := v.(obj)
	if !ok {
		raw, _ := json.Marshal(v)
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		o = obj{}
		_ = dec.Decode(&o)
	} else {
		o = copyObj(o)
	}
	o["account_id"] = accountID
	if performer != nil {
		o["performer"] = performer
	}
	return o
}

// performer is the acting user's push data, which newer Chatwoot adds to
// events a user caused.
func (c *ctx) performer(accountID int64) obj {
	if c.user == nil {
		return nil
	}
	return userPush(c.st, accountID, c.user)
}

// emit queues one event: the cable frame {event, data} to streams, and the
// webhook hook (when not "") with body hookData+event to the account's
// subscribed webhooks and, for an API inbox, to its webhook_url.
func (c *ctx) emit(name string, accountID int64, data any, streams []string, hook string, hookData obj, in *store.Inbox) {
	frame, _ := json.Marshal(obj{"event": name, "data": withAccount(data, accountID, c.performer(accountID))})
	ev := outEvent{streams: streams, payload: frame}
	if hook != "" && hookData != nil {
		ev.deliveries = c.deliveries(accountID, hook, hookData, in)
	}
	c.events = append(c.events, ev)
}

func (c *ctx) deliveries(accountID int64, hook string, data obj, in *store.Inbox) []delivery {
	body := copyObj(data)
	body["event"] = hook
	raw, err := json.Marshal(body)
	if err != nil {
		return nil
	}
	var out []delivery
	for _, w := range c.st.Webhooks {
		if w.AccountID == accountID && store.ContainsStr(w.Subscriptions, hook) && (w.InboxID == 0 || in == nil || w.InboxID == in.ID) {
			out = append(out, delivery{url: w.URL, secret: w.Secret, body: raw})
		}
	}
	if in != nil && in.IsAPI() && in.WebhookURL != "" {
		out = append(out, delivery{url: in.WebhookURL, secret: in.Secret, body: raw})
	}
	if d, ok := c.botDelivery(hook, data, in); ok {
		out = append(out, d)
	}
	return out
}

// botAttempts: Chatwoot retries agent-bot deliveries on 429 and 5xx,
// three attempts in all (FACTS §2).
const botAttempts = 3

// botDelivery is what the inbox's agent bot is sent for an account event,
// if anything. Chatwoot's agent-bot listener forwards message events and
// a conversation resolving or opening to the bot's outgoing_url, signed
// with the bot's own secret (FACTS §2).
func (c *ctx) botDelivery(hook string, data obj, in *store.Inbox) (delivery, bool) {
	if in == nil || in.AgentBotID == 0 {
		return delivery{}, false
	}
	bot := store.FindID(c.st.AgentBots, in.AgentBotID)
	if bot == nil || bot.OutgoingURL == "" {
		return delivery{}, false
	}
	event := botEvent(hook, data)
	if event == "" {
		return delivery{}, false
	}
	body := copyObj(data)
	delete(body, "changed_attributes")
	body["event"] = event
	raw, err := json.Marshal(body)
	if err != nil {
		return delivery{}, false
	}
	return delivery{url: bot.OutgoingURL, secret: bot.Secret, body: raw, attempts: botAttempts}, true
}

// botEvent names the agent-bot event for an account webhook event, or "".
func botEvent(hook string, data obj) string {
	switch hook {
	case "message_created", "message_updated", "webwidget_triggered":
		return hook
	case "conversation_status_changed":
		switch data["status"] {
		case store.StatusResolved:
			return "conversation_resolved"
		case store.StatusOpen:
			return "conversation_opened"
		}
	}
	return ""
}

// agentTokens are the pubsub tokens of a conversation's agents: the
// inbox's members and every administrator of the account.
func agentTokens(st *store.State, accountID, inboxID int64) []string {
	var out []string
	in := st.InboxOf(inboxID)
	for _, au := range st.AccountUsers {
		if au.AccountID != accountID {
			continue
		}
		if au.Role == "administrator" || (in != nil && st.MemberOfInbox(in, au.UserID)) {
			if u := st.User(au.UserID); u != nil {
				out = append(out, u.PubsubToken)
			}
		}
	}
	return out
}

// contactTokens are the contact-side streams of a conversation: its
// contact_inbox's token, plus every hmac-verified contact_inbox of the
// contact when this one is verified (FACTS §1).
func contactTokens(st *store.State, cv *store.Conversation) []string {
	ci := store.FindID(st.ContactInboxes, cv.ContactInboxID)
	if ci == nil {
		return nil
	}
	out := []string{ci.PubsubToken}
	if ci.HMACVerified {
		for _, other := range st.ContactInboxesOf(cv.ContactID) {
			if other.HMACVerified {
				out = append(out, other.PubsubToken)
			}
		}
	}
	return out
}

func accountStream(accountID int64) string { return "account_" + strconv.FormatInt(accountID, 10) }

// changes is Chatwoot's changed_attributes: one single-key object per
// attribute with its previous and current value.
type changes []obj

func (ch *changes) add(attr string, prev, cur any) {
	*ch = append(*ch, obj{attr: obj{"previous_value": prev, "current_value": cur}})
}

func (c *ctx) messageEvent(name string, cv *store.Conversation, m *store.Message, ch changes) {
	streams := agentTokens(c.st, cv.AccountID, cv.InboxID)
	if !m.Private && m.MessageType != store.MsgActivity {
		streams = append(streams, contactTokens(c.st, cv)...)
	}
	data := withAccount(renderMessage(c.st, cv, m), cv.AccountID, nil)
	if ch != nil {
		// Rails' previous_changes: {"attr": [before, after]}.
		prev := obj{}
		for _, change := range ch {
			for attr, v := range change {
				vals := v.(obj)
				prev[attr] = []any{vals["previous_value"], vals["current_value"]}
			}
		}
		data["previous_changes"] = prev
	}
	hook := ""
	if m.MessageType != store.MsgActivity {
		hook = "message_created"
		if name == "message.updated" {
			hook = "message_updated"
		}
	}
	c.emit(name, cv.AccountID, data, streams, hook, messageWebhook(c.st, cv, m), c.st.InboxOf(cv.InboxID))
}

// conversationEvent broadcasts conversation.created|updated|status_changed
// (to agents and the contact) and sends the matching webhook.
func (c *ctx) conversationEvent(name string, cv *store.Conversation, ch changes) {
	streams := append(agentTokens(c.st, cv.AccountID, cv.InboxID), contactTokens(c.st, cv)...)
	hookData := conversationPush(c.st, cv)
	hook := map[string]string{
		"conversation.created":        "conversation_created",
		"conversation.updated":        "conversation_updated",
		"conversation.status_changed": "conversation_status_changed",
	}[name]
	if name != "conversation.created" {
		if ch == nil {
			ch = changes{}
		}
		hookData["changed_attributes"] = []obj(ch)
	}
	c.emit(name, cv.AccountID, conversationPush(c.st, cv), streams, hook, hookData, c.st.InboxOf(cv.InboxID))
}

// agentOnlyEvent is for events only agents see (assignee.changed,
// team.changed, conversation.read…).
func (c *ctx) agentOnlyEvent(name string, cv *store.Conversation) {
	c.emit(name, cv.AccountID, conversationPush(c.st, cv), agentTokens(c.st, cv.AccountID, cv.InboxID), "", nil, nil)
}

func (c *ctx) contactEvent(name string, ct *store.Contact, ch changes) {
	hook := ""
	hookData := contactWebhook(c.st, ct)
	switch name {
	case "contact.created":
		hook = "contact_created"
	case "contact.updated":
		hook = "contact_updated"
		if ch == nil {
			ch = changes{}
		}
		hookData["changed_attributes"] = []obj(ch)
	}
	c.emit(name, ct.AccountID, contactPushOf(ct), []string{accountStream(ct.AccountID)}, hook, hookData, nil)
}

// typingEvent tells agents and the contact, minus whoever is typing.
func (c *ctx) typingEvent(on bool, cv *store.Conversation, isPrivate bool, byContact bool) {
	name, hook := "conversation.typing_off", "conversation_typing_off"
	if on {
		name, hook = "conversation.typing_on", "conversation_typing_on"
	}
	var streams []string
	var who, whoHook obj
	if byContact {
		streams = agentTokens(c.st, cv.AccountID, cv.InboxID)
		if ct := c.st.ContactOf(cv.ContactID); ct != nil {
			p := contactPushOf(ct)
			who = obj{"id": p.ID, "name": p.Name, "type": "contact", "thumbnail": p.Thumbnail}
			whoHook = contactWebhook(c.st, ct)
		}
	} else {
		for _, t := range agentTokens(c.st, cv.AccountID, cv.InboxID) {
			if c.user == nil || t != c.user.PubsubToken {
				streams = append(streams, t)
			}
		}
		if !isPrivate {
			streams = append(streams, contactTokens(c.st, cv)...)
		}
		if c.user != nil {
			who, whoHook = userPush(c.st, cv.AccountID, c.user), userWebhook(c.user)
		}
	}
	data := obj{"conversation": conversationPush(c.st, cv), "user": who, "is_private": isPrivate}
	hookData := obj{"conversation": conversationPush(c.st, cv), "user": whoHook, "is_private": isPrivate}
	c.emit(name, cv.AccountID, data, streams, hook, hookData, c.st.InboxOf(cv.InboxID))
}
