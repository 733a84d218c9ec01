package bulk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// ConversationRecord is one line of a conversation import: NDJSON, one
// conversation per line, for migrating history from another help desk.
//
//	{"inbox_id": 3, "source_id": "zd-4411",
//	 "contact": {"identifier": "cus_981", "email": "ana@example.com", "name": "Ana Lima"},
//	 "status": "resolved", "assignee_email": "bo@example.com", "labels": ["billing"],
//	 "messages": [
//	  {"type": "incoming", "content": "My invoice is wrong", "author": "Ana Lima", "created_at": "2024-03-01T09:12:00Z", "source_id": "m-1"},
//	  {"type": "outgoing", "content": "Fixed it, sorry!", "author": "Bo", "created_at": "2024-03-01T10:02:00Z", "source_id": "m-2"},
//	  {"type": "private", "content": "Refund issued", "author": "Bo", "created_at": "2024-03-01T10:03:00Z"}]}
//
// inbox_id must be an API inbox of the account: only API inboxes accept
// incoming messages, and any other channel would send the imported
// outgoing messages to the customer again. An inbox set to "lock to single
// conversation" gives every line of one contact the same conversation.
//
// contact takes the fields of a contact import line (name, email,
// phone_number, identifier, custom_attributes, …; not labels) and needs at least one
// of identifier, email, phone_number: the contact is looked up by those
// (in that order; first match wins) and created, with all the given
// fields, when none matches. An existing contact is used as it is.
//
// status is the conversation's final status: open (the default),
// resolved, pending or snoozed (with an optional RFC 3339 snoozed_until).
// It is set after the messages, which would otherwise reopen it.
// assignee_email is resolved to an agent through the account's agent
// list; labels must exist in the account; team_id, custom_attributes and
// additional_attributes are passed to Chatwoot as they are.
//
// messages are created in order. type is incoming (from the contact),
// outgoing (from the agent; Chatwoot records the token's user as sender)
// or private (an internal note). The original author, time and id are
// kept in each message's content_attributes as
// {"imported":{"author":…,"created_at":…,"source_id":…}}, and the time
// also as content_attributes.external_created_at, the field Chatwoot
// itself keeps for messages created elsewhere; Chatwoot shows the import
// time as the message time. The conversation records the line in
// additional_attributes.imported ({"key":…,"source_id":…}), which is how
// an interrupted import recognises a conversation it already created.
type ConversationRecord struct {
	InboxID              int64             `json:"inbox_id"`
	SourceID             string            `json:"source_id,omitempty"`
	Contact              json.RawMessage   `json:"contact"`
	Status               string            `json:"status,omitempty"`
	SnoozedUntil         string            `json:"snoozed_until,omitempty"`
	AssigneeEmail        string            `json:"assignee_email,omitempty"`
	TeamID               int64             `json:"team_id,omitempty"`
	Labels               []string          `json:"labels,omitempty"`
	CustomAttributes     map[string]any    `json:"custom_attributes,omitempty"`
	AdditionalAttributes map[string]any    `json:"additional_attributes,omitempty"`
	Messages             []ImportedMessage `json:"messages"`

	// Error is the reason a rejects file adds; it is ignored on input so
	// a fixed rejects file imports as it is.
	Error string `json:"_error,omitempty"`
}

// ImportedMessage is one message of a ConversationRecord.
type ImportedMessage struct {
	Type      string `json:"type"` // incoming, outgoing, private
	Content   string `json:"content"`
	Author    string `json:"author,omitempty"`
	CreatedAt string `json:"created_at,omitempty"` // RFC 3339
	SourceID  string `json:"source_id,omitempty"`
}

// Conversation statuses an import may end in.
var conversationStatuses = []string{"open", "resolved", "pending", "snoozed"}

type convRow struct {
	rec      *record
	c        ConversationRecord
	contact  contactData
	snoozed  int64 // unix seconds, 0 for "until the next reply"
	problems []string
}

func parseConversation(rec *record) *convRow {
	row := &convRow{rec: rec}
	if rec.err != "" { // over the row limit: nothing of it was kept
		row.problems = []string{rec.err}
		return row
	}
	if !utf8.Valid(rec.raw) {
		row.problems = []string{"the line is not valid UTF-8: save the file as UTF-8"}
		return row
	}
	dec := json.NewDecoder(bytes.NewReader(rec.raw))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&row.c); err != nil {
		row.problems = []string{describeJSONError(err)}
		return row
	}
	row.problems = row.validate()
	return row
}

