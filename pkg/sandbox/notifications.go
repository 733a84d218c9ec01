package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// notification is one entry of a user's notification inbox. Chatwoot
// creates them when a conversation is assigned to someone, when a message
// arrives in a conversation assigned to them, and when a private note
// mentions them.
type notification struct {
	base
	AccountID      int64  `json:"account_id"`
	UserID         int64  `json:"user_id"`
	Type           string `json:"notification_type"`
	ConversationID int64  `json:"conversation_id"` // display id
	MessageID      int64  `json:"message_id,omitempty"`
	ActorID        int64  `json:"actor_id,omitempty"` // the user who assigned
	ReadAt         int64  `json:"read_at,omitempty"`
	SnoozedUntil   int64  `json:"snoozed_until,omitempty"`
	LastActivityAt int64  `json:"last_activity_at"`
}

const (
	notifyAssignment = "conversation_assignment"
	notifyNewMessage = "assigned_conversation_new_message"
	notifyMention    = "conversation_mention"
)

// notificationTitle is the push title Chatwoot's English locale gives each type.
func notificationTitle(kind string, displayID int64) string {
	id := strconv.FormatInt(displayID, 10)
	switch kind {
	case notifyAssignment:
		return "A conversation (#" + id + ") has been assigned to you"
	case notifyNewMessage:
		return "A new message is created in conversation (#" + id + ")"
	case notifyMention:
		return "You have been mentioned in conversation (#" + id + ")"
	}
	return "Conversation (#" + id + ")"
}

// notify stores a notification for userID about cv and tells the user's
// dashboard with notification.created.
func (c *ctx) notify(userID int64, kind string, cv *conversation, m *message) {
	if c.st.user(userID) == nil || c.st.accountUser(cv.AccountID, userID) == nil {
		return
	}
	now := c.now()
	n := &notification{AccountID: cv.AccountID, UserID: userID, Type: kind, ConversationID: cv.DisplayID,
		ActorID: c.actorID(), LastActivityAt: now}
	if m != nil {
		n.MessageID = m.ID
	}
	n.ID = c.st.next("notifications")
	n.CreatedAt, n.UpdatedAt = now, now
	c.st.Notifications = append(c.st.Notifications, n)
	unread, count := c.st.notificationCounts(cv.AccountID, userID)
	u := c.st.user(userID)
	c.emit("notification.created", cv.AccountID, obj{"notification": c.st.notificationView(n), "unread_count": unread, "count": count},
		[]string{u.PubsubToken}, "", nil, nil)
}

// notifyMessage notifies the assignee of a new message (unless they sent
// it) and every user a private note mentions.
func (c *ctx) notifyMessage(cv *conversation, m *message) {
	if m.MessageType != msgIncoming && m.MessageType != msgOutgoing {
		return
	}
	sender := int64(0)
	if m.SenderType == "User" {
		sender = m.SenderID
	}
	if m.Private {
		for _, id := range mentionedUsers(m.Content) {
			if id != sender {
				c.mentioned(id, cv)
				c.notify(id, notifyMention, cv, m)
			}
		}
	}
	if cv.AssigneeID != 0 && cv.AssigneeID != sender {
		c.notify(cv.AssigneeID, notifyNewMessage, cv, m)
	}
}

// mentioned sends conversation.mentioned to the mentioned user alone.
func (c *ctx) mentioned(userID int64, cv *conversation) {
	if u := c.st.user(userID); u != nil && c.st.accountUser(cv.AccountID, userID) != nil {
		c.emit("conversation.mentioned", cv.AccountID, c.st.conversationPush(cv), []string{u.PubsubToken}, "", nil, nil)
	}
}

