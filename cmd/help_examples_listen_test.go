package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/sandbox/store"
)

// listen's examples wait for events. The runner gives them one, as a
// second terminal would: once listen has subscribed, another woot of the
// same embedded sandbox (its own Factory and sandbox on the same state,
// as another process) creates a message in conversation 1. The line
// passes when listen printed that message's event (its content, or its
// id where --jq keeps only that) and exited 0: by itself with --count,
// else stopped like Ctrl-C once the event is out (and, with --forward-to,
// delivered: Ctrl-C drops deliveries in flight).

// listenSetup gives $CONTACT_PUBSUB_TOKEN: the contact of conversation 1
// in the demo seed, whom the runner's message reaches as it reaches the
// agents.
func (e *exampleRunner) listenSetup() {
	e.vars["CONTACT_PUBSUB_TOKEN"] = demoContactPubsubToken()
}

func demoContactPubsubToken() string {
	st := store.Seed("demo", time.Now())
	cv := st.Conversation(1, 1)
	if cv == nil {
		return "no-conversation-1-in-the-demo-seed"
	}
	if ci := store.FindID(st.ContactInboxes, cv.ContactInboxID); ci != nil {
		return ci.PubsubToken
	}
	return "no-contact-inbox-for-conversation-1"
}

// listenWrite is the content of the message the runner creates.
const listenWrite = "written by another woot while listen listened"

// runWoot runs one woot invocation of an example; listen gets its event.
func (e *exampleRunner) runWoot(ctx context.Context, f *cmdutil.Factory, args []string) int {
	if len(args) == 0 || args[0] != "listen" {
		return Run(ctx, f, args)
	}
	return e.listenExample(ctx, f, args)
}

// listenExample runs listen as the comment above says. A failure of the
// runner's own is told on the command's stderr with a non-zero code, so
// the caller reports it as it reports any failing line.
func (e *exampleRunner) listenExample(ctx context.Context, f *cmdutil.Factory, args []string) int {
	errOut := f.IOStreams.ErrOut
	stdout, stderr := newWatched(f.IOStreams.Out), newWatched(f.IOStreams.ErrOut)
	f.IOStreams.Out, f.IOStreams.ErrOut = stdout, stderr
	lctx, interrupt := context.WithCancel(ctx)
	defer interrupt()
	exited := make(chan int, 1)
	go func() { exited <- Run(lctx, f, args) }()
	fail := func(format string, a ...any) int {
		interrupt()
		<-exited
		fmt.Fprintf(errOut, "help example runner: "+format+"\n", a...)
		return 1
	}
	select {
	case <-stderr.when(func(s string) bool { return strings.Contains(s, "subscribed to RoomChannel") }):
	case code := <-exited:
		if code == 0 {
			fmt.Fprintln(errOut, "help example runner: listen exited 0 without subscribing")
			return 1
		}
		return code
	case <-ctx.Done():
		return fail("listen did not subscribe in time")
	}
	id, err := writeAsAnotherWoot(ctx, f)
	if err != nil {
		return fail("%v", err)
	}
	printed := stdout.when(func(s string) bool {
		return strings.Contains(s, listenWrite) || strings.Contains("\n"+s, "\n"+id+"\n")
	})
	select {
	case <-printed:
		if hasFlag(args, "--forward-to") {
			// Ctrl-C drops deliveries in flight: stop once it is out.
			select {
			case <-stderr.when(func(s string) bool { return strings.Contains(s, "message_created delivered") }):
			case code := <-exited:
				return code
			case <-ctx.Done():
				return fail("listen did not forward message %s in time", id)
			}
		}
		if !hasFlag(args, "--count") {
			interrupt() // Ctrl-C: the example waits for ever otherwise
		}
	case code := <-exited:
		if code != 0 {
			return code
		}
		select {
		case <-printed:
			return 0
		default:
			fmt.Fprintf(errOut, "help example runner: listen exited 0 without printing the event of message %s\n", id)
			return 1
		}
	case <-ctx.Done():
		return fail("listen printed no event of message %s in time; stdout:\n%s", id, stdout.String())
	}
	select {
	case code := <-exited:
		return code
	case <-ctx.Done():
		return fail("listen did not stop in time after the event")
	}
}

// writeAsAnotherWoot creates the message listen should see, through a
// Factory of its own (its own embedded sandbox on the same state file, as
// a second process has), and returns the message's id.
func writeAsAnotherWoot(ctx context.Context, f *cmdutil.Factory) (string, error) {
	ios, _, out, errOut := output.Test()
	w := &cmdutil.Factory{IOStreams: ios, Getenv: f.Getenv, Now: time.Now, Sleep: f.Sleep, WrapSandbox: f.WrapSandbox}
	args := []string{"messages", "create", "1", "--content", listenWrite, "-o", "json", "--jq", ".id"}
	if code := Run(ctx, w, args); code != 0 {
		return "", fmt.Errorf("the write listen should see (woot %s) exited %d: %s", strings.Join(args, " "), code, errOut)
	}
	return strings.TrimSpace(out.String()), nil
}

func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}

// watched passes writes through and closes the channel of each waiter
// whose condition what was written so far meets.
type watched struct {
	mu      sync.Mutex
	w       io.Writer
	buf     bytes.Buffer
	waiters []watchWaiter
}

type watchWaiter struct {
	cond func(string) bool
	ch   chan struct{}
}

func newWatched(w io.Writer) *watched { return &watched{w: w} }

func (x *watched) Write(p []byte) (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.buf.Write(p)
	x.notify()
	return x.w.Write(p)
}

func (x *watched) when(cond func(string) bool) <-chan struct{} {
	x.mu.Lock()
	defer x.mu.Unlock()
	ch := make(chan struct{})
	x.waiters = append(x.waiters, watchWaiter{cond, ch})
	x.notify()
	return ch
}

func (x *watched) notify() {
	s := x.buf.String()
	kept := x.waiters[:0]
	for _, w := range x.waiters {
		if w.cond(s) {
			close(w.ch)
		} else {
			kept = append(kept, w)
		}
	}
	x.waiters = kept
}

func (x *watched) String() string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.buf.String()
}
