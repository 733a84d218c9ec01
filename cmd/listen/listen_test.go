package listen_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/cmd/listen"
	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/webhook"
)

// Tests of `woot listen` against pkg/cable's in-process ActionCable server;
// listen_harness_test.go runs it against Rails' own.

// agentAuthorize accepts the agent of profileBody (user 7, token
// pubsub-abc) in its accounts 1 and 9, streaming account_<id> too, as
// Chatwoot's RoomChannel does; anything else stays unconfirmed.
func agentAuthorize(id cable.ServerIdentifier) ([]string, bool) {
	if id.PubsubToken != "pubsub-abc" || id.UserID != 7 || (id.AccountID != 1 && id.AccountID != 9) {
		return nil, false
	}
	return []string{"account_" + cmdtest.Itoa(int(id.AccountID))}, true
}

func TestListenContactModeNeedsNoUserTokenAndPrintsRawBytes(t *testing.T) {
	h := cmdtest.NewHarness(t)
	cs := cmdtest.NewCableStub(t, func(id cable.ServerIdentifier) ([]string, bool) {
		return nil, id.PubsubToken == "contact-tok-1" && id.UserID == 0 && id.AccountID == 0
	})
	delete(h.Env, "CHATWOOT_API_TOKEN")
	l := cmdtest.StartWoot(t, h.Env, "listen", "--pubsub-token", "contact-tok-1", "--cable-url", cs.URL(), "--count", "2")
	l.WaitStderr("subscribed to RoomChannel", 5*time.Second)
	// Key order, escapes and number spellings a re-encoder would change.
	first := `{"event":"message.created","data":{"id":12345678901234567890,"content":"caf\u00e9 <b>ok</b> & more","price":1.50,"account_id":1}}`
	second := `{"data":{"z":1,"a":2},"event":"conversation.typing_on"}`
	cs.Broadcast(t, "contact-tok-1", first)
	cs.Broadcast(t, "contact-tok-1", second)
	if code := l.Wait(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.ErrOut)
	}
	if got, want := l.Out.String(), first+"\n"+second+"\n"; got != want {
		t.Fatalf("stdout is not the events as received:\ngot  %q\nwant %q", got, want)
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Errorf("contact mode made %d REST requests; it needs none", n)
	}
	if origins := cs.UpgradeOrigins(); len(origins) != 1 || origins[0] != h.Stub.URL {
		t.Errorf("Origin %v, want the base URL %s", origins, h.Stub.URL)
	}
}

func TestListenAsContactUsesTheSavedPubsubToken(t *testing.T) {
	h := cmdtest.NewHarness(t)
	cfg, err := config.Load(h.Env["WOOT_CONFIG_DIR"])
	if err != nil {
		t.Fatal(err)
	}
	cfg.Profiles[config.DefaultProfile] = &config.Profile{PubsubToken: "saved-contact-token"}
	if err := cfg.Save(); err != nil {
		t.Fatal(err)
	}
	cs := cmdtest.NewCableStub(t, func(id cable.ServerIdentifier) ([]string, bool) {
		return nil, id.PubsubToken == "saved-contact-token" && id.UserID == 0
	})
	l := cmdtest.StartWoot(t, h.Env, "listen", "--as", "contact", "--cable-url", cs.URL(), "--count", "1", "--jq", ".data.id")
	l.WaitStderr("subscribed", 5*time.Second)
	cs.Broadcast(t, "saved-contact-token", cmdtest.MessageEvent(31, 5, 1))
	if code := l.Wait(5 * time.Second); code != 0 || l.Out.String() != "31\n" {
		t.Fatalf("exit %d, stdout %q\n%s", code, l.Out, l.ErrOut)
	}
}

func TestListenAgentModeFiltersAccountsAndEvents(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	cs := cmdtest.NewCableStub(t, agentAuthorize)
	l := cmdtest.StartWoot(t, h.Env, "listen", "--cable-url", cs.URL(), "--events", "message.created,contact_created", "--count", "2")
	l.WaitStderr("as agent Ann Agent (user 7) in account 1", 5*time.Second)
	l.WaitStderr("subscribed", 5*time.Second)
	cs.Broadcast(t, "pubsub-abc", cmdtest.MessageEvent(90, 5, 9)) // another account of the same agent
	cs.Broadcast(t, "pubsub-abc", `{"event":"presence.update","data":{"account_id":1,"users":{"7":"online"}}}`)
	cs.Broadcast(t, "pubsub-abc", cmdtest.MessageEvent(1, 5, 1))
	contact := `{"event":"contact.created","data":{"id":42,"name":"Mara Lindqvist","account_id":1}}`
	cs.Broadcast(t, "account_1", contact)
	if code := l.Wait(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.ErrOut)
	}
	want := cmdtest.MessageEvent(1, 5, 1) + "\n" + contact + "\n"
	if got := l.Out.String(); got != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, want)
	}
	if origins := cs.UpgradeOrigins(); len(origins) == 0 || origins[0] != h.Stub.URL {
		t.Errorf("Origin %v, want the base URL %q", origins, h.Stub.URL)
	}
}

