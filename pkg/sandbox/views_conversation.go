package sandbox

import "github.com/wootcli/woot/pkg/sandbox/store"

// conversationView is the conversation partial of the Application API
// (list items, show, contact conversations).
type conversationView struct {
	Meta                   convMeta      `json:"meta"`
	ID                     int64         `json:"id"`
	Messages               []messageView `json:"messages"`
	AccountID              int64         `json:"account_id"`
	UUID                   string        `json:"uuid"`
	AdditionalAttributes   obj           `json:"additional_attributes"`
	AgentLastSeenAt        int64         `json:"agent_last_seen_at"`
	AssigneeLastSeenAt     int64         `json:"assignee_last_seen_at"`
	CanReply               bool          `json:"can_reply"`
	ContactLastSeenAt      int64         `json:"contact_last_seen_at"`
	CustomAttributes       obj           `json:"custom_attributes"`
	InboxID                int64         `json:"inbox_id"`
	Labels                 []string      `json:"labels"`
	Muted                  bool          `json:"muted"`
	SnoozedUntil           *int64        `json:"snoozed_until"`
	Status                 string        `json:"status"`
	CreatedAt              int64         `json:"created_at"`
	UpdatedAt              int64         `json:"updated_at"`
	Timestamp              int64         `json:"timestamp"`
	FirstReplyCreatedAt    int64         `json:"first_reply_created_at"`
	UnreadCount            int           `json:"unread_count"`
	LastNonActivityMessage *messageView  `json:"last_non_activity_message"`
	LastActivityAt         int64         `json:"last_activity_at"`
	Priority               *string       `json:"priority"`
	WaitingSince           int64         `json:"waiting_since"`
	SLAPolicyID            *int64        `json:"sla_policy_id"`
	DisplayID              *int64        `json:"display_id,omitempty"`
}

type convMeta struct {
	Sender       contactView `json:"sender"`
	Channel      string      `json:"channel"`
	Assignee     *agentView  `json:"assignee,omitempty"`
	AssigneeType string      `json:"assignee_type,omitempty"`
	Team         obj         `json:"team,omitempty"`
	HMACVerified bool        `json:"hmac_verified"`
}

func renderConversation(st *store.State, cv *store.Conversation) conversationView {
	v := conversationView{
		ID: cv.DisplayID, Messages: []messageView{}, AccountID: cv.AccountID, UUID: cv.UUID,
		AdditionalAttributes: orEmpty(cv.AdditionalAttributes),
		AgentLastSeenAt:      cv.AgentLastSeenAt, AssigneeLastSeenAt: cv.AssigneeLastSeenAt,
		CanReply: true, ContactLastSeenAt: cv.ContactLastSeenAt,
		CustomAttributes: orEmpty(cv.CustomAttributes), InboxID: cv.InboxID,
		Labels: labelsOf(cv.Labels), Muted: cv.Muted, SnoozedUntil: intOrNil(cv.SnoozedUntil),
		Status: cv.Status, CreatedAt: cv.CreatedAt, UpdatedAt: cv.UpdatedAt,
		Timestamp: lastActivity(cv), FirstReplyCreatedAt: cv.FirstReplyCreatedAt,
		UnreadCount: unreadIncoming(cv), LastActivityAt: lastActivity(cv),
		Priority: strOrNil(cv.Priority), WaitingSince: cv.WaitingSince, SLAPolicyID: intOrNil(cv.SLAPolicyID),
	}
	v.Meta = conversationMeta(st, cv)
	if n := len(cv.Messages); n > 0 {
		v.Messages = append(v.Messages, renderMessage(st, cv, cv.Messages[n-1]))
	}
	for i := len(cv.Messages) - 1; i >= 0; i-- {
		if m := cv.Messages[i]; m.MessageType != store.MsgActivity {
			mv := renderMessage(st, cv, m)
			v.LastNonActivityMessage = &mv
			break
		}
	}
	return v
}

