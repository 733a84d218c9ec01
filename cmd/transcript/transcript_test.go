package transcript_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

// seedConversation writes one conversation into a demo sandbox, a minute
// at a time: the contact's question (with markup that HTML must escape),
// a bot's answer, an assignment, a private note, an agent's reply, an
// attachment and the resolution. It returns the conversation's id.
func seedConversation(t *testing.T, sb *cmdtest.Sandbox) int64 {
	t.Helper()
	sb.Set(t0)
	var contact struct {
		Payload struct {
			Contact struct {
				ID int64 `json:"id"`
			} `json:"contact"`
		} `json:"payload"`
	}
	sb.Call(t, "", "POST", "/contacts", map[string]any{"name": "Jane <b>Doe</b>", "email": "jane@example.com", "inbox_id": 1}, &contact)
	var cv struct {
		ID int64 `json:"id"`
	}
	sb.Call(t, "", "POST", "/conversations", map[string]any{"inbox_id": 1, "contact_id": contact.Payload.Contact.ID}, &cv)
	msgs := fmt.Sprintf("/conversations/%d/messages", cv.ID)
	step := func(d time.Duration) { sb.Set(t0.Add(d)) }

	sb.Call(t, "", "POST", msgs, map[string]any{"content": "Hello & <script>alert(1)</script>\nMy invoice is wrong.", "message_type": "incoming"}, nil)
	step(2 * time.Minute)
	sb.Call(t, sandbox.SeedAgentBotToken, "POST", msgs, map[string]any{"content": "I'm the bot: a person will answer shortly."}, nil)
	step(5 * time.Minute)
	sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/assignments", cv.ID), map[string]any{"assignee_id": 2}, nil)
	step(6 * time.Minute)
	sb.Call(t, "", "POST", msgs, map[string]any{"content": "Check the billing history first.", "private": true}, nil)
	step(8 * time.Minute)
	sb.Call(t, "", "POST", msgs, map[string]any{"content": "I've corrected the invoice."}, nil)
	step(9 * time.Minute)
	sb.Attach(t, cv.ID, "Here it is.", "invoice-2026.pdf", "application/pdf", []byte("%PDF-1.4 sandbox"))
	step(10 * time.Minute)
	sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/toggle_status", cv.ID), map[string]any{"status": "resolved"}, nil)
	return cv.ID
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (-update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// normalise replaces the sandbox's random port in attachment links.
func normalise(s string, sb *cmdtest.Sandbox) string {
	return strings.ReplaceAll(s, sb.URL, "http://sandbox.test")
}

func TestTranscriptGoldenPerFormat(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	id := seedConversation(t, sb)
	for _, format := range []string{"text", "markdown", "html", "json"} {
		t.Run(format, func(t *testing.T) {
			h := sb.Harness(t)
			out := h.MustRun("conversations", "transcript", fmt.Sprint(id), "-o", format)
			ext := map[string]string{"text": "txt", "markdown": "md", "html": "html", "json": "json"}[format]
			golden(t, "transcript."+ext, normalise(out, sb))
		})
	}
}

func TestTranscriptHTMLEscapesContent(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	id := seedConversation(t, sb)
	out := sb.Harness(t).MustRun("conversations", "transcript", fmt.Sprint(id), "-o", "html")
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>Doe</b>") {
		t.Errorf("markup from the conversation reached the HTML unescaped:\n%s", out)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Jane &lt;b&gt;Doe&lt;/b&gt;", "Hello &amp; "} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	md := sb.Harness(t).MustRun("conversations", "transcript", fmt.Sprint(id), "-o", "markdown")
	if strings.Contains(md, "<script") || strings.Contains(md, "<b>") {
		t.Errorf("a tag from the conversation would be live HTML in the markdown:\n%s", md)
	}
}

type entry struct {
	ID   int64  `json:"id"`
	Kind string `json:"kind"`
}

func entries(t *testing.T, out string) []entry {
	t.Helper()
	var tr struct {
		Messages []entry `json:"messages"`
	}
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return tr.Messages
}

func TestTranscriptPublicOnlyDropsExactlyThePrivateNotes(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	id := seedConversation(t, sb)
	h := sb.Harness(t)
	all := entries(t, h.MustRun("conversations", "transcript", fmt.Sprint(id), "-o", "json"))
	public := entries(t, h.MustRun("conversations", "transcript", fmt.Sprint(id), "-o", "json", "--public-only"))
	var want []entry
	notes := 0
	for _, e := range all {
		if e.Kind == "note" {
			notes++
			continue
		}
		want = append(want, e)
	}
	if notes != 1 {
		t.Fatalf("the seeded conversation has %d private notes, want 1: %+v", notes, all)
	}
	if fmt.Sprint(public) != fmt.Sprint(want) {
		t.Errorf("--public-only kept %+v, want every entry but the notes: %+v", public, want)
	}
	text := h.MustRun("conversations", "transcript", fmt.Sprint(id), "--public-only")
	if strings.Contains(text, "private note") || strings.Contains(text, "billing history") {
		t.Errorf("--public-only text still shows the note:\n%s", text)
	}
}

// The whole history is fetched with before=: a conversation longer than
// one page of 20 comes out complete and in order.
func TestTranscriptFetchesEveryPage(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	id := seedConversation(t, sb)
	for i := range 45 {
		sb.Advance(time.Minute)
		sb.Call(t, "", "POST", fmt.Sprintf("/conversations/%d/messages", id), map[string]any{"content": fmt.Sprintf("follow-up %02d", i), "message_type": "incoming"}, nil)
	}
	got := entries(t, sb.Harness(t).MustRun("conversations", "transcript", fmt.Sprint(id), "-o", "json"))
	// 5 seeded messages and 2 activity lines, then the first follow-up
	// reopens the conversation (1 activity line) and 45 follow-ups in all.
	if len(got) != 7+1+45 {
		t.Fatalf("%d entries, want 53", len(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].ID <= got[i-1].ID {
			t.Fatalf("entries out of order at %d: %d after %d", i, got[i].ID, got[i-1].ID)
		}
	}
}

func TestTranscriptManyIDsWriteOneFileEach(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	id := seedConversation(t, sb)
	h := sb.Harness(t)
	single := h.MustRun("conversations", "transcript", fmt.Sprint(id), "-o", "markdown")
	dir := filepath.Join(t.TempDir(), "out")
	h.In = bytes.NewBufferString(fmt.Sprintf("%d\n# a comment\n1\n", id))
	h.MustRun("conversations", "transcript", "-", "--dir", dir, "-o", "markdown")
	got, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("conversation-%d.md", id)))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != single {
		t.Errorf("the --dir file differs from the single transcript:\n%s", got)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "conversation-1.md")); err != nil || !strings.HasPrefix(string(b), "# Conversation 1\n") {
		t.Errorf("conversation-1.md: %v %q", err, b)
	}
	names, _ := os.ReadDir(dir)
	if len(names) != 2 {
		t.Errorf("%d files in --dir, want 2", len(names))
	}
}