func TestListenPicksTheOnlyAccountAndRefusesForeignOnes(t *testing.T) {
	one := strings.Replace(cmdtest.ProfileBody, `,{"id":9,"name":"Beta","role":"agent"}`, "", 1)
	t.Run("only account", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		delete(h.Env, "CHATWOOT_ACCOUNT_ID")
		h.Stub.On("GET", "/api/v1/profile", 200, one)
		cs := cmdtest.NewCableStub(t, agentAuthorize)
		l := cmdtest.StartWoot(t, h.Env, "listen", "--cable-url", cs.URL())
		l.WaitStderr("in account 1", 5*time.Second)
		l.WaitStderr("subscribed", 5*time.Second)
		if code := l.Stop(5 * time.Second); code != 0 {
			t.Fatalf("Ctrl-C: exit %d, want 0\n%s", code, l.ErrOut)
		}
		if !strings.Contains(l.ErrOut.String(), "stopped after 0 event(s)") {
			t.Errorf("stderr: %s", l.ErrOut)
		}
	})
	t.Run("not a member", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		h.Env["CHATWOOT_ACCOUNT_ID"] = "4"
		h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
		if code := h.Run("listen", "--cable-url", "ws://127.0.0.1:9/cable"); code != cmdutil.ExitAuth {
			t.Fatalf("exit %d, want 3\n%s", code, h.ErrOut)
		}
		if !strings.Contains(h.ErrOut.String(), "not a member of account 4") || !strings.Contains(h.ErrOut.String(), "1, 9") {
			t.Errorf("stderr: %s", h.ErrOut)
		}
	})
}

func TestListenTimeout(t *testing.T) {
	h := cmdtest.NewHarness(t)
	cs := cmdtest.NewCableStub(t, nil)
	l := cmdtest.StartWoot(t, h.Env, "listen", "--pubsub-token", "t1", "--cable-url", cs.URL(), "--count", "3", "--timeout", "700ms")
	l.WaitStderr("subscribed", 5*time.Second)
	cs.Broadcast(t, "t1", cmdtest.MessageEvent(1, 5, 1))
	if code := l.Wait(5 * time.Second); code != cmdutil.ExitOther {
		t.Fatalf("exit %d, want 1 when --count was not reached\n%s", code, l.ErrOut)
	}
	if !strings.Contains(l.ErrOut.String(), "--timeout 700ms passed with 1 of 3 events") {
		t.Errorf("stderr: %s", l.ErrOut)
	}

	l = cmdtest.StartWoot(t, h.Env, "listen", "--pubsub-token", "t1", "--cable-url", cs.URL(), "--timeout", "300ms")
	if code := l.Wait(5 * time.Second); code != 0 {
		t.Fatalf("--timeout without --count: exit %d, want 0\n%s", code, l.ErrOut)
	}
}

func TestListenSilentSubscriptionExits3(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	cs := cmdtest.NewCableStub(t, func(cable.ServerIdentifier) ([]string, bool) { return nil, false })
	l := cmdtest.StartWoot(t, h.Env, "listen", "--cable-url", cs.URL(), "--confirm-timeout", "300ms")
	if code := l.Wait(5 * time.Second); code != cmdutil.ExitAuth {
		t.Fatalf("exit %d, want 3\n%s", code, l.ErrOut)
	}
	stderr := l.ErrOut.String()
	if !strings.Contains(stderr, "error: listen: no confirmation") || !strings.Contains(stderr, "hint: Chatwoot stays silent") {
		t.Errorf("stderr: %s", stderr)
	}
}

func TestListenDefaultsAreChatwootFriendly(t *testing.T) {
	c := listen.NewCmd(&cmdutil.Factory{})
	for flag, want := range map[string]string{"stale-after": "10s", "confirm-timeout": "10s", "as": "agent", "timeout": "0s"} {
		if got := c.Flags().Lookup(flag).DefValue; got != want {
			t.Errorf("--%s defaults to %s, want %s", flag, got, want)
		}
	}
	if !c.Flags().Lookup("stale-after").Hidden {
		t.Error("--stale-after is a test knob and should stay hidden")
	}
}

func TestListenUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"listen", "--as", "robot"},
		{"listen", "--count", "-1"},
		{"listen", "--as", "contact", "--backfill", "--pubsub-token", "x"},
		{"listen", "--as", "contact"},
		{"listen", "--as", "agent", "--pubsub-token", "x"},
		{"listen", "--pubsub-token", "x", "--jq", ".data["},
		{"listen", "--sandbox", "--cable-url", "ws://127.0.0.1:1/cable"},
		{"listen", "extra"},
	} {
		h := cmdtest.NewHarness(t)
		if code := h.Run(args...); code != cmdutil.ExitUsage {
			t.Errorf("woot %s: exit %d, want 2\n%s", strings.Join(args, " "), code, h.ErrOut)
		}
	}
}

func TestListenBackfillAfterReconnect(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	// Messages 3 and 4 were created while the link was down; REST
	// messages carry no account_id, which listen merges in.
	rest := func(id int) string {
		return `{"id":` + cmdtest.Itoa(id) + `,"content":"missed ` + cmdtest.Itoa(id) + `","inbox_id":3,"conversation_id":5,"message_type":0,"created_at":1767258000,"private":false,"status":"sent","content_type":"text","content_attributes":{},"sender_type":"Contact","sender_id":42}`
	}
	h.Stub.On("GET", "/api/v1/accounts/1/conversations/5/messages", 200,
		`{"meta":{},"payload":[`+rest(3)+`,`+rest(4)+`]}`).WithQuery("after", "2")
	cs := cmdtest.NewCableStub(t, agentAuthorize)
	l := cmdtest.StartWoot(t, h.Env, "listen", "--cable-url", cs.URL(), "--backfill", "--count", "5")
	l.WaitStderr("subscribed", 5*time.Second)
	cs.Broadcast(t, "pubsub-abc", cmdtest.MessageEvent(1, 5, 1))
	cs.Broadcast(t, "pubsub-abc", cmdtest.MessageEvent(2, 5, 1))
	l.WaitLines(2, 5*time.Second)

	cs.Srv.Restart() // disconnect/server_restart to every client
	l.WaitStderr("resubscribed", 5*time.Second)
	l.WaitStderr("backfill: 2 message(s)", 5*time.Second)
	cs.WaitSubscribers(t, "pubsub-abc", 1)
	cs.Broadcast(t, "pubsub-abc", cmdtest.MessageEvent(4, 5, 1)) // arrives late: already printed
	cs.Broadcast(t, "pubsub-abc", cmdtest.MessageEvent(5, 5, 1))
	if code := l.Wait(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.ErrOut)
	}
	lines := l.Out.Lines()
	if got := cmdtest.PrintedIDs(t, lines); len(got) != 5 || got[0] != 1 || got[1] != 2 || got[2] != 3 || got[3] != 4 || got[4] != 5 {
		t.Fatalf("printed ids %v, want 1..5 once each", got)
	}
	if want := `{"event":"message.created","data":` + strings.TrimSuffix(rest(3), "}") + `,"account_id":1}}`; lines[2] != want {
		t.Errorf("backfilled event:\n%s\nwant\n%s", lines[2], want)
	}
}

