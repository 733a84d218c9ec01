package sandbox

import (
	"strconv"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Message page sizes of Chatwoot's MessageFinder (FACTS §5).
const (
	messagesLatest = 20
	messagesBefore = 20
	messagesAfter  = 100
	messagesRange  = 1000
)

// messageQuery is what a message list asks for. A cursor counts when it
// is present at all, so after=0 means "from the oldest".
type messageQuery struct {
	before, after, beforeTimestamp          int64
	hasBefore, hasAfter, hasBeforeTimestamp bool
}

func messageQueryOf(p obj) messageQuery {
	var q messageQuery
	q.before, q.hasBefore = presentInt(p, "before")
	q.after, q.hasAfter = presentInt(p, "after")
	q.beforeTimestamp, q.hasBeforeTimestamp = presentInt(p, "before_timestamp")
	return q
}

// presentInt reads a param the way Rails' present? and to_i do: any
// non-blank value counts, and one that is not a number reads as 0.
func presentInt(p obj, key string) (int64, bool) {
	v, ok := p[key]
	if !ok || v == nil || v == "" {
		return 0, false
	}
	n, _ := getInt(p, key)
	return n, true
}

// pageMessages picks the messages a list request asks for, oldest first,
// following Chatwoot's app/finders/message_finder.rb: after and before
// together, the range id >= after and id < before (at most 1000); before,
// the 20 with id < before; after, up to 100 with id > after;
// before_timestamp, the 20 created before it; else the latest 20.
func pageMessages(all []*store.Message, q messageQuery) []*store.Message {
	keep := func(ok func(*store.Message) bool) []*store.Message {
		var rows []*store.Message
		for _, m := range all {
			if ok(m) {
				rows = append(rows, m)
			}
		}
		return rows
	}
	first := func(rows []*store.Message, n int) []*store.Message { return rows[:min(len(rows), n)] }
	last := func(rows []*store.Message, n int) []*store.Message { return rows[max(0, len(rows)-n):] }
	switch {
	case q.hasAfter && q.hasBefore:
		return first(keep(func(m *store.Message) bool { return m.ID >= q.after && m.ID < q.before }), messagesRange)
	case q.hasBefore:
		return last(keep(func(m *store.Message) bool { return m.ID < q.before }), messagesBefore)
	case q.hasAfter:
		return first(keep(func(m *store.Message) bool { return m.ID > q.after }), messagesAfter)
	case q.hasBeforeTimestamp:
		return last(keep(func(m *store.Message) bool { return m.CreatedAt < q.beforeTimestamp }), messagesBefore)
	}
	return last(all, messagesLatest)
}

func (c *ctx) listMessages() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	rows := pageMessages(cv.Messages, messageQueryOf(c.params))
	payload := make([]messageView, 0, len(rows))
	for _, m := range rows {
		payload = append(payload, renderMessage(c.st, cv, m))
	}
	c.ok(obj{"meta": messagesMeta(c.st, cv), "payload": payload})
}

func messagesMeta(st *store.State, cv *store.Conversation) obj {
	meta := obj{
		"labels": labelsOf(cv.Labels), "additional_attributes": orEmpty(cv.AdditionalAttributes),
		"agent_last_seen_at": isoOrNil(cv.AgentLastSeenAt), "assignee_last_seen_at": isoOrNil(cv.AssigneeLastSeenAt),
	}
	if ct := st.ContactOf(cv.ContactID); ct != nil {
		meta["contact"] = contactPushOf(ct)
	}
	if a, ok := renderAgent(st, cv.AccountID, cv.AssigneeID); ok && cv.AssigneeID != 0 {
		meta["assignee"] = a
	}
	return meta
}

// createMessage adds a message as the caller: outgoing (the default) or a
// private note from the agent or bot, incoming from the contact.
func (c *ctx) createMessage() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	p := c.params
	content, hasContent := getStr(p, "content")
	if !hasContent && len(c.files) == 0 {
		c.missing("content")
		return
	}
	m := &store.Message{Content: content, MessageType: store.MsgOutgoing, ContentType: orDefault(str(p, "content_type"), "text"), EchoID: str(p, "echo_id")}
	switch str(p, "message_type") {
	case "incoming":
		m.MessageType = store.MsgIncoming
	case "template":
		m.MessageType = store.MsgTemplate
	case "", "outgoing":
	default:
		c.invalid("Message type is not included in the list", "message_type")
		return
	}
	m.Private, _ = getBool(p, "private")
	if attrs, ok := getObj(p, "content_attributes"); ok {
		m.ContentAttributes = copyObj(attrs)
	}
	if id, ok := getInt(p, "campaign_id"); ok {
		m.AdditionalAttributes = obj{"campaign_id": id}
	}
	if m.MessageType == store.MsgIncoming {
		m.SenderType, m.SenderID = "Contact", cv.ContactID
	} else {
		c.setSender(m)
	}
	c.attachFiles(m)
	c.addMessage(cv, m)
	c.ok(renderMessage(c.st, cv, m))
}

func (c *ctx) setSender(m *store.Message) {
	switch {
	case c.user != nil:
		m.SenderType, m.SenderID = "User", c.user.ID
	case c.bot != nil:
		m.SenderType, m.SenderID = "AgentBot", c.bot.ID
	}
}

