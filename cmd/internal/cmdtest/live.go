package cmdtest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd"
	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// syncBuffer is a bytes.Buffer that a running command writes while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lines returns the complete lines written so far.
func (b *syncBuffer) Lines() []string {
	s := b.String()
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return strings.Split(s[:i], "\n")
	}
	return nil
}

// liveCmd is a woot command running in-process in the background, for
// long-running commands (listen, webhooks receive) that a test talks to.
type LiveCmd struct {
	t      *testing.T
	args   []string
	in     *bytes.Buffer
	Out    *syncBuffer
	ErrOut *syncBuffer
	cancel context.CancelFunc
	done   chan int
	code   int
	exited bool
}

// startWoot runs args with env in the background on the real clock. The
// command is stopped (as by Ctrl-C) at the end of the test if still running.
func StartWoot(t *testing.T, env map[string]string, args ...string) *LiveCmd {
	t.Helper()
	ios, in, _, _ := output.Test()
	c := &LiveCmd{t: t, args: args, in: in, Out: &syncBuffer{}, ErrOut: &syncBuffer{}, done: make(chan int, 1)}
	ios.Out, ios.ErrOut = c.Out, c.ErrOut
	envCopy := map[string]string{}
	for k, v := range env {
		envCopy[k] = v
	}
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(k string) string { return envCopy[k] }, Now: time.Now}
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	go func() { c.done <- cmd.Run(ctx, f, args) }()
	t.Cleanup(func() {
		if !c.exited {
			c.Stop(10 * time.Second)
		}
	})
	return c
}

// wait returns the exit code, failing the test after d.
func (c *LiveCmd) Wait(d time.Duration) int {
	c.t.Helper()
	if c.exited {
		return c.code
	}
	select {
	case c.code = <-c.done:
		c.exited = true
		return c.code
	case <-time.After(d):
		c.t.Fatalf("woot %s still running after %v\nstderr:\n%s", strings.Join(c.args, " "), d, c.ErrOut)
		return -1
	}
}

// stop interrupts the command like Ctrl-C and returns its exit code.
func (c *LiveCmd) Stop(d time.Duration) int {
	c.t.Helper()
	c.cancel()
	return c.Wait(d)
}

// waitStderr waits until stderr contains s and returns the time it did.
func (c *LiveCmd) WaitStderr(s string, d time.Duration) time.Time {
	c.t.Helper()
	deadline := time.Now().Add(d)
	for !strings.Contains(c.ErrOut.String(), s) {
		if time.Now().After(deadline) {
			c.t.Fatalf("stderr of woot %s never said %q within %v:\n%s", strings.Join(c.args, " "), s, d, c.ErrOut)
		}
		select {
		case c.code = <-c.done:
			c.exited = true
			c.t.Fatalf("woot %s exited %d before saying %q:\n%s", strings.Join(c.args, " "), c.code, s, c.ErrOut)
		case <-time.After(10 * time.Millisecond):
		}
	}
	return time.Now()
}

// waitLines waits until stdout has n complete lines.
func (c *LiveCmd) WaitLines(n int, d time.Duration) []string {
	c.t.Helper()
	deadline := time.Now().Add(d)
	for {
		lines := c.Out.Lines()
		if len(lines) >= n {
			return lines
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("woot %s printed %d of %d lines within %v\nstdout:\n%s\nstderr:\n%s", strings.Join(c.args, " "), len(lines), n, d, c.Out, c.ErrOut)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// countStderr counts the occurrences of s on stderr.
func (c *LiveCmd) CountStderr(s string) int { return strings.Count(c.ErrOut.String(), s) }

// cableStub is pkg/cable's in-process ActionCable server behind an
// httptest server, recording the Origin of each upgrade.
type cableStub struct {
	Srv     *cable.Server
	http    *httptest.Server
	mu      sync.Mutex
	origins []string
}

func NewCableStub(t *testing.T, authorize cable.Authorize) *cableStub {
	t.Helper()
	cs := &cableStub{Srv: cable.NewServer(authorize)}
	cs.http = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cs.mu.Lock()
		cs.origins = append(cs.origins, r.Header.Get("Origin"))
		cs.mu.Unlock()
		cs.Srv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		_ = cs.Srv.Close()
		cs.http.Close()
	})
	return cs
}

// origins returns the Origin header of each websocket upgrade so far.
func (cs *cableStub) UpgradeOrigins() []string {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return append([]string{}, cs.origins...)
}

func (cs *cableStub) URL() string { return "ws" + strings.TrimPrefix(cs.http.URL, "http") + "/cable" }

// waitSubscribers waits until n subscriptions stream the token.
func (cs *cableStub) WaitSubscribers(t *testing.T, token string, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for cs.Srv.Subscribers(token) != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d subscribers of %q, want %d", cs.Srv.Subscribers(token), token, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (cs *cableStub) Broadcast(t *testing.T, token, message string) {
	t.Helper()
	if n := cs.Srv.Broadcast(token, json.RawMessage(message)); n == 0 {
		t.Fatalf("broadcast to %q reached nobody", token)
	}
}

// messageEvent is a message.created broadcast in Chatwoot's shape (the
// parts listen reads, plus enough to look real).
func MessageEvent(id, conversation, account int) string {
	return `{"event":"message.created","data":{"id":` + Itoa(id) + `,"content":"message ` + Itoa(id) + `","account_id":` + Itoa(account) +
		`,"inbox_id":3,"conversation_id":` + Itoa(conversation) + `,"message_type":0,"created_at":1767258000,"private":false,` +
		`"status":"sent","content_type":"text","content_attributes":{},"sender_type":"Contact","sender_id":42}}`
}

func Itoa(n int) string { return strconv.Itoa(n) }

// printedIDs decodes listen's output lines as events and returns their
// data.id values.
func PrintedIDs(t *testing.T, lines []string) []int {
	t.Helper()
	var ids []int
	for _, l := range lines {
		var ev struct {
			Event string
			Data  struct{ ID int }
		}
		if err := json.Unmarshal([]byte(l), &ev); err != nil || ev.Data.ID == 0 {
			t.Fatalf("printed line is not an event with an id: %q", l)
		}
		ids = append(ids, ev.Data.ID)
	}
	return ids
}