// TestListenForwardToReceive is the end-to-end check: listen forwards
// live events as signed webhooks into `woot webhooks receive` with the
// same secret, and every one verifies there.
func TestListenForwardToReceive(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	cs := cmdtest.NewCableStub(t, agentAuthorize)
	const secret = "whsec-forward-test-5b1c"
	recv := cmdtest.StartWoot(t, map[string]string{"WOOT_CONFIG_DIR": t.TempDir()},
		"webhooks", "receive", "--addr", "127.0.0.1:0", "--secret", secret, "--count", "4")
	url := cmdtest.ReceiverURL(t, recv)

	l := cmdtest.StartWoot(t, h.Env, "listen", "--cable-url", cs.URL(), "--forward-to", url, "--forward-secret", secret, "--count", "6")
	l.WaitStderr("subscribed", 5*time.Second)
	events := []string{
		cmdtest.MessageEvent(1, 5, 1),
		`{"event":"presence.update","data":{"account_id":1,"users":{"7":"online"}}}`,
		`{"event":"conversation.status_changed","data":{"id":5,"status":"resolved","inbox_id":3,"messages":[],"account_id":1}}`,
		`{"event":"message.created","data":{"id":2,"content":"Conversation was marked resolved by Ann Agent","conversation_id":5,"message_type":2,"account_id":1}}`,
		`{"event":"contact.updated","data":{"id":42,"name":"Mara Lindqvist","email":"mara@example.net","account_id":1}}`,
		`{"event":"conversation.typing_on","data":{"conversation":{"id":5},"user":{"id":7,"name":"Ann Agent","type":"user"},"is_private":false,"account_id":1}}`,
	}
	for _, e := range events {
		cs.Broadcast(t, "pubsub-abc", e)
	}
	if code := l.Wait(15 * time.Second); code != 0 {
		t.Fatalf("listen: exit %d\n%s", code, l.ErrOut)
	}
	if code := recv.Wait(5 * time.Second); code != 0 {
		t.Fatalf("receive: exit %d\n%s", code, recv.ErrOut)
	}
	if strings.Contains(recv.ErrOut.String(), "✗") {
		t.Fatalf("a forwarded event did not verify:\n%s", recv.ErrOut)
	}
	var got []string
	for _, line := range recv.Out.Lines() {
		var body map[string]any
		if err := json.Unmarshal([]byte(line), &body); err != nil {
			t.Fatalf("receive printed %q: %v", line, err)
		}
		if body["account_id"] != float64(1) {
			t.Errorf("forwarded body lost the event data: %s", line)
		}
		got = append(got, body["event"].(string))
	}
	sort.Strings(got)
	want := []string{"contact_updated", "conversation_status_changed", "conversation_typing_on", "message_created"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("receive verified %v, want %v (presence and activity messages have no webhook)", got, want)
	}
	lerr := l.ErrOut.String()
	for _, s := range []string{"forwarded 4 event(s)", "presence.update is not forwarded", "activity messages", "signed with the secret from --forward-secret"} {
		if !strings.Contains(lerr, s) {
			t.Errorf("listen stderr lacks %q:\n%s", s, lerr)
		}
	}
	if n := l.CountStderr("delivered: HTTP 200"); n != 4 {
		t.Errorf("%d delivery lines, want 4:\n%s", n, lerr)
	}
}

// TestListenForwardingNeverBlocksTheSocket holds every delivery until all
// events are printed, fails each delivery's first attempt, and checks the
// generated secret printed on stderr is the one deliveries are signed with.
func TestListenForwardingNeverBlocksTheSocket(t *testing.T) {
	h := cmdtest.NewHarness(t)
	cs := cmdtest.NewCableStub(t, nil)
	gate := make(chan struct{})
	var open sync.Once
	defer open.Do(func() { close(gate) })
	var (
		mu       sync.Mutex
		attempts = map[string]int{}
		verified int
		l        *cmdtest.LiveCmd
	)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-gate
		body := make([]byte, r.ContentLength)
		_, _ = r.Body.Read(body)
		mu.Lock()
		defer mu.Unlock()
		id := r.Header.Get(webhook.HeaderDelivery)
		if attempts[id]++; attempts[id] == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		if _, err := webhook.Verify(generatedSecret(l.ErrOut.String()), r.Header.Get(webhook.HeaderSignature), r.Header.Get(webhook.HeaderTimestamp), body, time.Now(), time.Minute); err == nil {
			verified++
		}
	}))
	defer target.Close()

	const n = 30
	l = cmdtest.StartWoot(t, h.Env, "listen", "--pubsub-token", "t1", "--cable-url", cs.URL(), "--forward-to", target.URL, "--count", cmdtest.Itoa(n))
	l.WaitStderr("subscribed", 5*time.Second)
	for i := 1; i <= n; i++ {
		cs.Broadcast(t, "t1", cmdtest.MessageEvent(i, 5, 1))
	}
	// Every event is printed while no delivery has been answered.
	if ids := cmdtest.PrintedIDs(t, l.WaitLines(n, 5*time.Second)); len(ids) != n {
		t.Fatalf("printed %d events", len(ids))
	}
	open.Do(func() { close(gate) })
	if code := l.Wait(20 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.ErrOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if verified != n || len(attempts) != n {
		t.Fatalf("%d deliveries verified with the generated secret over %d delivery ids, want %d\n%s", verified, len(attempts), n, l.ErrOut)
	}
	if l.CountStderr("generated secret") != 1 || !strings.Contains(l.ErrOut.String(), "retrying") {
		t.Errorf("stderr:\n%s", l.ErrOut)
	}
}

func generatedSecret(stderr string) string {
	const marker = "generated secret: "
	i := strings.Index(stderr, marker)
	if i < 0 {
		return ""
	}
	rest := stderr[i+len(marker):]
	return rest[:strings.IndexByte(rest, '\n')]
}