func (c *ctx) attachFiles(m *store.Message) {
	for _, f := range c.files {
		f.ID = c.st.Next("attachments")
		f.DataURL = c.s.opts.BaseURL + "/rails/active_storage/blobs/" + strconv.FormatInt(f.ID, 10) + "/" + f.FileName
		m.Attachments = append(m.Attachments, f)
	}
}

// addMessage stores a message and does what Chatwoot does after one is
// created: conversation activity, reopening on an incoming message, the
// first-reply mark, and message.created to agents (and the contact unless
// private or activity) plus the message_created webhook.
func (c *ctx) addMessage(cv *store.Conversation, m *store.Message) {
	now := c.now()
	m.ID = c.st.Next("messages")
	m.CreatedAt, m.UpdatedAt = now, now
	m.Status = orDefault(m.Status, "sent")
	m.ContentType = orDefault(m.ContentType, "text")
	cv.Messages = append(cv.Messages, m)
	cv.UpdatedAt = now
	if m.MessageType != store.MsgActivity {
		cv.LastActivityAt = now
	}
	c.messageEvent("message.created", cv, m, nil)
	c.notifyMessage(cv, m)
	switch {
	case m.MessageType == store.MsgIncoming:
		if ct := c.st.ContactOf(cv.ContactID); ct != nil {
			ct.LastActivityAt = now
		}
		if cv.WaitingSince == 0 {
			cv.WaitingSince = now
		}
		if !cv.Muted && (cv.Status == store.StatusResolved || cv.Status == store.StatusSnoozed) {
			c.setStatus(cv, store.StatusOpen, 0)
		}
	case m.MessageType == store.MsgOutgoing && !m.Private && m.SenderType == "User":
		if cv.FirstReplyCreatedAt == 0 {
			cv.FirstReplyCreatedAt = now
			c.st.AddRecord(store.KindReportingEvents, &store.Record{AccountID: cv.AccountID, Attrs: obj{
				"name": "first_response", "value": float64(now - cv.CreatedAt), "value_in_business_hours": float64(now - cv.CreatedAt),
				"event_start_time": store.ISO(cv.CreatedAt), "event_end_time": store.ISO(now), "conversation_id": cv.DisplayID,
				"inbox_id": cv.InboxID, "user_id": m.SenderID}}, now)
		}
		cv.WaitingSince = 0
	}
}

// conversationMessage loads the path's conversation and message.
func (c *ctx) conversationMessage() (*store.Conversation, *store.Message) {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return nil, nil
	}
	return cv, c.findMessage(cv)
}

func (c *ctx) findMessage(cv *store.Conversation) *store.Message {
	id, ok := c.pathID("message_id")
	if !ok {
		return nil
	}
	m := cv.Message(id)
	if m == nil {
		c.notFound()
	}
	return m
}

// updateMessage sets a message's delivery status (and external_error),
// as an API channel reports it.
func (c *ctx) updateMessage() {
	cv, m := c.conversationMessage()
	if m == nil {
		return
	}
	status := str(c.params, "status")
	switch status {
	case "sent", "delivered", "read", "failed":
	case "":
		c.missing("status")
		return
	default:
		c.invalid("Status is not included in the list", "status")
		return
	}
	var ch changes
	if status != m.Status {
		ch.add("status", m.Status, status)
		m.Status = status
	}
	if e, ok := getStr(c.params, "external_error"); ok {
		m.ContentAttributes = mergeObj(m.ContentAttributes, obj{"external_error": e})
	}
	m.UpdatedAt = c.now()
	c.messageEvent("message.updated", cv, m, ch)
	c.ok(renderMessage(c.st, cv, m))
}

// deleteMessage blanks the message as Chatwoot does: the row stays with
// "This message was deleted" and content_attributes.deleted.
func (c *ctx) deleteMessage() {
	cv, m := c.conversationMessage()
	if m == nil {
		return
	}
	var ch changes
	ch.add("content", m.Content, "This message was deleted")
	m.Content = "This message was deleted"
	m.ContentAttributes = mergeObj(m.ContentAttributes, obj{"deleted": true})
	m.Attachments = nil
	m.UpdatedAt = c.now()
	c.messageEvent("message.updated", cv, m, ch)
	c.ok(renderMessage(c.st, cv, m))
}

// legacyMessages serves the spec's unprefixed
// GET /accounts/{account_id}/conversations/{conversation_id}/messages,
// which the real server does not route (FACTS §10): same data as the
// Application API's list.
func (c *ctx) legacyMessages() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	payload := []obj{}
	for _, m := range pageMessages(cv.Messages, messageQuery{}) {
		v := obj{"id": m.ID, "content": m.Content, "inbox_id": cv.InboxID, "conversation_id": cv.DisplayID,
			"message_type": m.MessageType, "content_type": orDefault(m.ContentType, "text"), "status": orDefault(m.Status, "sent"),
			"content_attributes": orEmpty(m.ContentAttributes), "created_at": m.CreatedAt, "private": m.Private,
			"source_id": strOrNil(m.SourceID), "attachments": []attachmentView{}}
		if atts := renderMessage(c.st, cv, m).Attachments; len(atts) > 0 {
			v["attachments"] = atts
		}
		if m.EchoID != "" {
			v["echo_id"] = m.EchoID
		}
		if m.SenderType == "Contact" {
			if ct := c.st.ContactOf(m.SenderID); ct != nil {
				v["sender"] = contactPushOf(ct)
			}
		}
		payload = append(payload, v)
	}
	c.ok(obj{"meta": messagesMeta(c.st, cv), "payload": payload})
}
