package webhooks_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/webhooks"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/spectest"
	"github.com/wootcli/woot/pkg/webhook"
)

// agentBotEvents are sent only to agent bots, so the spec's webhook
// subscription enum does not list them (FACTS §2).
var agentBotEvents = []string{"conversation_resolved", "conversation_opened"}

// accountWebhookEvents is the subscriptions enum of the spec's webhook
// schema, or FACTS §2's copy of it when the spec files are absent.
func accountWebhookEvents(t *testing.T) []string {
	t.Helper()
	spec := spectest.Optional(t)
	if spec == nil {
		return []string{"conversation_created", "conversation_status_changed", "conversation_updated", "contact_created",
			"contact_updated", "message_created", "message_updated", "webwidget_triggered", "conversation_typing_on", "conversation_typing_off"}
	}
	var events []string
	for _, v := range spec.Doc.Components.Schemas["webhook"].Value.Properties["subscriptions"].Value.Items.Value.Enum {
		events = append(events, v.(string))
	}
	if len(events) == 0 {
		t.Fatal("the spec's webhook schema lists no subscriptions")
	}
	return events
}

func TestWebhooksTriggerListsEveryChatwootEvent(t *testing.T) {
	h := cmdtest.NewHarness(t)
	out := h.MustRun("webhooks", "trigger", "--list")
	listed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) != 3 || fields[2] == "" {
			t.Fatalf("--list line %q: want event, receivers, description", line)
		}
		listed[fields[0]] = true
	}
	want := append(accountWebhookEvents(t), agentBotEvents...)
	for _, e := range want {
		if !listed[e] {
			t.Errorf("--list lacks %s", e)
		}
	}
	if len(listed) != len(want) {
		t.Errorf("--list names %d events, want %d", len(listed), len(want))
	}
	js := h.MustRun("webhooks", "trigger", "--list", "-o", "json", "--jq", `.[] | select(.event == "conversation_resolved") | .receivers`)
	if js != "agent bots\n" {
		t.Errorf("conversation_resolved goes to %q", js)
	}
}

// members returns the keys of a JSON object in order.
func members(t *testing.T, raw []byte) []string {
	t.Helper()
	ms, err := webhooks.ObjectMembers(raw)
	if err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	keys := make([]string, len(ms))
	for i, m := range ms {
		keys[i] = m.Key
	}
	return keys
}

// sampleConv and the types below read the parts of a payload the shape
// test checks.
type sampleConv struct {
	ID        int   `json:"id"`
	InboxID   int   `json:"inbox_id"`
	AccountID int   `json:"account_id"`
	Messages  []any `json:"messages"`
	Status    string
	Meta      struct {
		Sender struct{ Type string }
	}
	ContactInbox struct {
		SourceID string `json:"source_id"`
	} `json:"contact_inbox"`
}
type sampleChanges []map[string]struct {
	Previous any `json:"previous_value"`
	Current  any `json:"current_value"`
}
type sampleNamed struct {
	ID   int
	Name string
}
type samplePayload struct {
	sampleConv
	Event             string
	ChangedAttributes *sampleChanges `json:"changed_attributes"`
	Account           *sampleNamed
	Inbox             *sampleNamed
	Conversation      *sampleConv
	Sender            *struct{ ID int }
	MessageType       string `json:"message_type"`
	Content           string
	Email             string
	Contact           *struct{ ID int }
	CurrentConv       *sampleConv                          `json:"current_conversation"`
	SourceID          string                               `json:"source_id"`
	EventInfo         *struct{ Browser map[string]string } `json:"event_info"`
	User              *struct{ Type string }
	IsPrivate         *bool `json:"is_private"`
}

