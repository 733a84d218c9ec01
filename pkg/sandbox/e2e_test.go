package sandbox

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/cable"
)

// hookHit is one webhook the test receiver got.
type hookHit struct {
	path   string
	header http.Header
	body   []byte
}

// signFor recomputes Chatwoot's signature of a delivery with secret.
func signFor(secret string, hit hookHit) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(hit.header.Get("X-Chatwoot-Timestamp") + "." + string(hit.body)))
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func webhookReceiver(t *testing.T) (*httptest.Server, chan hookHit) {
	t.Helper()
	hits := make(chan hookHit, 64)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		hits <- hookHit{path: r.URL.Path, header: r.Header.Clone(), body: body}
	}))
	t.Cleanup(srv.Close)
	return srv, hits
}

// listen subscribes id on the sandbox's /cable and returns the events it
// receives; it returns once the subscription is confirmed.
func listen(t *testing.T, ctx context.Context, baseURL string, id cable.Identifier) chan cable.Event {
	t.Helper()
	wsURL, err := cable.CableURL(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan cable.Event, 64)
	subscribed := make(chan struct{}, 1)
	d := &cable.Dialer{URL: wsURL, ConfirmTimeout: 3 * time.Second, OnState: func(s cable.State) {
		if s.Phase == cable.Subscribed {
			select {
			case subscribed <- struct{}{}:
			default:
			}
		}
	}}
	go func() {
		_ = d.Listen(ctx, id, func(e cable.Event) error {
			events <- e
			return nil
		})
	}()
	select {
	case <-subscribed:
	case <-time.After(5 * time.Second):
		t.Fatalf("cable subscription for %s was not confirmed", id.PubsubToken)
	}
	return events
}

// waitEvent returns the first event named name within the timeout.
func waitEvent(t *testing.T, events chan cable.Event, name string) cable.Event {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case e := <-events:
			if e.Name == name {
				return e
			}
		case <-deadline:
			t.Fatalf("no %s event within 5s", name)
		}
	}
}

