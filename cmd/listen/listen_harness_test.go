package listen_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/spectest"
)

// These tests run `woot listen` against Rails' own ActionCable server
// (shared/harness/cable.sh: ruby-actioncable on puma, with a RoomChannel
// shaped like Chatwoot's). The profile comes from the spec-checked stub.

// cableHarness is the shared ActionCable harness with a test-failing
// broadcast of this package's message events.
type cableHarness struct {
	*spectest.Cable
	t *testing.T
}

// startCableHarness starts the real server on a free port and stops it in
// Cleanup; it skips when the harness or puma is missing.
func startCableHarness(t *testing.T, env ...string) *cableHarness {
	t.Helper()
	return &cableHarness{Cable: spectest.StartCable(t, env...), t: t}
}

// broadcast publishes message to the token's stream through the server's
// own ActionCable.server.broadcast.
func (h *cableHarness) broadcast(token, message string) {
	h.t.Helper()
	if err := h.Broadcast(token, []byte(message)); err != nil {
		h.t.Fatalf("broadcast: %v", err)
	}
}

// agentListen starts `woot listen` as the agent of profileBody (token
// profileToken) against the cable URL, with the stub serving the profile.
func agentListen(t *testing.T, profileToken, cableURL string, args ...string) (*cmdtest.Harness, *cmdtest.LiveCmd) {
	t.Helper()
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, strings.Replace(cmdtest.ProfileBody, `"pubsub_token":"pubsub-abc"`, `"pubsub_token":"`+profileToken+`"`, 1))
	return h, cmdtest.StartWoot(t, h.Env, append([]string{"listen", "--cable-url", cableURL}, args...)...)
}

func TestListenHarness200EventsInWireOrder(t *testing.T) {
	t.Parallel() // each harness test has its own server; most of the time is waiting
	ch := startCableHarness(t)
	relay := spectest.StartRelay(t, ch.Addr())
	const n = 200
	_, l := agentListen(t, "pubsub-abc", "ws://"+relay.Addr()+"/cable", "--count", strconv.Itoa(n))
	l.WaitStderr("subscribed to RoomChannel", 10*time.Second)
	start := time.Now()
	for i := 1; i <= n; i++ {
		ch.broadcast("pubsub-abc", cmdtest.MessageEvent(i, 5, 1))
	}
	if code := l.Wait(15 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.ErrOut)
	}
	t.Logf("%d events broadcast and printed in %v", n, time.Since(start).Round(time.Millisecond))
	got := cmdtest.PrintedIDs(t, l.Out.Lines())
	seen := map[int]bool{}
	for _, id := range got {
		if seen[id] {
			t.Fatalf("event %d printed twice", id)
		}
		seen[id] = true
	}
	for i := 1; i <= n; i++ {
		if !seen[i] {
			t.Fatalf("event %d lost (printed %d)", i, len(got))
		}
	}
	// Rails may send back-to-back broadcasts out of order (thread pools):
	// what must hold is that listen prints them as they came off the wire.
	wire := spectest.BroadcastIDs(t, relay.Downstream())
	if len(wire) < len(got) {
		t.Fatalf("the capture holds %d broadcasts, %d were printed", len(wire), len(got))
	}
	if fmt.Sprint(wire[:len(got)]) != fmt.Sprint(got) {
		t.Fatalf("printed order differs from the wire order:\nwire %v\ngot  %v", wire, got)
	}
	swaps := 0
	for i := 1; i < len(got); i++ {
		if got[i] < got[i-1] {
			swaps++
		}
	}
	t.Logf("the server sent %d of %d broadcasts out of publish order", swaps, n)
}