func conversationMeta(st *store.State, cv *store.Conversation) convMeta {
	m := convMeta{Channel: ""}
	if ct := st.ContactOf(cv.ContactID); ct != nil {
		m.Sender = renderContact(st, ct, false)
	}
	if in := st.InboxOf(cv.InboxID); in != nil {
		m.Channel = in.ChannelType
	}
	if cv.AssigneeID != 0 {
		if a, ok := renderAgent(st, cv.AccountID, cv.AssigneeID); ok {
			m.Assignee = &a
			m.AssigneeType = "User"
		}
	}
	if cv.TeamID != 0 {
		if t := store.FindIn(st.Teams, cv.AccountID, cv.TeamID); t != nil {
			m.Team = teamView(t, 0)
			delete(m.Team, "is_member")
		}
	}
	if ci := store.FindID(st.ContactInboxes, cv.ContactInboxID); ci != nil {
		m.HMACVerified = ci.HMACVerified
	}
	return m
}

func labelsOf(labels []string) []string {
	if labels == nil {
		return []string{}
	}
	return labels
}

func lastActivity(cv *store.Conversation) int64 {
	if cv.LastActivityAt != 0 {
		return cv.LastActivityAt
	}
	return cv.CreatedAt
}

// unreadCount counts incoming messages the agents have not seen, capped at
// ten like Chatwoot's unread_incoming_messages.
func unreadIncoming(cv *store.Conversation) int {
	n := 0
	for _, m := range cv.Messages {
		if m.MessageType == store.MsgIncoming && m.CreatedAt > cv.AgentLastSeenAt {
			n++
		}
	}
	return min(n, 10)
}

// messageView is Message#push_event_data: the Application API's message
// and the data of message.* events.
type messageView struct {
	ID                      int64            `json:"id"`
	Content                 *string          `json:"content"`
	AccountID               int64            `json:"account_id"`
	InboxID                 int64            `json:"inbox_id"`
	ConversationID          int64            `json:"conversation_id"`
	MessageType             int              `json:"message_type"`
	CreatedAt               int64            `json:"created_at"`
	UpdatedAt               string           `json:"updated_at"`
	Private                 bool             `json:"private"`
	Status                  string           `json:"status"`
	SourceID                *string          `json:"source_id"`
	ContentType             string           `json:"content_type"`
	ContentAttributes       obj              `json:"content_attributes"`
	SenderType              *string          `json:"sender_type"`
	SenderID                *int64           `json:"sender_id"`
	ExternalSourceIDs       obj              `json:"external_source_ids"`
	AdditionalAttributes    obj              `json:"additional_attributes"`
	ProcessedMessageContent *string          `json:"processed_message_content"`
	Sentiment               obj              `json:"sentiment"`
	Conversation            messageConv      `json:"conversation"`
	EchoID                  string           `json:"echo_id,omitempty"`
	Attachments             []attachmentView `json:"attachments,omitempty"`
	Sender                  obj              `json:"sender,omitempty"`
}

type messageConv struct {
	AssigneeID     *int64 `json:"assignee_id"`
	UnreadCount    int    `json:"unread_count"`
	LastActivityAt int64  `json:"last_activity_at"`
	ContactInbox   obj    `json:"contact_inbox"`
}

type attachmentView struct {
	ID        int64  `json:"id"`
	MessageID int64  `json:"message_id"`
	FileType  string `json:"file_type"`
	AccountID int64  `json:"account_id"`
	Extension string `json:"extension,omitempty"`
	DataURL   string `json:"data_url"`
	ThumbURL  string `json:"thumb_url"`
	FileSize  int64  `json:"file_size"`
}

func renderMessage(st *store.State, cv *store.Conversation, m *store.Message) messageView {
	content := m.Content
	v := messageView{
		ID: m.ID, Content: &content, AccountID: cv.AccountID, InboxID: cv.InboxID,
		ConversationID: cv.DisplayID, MessageType: m.MessageType, CreatedAt: m.CreatedAt,
		UpdatedAt: store.ISO(m.UpdatedAt), Private: m.Private, Status: orDefault(m.Status, "sent"),
		SourceID: strOrNil(m.SourceID), ContentType: orDefault(m.ContentType, "text"),
		ContentAttributes: orEmpty(m.ContentAttributes), SenderType: strOrNil(m.SenderType),
		SenderID: intOrNil(m.SenderID), ExternalSourceIDs: obj{},
		AdditionalAttributes: orEmpty(m.AdditionalAttributes), ProcessedMessageContent: &content,
		Sentiment: obj{}, EchoID: m.EchoID,
		Conversation: messageConv{
			AssigneeID: intOrNil(cv.AssigneeID), UnreadCount: unreadIncoming(cv),
			LastActivityAt: lastActivity(cv), ContactInbox: obj{"source_id": sourceIDOf(st, cv)},
		},
	}
	for _, a := range m.Attachments {
		v.Attachments = append(v.Attachments, attachmentView{
			ID: a.ID, MessageID: m.ID, FileType: a.FileType, AccountID: cv.AccountID,
			Extension: a.Extension, DataURL: a.DataURL, ThumbURL: "", FileSize: a.FileSize,
		})
	}
	v.Sender = senderPush(st, cv.AccountID, m)
	return v
}

