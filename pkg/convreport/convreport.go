// Package convreport computes woot's per-conversation report: one row per
// conversation joining its first response and resolution times (from
// Chatwoot's reporting events), its replies, assignee, team, inbox, labels
// and CSAT answer. It knows no HTTP: the caller fetches, this package joins.
//
// The figures follow Chatwoot's ReportingEventListener, which writes the
// events the dashboard's reports average:
//   - first_response: once per conversation, when the first reply by a
//     person (not a bot, not a private note) is created; its value is the
//     seconds from the conversation's start, or from the bot's hand-off
//     when a bot answered first, to that reply.
//   - conversation_resolved: at every resolution; its value is the seconds
//     from the conversation's creation to that resolution, so a reopened
//     conversation has one event per resolution, each longer than the last.
//
// value counts calendar seconds, value_in_business_hours only the inbox's
// working hours.
package convreport

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Chatwoot's event names.
const (
	EventFirstResponse = "first_response"
	EventResolved      = "conversation_resolved"
)

// Row is one conversation of the report. Times are seconds; nil when the
// conversation has no such event (never answered, not resolved).
type Row struct {
	ConversationID       int64    `json:"conversation_id"`
	CreatedAt            string   `json:"created_at"`
	Status               string   `json:"status"`
	InboxID              int64    `json:"inbox_id"`
	Inbox                string   `json:"inbox"`
	Assignee             string   `json:"assignee"`
	Team                 string   `json:"team"`
	Labels               []string `json:"labels"`
	FirstResponseSeconds *float64 `json:"first_response_seconds"`
	ResolutionSeconds    *float64 `json:"resolution_seconds"`
	Resolutions          int      `json:"resolutions"`
	Replies              int      `json:"replies"`
	CSATRating           *int64   `json:"csat_rating"`
	CSATComment          string   `json:"csat_comment"`
}

// Columns are the report's table, CSV and TSV columns.
var Columns = []string{"conversation_id", "created_at", "status", "inbox", "assignee", "team", "labels",
	"first_response_seconds", "resolution_seconds", "resolutions", "replies", "csat_rating", "csat_comment"}

// Conversation is the part of Chatwoot's conversation object a row needs.
type Conversation struct {
	ID        int64    `json:"id"`
	InboxID   int64    `json:"inbox_id"`
	Status    string   `json:"status"`
	Labels    []string `json:"labels"`
	CreatedAt int64    `json:"created_at"`
	Meta      struct {
		Assignee *struct {
			Name string `json:"name"`
		} `json:"assignee"`
		Team *struct {
			Name string `json:"name"`
		} `json:"team"`
	} `json:"meta"`
}

// Event is a reporting event as Chatwoot renders it.
type Event struct {
	ID                   int64   `json:"id"`
	Name                 string  `json:"name"`
	Value                Seconds `json:"value"`
	ValueInBusinessHours Seconds `json:"value_in_business_hours"`
	ConversationID       int64   `json:"conversation_id"`
	CreatedAt            string  `json:"created_at"`
}

// Message is the part of a message that decides whether it is a reply.
type Message struct {
	MessageType int     `json:"message_type"`
	Private     bool    `json:"private"`
	SenderType  *string `json:"sender_type"`
}

// IsReply is a public outgoing message written by a person: what the
// replies column counts (bots' messages, notes and activity lines are not
// replies).
func (m Message) IsReply() bool {
	return m.MessageType == 1 && !m.Private && m.SenderType != nil && *m.SenderType == "User"
}

// CSAT is a survey response as Chatwoot renders it.
type CSAT struct {
	ID              int64  `json:"id"`
	Rating          int64  `json:"rating"`
	FeedbackMessage string `json:"feedback_message"`
	ConversationID  int64  `json:"conversation_id"`
}

// Options choose the report's definitions.
type Options struct {
	BusinessHours bool // value_in_business_hours instead of value
}

// Input is everything known about one conversation.
type Input struct {
	Conversation Conversation
	InboxName    string
	Events       []Event
	Messages     []Message
	CSAT         *CSAT // the conversation's survey answer, if any
}

// Compute joins one conversation's row.
func Compute(in Input, opts Options) Row {
	cv := in.Conversation
	r := Row{ConversationID: cv.ID, CreatedAt: time.Unix(cv.CreatedAt, 0).UTC().Format(time.RFC3339), Status: cv.Status,
		InboxID: cv.InboxID, Inbox: in.InboxName, Labels: cv.Labels}
	if r.Labels == nil {
		r.Labels = []string{}
	}
	if cv.Meta.Assignee != nil {
		r.Assignee = cv.Meta.Assignee.Name
	}
	if cv.Meta.Team != nil {
		r.Team = cv.Meta.Team.Name
	}
	events := append([]Event(nil), in.Events...)
	// Event ids grow with time: the first first_response is the one that
	// counts, the last resolution is the one that closed the conversation.
	sort.Slice(events, func(i, j int) bool { return events[i].ID < events[j].ID })
	var last *Event
	for i := range events {
		e := &events[i]
		switch e.Name {
		case EventFirstResponse:
			if r.FirstResponseSeconds == nil {
				r.FirstResponseSeconds = seconds(e, opts)
			}
		case EventResolved:
			r.Resolutions++
			last = e
		}
	}
	if last != nil && cv.Status == "resolved" {
		r.ResolutionSeconds = seconds(last, opts)
	}
	for _, m := range in.Messages {
		if m.IsReply() {
			r.Replies++
		}
	}
	if in.CSAT != nil {
		rating := in.CSAT.Rating
		r.CSATRating = &rating
		r.CSATComment = in.CSAT.FeedbackMessage
	}
	return r
}

func seconds(e *Event, opts Options) *float64 {
	v := float64(e.Value)
	if opts.BusinessHours {
		v = float64(e.ValueInBusinessHours)
	}
	return &v
}

// Seconds is an event's value: a JSON number, or a string holding one
// (how Rails renders a decimal column), or null (0).
type Seconds float64

func (s *Seconds) UnmarshalJSON(b []byte) error {
	str := strings.Trim(string(b), `"`)
	if str == "null" || str == "" {
		*s = 0
		return nil
	}
	v, err := strconv.ParseFloat(str, 64)
	if err != nil {
		return fmt.Errorf("event value %s is not a number of seconds", b)
	}
	*s = Seconds(v)
	return nil
}

// DecodeEvents reads a conversation's reporting events (a bare array).
func DecodeEvents(body []byte) ([]Event, error) {
	var events []Event
	if err := json.Unmarshal(body, &events); err != nil {
		return nil, fmt.Errorf("reporting events: %w", err)
	}
	return events, nil
}

// CSATIndex keeps the latest survey answer of each conversation.
type CSATIndex map[int64]*CSAT

// Add records one response; a later response (a higher id) wins.
func (x CSATIndex) Add(c CSAT) {
	if prev, ok := x[c.ConversationID]; !ok || c.ID > prev.ID {
		x[c.ConversationID] = &c
	}
}