// TestWebhookSamplesHaveChatwootsShape checks each sample against the
// payload Chatwoot's listeners build for the event (FACTS §2).
func TestWebhookSamplesHaveChatwootsShape(t *testing.T) {
	for _, s := range webhooks.WebhookSamples() {
		t.Run(s.Event, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			var captured []byte
			target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { captured, _ = io.ReadAll(r.Body) }))
			defer target.Close()
			h.MustRun("webhooks", "trigger", s.Event, "--to", target.URL)
			if keys := members(t, captured); keys[len(keys)-1] != "event" {
				t.Errorf("\"event\" is not merged last: %v", keys)
			}
			var p samplePayload
			if err := json.Unmarshal(captured, &p); err != nil {
				t.Fatalf("body %s: %v", captured, err)
			}
			if p.Event != s.Event {
				t.Fatalf("event %q", p.Event)
			}
			isConv := func(c *sampleConv) bool {
				return c != nil && c.ID > 0 && c.InboxID > 0 && c.AccountID > 0 && len(c.Messages) > 0 &&
					c.Meta.Sender.Type == "contact" && c.ContactInbox.SourceID != "" && c.Status != ""
			}
			switch {
			case strings.HasPrefix(s.Event, "conversation_typing"):
				if !isConv(p.Conversation) || p.User == nil || p.User.Type != "user" || p.IsPrivate == nil {
					t.Errorf("typing payload needs conversation, user and is_private: %s", captured)
				}
			case strings.HasPrefix(s.Event, "conversation_"):
				if !isConv(&p.sampleConv) {
					t.Errorf("not a conversation's webhook_data: %s", captured)
				}
				wantChanges := s.Event == "conversation_status_changed" || s.Event == "conversation_updated"
				if (p.ChangedAttributes != nil) != wantChanges || (wantChanges && len(*p.ChangedAttributes) == 0) {
					t.Errorf("changed_attributes present=%v, want %v", p.ChangedAttributes != nil, wantChanges)
				}
				if s.Event == "conversation_status_changed" && (*p.ChangedAttributes)[0]["status"].Current != p.Status {
					t.Errorf("the status change does not end in the conversation's status %q", p.Status)
				}
			case strings.HasPrefix(s.Event, "message_"):
				if p.Account == nil || p.Inbox == nil || p.Inbox.Name == "" || !isConv(p.Conversation) || p.Sender == nil ||
					(p.MessageType != "incoming" && p.MessageType != "outgoing") || p.Content == "" || p.ID == 0 {
					t.Errorf("not a message's webhook_data: %s", captured)
				}
			case strings.HasPrefix(s.Event, "contact_"):
				if p.Account == nil || p.ID == 0 || p.Email == "" || (p.ChangedAttributes != nil) != (s.Event == "contact_updated") {
					t.Errorf("not a contact's webhook_data: %s", captured)
				}
			case s.Event == "webwidget_triggered":
				if p.Contact == nil || p.Inbox == nil || p.Account == nil || !isConv(p.CurrentConv) || p.SourceID == "" ||
					p.EventInfo == nil || p.EventInfo.Browser["browser_name"] == "" {
					t.Errorf("not a contact inbox's webhook_data with event_info: %s", captured)
				}
			default:
				t.Errorf("no shape check for %s", s.Event)
			}
		})
	}
}

// TestWebhooksTriggerToReceiveEveryEvent sends every sample, signed, into
// `woot webhooks receive` with the same secret: all verify and arrive as
// sent.
func TestWebhooksTriggerToReceiveEveryEvent(t *testing.T) {
	const secret = "whsec-trigger-e2e-81d2"
	names := webhooks.WebhookSampleNames()
	env := map[string]string{"WOOT_CONFIG_DIR": t.TempDir(), "CHATWOOT_WEBHOOK_SECRET": secret}
	recv := cmdtest.StartWoot(t, env, "webhooks", "receive", "--addr", "127.0.0.1:0", "--count", cmdtest.Itoa(len(names)))
	url := cmdtest.ReceiverURL(t, recv)
	var sent []string
	for _, name := range names {
		tr := cmdtest.StartWoot(t, env, "webhooks", "trigger", name, "--to", url, "-o", "json")
		if code := tr.Wait(10 * time.Second); code != 0 {
			t.Fatalf("trigger %s: exit %d\n%s", name, code, tr.ErrOut)
		}
		if !strings.Contains(tr.ErrOut.String(), "HTTP 200") || !strings.Contains(tr.ErrOut.String(), "signed with the secret from CHATWOOT_WEBHOOK_SECRET") {
			t.Errorf("trigger %s stderr: %s", name, tr.ErrOut)
		}
		var res struct{ Body json.RawMessage }
		if err := json.Unmarshal([]byte(tr.Out.String()), &res); err != nil {
			t.Fatalf("trigger -o json: %q: %v", tr.Out, err)
		}
		sent = append(sent, string(webhooks.CompactLine(res.Body)))
	}
	if code := recv.Wait(5 * time.Second); code != 0 {
		t.Fatalf("receive: exit %d\n%s", code, recv.ErrOut)
	}
	got := recv.Out.Lines()
	if len(got) != len(names) || strings.Contains(recv.ErrOut.String(), "✗") {
		t.Fatalf("received %d of %d:\n%s", len(got), len(names), recv.ErrOut)
	}
	for i := range got {
		if got[i] != sent[i] {
			t.Errorf("%s: the received body differs from the body sent (%d vs %d bytes)", names[i], len(got[i]), len(sent[i]))
		}
	}
}