// mentionedUsers reads the dashboard's mention links,
// [@Name](mention://user/ID/Name), from a private note.
func mentionedUsers(content string) []int64 {
	var ids []int64
	const marker = "mention://user/"
	for rest := content; ; {
		i := strings.Index(rest, marker)
		if i < 0 {
			return ids
		}
		rest = rest[i+len(marker):]
		end := strings.IndexByte(rest, '/')
		if end < 0 {
			return ids
		}
		if id, err := strconv.ParseInt(rest[:end], 10, 64); err == nil && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
}

func (st *state) notificationsOf(accountID, userID int64) []*notification {
	var out []*notification
	for _, n := range st.Notifications {
		if n.AccountID == accountID && n.UserID == userID {
			out = append(out, n)
		}
	}
	slices.SortStableFunc(out, func(a, b *notification) int {
		return cmp.Or(cmp.Compare(b.LastActivityAt, a.LastActivityAt), cmp.Compare(b.ID, a.ID))
	})
	return out
}

func (st *state) notificationCounts(accountID, userID int64) (unread, count int) {
	for _, n := range st.notificationsOf(accountID, userID) {
		count++
		if n.ReadAt == 0 {
			unread++
		}
	}
	return unread, count
}

func (st *state) notificationView(n *notification) obj {
	v := obj{
		"id": n.ID, "notification_type": n.Type, "push_message_title": notificationTitle(n.Type, n.ConversationID),
		"primary_actor_type": "Conversation", "primary_actor_id": n.ConversationID, "primary_actor": nil,
		"read_at": tsOrNil(n.ReadAt), "secondary_actor": nil, "user": nil, "created_at": n.CreatedAt,
		"last_activity_at": n.LastActivityAt, "snoozed_until": tsOrNil(n.SnoozedUntil), "meta": obj{},
	}
	cv := st.conversation(n.AccountID, n.ConversationID)
	if cv != nil {
		v["primary_actor"] = st.conversationPush(cv)
	}
	if u := st.user(n.UserID); u != nil {
		v["user"] = st.userPush(n.AccountID, u)
	}
	switch {
	case n.MessageID != 0 && cv != nil:
		for _, m := range cv.Messages {
			if m.ID == n.MessageID {
				v["secondary_actor"] = st.messageView(cv, m)
			}
		}
	case n.ActorID != 0:
		if u := st.user(n.ActorID); u != nil {
			v["secondary_actor"] = st.userPush(n.AccountID, u)
		}
	}
	return v
}

func tsOrNil(ts int64) any {
	if ts == 0 {
		return nil
	}
	return ts
}

// The endpoints act on the signed-in user's notifications in the account.

func (c *ctx) listNotifications() {
	mine := c.st.notificationsOf(c.acct.ID, c.actorID())
	unread, count := c.st.notificationCounts(c.acct.ID, c.actorID())
	payload := []obj{}
	for _, n := range pageOf(mine, c.page(), 15) {
		payload = append(payload, c.st.notificationView(n))
	}
	c.ok(obj{"data": obj{
		"meta":    obj{"unread_count": unread, "count": count, "current_page": strconv.Itoa(c.page())},
		"payload": payload,
	}})
}

func (c *ctx) notificationsUnread() {
	unread, _ := c.st.notificationCounts(c.acct.ID, c.actorID())
	c.ok(unread)
}

func (c *ctx) readAllNotifications() {
	for _, n := range c.st.notificationsOf(c.acct.ID, c.actorID()) {
		if n.ReadAt == 0 {
			n.ReadAt = c.now()
		}
	}
	c.head(http.StatusOK)
}

func (c *ctx) destroyAllNotifications() {
	c.st.Notifications = slices.DeleteFunc(c.st.Notifications, func(n *notification) bool {
		return n.AccountID == c.acct.ID && n.UserID == c.actorID()
	})
	c.head(http.StatusOK)
}

// myNotification finds the {id} notification of the signed-in user.
func (c *ctx) myNotification() *notification {
	id, _ := strconv.ParseInt(c.r.PathValue("id"), 10, 64)
	for _, n := range c.st.Notifications {
		if n.ID == id && n.AccountID == c.acct.ID && n.UserID == c.actorID() {
			return n
		}
	}
	c.notFound()
	return nil
}

// updateNotification marks it read, as the dashboard does on click.
func (c *ctx) updateNotification() {
	if n := c.myNotification(); n != nil {
		n.ReadAt = c.now()
		c.ok(c.st.notificationView(n))
	}
}

func (c *ctx) unreadNotification() {
	if n := c.myNotification(); n != nil {
		n.ReadAt = 0
		c.head(http.StatusOK)
	}
}

func (c *ctx) snoozeNotification() {
	if n := c.myNotification(); n != nil {
		until, ok := getInt(c.params, "snoozed_until")
		if !ok {
			until = c.now() + 3600
		}
		n.SnoozedUntil = until
		c.ok(c.st.notificationView(n))
	}
}

func (c *ctx) deleteNotification() {
	if n := c.myNotification(); n != nil {
		c.st.Notifications = slices.DeleteFunc(c.st.Notifications, func(x *notification) bool { return x == n })
		c.head(http.StatusOK)
	}
}
