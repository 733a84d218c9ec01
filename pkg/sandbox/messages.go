package sandbox

import "strconv"

// Message page sizes of Chatwoot's MessageFinder (FACTS §5).
const (
	messagesLatest = 20
	messagesBefore = 20
	messagesAfter  = 100
	messagesRange  = 1000
)

// pageMessages picks the messages a list request asks for, oldest first:
// the latest 20; before=<id> the 20 before it; after=<id> up to 100 after
// it; both, the range between (at most 1000). A negative after means
// none: after=0 is present, and reads from the first message, as in Chatwoot.
func pageMessages(all []*message, before, after int64) []*message {
	lo, hi := 0, len(all)
	if after >= 0 {
		for lo < hi && all[lo].ID <= after {
			lo++
		}
	}
	if before > 0 {
		for hi > lo && all[hi-1].ID >= before {
			hi--
		}
	}
	rows := all[lo:hi]
	switch {
	case before > 0 && after >= 0:
		return rows[:min(len(rows), messagesRange)]
	case after >= 0:
		return rows[:min(len(rows), messagesAfter)]
	case before > 0:
		return rows[max(0, len(rows)-messagesBefore):]
	}
	return rows[max(0, len(rows)-messagesLatest):]
}

func (c *ctx) listMessages() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	before, _ := getInt(c.params, "before")
	after, ok := getInt(c.params, "after")
	if !ok {
		after = -1
	}
	rows := pageMessages(cv.Messages, before, after)
	payload := make([]messageView, 0, len(rows))
	for _, m := range rows {
		payload = append(payload, c.st.messageView(cv, m))
	}
	c.ok(obj{"meta": c.st.messagesMeta(cv), "payload": payload})
}

func (st *state) messagesMeta(cv *conversation) obj {
	meta := obj{
		"labels": labelsOf(cv.Labels), "additional_attributes": orEmpty(cv.AdditionalAttributes),
		"agent_last_seen_at": isoOrNil(cv.AgentLastSeenAt), "assignee_last_seen_at": isoOrNil(cv.AssigneeLastSeenAt),
	}
	if ct := st.contactOf(cv.ContactID); ct != nil {
		meta["contact"] = contactPushOf(ct)
	}
	if a, ok := st.agentView(cv.AccountID, cv.AssigneeID); ok && cv.AssigneeID != 0 {
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
	m := &message{Content: content, MessageType: msgOutgoing, ContentType: orDefault(str(p, "content_type"), "text"), EchoID: str(p, "echo_id")}
	switch str(p, "message_type") {
	case "incoming":
		m.MessageType = msgIncoming
	case "template":
		m.MessageType = msgTemplate
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
	if m.MessageType == msgIncoming {
		m.SenderType, m.SenderID = "Contact", cv.ContactID
	} else {
		c.setSender(m)
	}
	c.attachFiles(m)
	c.addMessage(cv, m)
	c.ok(c.st.messageView(cv, m))
}

func (c *ctx) setSender(m *message) {
	switch {
	case c.user != nil:
		m.SenderType, m.SenderID = "User", c.user.ID
	case c.bot != nil:
		m.SenderType, m.SenderID = "AgentBot", c.bot.ID
	}
}

func (c *ctx) attachFiles(m *message) {
	for _, f := range c.files {
		f.ID = c.st.next("attachments")
		f.DataURL = c.s.opts.BaseURL + "/rails/active_storage/blobs/" + strconv.FormatInt(f.ID, 10) + "/" + f.FileName
		m.Attachments = append(m.Attachments, f)
	}
}

// addMessage stores a message and does what Chatwoot does after one is
// created: conversation activity, reopening on an incoming message, the
// first-reply mark, and message.created to agents (and the contact unless
// private or activity) plus the message_created webhook.
func (c *ctx) addMessage(cv *conversation, m *message) {
	now := c.now()
	m.ID = c.st.next("messages")
	m.CreatedAt, m.UpdatedAt = now, now
	m.Status = orDefault(m.Status, "sent")
	m.ContentType = orDefault(m.ContentType, "text")
	cv.Messages = append(cv.Messages, m)
	cv.UpdatedAt = now
	if m.MessageType != msgActivity {
		cv.LastActivityAt = now
	}
	c.messageEvent("message.created", cv, m, nil)
	c.notifyMessage(cv, m)
	switch {
	case m.MessageType == msgIncoming:
		if ct := c.st.contactOf(cv.ContactID); ct != nil {
			ct.LastActivityAt = now
		}
		if cv.WaitingSince == 0 {
			cv.WaitingSince = now
		}
		if !cv.Muted && (cv.Status == statusResolved || cv.Status == statusSnoozed) {
			c.setStatus(cv, statusOpen, 0)
		}
	case m.MessageType == msgOutgoing && !m.Private && m.SenderType == "User":
		if cv.FirstReplyCreatedAt == 0 {
			cv.FirstReplyCreatedAt = now
			c.st.addRecord(kindReportingEvents, &record{AccountID: cv.AccountID, Attrs: obj{
				"name": "first_response", "value": float64(now - cv.CreatedAt), "value_in_business_hours": float64(now - cv.CreatedAt),
				"event_start_time": iso(cv.CreatedAt), "event_end_time": iso(now), "conversation_id": cv.DisplayID,
				"inbox_id": cv.InboxID, "user_id": m.SenderID}}, now)
		}
		cv.WaitingSince = 0
	}
}

// conversationMessage loads the path's conversation and message.
func (c *ctx) conversationMessage() (*conversation, *message) {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return nil, nil
	}
	return cv, c.findMessage(cv)
}

func (c *ctx) findMessage(cv *conversation) *message {
	id, ok := c.pathID("message_id")
	if !ok {
		return nil
	}
	m := cv.message(id)
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
	c.ok(c.st.messageView(cv, m))
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
	c.ok(c.st.messageView(cv, m))
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
	for _, m := range pageMessages(cv.Messages, 0, -1) {
		v := obj{"id": m.ID, "content": m.Content, "inbox_id": cv.InboxID, "conversation_id": cv.DisplayID,
			"message_type": m.MessageType, "content_type": orDefault(m.ContentType, "text"), "status": orDefault(m.Status, "sent"),
			"content_attributes": orEmpty(m.ContentAttributes), "created_at": m.CreatedAt, "private": m.Private,
			"source_id": strOrNil(m.SourceID), "attachments": []attachmentView{}}
		if atts := c.st.messageView(cv, m).Attachments; len(atts) > 0 {
			v["attachments"] = atts
		}
		if m.EchoID != "" {
			v["echo_id"] = m.EchoID
		}
		if m.SenderType == "Contact" {
			if ct := c.st.contactOf(m.SenderID); ct != nil {
				v["sender"] = contactPushOf(ct)
			}
		}
		payload = append(payload, v)
	}
	c.ok(obj{"meta": c.st.messagesMeta(cv), "payload": payload})
}
