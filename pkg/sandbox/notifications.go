package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// notificationTitle is the push title Chatwoot's English locale gives each type.
func notificationTitle(kind string, displayID int64) string {
	id := strconv.FormatInt(displayID, 10)
	switch kind {
	case store.NotifyAssignment:
		return "A conversation (#" + id + ") has been assigned to you"
	case store.NotifyNewMessage:
		return "A new message is created in conversation (#" + id + ")"
	case store.NotifyMention:
		return "You have been mentioned in conversation (#" + id + ")"
	}
	return "Conversation (#" + id + ")"
}

// notify stores a notification for userID about cv and tells the user's
// dashboard with notification.created.
func (c *ctx) notify(userID int64, kind string, cv *store.Conversation, m *store.Message) {
	if c.st.User(userID) == nil || c.st.AccountUser(cv.AccountID, userID) == nil {
		return
	}
	now := c.now()
	n := &store.Notification{AccountID: cv.AccountID, UserID: userID, Type: kind, ConversationID: cv.DisplayID,
		ActorID: c.actorID(), LastActivityAt: now}
	if m != nil {
		n.MessageID = m.ID
	}
	n.ID = c.st.Next("notifications")
	n.CreatedAt, n.UpdatedAt = now, now
	c.st.Notifications = append(c.st.Notifications, n)
	unread, count := notificationCounts(c.st, cv.AccountID, userID)
	u := c.st.User(userID)
	c.emit("notification.created", cv.AccountID, obj{"notification": notificationView(c.st, n), "unread_count": unread, "count": count},
		[]string{u.PubsubToken}, "", nil, nil)
}

// notifyMessage notifies the assignee of a new message (unless they sent
// it) and every user a private note mentions.
func (c *ctx) notifyMessage(cv *store.Conversation, m *store.Message) {
	if m.MessageType != store.MsgIncoming && m.MessageType != store.MsgOutgoing {
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
				c.notify(id, store.NotifyMention, cv, m)
			}
		}
	}
	if cv.AssigneeID != 0 && cv.AssigneeID != sender {
		c.notify(cv.AssigneeID, store.NotifyNewMessage, cv, m)
	}
}

// mentioned sends conversation.mentioned to the mentioned user alone.
func (c *ctx) mentioned(userID int64, cv *store.Conversation) {
	if u := c.st.User(userID); u != nil && c.st.AccountUser(cv.AccountID, userID) != nil {
		c.emit("conversation.mentioned", cv.AccountID, conversationPush(c.st, cv), []string{u.PubsubToken}, "", nil, nil)
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

func notificationsOf(st *store.State, accountID, userID int64) []*store.Notification {
	var out []*store.Notification
	for _, n := range st.Notifications {
		if n.AccountID == accountID && n.UserID == userID {
			out = append(out, n)
		}
	}
	slices.SortStableFunc(out, func(a, b *store.Notification) int {
		return cmp.Or(cmp.Compare(b.LastActivityAt, a.LastActivityAt), cmp.Compare(b.ID, a.ID))
	})
	return out
}

func notificationCounts(st *store.State, accountID, userID int64) (unread, count int) {
	for _, n := range notificationsOf(st, accountID, userID) {
		count++
		if n.ReadAt == 0 {
			unread++
		}
	}
	return unread, count
}

func notificationView(st *store.State, n *store.Notification) obj {
	v := obj{
		"id": n.ID, "notification_type": n.Type, "push_message_title": notificationTitle(n.Type, n.ConversationID),
		"primary_actor_type": "Conversation", "primary_actor_id": n.ConversationID, "primary_actor": nil,
		"read_at": tsOrNil(n.ReadAt), "secondary_actor": nil, "user": nil, "created_at": n.CreatedAt,
		"last_activity_at": n.LastActivityAt, "snoozed_until": tsOrNil(n.SnoozedUntil), "meta": obj{},
	}
	cv := st.Conversation(n.AccountID, n.ConversationID)
	if cv != nil {
		v["primary_actor"] = conversationPush(st, cv)
	}
	if u := st.User(n.UserID); u != nil {
		v["user"] = userPush(st, n.AccountID, u)
	}
	switch {
	case n.MessageID != 0 && cv != nil:
		for _, m := range cv.Messages {
			if m.ID == n.MessageID {
				v["secondary_actor"] = renderMessage(st, cv, m)
			}
		}
	case n.ActorID != 0:
		if u := st.User(n.ActorID); u != nil {
			v["secondary_actor"] = userPush(st, n.AccountID, u)
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
	mine := notificationsOf(c.st, c.acct.ID, c.actorID())
	unread, count := notificationCounts(c.st, c.acct.ID, c.actorID())
	payload := []obj{}
	for _, n := range pageOf(mine, c.page(), 15) {
		payload = append(payload, notificationView(c.st, n))
	}
	c.ok(obj{"data": obj{
		"meta":    obj{"unread_count": unread, "count": count, "current_page": strconv.Itoa(c.page())},
		"payload": payload,
	}})
}

func (c *ctx) notificationsUnread() {
	unread, _ := notificationCounts(c.st, c.acct.ID, c.actorID())
	c.ok(unread)
}

func (c *ctx) readAllNotifications() {
	for _, n := range notificationsOf(c.st, c.acct.ID, c.actorID()) {
		if n.ReadAt == 0 {
			n.ReadAt = c.now()
		}
	}
	c.head(http.StatusOK)
}

func (c *ctx) destroyAllNotifications() {
	c.st.Notifications = slices.DeleteFunc(c.st.Notifications, func(n *store.Notification) bool {
		return n.AccountID == c.acct.ID && n.UserID == c.actorID()
	})
	c.head(http.StatusOK)
}

// myNotification finds the {id} notification of the signed-in user.
func (c *ctx) myNotification() *store.Notification {
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
		c.ok(notificationView(c.st, n))
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
		c.ok(notificationView(c.st, n))
	}
}

func (c *ctx) deleteNotification() {
	if n := c.myNotification(); n != nil {
		c.st.Notifications = slices.DeleteFunc(c.st.Notifications, func(x *store.Notification) bool { return x == n })
		c.head(http.StatusOK)
	}
}
