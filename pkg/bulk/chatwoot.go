package bulk

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/wootcli/woot/pkg/api"
)

// Requests to the Application API, and the few account facts a job looks
// up once (labels, agents, inboxes) and shares between its workers.

func accountPath(account int64) string { return fmt.Sprintf("/api/v1/accounts/%d", account) }

func (j *job) path(format string, args ...any) string {
	return accountPath(j.account) + fmt.Sprintf(format, args...)
}

// send makes one JSON request and returns the answer's body.
func (j *job) send(ctx context.Context, method, path string, query url.Values, body any) ([]byte, error) {
	var b []byte
	if body != nil {
		var err error
		if b, err = json.Marshal(body); err != nil {
			return nil, fmt.Errorf("encode %s %s: %w", method, path, err)
		}
	}
	resp, err := j.do(ctx, &api.Request{Family: api.FamilyApplication, Method: method, Path: path, Query: query, Body: b})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// lookup is send for a request that only reads, whatever its method
// (contacts/filter is a POST): a 5xx or a broken connection is repeated
// here, with a short backoff, rather than costing the row a retry.
func (j *job) lookup(ctx context.Context, method, path string, body any) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		b, err := j.send(ctx, method, path, nil, body)
		if err == nil || attempt >= lookupRetries || ctx.Err() != nil || !j.transient(err) {
			return b, err
		}
		j.retried.Add(1)
		if serr := j.sleep(ctx, rowBackoff<<attempt); serr != nil {
			return nil, err
		}
	}
}

// lookupRetries is how often a failed read is repeated before the row
// itself is tried again.
const lookupRetries = 4

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

// apiContact is the part of Chatwoot's contact object a job needs.
type apiContact struct {
	ID             int64          `json:"id"`
	Name           string         `json:"name"`
	Email          string         `json:"email"`
	PhoneNumber    string         `json:"phone_number"`
	Identifier     string         `json:"identifier"`
	ContactInboxes []contactInbox `json:"contact_inboxes"`
}

type contactInbox struct {
	SourceID string `json:"source_id"`
	Inbox    struct {
		ID int64 `json:"id"`
	} `json:"inbox"`
}

func (c apiContact) sourceIDFor(inboxID int64) string {
	for _, ci := range c.ContactInboxes {
		if ci.Inbox.ID == inboxID && ci.SourceID != "" {
			return ci.SourceID
		}
	}
	return ""
}

// decodeCreatedContact reads a contact create answer: the server renders
// {"payload":{"contact":{…},"contact_inbox":{"source_id":…}}}, the spec
// documents a bare contact; both are accepted.
func decodeCreatedContact(body []byte) (apiContact, string, error) {
	var v struct {
		Payload *struct {
			Contact      *apiContact `json:"contact"`
			ContactInbox *struct {
				SourceID string `json:"source_id"`
			} `json:"contact_inbox"`
			apiContact
		} `json:"payload"`
		apiContact
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return apiContact{}, "", fmt.Errorf("read created contact: %w", err)
	}
	switch {
	case v.Payload != nil && v.Payload.Contact != nil:
		src := ""
		if v.Payload.ContactInbox != nil {
			src = v.Payload.ContactInbox.SourceID
		}
		return *v.Payload.Contact, src, nil
	case v.Payload != nil && v.Payload.ID != 0:
		return v.Payload.apiContact, "", nil
	case v.ID != 0:
		return v.apiContact, "", nil
	}
	return apiContact{}, "", fmt.Errorf("read created contact: the answer has no contact id")
}