func sourceIDOf(st *store.State, cv *store.Conversation) string {
	if ci := store.FindID(st.ContactInboxes, cv.ContactInboxID); ci != nil {
		return ci.SourceID
	}
	return ""
}

func senderPush(st *store.State, accountID int64, m *store.Message) obj {
	switch m.SenderType {
	case "Contact":
		if ct := st.ContactOf(m.SenderID); ct != nil {
			p := contactPushOf(ct)
			return obj{
				"additional_attributes": p.AdditionalAttributes, "custom_attributes": p.CustomAttributes,
				"email": p.Email, "id": p.ID, "identifier": p.Identifier, "name": p.Name,
				"phone_number": p.PhoneNumber, "thumbnail": p.Thumbnail, "blocked": p.Blocked, "type": p.Type,
			}
		}
	case "User":
		if u := st.User(m.SenderID); u != nil {
			return userPush(st, accountID, u)
		}
	case "AgentBot":
		if b := store.FindID(st.AgentBots, m.SenderID); b != nil {
			return botPush(b)
		}
	}
	return nil
}

// conversationPush is Conversation#push_event_data, also its webhook_data.
func conversationPush(st *store.State, cv *store.Conversation) obj {
	meta := obj{"sender": nil, "assignee": nil, "team": nil, "hmac_verified": false}
	if ct := st.ContactOf(cv.ContactID); ct != nil {
		meta["sender"] = contactPushOf(ct)
	}
	if u := st.User(cv.AssigneeID); u != nil && cv.AssigneeID != 0 {
		meta["assignee"] = userPush(st, cv.AccountID, u)
	}
	if t := store.FindIn(st.Teams, cv.AccountID, cv.TeamID); t != nil {
		meta["team"] = teamPush(t)
	}
	var ciView obj
	if ci := store.FindID(st.ContactInboxes, cv.ContactInboxID); ci != nil {
		meta["hmac_verified"] = ci.HMACVerified
		ciView = obj{
			"id": ci.ID, "contact_id": ci.ContactID, "inbox_id": ci.InboxID, "source_id": ci.SourceID,
			"created_at": store.ISO(ci.CreatedAt), "updated_at": store.ISO(ci.UpdatedAt), "hmac_verified": ci.HMACVerified,
			"pubsub_token": ci.PubsubToken,
		}
	}
	msgs := []messageView{}
	if n := len(cv.Messages); n > 0 {
		msgs = append(msgs, renderMessage(st, cv, cv.Messages[n-1]))
	}
	channel := ""
	if in := st.InboxOf(cv.InboxID); in != nil {
		channel = in.ChannelType
	}
	return obj{
		"additional_attributes": orEmpty(cv.AdditionalAttributes), "can_reply": true, "channel": channel,
		"contact_inbox": ciView, "id": cv.DisplayID, "inbox_id": cv.InboxID, "messages": msgs,
		"labels": labelsOf(cv.Labels), "meta": meta, "status": cv.Status,
		"custom_attributes": orEmpty(cv.CustomAttributes), "snoozed_until": isoOrNil(cv.SnoozedUntil),
		"unread_count": unreadIncoming(cv), "first_reply_created_at": isoOrNil(cv.FirstReplyCreatedAt),
		"priority": strOrNil(cv.Priority), "waiting_since": cv.WaitingSince,
		"agent_last_seen_at": cv.AgentLastSeenAt, "contact_last_seen_at": cv.ContactLastSeenAt,
		"last_activity_at": lastActivity(cv), "timestamp": lastActivity(cv),
		"created_at": cv.CreatedAt, "updated_at": float64(cv.UpdatedAt),
	}
}

