package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// ImportConversations creates one conversation per ConversationRecord line
// of r, with its contact (found or created), messages, labels, assignee
// and final status. Every creation is journaled as an intent first and its
// result as a step, so an interrupted import resumes inside a
// conversation: no message is posted twice and none is left out.
func ImportConversations(ctx context.Context, c *api.Client, accountID int64, r io.Reader, opts Options) (Summary, Plan, error) {
	in := NewInput(r, "", -1)
	id, err := in.ID()
	if err != nil {
		return Summary{}, Plan{}, err
	}
	cfg := readConfig{format: "ndjson", maxRow: opts.MaxRowBytes}
	if cfg.maxRow <= 0 {
		cfg.maxRow = DefaultMaxConversationBytes
	}
	rr, err := newRecordReader(in.r, cfg)
	if err != nil {
		return Summary{}, Plan{}, err
	}
	j, err := newJob(c, accountID, opts, "conversations", id, "")
	if err != nil {
		return Summary{}, Plan{}, err
	}
	j.total.Store(in.countRows(cfg))
	ci := &convImporter{j: j, rr: rr, inputTag: id.Head[:12], inPath: in.path}
	return j.execute(ctx, ci.plan, ci.next)
}

type convImporter struct {
	j        *job
	rr       *recordReader
	inputTag string // ties import keys to this input, not just a row number
	inPath   string // the input's path when it is a regular file, for copies of rows over the limit
	facts    accountFacts
}

func (ci *convImporter) next() (*task, error) {
	rec, err := ci.rr.next()
	if err != nil {
		return nil, err
	}
	render := func(reason string) string { return jsonReject(rec.raw, reason) }
	return ci.j.rowTask(rec.num, rec.key, render, func() ([]string, rowRun) {
		if rec.oversize {
			return []string{ci.j.keepOversize(rec, ci.inPath, "")}, nil
		}
		row := parseConversation(rec)
		return row.problems, func(ctx context.Context, st *rowState) (outcome, error) { return ci.importRow(ctx, row, st) }
	})
}

// checkAccount checks a line against the account before anything is
// created for it: an API inbox, labels that exist, an assignee who is an
// agent (whose id it returns). The dry run makes the same checks.
func (ci *convImporter) checkAccount(ctx context.Context, row *convRow) (assignee int64, err error) {
	c := &row.c
	if err := ci.j.checkInbox(ctx, &ci.facts, c.InboxID); err != nil {
		return 0, err
	}
	if err := ci.j.checkLabels(ctx, &ci.facts, c.Labels); err != nil {
		return 0, err
	}
	if c.AssigneeEmail == "" {
		return 0, nil
	}
	return ci.j.agentID(ctx, &ci.facts, c.AssigneeEmail)
}

func (ci *convImporter) importRow(ctx context.Context, row *convRow, st *rowState) (outcome, error) {
	c := &row.c
	assignee, err := ci.checkAccount(ctx, row)
	if err != nil {
		return outcome{}, err
	}
	contactID, sourceID, err := ci.contact(ctx, row, st)
	if err != nil {
		return outcome{}, err
	}
	convID, err := ci.conversation(ctx, row, st, contactID, sourceID, assignee)
	if err != nil {
		return outcome{}, err
	}
	var prev int64
	for i := range c.Messages {
		if prev, err = ci.message(ctx, row, st, convID, i, prev); err != nil {
			return outcome{}, err
		}
	}
	if err := ci.finishConversation(ctx, row, convID); err != nil {
		return outcome{}, err
	}
	return outcome{kind: outCreated, id: convID}, nil
}

// contact finds or creates the line's contact and the contact's source id
// in the inbox, which a conversation is created with.
func (ci *convImporter) contact(ctx context.Context, row *convRow, st *rowState) (int64, string, error) {
	if r, ok := st.stepDone("contact"); ok {
		return r.id, r.ref, nil
	}
	rec, d, inbox := row.rec, &row.contact, row.c.InboxID
	unlock := ci.j.locks.lock(d.lockKeys())
	defer unlock()
	// A contact an interrupted run created is found here like any other,
	// as the format requires a key to find it by.
	found, _, err := ci.j.findContact(ctx, d, matchKeys)
	if err != nil {
		return 0, "", err
	}
	var contact apiContact
	var source string
	if found != nil {
		contact, source = *found, found.sourceIDFor(inbox)
	} else {
		if err := ci.j.jr.intent(rec.num, rec.key, "contact"); err != nil {
			return 0, "", err
		}
		body, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/contacts"), nil, d.body(inbox))
		if err != nil {
			return 0, "", err
		}
		if contact, source, err = decodeCreatedContact(body); err != nil {
			return 0, "", err
		}
	}
	if source == "" {
		if source, err = ci.contactInbox(ctx, contact.ID, inbox); err != nil {
			return 0, "", err
		}
	}
	return contact.ID, source, ci.j.jr.step(rec.num, rec.key, "contact", contact.ID, source)
}

