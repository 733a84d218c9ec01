package prompt

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

func TestLineDefaultAndAnswer(t *testing.T) {
	var out bytes.Buffer
	p := New(strings.NewReader("\n  https://chat.example.com  \n"), &out)
	ctx := context.Background()
	if v, err := p.Line(ctx, "Account", "1"); v != "1" || err != nil {
		t.Fatalf("empty answer: %q %v, want the default", v, err)
	}
	if v, err := p.Line(ctx, "Chatwoot URL", ""); v != "https://chat.example.com" || err != nil {
		t.Fatalf("answer: %q %v", v, err)
	}
	if out.String() != "? Account [1]: ? Chatwoot URL: " {
		t.Errorf("questions: %q", out.String())
	}
}

func TestEndOfInputAborts(t *testing.T) {
	var out bytes.Buffer
	p := New(strings.NewReader(""), &out)
	if _, err := p.Line(context.Background(), "Chatwoot URL", "x"); !errors.Is(err, ErrAborted) {
		t.Fatalf("Line at EOF: %v, want ErrAborted (not the default)", err)
	}
	if yes, err := p.Confirm(context.Background(), "Really?"); yes || !errors.Is(err, ErrAborted) {
		t.Fatalf("Confirm at EOF: %v %v", yes, err)
	}
	if !strings.HasSuffix(out.String(), "\n") {
		t.Errorf("an aborted question leaves its line open: %q", out.String())
	}
}

func TestConfirmOnlyYesIsYes(t *testing.T) {
	for in, want := range map[string]bool{"y\n": true, "YES\n": true, "\n": false, "n\n": false, "yep\n": false} {
		p := New(strings.NewReader(in), io.Discard)
		if got, err := p.Confirm(context.Background(), "Really?"); got != want || err != nil {
			t.Errorf("answer %q: %v %v, want %v", in, got, err, want)
		}
	}
}

// TestCancelEndsABlockedQuestion: the read of a terminal cannot be
// interrupted, but the question returns as soon as the context is
// cancelled, and a later question gets the answer that read produces
// instead of a second reader racing it.
func TestCancelEndsABlockedQuestion(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	p := New(r, io.Discard)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := p.Confirm(ctx, "Really delete?")
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the question ignored the cancellation")
	}
	go w.Write([]byte("later\n"))
	if v, err := p.Line(context.Background(), "Next", ""); v != "later" || err != nil {
		t.Fatalf("next question: %q %v", v, err)
	}
}

func TestCancelledContextAsksNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := New(strings.NewReader("y\n"), io.Discard)
	if yes, err := p.Confirm(ctx, "Really?"); yes || !errors.Is(err, context.Canceled) {
		t.Fatalf("%v %v", yes, err)
	}
}

func TestSecretWithoutTerminalReadsALine(t *testing.T) {
	var out bytes.Buffer
	p := New(strings.NewReader(" tok-123 \n"), &out)
	if v, err := p.Secret(context.Background(), "Access token"); v != "tok-123" || err != nil {
		t.Fatalf("%q %v", v, err)
	}
	if out.String() != "? Access token (input hidden): \n" {
		t.Errorf("question: %q", out.String())
	}
}

// rawInput feeds bytes the way a raw terminal delivers them.
func rawInput(t *testing.T, typed string) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	go func() {
		w.Write([]byte(typed))
		w.Close()
	}()
	return r
}

func TestRawReadEditsAndAborts(t *testing.T) {
	for _, c := range []struct {
		typed, want string
		err         error
	}{
		{"tok\r", "tok", nil},
		{"tox\x7fk\n", "tok", nil},
		{"wrong\x15tok\r", "tok", nil},
		{"to\x03k\r", "", ErrAborted},
		{"\x04", "", ErrAborted},
		{"half", "", ErrAborted}, // input ends before Enter
	} {
		in := rawInput(t, c.typed)
		p := New(in, io.Discard)
		got, err := p.readRaw(context.Background(), in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("typed %q: %q %v, want %q %v", c.typed, got, err, c.want, c.err)
		}
	}
}