func TestTranscriptUsageErrors(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	h := sb.Harness(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"1", "2"}, "pass --dir DIR"},
		{[]string{"1", "-o", "pdf"}, "a transcript is one of text, markdown, html, json"},
		{[]string{"1", "--dir", "d", "--output-file", "f"}, "give one"},
	} {
		if code := h.Run(append([]string{"conversations", "transcript"}, c.args...)...); code != 2 || !strings.Contains(h.ErrOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, h.ErrOut, c.want)
		}
	}
	if code := h.Run("conversations", "transcript", "99999"); code != 4 {
		t.Errorf("a missing conversation: exit %d, want 4 (not found); stderr %s", code, h.ErrOut)
	}
}

func TestTranscriptRequestsConformToTheSpec(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	id := seedConversation(t, sb)
	sb.CheckSpec(t)
	sb.Harness(t).MustRun("conversations", "transcript", fmt.Sprint(id), "-o", "json")
	if got := strings.Join(sb.Checked(), "; "); got != "GET /api/v1/accounts/{account_id}/conversations/{conversation_id}; GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages" {
		t.Errorf("checked against the spec: %s", got)
	}
}

// On a terminal times are in the reader's zone, not RFC 3339.
func TestTranscriptLocalTimesOnATerminal(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	id := seedConversation(t, sb)
	h := sb.Harness(t)
	h.TTY = true
	out := h.MustRun("conversations", "transcript", fmt.Sprint(id))
	if !regexp.MustCompile(`\n\[2026-11-2\d \d\d:\d\d:\d\d [^\]]+\] Jane <b>Doe</b>:\n`).MatchString(out) || strings.Contains(out, "T09:00:00Z") {
		t.Errorf("terminal transcript times:\n%s", out)
	}
}
