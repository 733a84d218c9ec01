package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// An agent bot connected to an inbox is sent its events at outgoing_url,
// signed with its own secret, and a failed delivery is tried again
// (FACTS §2): the contact's message, then the conversation resolving.
func TestAgentBotReceivesSignedEventsWithRetries(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	creds := s.Credentials()
	hits := make(chan hookHit, 16)
	var calls atomic.Int32
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusInternalServerError) // the first attempt fails
			return
		}
		hits <- hookHit{path: r.URL.Path, header: r.Header.Clone(), body: body}
	}))
	t.Cleanup(receiver.Close)

	bot := call(t, srv, "POST", "/api/v1/accounts/1/agent_bots", creds.UserToken,
		obj{"name": "Triage", "outgoing_url": receiver.URL + "/bot"})
	mustStatus(t, bot, 200, "create agent bot")
	botID := int64(bot.json(t)["id"].(float64))
	secret, _ := bot.json(t)["secret"].(string)
	if secret == "" || secret == bot.json(t)["access_token"] {
		t.Fatalf("the created bot's secret is %q; want its own signing secret", secret)
	}
	inboxID := apiInboxID(t, srv, creds)
	mustStatus(t, call(t, srv, "POST", "/api/v1/accounts/1/inboxes/"+strconv.FormatInt(inboxID, 10)+"/set_agent_bot",
		creds.UserToken, obj{"agent_bot": botID}), 200, "connect the bot")

	base := "/public/api/v1/inboxes/" + creds.InboxIdentifier
	ct := call(t, srv, "POST", base+"/contacts", "", obj{"name": "Bot Visitor"})
	mustStatus(t, ct, 200, "client contact create")
	sourceID := ct.json(t)["source_id"].(string)
	cv := call(t, srv, "POST", base+"/contacts/"+sourceID+"/conversations", "", obj{})
	mustStatus(t, cv, 200, "client conversation create")
	convID := strconv.FormatInt(int64(cv.json(t)["id"].(float64)), 10)
	if status := cv.json(t)["status"]; status != "pending" {
		t.Errorf("a conversation in a bot's inbox starts %v, want pending", status)
	}
	mustStatus(t, call(t, srv, "POST", base+"/contacts/"+sourceID+"/conversations/"+convID+"/messages", "",
		obj{"content": "I need a refund"}), 200, "client message create")

	got := botHit(t, hits, secret)
	if got["event"] != "message_created" || got["content"] != "I need a refund" || dig(got, "conversation.id") != mustFloat(convID) {
		t.Errorf("bot got %v, want message_created of conversation %s", got, convID)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d attempts for the first delivery, want 2 (one failure, one retry)", n)
	}

	mustStatus(t, call(t, srv, "POST", "/api/v1/accounts/1/conversations/"+convID+"/toggle_status", creds.UserToken,
		obj{"status": "resolved"}), 200, "resolve")
	got = botHit(t, hits, secret)
	if got["event"] != "conversation_resolved" || got["id"] != mustFloat(convID) || got["changed_attributes"] != nil {
		t.Errorf("bot got %v, want conversation_resolved of %s without changed_attributes", got, convID)
	}
}

func apiInboxID(t *testing.T, srv *httptest.Server, creds Credentials) int64 {
	t.Helper()
	for _, it := range call(t, srv, "GET", "/api/v1/accounts/1/inboxes", creds.UserToken, nil).json(t)["payload"].([]any) {
		in := it.(map[string]any)
		if in["inbox_identifier"] == creds.InboxIdentifier {
			return int64(in["id"].(float64))
		}
	}
	t.Fatal("no API inbox with the sandbox's identifier")
	return 0
}

// botHit waits for the next delivery, checks its signature and decodes it.
func botHit(t *testing.T, hits chan hookHit, secret string) map[string]any {
	t.Helper()
	select {
	case hit := <-hits:
		if got, want := hit.header.Get("X-Chatwoot-Signature"), signFor(secret, hit); got != want {
			t.Errorf("signature %q, want %q (the bot's secret)", got, want)
		}
		if hit.path != "/bot" {
			t.Errorf("delivered to %s, want the bot's outgoing_url", hit.path)
		}
		var v map[string]any
		if err := json.Unmarshal(hit.body, &v); err != nil {
			t.Fatal(err)
		}
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery to the bot within 10s")
	}
	return nil
}

func mustFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
