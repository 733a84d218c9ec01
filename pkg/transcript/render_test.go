package transcript

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func sample(t *testing.T) *Transcript {
	t.Helper()
	cv := json.RawMessage(`{"id":5,"inbox_id":1,"status":"open","labels":["vip"],"created_at":1763715600,"meta":{"sender":{"id":3,"name":"Pat","email":"pat@example.com","type":"contact"}}}`)
	msgs := []json.RawMessage{
		json.RawMessage(`{"id":1,"content":"hi","message_type":0,"created_at":1763715600,"private":false,"sender_type":"Contact","sender":null,"attachments":[{"file_type":"image","data_url":"javascript:alert(1)"}]}`),
		json.RawMessage(`{"id":2,"content":null,"message_type":1,"created_at":1763715660,"private":false,"sender_type":"AgentBot"}`),
	}
	tr, err := Build(cv, msgs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// A message without a sender object takes its author from its type; a
// javascript: attachment URL is shown, never linked.
func TestFallbacksAndUnsafeLinks(t *testing.T) {
	tr := sample(t)
	if a := tr.Messages[0].Author; a != "Pat" {
		t.Errorf("incoming without a sender: author %q, want the contact", a)
	}
	if a, r := tr.Messages[1].Author, tr.Messages[1].AuthorRole; a != "Bot" || r != "bot" {
		t.Errorf("bot without a sender: %q %q", a, r)
	}
	var b bytes.Buffer
	if err := Render(&b, tr, "html", RFC3339); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `href="javascript:`) {
		t.Errorf("an unsafe URL became a link:\n%s", b.String())
	}
	b.Reset()
	if err := Render(&b, tr, "markdown", RFC3339); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "](javascript:") || !strings.Contains(b.String(), "- attachment (image) `javascript:alert(1)`") {
		t.Errorf("markdown link for an unsafe URL:\n%s", b.String())
	}
}

func TestLocalTimeOnATerminal(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, sample(t), "text", LocalTime(time.FixedZone("CET", 3600))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "[2025-11-21 10:00:00 CET] Pat:") {
		t.Errorf("times not in the reader's zone:\n%s", b.String())
	}
}
