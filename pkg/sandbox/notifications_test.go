package sandbox

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"

	"github.com/wootcli/woot/pkg/cable"
)

// Notifications follow Chatwoot: someone else assigning a conversation to
// you, a new message in a conversation assigned to you, and a private
// note mentioning you each add one, newest first, told on /cable; read_all,
// update and delete act on the signed-in user's own.
func TestNotificationsFollowAssignmentsMessagesAndMentions(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	creds := s.Credentials()
	me := creds.UserID
	conv := openConversationNotAssignedTo(t, s, me)
	path := fmt.Sprintf("/api/v1/accounts/1/conversations/%d", conv)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := listen(t, ctx, srv.URL, cable.Identifier{PubsubToken: creds.PubsubToken, AccountID: creds.AccountID, UserID: me})

	// The demo seed has mentions of its own; count from there.
	seeded := unreadCount(t, srv, creds.UserToken)
	seededCount := dig(call(t, srv, "GET", "/api/v1/accounts/1/notifications", creds.UserToken, nil).json(t), "data.meta.count").(float64)
	if seeded == 0 || seededCount <= float64(seeded) {
		t.Errorf("the demo seed gives %d unread of %v notifications; want some, and some read", seeded, seededCount)
	}
	// Taking a conversation yourself notifies nobody.
	mustStatus(t, call(t, srv, "POST", path+"/assignments", creds.UserToken, obj{"assignee_id": me}), 200, "self-assign")
	mustStatus(t, call(t, srv, "POST", path+"/assignments", creds.UserToken, obj{"assignee_id": 0}), 200, "unassign")
	if n := unreadCount(t, srv, creds.UserToken); n != seeded {
		t.Fatalf("self-assignment took unread notifications from %d to %d", seeded, n)
	}
	// The agent bot assigns it to me, a contact writes, the bot mentions me.
	mustStatus(t, call(t, srv, "POST", path+"/assignments", creds.AgentBotToken, obj{"assignee_id": me}), 200, "bot assigns")
	changed := waitEvent(t, events, "assignee.changed")
	var assigned struct {
		ID         int64 `json:"id"`
		Assignment struct {
			Source     string `json:"source"`
			AssigneeID int64  `json:"assignee_id"`
			Type       string `json:"assignee_type"`
		} `json:"assignment"`
	}
	if err := json.Unmarshal(changed.Data, &assigned); err != nil || assigned.Assignment.AssigneeID != me || assigned.Assignment.Type != "User" || assigned.ID != conv {
		t.Errorf("assignee.changed %s, want conversation %d with an assignment to user %d", changed.Data, conv, me)
	}
	created := waitEvent(t, events, "notification.created")
	var frame struct {
		Notification struct {
			Type string `json:"notification_type"`
		} `json:"notification"`
		UnreadCount int `json:"unread_count"`
	}
	if err := json.Unmarshal(created.Data, &frame); err != nil || frame.Notification.Type != "conversation_assignment" || frame.UnreadCount != seeded+1 {
		t.Errorf("notification.created %s, want a conversation_assignment with unread_count %d", created.Data, seeded+1)
	}
	mustStatus(t, call(t, srv, "POST", path+"/messages", creds.UserToken,
		obj{"content": "Still waiting", "message_type": "incoming"}), 200, "incoming message")
	mustStatus(t, call(t, srv, "POST", path+"/messages", creds.AgentBotToken,
		obj{"content": fmt.Sprintf("[@Alice](mention://user/%d/Alice) can you check?", me), "private": true}), 200, "mention")
	waitEvent(t, events, "conversation.mentioned")

	list := call(t, srv, "GET", "/api/v1/accounts/1/notifications", creds.UserToken, nil).json(t)
	var types []any
	for _, n := range dig(list, "data.payload").([]any)[:4] {
		types = append(types, dig(n, "notification_type"))
		if dig(n, "primary_actor_id") != float64(conv) || dig(n, "read_at") != nil {
			t.Errorf("notification %v: want unread, about conversation %d", n, conv)
		}
	}
	// The note also counts as a new message for the assignee.
	want := []any{"assigned_conversation_new_message", "conversation_mention", "assigned_conversation_new_message", "conversation_assignment"}
	if fmt.Sprint(types) != fmt.Sprint(want) {
		t.Errorf("notification types %v, want %v (newest first)", types, want)
	}
	if dig(list, "data.meta.unread_count") != float64(seeded+4) || dig(list, "data.meta.count") != seededCount+4 {
		t.Errorf("meta %v, want 4 more unread and 4 more in all than the seed's %d of %v", dig(list, "data.meta"), seeded, seededCount)
	}

	first := int64(dig(list, "data.payload").([]any)[0].(map[string]any)["id"].(float64))
	read := call(t, srv, "PATCH", fmt.Sprintf("/api/v1/accounts/1/notifications/%d", first), creds.UserToken, obj{})
	mustStatus(t, read, 200, "mark one read")
	if read.json(t)["read_at"] == nil {
		t.Error("PATCH left the notification unread")
	}
	if n := unreadCount(t, srv, creds.UserToken); n != seeded+3 {
		t.Errorf("%d unread after reading one, want %d", n, seeded+3)
	}
	mustStatus(t, call(t, srv, "POST", "/api/v1/accounts/1/notifications/read_all", creds.UserToken, obj{}), 200, "read all")
	if n := unreadCount(t, srv, creds.UserToken); n != 0 {
		t.Errorf("%d unread after read_all, want 0", n)
	}
	mustStatus(t, call(t, srv, "DELETE", fmt.Sprintf("/api/v1/accounts/1/notifications/%d", first), creds.UserToken, nil), 200, "delete")
	if c := dig(call(t, srv, "GET", "/api/v1/accounts/1/notifications", creds.UserToken, nil).json(t), "data.meta.count"); c != seededCount+3 {
		t.Errorf("count %v after deleting one, want %v", c, seededCount+3)
	}
}

func unreadCount(t *testing.T, srv *httptest.Server, token string) int {
	t.Helper()
	r := call(t, srv, "GET", "/api/v1/accounts/1/notifications/unread_count", token, nil)
	mustStatus(t, r, 200, "unread_count")
	n, err := strconv.Atoi(strings.TrimSpace(string(r.body)))
	if err != nil {
		t.Fatalf("unread_count answered %q, want a bare number", r.body)
	}
	return n
}

func openConversationNotAssignedTo(t *testing.T, s *Sandbox, userID int64) int64 {
	t.Helper()
	for _, cv := range s.st.Conversations {
		if cv.AccountID == 1 && cv.Status == store.StatusOpen && cv.AssigneeID != userID {
			return cv.DisplayID
		}
	}
	t.Fatal("the demo seed has no open conversation assigned elsewhere")
	return 0
}