func (ci *convImporter) contactInbox(ctx context.Context, contactID, inbox int64) (string, error) {
	body, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/contacts/%d/contact_inboxes", contactID), nil, map[string]any{"inbox_id": inbox})
	if err != nil {
		return "", err
	}
	var v struct {
		SourceID string `json:"source_id"`
	}
	if err := json.Unmarshal(body, &v); err != nil || v.SourceID == "" {
		return "", fmt.Errorf("add contact %d to inbox %d: the answer has no source_id", contactID, inbox)
	}
	return v.SourceID, nil
}

func (ci *convImporter) importKey(row *convRow) string { return ci.inputTag + "/" + row.rec.key }

func (ci *convImporter) conversation(ctx context.Context, row *convRow, st *rowState, contactID int64, source string, assignee int64) (int64, error) {
	rec := row.rec
	if r, ok := st.stepDone("conversation"); ok {
		return r.id, nil
	}
	if st.hasIntent("conversation") {
		id, err := ci.findImported(ctx, contactID, ci.importKey(row))
		if err != nil {
			return 0, err
		}
		if id != 0 {
			ci.j.retried.Add(1)
			return id, ci.j.jr.step(rec.num, rec.key, "conversation", id, "")
		}
	}
	if err := ci.j.jr.intent(rec.num, rec.key, "conversation"); err != nil {
		return 0, err
	}
	body, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/conversations"), nil, ci.conversationBody(row, contactID, source, assignee))
	if err != nil {
		return 0, err
	}
	id, err := decodeID(body, "conversation")
	if err != nil {
		return 0, err
	}
	return id, ci.j.jr.step(rec.num, rec.key, "conversation", id, "")
}

// conversationBody opens the conversation; the final status is set after
// the messages, since an incoming message reopens a resolved conversation.
func (ci *convImporter) conversationBody(row *convRow, contactID int64, source string, assignee int64) map[string]any {
	c := &row.c
	additional := map[string]any{}
	for k, v := range c.AdditionalAttributes {
		additional[k] = v
	}
	imported := map[string]any{"key": ci.importKey(row)}
	if c.SourceID != "" {
		imported["source_id"] = c.SourceID
	}
	additional["imported"] = imported
	b := map[string]any{
		"source_id": source, "inbox_id": c.InboxID, "contact_id": contactID,
		"status": "open", "additional_attributes": additional,
	}
	if assignee > 0 {
		b["assignee_id"] = assignee
	}
	if c.TeamID > 0 {
		b["team_id"] = c.TeamID
	}
	if len(c.CustomAttributes) > 0 {
		b["custom_attributes"] = c.CustomAttributes
	}
	return b
}

// findImported looks for the conversation an interrupted run created,
// among the contact's conversations, by the key it was created with.
func (ci *convImporter) findImported(ctx context.Context, contactID int64, key string) (int64, error) {
	body, err := ci.j.send(ctx, http.MethodGet, ci.j.path("/contacts/%d/conversations", contactID), nil, nil)
	if err != nil {
		return 0, fmt.Errorf("look up imported conversation: %w", err)
	}
	var v struct {
		Payload []struct {
			ID                   int64 `json:"id"`
			AdditionalAttributes struct {
				Imported struct {
					Key string `json:"key"`
				} `json:"imported"`
			} `json:"additional_attributes"`
		} `json:"payload"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return 0, fmt.Errorf("look up imported conversation: %w", err)
	}
	for _, c := range v.Payload {
		if c.AdditionalAttributes.Imported.Key == key {
			return c.ID, nil
		}
	}
	return 0, nil
}

func (ci *convImporter) message(ctx context.Context, row *convRow, st *rowState, convID int64, i int, prev int64) (int64, error) {
	rec, m := row.rec, &row.c.Messages[i]
	step := "message." + strconv.Itoa(i)
	if r, ok := st.stepDone(step); ok {
		return r.id, nil
	}
	if st.hasIntent(step) {
		id, err := ci.findMessage(ctx, convID, prev, m)
		if err != nil {
			return 0, err
		}
		if id != 0 {
			ci.j.retried.Add(1)
			return id, ci.j.jr.step(rec.num, rec.key, step, id, "")
		}
	}
	if err := ci.j.jr.intent(rec.num, rec.key, step); err != nil {
		return 0, err
	}
	body, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/conversations/%d/messages", convID), nil, m.body())
	if err != nil {
		return 0, err
	}
	id, err := decodeID(body, "message")
	if err != nil {
		return 0, err
	}
	return id, ci.j.jr.step(rec.num, rec.key, step, id, "")
}

// findMessage looks for a message an interrupted run posted: the first
// non-activity message after the previous imported one (prev, 0 for the
// first) with the same kind and content.
func (ci *convImporter) findMessage(ctx context.Context, convID, prev int64, m *ImportedMessage) (int64, error) {
	q := url.Values{"after": {strconv.FormatInt(prev, 10)}}
	body, err := ci.j.send(ctx, http.MethodGet, ci.j.path("/conversations/%d/messages", convID), q, nil)
	if err != nil {
		return 0, fmt.Errorf("look up imported message: %w", err)
	}
	var v struct {
		Payload []struct {
			ID          int64           `json:"id"`
			Content     string          `json:"content"`
			MessageType json.RawMessage `json:"message_type"`
			Private     bool            `json:"private"`
		} `json:"payload"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return 0, fmt.Errorf("look up imported message: %w", err)
	}
	for _, got := range v.Payload {
		if got.ID <= prev {
			continue
		}
		kind := messageKind(got.MessageType, got.Private)
		if kind == "activity" {
			continue
		}
		if kind == m.Type && got.Content == m.Content {
			return got.ID, nil
		}
	}
	return 0, nil
}

