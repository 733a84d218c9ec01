// Package transcript turns a Chatwoot conversation and its messages, as
// the Application API renders them, into a transcript a person can read:
// participants, every message with its author and time, private notes
// marked, attachments as links and activity messages as activity lines.
// It knows no HTTP: the caller fetches, this package shapes and renders.
package transcript

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Kinds of transcript entries.
const (
	KindMessage  = "message"
	KindNote     = "note"     // a private note: agents only, never seen by the contact
	KindActivity = "activity" // message_type 2: status changes, assignments, labels
)

// Chatwoot's message_type values.
const (
	msgIncoming = 0
	msgOutgoing = 1
	msgActivity = 2
	msgTemplate = 3
)

// Transcript is one conversation, ready to render.
type Transcript struct {
	Conversation Conversation  `json:"conversation"`
	Participants []Participant `json:"participants"`
	Messages     []Entry       `json:"messages"`
}

// Conversation is the header of a transcript.
type Conversation struct {
	ID        int64        `json:"id"`
	InboxID   int64        `json:"inbox_id"`
	Status    string       `json:"status"`
	Channel   string       `json:"channel,omitempty"`
	Labels    []string     `json:"labels"`
	CreatedAt time.Time    `json:"created_at"`
	Contact   *Participant `json:"contact,omitempty"`
	Assignee  *Participant `json:"assignee,omitempty"`
	Team      string       `json:"team,omitempty"`
}

// Participant is someone who took part: the contact, an agent or a bot.
type Participant struct {
	ID    int64  `json:"id,omitempty"`
	Name  string `json:"name"`
	Role  string `json:"role"` // contact, agent or bot
	Email string `json:"email,omitempty"`
}

// Entry is one message, note or activity line.
type Entry struct {
	ID          int64        `json:"id"`
	Kind        string       `json:"kind"`
	Direction   string       `json:"direction,omitempty"` // incoming or outgoing; empty for activity
	Author      string       `json:"author,omitempty"`
	AuthorRole  string       `json:"author_role,omitempty"`
	Time        time.Time    `json:"time"`
	Content     string       `json:"content"`
	Attachments []Attachment `json:"attachments,omitempty"`
}

// Attachment is a file on a message, kept as a link.
type Attachment struct {
	FileType string `json:"file_type"`
	URL      string `json:"url"`
	Name     string `json:"name"`
}

// apiPerson is a sender or assignee as Chatwoot renders it.
type apiPerson struct {
	ID    int64   `json:"id"`
	Name  string  `json:"name"`
	Email *string `json:"email"`
	Type  string  `json:"type"`
}

type apiConversation struct {
	ID        int64    `json:"id"`
	InboxID   int64    `json:"inbox_id"`
	Status    string   `json:"status"`
	Labels    []string `json:"labels"`
	CreatedAt int64    `json:"created_at"`
	Meta      struct {
		Sender   *apiPerson `json:"sender"`
		Assignee *apiPerson `json:"assignee"`
		Team     *struct {
			Name string `json:"name"`
		} `json:"team"`
		Channel string `json:"channel"`
	} `json:"meta"`
}

type apiMessage struct {
	ID          int64      `json:"id"`
	Content     *string    `json:"content"`
	MessageType int        `json:"message_type"`
	CreatedAt   int64      `json:"created_at"`
	Private     bool       `json:"private"`
	SenderType  *string    `json:"sender_type"`
	Sender      *apiPerson `json:"sender"`
	Attachments []struct {
		FileType string `json:"file_type"`
		DataURL  string `json:"data_url"`
	} `json:"attachments"`
}

// Options choose what a transcript keeps.
type Options struct {
	PublicOnly bool // leave the private notes out
}