// TestClientMessageReachesCableAndWebhook walks the path a real widget
// takes: create a contact and a conversation through the Client API, post
// a message, and see message.created on /cable for the contact's and an
// agent's pubsub tokens and a signed message_created webhook.
func TestClientMessageReachesCableAndWebhook(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	creds := s.Credentials()
	receiver, hits := webhookReceiver(t)

	hook := call(t, srv, "POST", "/api/v1/accounts/1/webhooks", creds.UserToken,
		obj{"url": receiver.URL + "/chatwoot", "subscriptions": []string{"message_created"}})
	mustStatus(t, hook, 200, "create webhook")
	secret := webhookSecret(t, hook)
	if secret == "" {
		t.Fatal("created webhook has no secret")
	}

	base := "/public/api/v1/inboxes/" + creds.InboxIdentifier
	ct := call(t, srv, "POST", base+"/contacts", "", obj{"name": "Widget Visitor", "email": "visitor@example.com"})
	mustStatus(t, ct, 200, "client contact create")
	contact := ct.json(t)
	sourceID, pubsub := contact["source_id"].(string), contact["pubsub_token"].(string)
	cv := call(t, srv, "POST", base+"/contacts/"+sourceID+"/conversations", "", obj{})
	mustStatus(t, cv, 200, "client conversation create")
	convID := int64(cv.json(t)["id"].(float64))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	contactEvents := listen(t, ctx, srv.URL, cable.Identifier{PubsubToken: pubsub})
	agentEvents := listen(t, ctx, srv.URL, cable.Identifier{PubsubToken: creds.PubsubToken, AccountID: creds.AccountID, UserID: creds.UserID})

	msg := call(t, srv, "POST", base+"/contacts/"+sourceID+"/conversations/"+strconv.FormatInt(convID, 10)+"/messages", "",
		obj{"content": "Is anyone there?"})
	mustStatus(t, msg, 200, "client message create")
	msgID := msg.json(t)["id"].(float64)

	for who, events := range map[string]chan cable.Event{"contact": contactEvents, "agent": agentEvents} {
		e := waitEvent(t, events, "message.created")
		var data map[string]any
		if err := json.Unmarshal(e.Data, &data); err != nil {
			t.Fatal(err)
		}
		if data["id"] != msgID || data["content"] != "Is anyone there?" || data["conversation_id"] != float64(convID) {
			t.Errorf("%s got message.created %s, want message %v of conversation %d", who, e.Data, msgID, convID)
		}
		if e.AccountID != creds.AccountID || dig(data, "sender.type") != "contact" {
			t.Errorf("%s: account %d, sender %v; want account %d and the contact as sender", who, e.AccountID, data["sender"], creds.AccountID)
		}
	}

	select {
	case hit := <-hits:
		ts := hit.header.Get("X-Chatwoot-Timestamp")
		if got, want := hit.header.Get("X-Chatwoot-Signature"), signFor(secret, hit); got != want || ts == "" {
			t.Errorf("signature %q (timestamp %q), want %q", got, ts, want)
		}
		if hit.header.Get("X-Chatwoot-Delivery") == "" {
			t.Error("no X-Chatwoot-Delivery header")
		}
		var payload map[string]any
		if err := json.Unmarshal(hit.body, &payload); err != nil {
			t.Fatal(err)
		}
		if payload["event"] != "message_created" || payload["content"] != "Is anyone there?" || payload["message_type"] != "incoming" {
			t.Errorf("webhook payload %s", hit.body)
		}
		if dig(payload, "conversation.id") != float64(convID) {
			t.Errorf("webhook conversation %v, want %d", dig(payload, "conversation.id"), convID)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no webhook delivery within 5s")
	}
}

// TestPrivateNotesStayWithAgents: a private note reaches agents, never the
// contact's stream.
func TestPrivateNotesStayWithAgents(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	creds := s.Credentials()
	base := "/public/api/v1/inboxes/" + creds.InboxIdentifier
	contact := call(t, srv, "POST", base+"/contacts", "", obj{"name": "Quiet Visitor"}).json(t)
	sourceID, pubsub := contact["source_id"].(string), contact["pubsub_token"].(string)
	convID := strconv.Itoa(int(call(t, srv, "POST", base+"/contacts/"+sourceID+"/conversations", "", obj{}).json(t)["id"].(float64)))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	contactEvents := listen(t, ctx, srv.URL, cable.Identifier{PubsubToken: pubsub})
	agentEvents := listen(t, ctx, srv.URL, cable.Identifier{PubsubToken: creds.PubsubToken, AccountID: 1, UserID: creds.UserID})

	note := call(t, srv, "POST", "/api/v1/accounts/1/conversations/"+convID+"/messages", creds.UserToken, obj{"content": "internal", "private": true})
	mustStatus(t, note, 200, "private note")
	reply := call(t, srv, "POST", "/api/v1/accounts/1/conversations/"+convID+"/messages", creds.UserToken, obj{"content": "public reply"})
	mustStatus(t, reply, 200, "reply")

	if e := waitEvent(t, agentEvents, "message.created"); dig(decode(t, e.Data), "content") != "internal" {
		t.Errorf("agent's first message.created is %s, want the private note", e.Data)
	}
	if e := waitEvent(t, contactEvents, "message.created"); dig(decode(t, e.Data), "content") != "public reply" {
		t.Errorf("contact's first message.created is %s, want the public reply (not the note)", e.Data)
	}
}

func decode(t *testing.T, raw json.RawMessage) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCableRefusesUnknownTokens: a wrong token gets no confirmation, as
// Chatwoot's RoomChannel stays silent.
func TestCableRefusesUnknownTokens(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	wsURL, _ := cable.CableURL(srv.URL)
	d := &cable.Dialer{URL: wsURL, ConfirmTimeout: 300 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := d.Listen(ctx, cable.Identifier{PubsubToken: "not-a-token", AccountID: 1, UserID: 1}, func(cable.Event) error { return nil })
	var authErr *cable.AuthError
	if !errors.As(err, &authErr) {
		t.Fatalf("Listen with a wrong token: %v, want an AuthError", err)
	}
}