func TestWebhooksTriggerSetAndData(t *testing.T) {
	const secret = "whsec-set"
	var (
		mu   sync.Mutex
		reqs []*http.Request
		body [][]byte
	)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		reqs, body = append(reqs, r), append(body, b)
		mu.Unlock()
	}))
	defer target.Close()
	last := func() (*http.Request, []byte) {
		mu.Lock()
		defer mu.Unlock()
		return reqs[len(reqs)-1], body[len(body)-1]
	}

	h := cmdtest.NewHarness(t)
	h.MustRun("webhooks", "trigger", "message.created", "--to", target.URL, "--secret", secret,
		"--set", "conversation.id=7", "--set", "content=Hello <there>", "--set", "private=true",
		"--set", "conversation.meta.team={\"id\":2,\"name\":\"Returns\"}", "--set", "sender.custom_attributes.tier=gold")
	r, b := last()
	var p struct {
		Event        string
		Content      string
		Private      bool
		Conversation struct {
			ID   int
			Meta struct{ Team struct{ ID int } }
		}
		Sender struct {
			CustomAttributes map[string]string `json:"custom_attributes"`
		}
	}
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if p.Event != "message_created" || p.Conversation.ID != 7 || p.Content != "Hello <there>" || !p.Private ||
		p.Conversation.Meta.Team.ID != 2 || p.Sender.CustomAttributes["tier"] != "gold" {
		t.Fatalf("--set not applied: %s", b)
	}
	if !strings.Contains(string(b), `"content":"Hello <there>"`) {
		t.Errorf("--set escaped HTML as Ruby would not: %s", b)
	}
	sample, _ := webhooks.FindWebhookSample("message_created")
	if got, want := members(t, b), members(t, []byte(sample.Body())); strings.Join(got, ",") != strings.Join(want, ",")+",event" {
		t.Errorf("--set moved fields:\n%v\nwant\n%v", got, want)
	}
	// Chatwoot's headers and a signature a second implementation accepts.
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	ts := r.Header.Get(webhook.HeaderTimestamp)
	if r.Header.Get("Content-Type") != "application/json" || !uuid.MatchString(r.Header.Get(webhook.HeaderDelivery)) ||
		r.Header.Get(webhook.HeaderSignature) != referenceSignature(secret, mustInt64(t, ts), b) {
		t.Errorf("headers %v", r.Header)
	}

	file := writeBodyFile(t, "contact.json", []byte(`{"id":1,"event":"wrong","name":"Ann"}`))
	h.MustRun("webhooks", "trigger", "contact_created", "--to", target.URL, "--data", "@"+file, "--set", "name=Ann B.")
	if _, b = last(); string(b) != `{"id":1,"event":"contact_created","name":"Ann B."}` {
		t.Errorf("--data @file: %s", b)
	}
	h.In = bytes.NewBufferString(`{"id":3}`)
	h.MustRun("webhooks", "trigger", "contact_updated", "--to", target.URL, "--data", "@-")
	if r, b = last(); string(b) != `{"id":3,"event":"contact_updated"}` || r.Header.Get(webhook.HeaderSignature) != "" {
		t.Errorf("--data @-: %s, signature %q (no secret: unsigned)", b, r.Header.Get(webhook.HeaderSignature))
	}
	if !strings.Contains(h.ErrOut.String(), "sending unsigned") {
		t.Errorf("no note about the unsigned delivery: %s", h.ErrOut)
	}
}

func mustInt64(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	if err := json.Unmarshal([]byte(s), &n); err != nil {
		t.Fatalf("%q is not an integer", s)
	}
	return n
}

func TestWebhooksTriggerFailures(t *testing.T) {
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "invalid webhook signature", http.StatusUnauthorized)
	}))
	defer refusing.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()

	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"receiver refuses", []string{"message_created", "--to", refusing.URL, "--secret", "s"}, cmdutil.ExitOther, "receiver answered HTTP 401"},
		{"nobody listening", []string{"message_created", "--to", closed}, cmdutil.ExitNetwork, "connection refused"},
		{"unknown event", []string{"message_deleted", "--to", refusing.URL}, cmdutil.ExitUsage, "one of: conversation_created"},
		{"no --to", []string{"message_created"}, cmdutil.ExitUsage, "pass --to URL"},
		{"bad --set", []string{"message_created", "--to", refusing.URL, "--set", "content"}, cmdutil.ExitUsage, "expected key=value"},
		{"--set through a string", []string{"message_created", "--to", refusing.URL, "--set", "content.x=1"}, cmdutil.ExitUsage, "not a JSON object"},
		{"--data not an object", []string{"message_created", "--to", refusing.URL, "--data", "[1,2]"}, cmdutil.ExitUsage, "must hold a JSON object"},
		{"--list with an event", []string{"--list", "message_created"}, cmdutil.ExitUsage, "takes no arguments"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			if code := h.Run(append([]string{"webhooks", "trigger"}, c.args...)...); code != c.code {
				t.Fatalf("exit %d, want %d\n%s", code, c.code, h.ErrOut)
			}
			if !strings.Contains(h.ErrOut.String(), c.msg) {
				t.Errorf("stderr lacks %q:\n%s", c.msg, h.ErrOut)
			}
		})
	}
}