// Build shapes a conversation (GET conversations/{id}) and its messages,
// oldest first (the messages list walked back to the first), into a
// transcript.
func Build(conversation json.RawMessage, messages []json.RawMessage, opts Options) (*Transcript, error) {
	var cv apiConversation
	if err := json.Unmarshal(conversation, &cv); err != nil {
		return nil, fmt.Errorf("read the conversation: %w", err)
	}
	t := &Transcript{Conversation: Conversation{
		ID: cv.ID, InboxID: cv.InboxID, Status: cv.Status, Channel: cv.Meta.Channel,
		Labels: nonNil(cv.Labels), CreatedAt: time.Unix(cv.CreatedAt, 0).UTC(),
	}, Participants: []Participant{}, Messages: []Entry{}}
	seen := map[string]bool{}
	addParticipant := func(p Participant) {
		key := p.Role + "\x00" + fmt.Sprint(p.ID) + "\x00" + p.Name
		if p.Name != "" && !seen[key] {
			seen[key] = true
			t.Participants = append(t.Participants, p)
		}
	}
	if cv.Meta.Sender != nil {
		p := participant(cv.Meta.Sender, "contact")
		t.Conversation.Contact = &p
		addParticipant(p)
	}
	if cv.Meta.Assignee != nil {
		p := participant(cv.Meta.Assignee, "agent")
		t.Conversation.Assignee = &p
	}
	if cv.Meta.Team != nil {
		t.Conversation.Team = cv.Meta.Team.Name
	}
	for i, raw := range messages {
		var m apiMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("read message %d of conversation %d: %w", i+1, cv.ID, err)
		}
		e := entry(m, t.Conversation.Contact)
		if e.Kind == KindNote && opts.PublicOnly {
			continue
		}
		if e.Kind != KindActivity {
			addParticipant(Participant{ID: senderID(m), Name: e.Author, Role: e.AuthorRole, Email: senderEmail(m)})
		}
		t.Messages = append(t.Messages, e)
	}
	return t, nil
}

func entry(m apiMessage, contact *Participant) Entry {
	e := Entry{ID: m.ID, Kind: KindMessage, Time: time.Unix(m.CreatedAt, 0).UTC(), Attachments: attachments(m)}
	if m.Content != nil {
		e.Content = *m.Content
	}
	switch {
	case m.MessageType == msgActivity:
		e.Kind = KindActivity
		return e
	case m.MessageType == msgIncoming:
		e.Direction = "incoming"
	default: // outgoing and template messages
		e.Direction = "outgoing"
	}
	if m.Private {
		e.Kind = KindNote
	}
	e.Author, e.AuthorRole = author(m, contact)
	return e
}

// author names who wrote a message. A message with no sender object
// (a deleted agent, an old import) falls back on what its type says.
func author(m apiMessage, contact *Participant) (name, role string) {
	if m.Sender != nil && m.Sender.Name != "" {
		return m.Sender.Name, roleOf(m.Sender.Type, m.SenderType)
	}
	switch {
	case m.MessageType == msgIncoming && contact != nil:
		return contact.Name, "contact"
	case m.MessageType == msgIncoming:
		return "Contact", "contact"
	case m.SenderType != nil && *m.SenderType == "AgentBot":
		return "Bot", "bot"
	case m.SenderType != nil && *m.SenderType == "User":
		return "Agent", "agent"
	}
	return "System", "bot"
}

func roleOf(senderObjectType string, senderType *string) string {
	t := strings.ToLower(senderObjectType)
	if t == "" && senderType != nil {
		t = strings.ToLower(*senderType)
	}
	switch t {
	case "contact":
		return "contact"
	case "agent_bot", "agentbot", "captain_assistant":
		return "bot"
	}
	return "agent"
}

func participant(p *apiPerson, role string) Participant {
	out := Participant{ID: p.ID, Name: p.Name, Role: role}
	if p.Email != nil {
		out.Email = *p.Email
	}
	return out
}

func senderID(m apiMessage) int64 {
	if m.Sender != nil {
		return m.Sender.ID
	}
	return 0
}

func senderEmail(m apiMessage) string {
	if m.Sender != nil && m.Sender.Email != nil {
		return *m.Sender.Email
	}
	return ""
}

func attachments(m apiMessage) []Attachment {
	var out []Attachment
	for _, a := range m.Attachments {
		out = append(out, Attachment{FileType: a.FileType, URL: a.DataURL, Name: fileName(a.DataURL)})
	}
	return out
}

// fileName is the last path segment of a URL, without its query.
func fileName(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '/'); i >= 0 {
		u = u[i+1:]
	}
	if u == "" {
		return "attachment"
	}
	return u
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