// describeJSONError turns encoding/json's wording into the file's terms.
func describeJSONError(err error) string {
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "unknown field " + f + ": see the conversation import format (woot conversations import --help)"
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s must be a %s, not a JSON %s", te.Field, te.Type.String(), te.Value)
	}
	return "the line is not a conversation object: " + strings.TrimPrefix(msg, "json: ")
}

func (row *convRow) validate() []string {
	c := &row.c
	var problems []string
	if c.InboxID <= 0 {
		problems = append(problems, "inbox_id is missing: name the API inbox to import into")
	}
	problems = append(problems, row.validateContact()...)
	if c.Status == "" {
		c.Status = "open"
	}
	if !contains(conversationStatuses, c.Status) {
		problems = append(problems, fmt.Sprintf("status %q: use open, resolved, pending or snoozed", c.Status))
	}
	if c.SnoozedUntil != "" {
		t, err := time.Parse(time.RFC3339, c.SnoozedUntil)
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("snoozed_until %q is not an RFC 3339 time", c.SnoozedUntil))
		case c.Status != "snoozed":
			problems = append(problems, "snoozed_until is set but status is not snoozed")
		default:
			row.snoozed = t.Unix()
		}
	}
	if c.AssigneeEmail != "" && !validEmail(c.AssigneeEmail) {
		problems = append(problems, fmt.Sprintf("assignee_email %q is not an email address", c.AssigneeEmail))
	}
	c.Labels = cleanLabels(c.Labels)
	for i := range c.Messages {
		problems = append(problems, c.Messages[i].validate(i)...)
	}
	return problems
}

func (row *convRow) validateContact() []string {
	if len(row.c.Contact) == 0 || string(row.c.Contact) == "null" {
		return []string{"contact is missing: give at least its identifier, email or phone_number"}
	}
	d, problems := contactFromJSON(row.c.Contact, false)
	for i, p := range problems {
		problems[i] = "contact: " + p
	}
	if len(problems) > 0 {
		return problems
	}
	for _, p := range d.validate() {
		problems = append(problems, "contact: "+p)
	}
	if len(d.labels) > 0 {
		// Dropping them would lose data, and an existing contact is used
		// as it is: contact labels belong in a contact import.
		problems = append(problems, "contact.labels are not imported with conversations: label the contacts with a contact import, or move the labels to the conversation")
	}
	if !hasMatchKey(&d) {
		problems = append(problems, "contact needs an identifier, email or phone_number to be found again (a name alone would create a new contact every time)")
	}
	row.contact = d
	return problems
}

func (m *ImportedMessage) validate(i int) []string {
	var problems []string
	if m.Type != "incoming" && m.Type != "outgoing" && m.Type != "private" {
		problems = append(problems, fmt.Sprintf("messages[%d].type %q: use incoming, outgoing or private", i, m.Type))
	}
	if strings.TrimSpace(m.Content) == "" {
		problems = append(problems, fmt.Sprintf("messages[%d].content is empty: Chatwoot needs text for a message", i))
	}
	if m.CreatedAt != "" {
		t, err := time.Parse(time.RFC3339, m.CreatedAt)
		if err != nil {
			problems = append(problems, fmt.Sprintf("messages[%d].created_at %q is not an RFC 3339 time", i, m.CreatedAt))
		} else {
			m.CreatedAt = t.UTC().Format(time.RFC3339)
		}
	}
	return problems
}

// body is the message create request. A private note is an outgoing
// message with private set, as Chatwoot models it.
func (m *ImportedMessage) body() map[string]any {
	kind := m.Type
	if kind == "private" {
		kind = "outgoing"
	}
	imported := map[string]any{}
	for k, v := range map[string]string{"author": m.Author, "created_at": m.CreatedAt, "source_id": m.SourceID} {
		if v != "" {
			imported[k] = v
		}
	}
	attrs := map[string]any{"imported": imported}
	b := map[string]any{"content": m.Content, "message_type": kind, "private": m.Type == "private", "content_attributes": attrs}
	if m.CreatedAt != "" {
		b["external_created_at"] = m.CreatedAt
	}
	return b
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