// decodeID reads the id of a created object, bare or in a payload.
func decodeID(body []byte, what string) (int64, error) {
	var v struct {
		ID      int64 `json:"id"`
		Payload *struct {
			ID int64 `json:"id"`
		} `json:"payload"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return 0, fmt.Errorf("read created %s: %w", what, err)
	}
	if v.ID == 0 && v.Payload != nil {
		v.ID = v.Payload.ID
	}
	if v.ID == 0 {
		return 0, fmt.Errorf("read created %s: the answer has no id", what)
	}
	return v.ID, nil
}

// lazy loads a value once, on first use; a failed load is tried again.
type lazy[T any] struct {
	mu   sync.Mutex
	done bool
	v    T
}

func (l *lazy[T]) get(load func() (T, error)) (T, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.done {
		return l.v, nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	l.v, l.done = v, true
	return v, nil
}

// accountFacts caches what a job looks up about the account: each list is
// read once, on first use, by the real run and the dry run alike, so both
// reject the same rows for the same reasons.
type accountFacts struct {
	labels  lazy[map[string]bool]
	agents  lazy[map[string]int64]
	inboxes lazy[map[int64]string] // inbox id → channel_type
}

// checkLabels rejects the row when a label does not exist: Chatwoot's
// label endpoints silently drop unknown labels, and that would lose data.
func (j *job) checkLabels(ctx context.Context, f *accountFacts, labels []string) error {
	if len(labels) == 0 {
		return nil
	}
	known, err := f.labels.get(func() (map[string]bool, error) { return j.loadLabels(ctx) })
	if err != nil {
		return err
	}
	var missing []string
	for _, l := range labels {
		if !known[l] {
			missing = append(missing, l)
		}
	}
	if len(missing) > 0 {
		return rowErrorf("labels %s do not exist in the account: create them first (woot labels create), or remove them from the row", quoteList(missing))
	}
	return nil
}

func (j *job) loadLabels(ctx context.Context) (map[string]bool, error) {
	var list []struct {
		Title string `json:"title"`
	}
	if err := j.readList(ctx, "/labels", &list); err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	m := make(map[string]bool, len(list))
	for _, l := range list {
		m[strings.ToLower(l.Title)] = true
	}
	return m, nil
}

// readList GETs one of the account's unpaginated lists, which Chatwoot
// sends as {"payload":[…]} (labels, inboxes) or as a bare array (agents),
// and notes it among the job's reads.
func (j *job) readList(ctx context.Context, path string, into any) error {
	full := accountPath(j.account) + path
	body, err := j.send(ctx, http.MethodGet, full, nil, nil)
	if err != nil {
		return &accountReadError{err}
	}
	j.noteRead(http.MethodGet + " " + full)
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return json.Unmarshal(trimmed, into)
	}
	var v struct {
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(trimmed, &v); err != nil {
		return err
	}
	if len(v.Payload) == 0 {
		return fmt.Errorf("the answer has no payload list")
	}
	return json.Unmarshal(v.Payload, into)
}

// accountReadError is a failed read of one of the account's lists. It says
// nothing about the row that needed the list, so it stops the job rather
// than rejecting the row (a 404 here is a wrong account or URL).
type accountReadError struct{ err error }

func (e *accountReadError) Error() string { return e.err.Error() }
func (e *accountReadError) Unwrap() error { return e.err }

// agentID resolves an agent by email through the account's agent list,
// fetched once per job.
func (j *job) agentID(ctx context.Context, f *accountFacts, email string) (int64, error) {
	agents, err := f.agents.get(func() (map[string]int64, error) { return j.loadAgents(ctx) })
	if err != nil {
		return 0, err
	}
	id, ok := agents[strings.ToLower(email)]
	if !ok {
		return 0, rowErrorf("assignee_email %q is not an agent of this account: invite the agent first, or drop assignee_email", email)
	}
	return id, nil
}

func (j *job) loadAgents(ctx context.Context) (map[string]int64, error) {
	var list []struct {
		ID    int64  `json:"id"`
		Email string `json:"email"`
	}
	if err := j.readList(ctx, "/agents", &list); err != nil {
		return nil, fmt.Errorf("list agents: %w", err)
	}
	m := make(map[string]int64, len(list))
	for _, a := range list {
		m[strings.ToLower(a.Email)] = a.ID
	}
	return m, nil
}

// inboxKind is the channel type of an inbox of the account, from the inbox
// list read once per job; a missing inbox rejects the row.
func (j *job) inboxKind(ctx context.Context, f *accountFacts, id int64) (string, error) {
	inboxes, err := f.inboxes.get(func() (map[int64]string, error) { return j.loadInboxes(ctx) })
	if err != nil {
		return "", err
	}
	kind, ok := inboxes[id]
	if !ok {
		return "", rowErrorf("inbox %d does not exist in account %d (or the token's user is not a member of it): `woot inboxes list` shows the inboxes", id, j.account)
	}
	return kind, nil
}

func (j *job) loadInboxes(ctx context.Context) (map[int64]string, error) {
	var list []struct {
		ID          int64  `json:"id"`
		ChannelType string `json:"channel_type"`
	}
	if err := j.readList(ctx, "/inboxes", &list); err != nil {
		return nil, fmt.Errorf("list inboxes: %w", err)
	}
	m := make(map[int64]string, len(list))
	for _, in := range list {
		m[in.ID] = in.ChannelType
	}
	return m, nil
}

// checkInbox makes sure a conversation import targets an API inbox: only
// those accept incoming messages, and any other channel would deliver the
// imported outgoing messages to customers again.
func (j *job) checkInbox(ctx context.Context, f *accountFacts, id int64) error {
	kind, err := j.inboxKind(ctx, f, id)
	if err != nil || kind == "Channel::Api" {
		return err
	}
	return rowErrorf("inbox %d is a %s inbox: importing there would send the outgoing messages to customers; import into an API inbox", id, kind)
}

// planChecks makes it a planned reject when the row's own problems, or
// else check (the account checks the real run makes), reject the row; a
// check that fails otherwise stops the dry run.
func planChecks(it *PlanItem, problems []string, check func() error) (rejected bool, err error) {
	if len(problems) == 0 {
		reason, fatal := planned(check())
		if fatal != nil {
			return false, fatal
		}
		if reason != "" {
			problems = []string{reason}
		}
	}
	if len(problems) == 0 {
		return false, nil
	}
	it.Action, it.Reason = actionReject, strings.Join(problems, "; ")
	return true, nil
}

// planned sorts a check's error for a dry run: a row's own problem
// becomes its planned reject; anything else (the server, the network)
// stops the dry run.
func planned(err error) (reason string, fatal error) {
	var re *rowError
	if errors.As(err, &re) {
		return re.reason, nil
	}
	return "", err
}