// messageWebhook is Message#webhook_data.
func messageWebhook(st *store.State, cv *store.Conversation, m *store.Message) obj {
	var sender any
	switch m.SenderType {
	case "Contact":
		if ct := st.ContactOf(m.SenderID); ct != nil {
			sender = contactWebhook(st, ct)
		}
	case "User":
		if u := st.User(m.SenderID); u != nil {
			sender = userWebhook(u)
		}
	case "AgentBot":
		if b := store.FindID(st.AgentBots, m.SenderID); b != nil {
			sender = obj{"id": b.ID, "name": b.Name, "type": "agent_bot"}
		}
	}
	inboxData := obj{"id": cv.InboxID}
	if in := st.InboxOf(cv.InboxID); in != nil {
		inboxData["name"] = in.Name
	}
	data := obj{
		"account": accountWebhook(st, cv.AccountID), "additional_attributes": orEmpty(m.AdditionalAttributes),
		"content_attributes": orEmpty(m.ContentAttributes), "content_type": orDefault(m.ContentType, "text"),
		"content": m.Content, "conversation": conversationPush(st, cv), "created_at": store.ISO(m.CreatedAt),
		"id": m.ID, "inbox": inboxData, "message_type": store.MessageTypeNames[m.MessageType],
		"private": m.Private, "sender": sender, "source_id": strOrNil(m.SourceID),
	}
	if len(m.Attachments) > 0 {
		data["attachments"] = renderMessage(st, cv, m).Attachments
	}
	return data
}

// publicMessage is the Client API's message.
func publicMessage(st *store.State, cv *store.Conversation, m *store.Message) obj {
	atts := []obj{}
	for _, a := range m.Attachments {
		atts = append(atts, obj{"id": a.ID, "message_id": m.ID, "file_type": a.FileType, "account_id": cv.AccountID,
			"extension": a.Extension, "data_url": a.DataURL, "thumb_url": "", "file_size": a.FileSize})
	}
	v := obj{
		"id": m.ID, "content": m.Content, "message_type": m.MessageType,
		"content_type": orDefault(m.ContentType, "text"), "content_attributes": orEmpty(m.ContentAttributes),
		"created_at": m.CreatedAt, "conversation_id": cv.DisplayID, "attachments": atts,
	}
	switch m.SenderType {
	case "Contact":
		if ct := st.ContactOf(m.SenderID); ct != nil {
			v["sender"] = obj{"id": ct.ID, "name": ct.Name, "avatar_url": ct.AvatarURL, "thumbnail": ct.AvatarURL,
				"type": "contact", "email": strOrNil(ct.Email), "phone_number": strOrNil(ct.PhoneNumber),
				"identifier": strOrNil(ct.Identifier), "blocked": ct.Blocked,
				"additional_attributes": orEmpty(ct.AdditionalAttributes), "custom_attributes": orEmpty(ct.CustomAttributes)}
		}
	case "User":
		if u := st.User(m.SenderID); u != nil {
			p := userPush(st, cv.AccountID, u)
			v["sender"] = obj{"id": u.ID, "name": availableName(u), "available_name": availableName(u),
				"avatar_url": "", "thumbnail": "", "type": "user", "availability_status": p["availability_status"]}
		}
	case "AgentBot":
		if b := store.FindID(st.AgentBots, m.SenderID); b != nil {
			v["sender"] = obj{"id": b.ID, "name": b.Name, "avatar_url": b.AvatarURL, "thumbnail": b.AvatarURL, "type": "agent_bot"}
		}
	}
	return v
}

// publicConversation is the Client API's conversation.
func publicConversation(st *store.State, cv *store.Conversation) obj {
	msgs := []obj{}
	for _, m := range cv.Messages {
		if !m.Private {
			msgs = append(msgs, publicMessage(st, cv, m))
		}
	}
	v := obj{
		"id": cv.DisplayID, "uuid": cv.UUID, "inbox_id": cv.InboxID,
		"contact_last_seen_at": cv.ContactLastSeenAt, "status": cv.Status,
		"agent_last_seen_at": cv.AgentLastSeenAt, "messages": msgs,
	}
	if ct := st.ContactOf(cv.ContactID); ct != nil {
		v["contact"] = contactRecord(ct)
	}
	return v
}