func TestListenHarnessRestartSurvivedWithBackfill(t *testing.T) {
	t.Parallel()
	ch := startCableHarness(t)
	h, l := agentListen(t, "pubsub-abc", "ws://"+ch.Addr()+"/cable", "--backfill", "--count", "40")
	// Messages 21 and 22 are created while the server is down; REST has them.
	rest := func(id int) string {
		return `{"id":` + cmdtest.Itoa(id) + `,"content":"message ` + cmdtest.Itoa(id) + `","inbox_id":3,"conversation_id":5,"message_type":0,"created_at":1767258000,"private":false,"status":"sent","content_type":"text","content_attributes":{},"sender_type":"Contact","sender_id":42}`
	}
	h.Stub.On("GET", "/api/v1/accounts/1/conversations/5/messages", 200,
		`{"meta":{},"payload":[`+rest(21)+`,`+rest(22)+`]}`).WithQuery("after", "20")
	l.WaitStderr("subscribed to RoomChannel", 10*time.Second)
	for i := 1; i <= 20; i++ {
		ch.broadcast("pubsub-abc", cmdtest.MessageEvent(i, 5, 1))
	}
	l.WaitLines(20, 10*time.Second)

	// A hard restart: the process dies and the socket with it, no frame.
	if out, err := ch.Run("restart"); err != nil {
		t.Fatalf("cable.sh restart: %v\n%s", err, out)
	}
	up := time.Now()
	back := l.WaitStderr("resubscribed", 10*time.Second)
	t.Logf("resubscribed %v after the server was back", back.Sub(up).Round(time.Millisecond))
	if back.Sub(up) > 3*time.Second {
		t.Errorf("resubscribed %v after the server came back, want within 3 s", back.Sub(up))
	}
	l.WaitStderr("backfill: 2 message(s)", 10*time.Second)
	ch.broadcast("pubsub-abc", cmdtest.MessageEvent(22, 5, 1)) // late copy of a backfilled one
	for i := 23; i <= 40; i++ {
		ch.broadcast("pubsub-abc", cmdtest.MessageEvent(i, 5, 1))
	}
	if code := l.Wait(15 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, l.ErrOut)
	}
	got := cmdtest.PrintedIDs(t, l.Out.Lines())
	seen := map[int]bool{}
	for _, id := range got {
		if seen[id] {
			t.Fatalf("message %d printed twice: %v", id, got)
		}
		seen[id] = true
	}
	if len(got) != 40 || got[20] != 21 || got[21] != 22 {
		t.Fatalf("printed %v, want 1..40 with the backfilled 21, 22 right after the reconnect", got)
	}
}

func TestListenHarnessPausedServerDetectedByWatchdog(t *testing.T) {
	t.Parallel()
	ch := startCableHarness(t)
	// Pings come every 3 s; the hidden knob shortens the production 10 s.
	l := cmdtest.StartWoot(t, map[string]string{"WOOT_CONFIG_DIR": t.TempDir()},
		"listen", "--pubsub-token", "contact-token-7", "--cable-url", "ws://"+ch.Addr()+"/cable", "--stale-after", "5s", "--count", "1")
	l.WaitStderr("subscribed to RoomChannel", 10*time.Second)
	if out, err := ch.Run("pause"); err != nil {
		t.Fatalf("cable.sh pause: %v\n%s", err, out)
	}
	paused := time.Now()
	detected := l.WaitStderr("dead link", 10*time.Second)
	t.Logf("watchdog fired %v after the pause", detected.Sub(paused).Round(time.Millisecond))
	if detected.Sub(paused) > 6*time.Second {
		t.Errorf("watchdog fired %v after the pause, want within --stale-after (5 s) plus a ping", detected.Sub(paused))
	}
	if out, err := ch.Run("resume"); err != nil {
		t.Fatalf("cable.sh resume: %v\n%s", err, out)
	}
	l.WaitStderr("resubscribed", 10*time.Second)
	ch.broadcast("contact-token-7", cmdtest.MessageEvent(1, 5, 1))
	if code := l.Wait(10 * time.Second); code != 0 || len(l.Out.Lines()) != 1 {
		t.Fatalf("exit %d, stdout %q\n%s", code, l.Out, l.ErrOut)
	}
}

func TestListenHarnessRefusedSubscriptionsExit3(t *testing.T) {
	t.Parallel()
	// Only token "a" is known: Chatwoot raises inside #subscribed for any
	// other, so the client hears nothing; a blank token is rejected.
	ch := startCableHarness(t, "CABLE_TOKENS=a")
	t.Run("rejected", func(t *testing.T) {
		_, l := agentListen(t, " ", "ws://"+ch.Addr()+"/cable")
		if code := l.Wait(10 * time.Second); code != cmdutil.ExitAuth {
			t.Fatalf("exit %d, want 3\n%s", code, l.ErrOut)
		}
		if !strings.Contains(l.ErrOut.String(), "subscription rejected") {
			t.Errorf("stderr: %s", l.ErrOut)
		}
	})
	t.Run("silent", func(t *testing.T) {
		_, l := agentListen(t, "pubsub-abc", "ws://"+ch.Addr()+"/cable", "--confirm-timeout", "3s")
		start := time.Now()
		if code := l.Wait(15 * time.Second); code != cmdutil.ExitAuth {
			t.Fatalf("exit %d, want 3\n%s", code, l.ErrOut)
		}
		if took := time.Since(start); took < 3*time.Second {
			t.Errorf("gave up after %v, before the confirmation timeout", took)
		}
		if !strings.Contains(l.ErrOut.String(), "no confirmation") || !strings.Contains(l.ErrOut.String(), "hint: ") {
			t.Errorf("stderr: %s", l.ErrOut)
		}
	})
}