// messageKind reads message_type as Chatwoot renders it (0 incoming,
// 1 outgoing, 2 activity, 3 template; or the names).
func messageKind(raw json.RawMessage, private bool) string {
	s := strings.Trim(string(raw), `"`)
	switch s {
	case "0", "incoming":
		return "incoming"
	case "1", "outgoing":
		if private {
			return "private"
		}
		return "outgoing"
	}
	return "activity"
}

// finishConversation applies labels and the final status; both are
// idempotent, so a resumed run may safely repeat them.
func (ci *convImporter) finishConversation(ctx context.Context, row *convRow, convID int64) error {
	c := &row.c
	if len(c.Labels) > 0 {
		if _, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/conversations/%d/labels", convID), nil, map[string]any{"labels": c.Labels}); err != nil {
			return err
		}
	}
	if c.Status == "open" {
		return nil
	}
	_, err := ci.j.send(ctx, http.MethodPost, ci.j.path("/conversations/%d/toggle_status", convID), nil, statusBody(c.Status, row.snoozed))
	return err
}

func statusBody(status string, snoozed int64) map[string]any {
	b := map[string]any{"status": status}
	if snoozed > 0 {
		b["snoozed_until"] = snoozed
	}
	return b
}

func (ci *convImporter) plan(ctx context.Context) (Plan, error) {
	var p Plan
	for {
		rec, err := ci.rr.next()
		if err != nil {
			if isEOF(err) {
				return p, nil
			}
			return p, err
		}
		if err := ci.j.checkKey(rec.num, rec.key); err != nil {
			return p, err
		}
		if st := ci.j.jr.state(rec.num); st != nil && st.outcome != "" {
			p.Done++
			continue
		}
		it, err := ci.planRow(ctx, parseConversation(rec))
		if err != nil {
			return p, err
		}
		p.add(it)
	}
}

func (ci *convImporter) planRow(ctx context.Context, row *convRow) (PlanItem, error) {
	it := PlanItem{Row: row.rec.num}
	var assignee int64
	rejected, err := planChecks(&it, row.problems, func() (err error) {
		assignee, err = ci.checkAccount(ctx, row)
		return err
	})
	if rejected || err != nil {
		return it, err
	}
	c := &row.c
	it.Action = actionMatch
	it.Match = describeMatch(&row.contact, matchKeys) + " (contact); create it if none"
	if c.AssigneeEmail != "" {
		it.Match += fmt.Sprintf("; assignee %s is agent %d", c.AssigneeEmail, assignee)
	}
	conv := ci.conversationBody(row, 0, "{source_id}", assignee)
	conv["contact_id"] = "{contact_id}"
	it.Requests = append(it.Requests, PlannedRequest{Method: http.MethodPost, Path: ci.j.path("/conversations"), Body: mustJSON(conv)})
	msgPath := ci.j.path("/conversations/{conversation_id}/messages")
	for i := range c.Messages {
		it.Requests = append(it.Requests, PlannedRequest{Method: http.MethodPost, Path: msgPath, Body: mustJSON(c.Messages[i].body())})
	}
	if len(c.Labels) > 0 {
		it.Requests = append(it.Requests, PlannedRequest{Method: http.MethodPost, Path: ci.j.path("/conversations/{conversation_id}/labels"), Body: mustJSON(map[string]any{"labels": c.Labels})})
	}
	if c.Status != "open" {
		it.Requests = append(it.Requests, PlannedRequest{Method: http.MethodPost, Path: ci.j.path("/conversations/{conversation_id}/toggle_status"), Body: mustJSON(statusBody(c.Status, row.snoozed))})
	}
	return it, nil
}
