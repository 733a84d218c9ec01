package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
)

// fakeChatwoot is a small in-memory Chatwoot for these tests: the routes a
// bulk job uses, answering in the server's real shapes (FACTS.md §5, §7).
type fakeChatwoot struct {
	t   *testing.T
	srv *httptest.Server

	mu            sync.Mutex
	requests      []string // "METHOD /path?query"
	bodies        map[string][]json.RawMessage
	contacts      map[int64]*fakeContact
	conversations map[int64]*fakeConversation
	labels        []string
	agents        []fakeAgent
	inboxes       map[int64]string // id → channel_type
	nextID        int64
	bulk          []json.RawMessage

	// hooks, called with mu held after the server acted and before it
	// answers; returning true withholds the answer (see hangUp).
	afterCreateContact func(n int) bool
	afterMessage       func(n int) bool
	afterBulk          func(n int) bool
	afterConversation  func() bool
	hangUp             bool
	// dropConn makes a withheld answer a dropped connection (the client
	// sees EOF at once) instead of a server that never answers.
	dropConn        bool
	createdContacts int
	createdMessages int
	// failCreate makes POST /contacts answer status with message (status 0: go on).
	failCreate func(body map[string]any) (status int, message string)
	// validate checks every request (spec conformance), nil to skip.
	validate func(r *http.Request) error
	// throttle, when set, answers 429 "Retry later" as rack-attack does.
	throttle  func() bool
	throttled int
}

type fakeContact struct {
	ID         int64
	Name       string
	Email      string
	Phone      string
	Identifier string
	Blocked    bool
	Additional map[string]any
	Custom     map[string]any
	Labels     []string
	Inboxes    map[int64]string // inbox id → source id
}

type fakeConversation struct {
	ID         int64
	InboxID    int64
	ContactID  int64
	Status     string
	Assignee   int64
	Additional map[string]any
	Labels     []string
	Messages   []fakeMessage
}

type fakeMessage struct {
	ID      int64
	Content string
	Type    int // 0 incoming, 1 outgoing, 2 activity
	Private bool
	Attrs   map[string]any
}

type fakeAgent struct {
	ID    int64
	Email string
}

func newFake(t *testing.T) *fakeChatwoot {
	t.Helper()
	f := &fakeChatwoot{
		t: t, bodies: map[string][]json.RawMessage{}, contacts: map[int64]*fakeContact{},
		conversations: map[int64]*fakeConversation{}, inboxes: map[int64]string{1: "Channel::Api", 2: "Channel::Email"},
		labels: []string{"vip", "churned", "billing"}, agents: []fakeAgent{{ID: 7, Email: "bo@example.com"}, {ID: 8, Email: "cy@example.com"}},
		nextID: 100,
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// client returns a transport to the fake with instant retries.
func (f *fakeChatwoot) client(t *testing.T, lim api.Limiter) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: f.srv.URL, UserToken: "tok", Retries: 2, Limiter: lim, Timeout: 10 * time.Second,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fakeChatwoot) count(prefix string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.requests {
		if strings.HasPrefix(r, prefix) {
			n++
		}
	}
	return n
}

func (f *fakeChatwoot) requestsSoFar() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

// exact counts requests to exactly this method and path.
func (f *fakeChatwoot) exact(req string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.requests {
		if r == req {
			n++
		}
	}
	return n
}

func (f *fakeChatwoot) bulkBodies() []json.RawMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]json.RawMessage(nil), f.bulk...)
}

func (f *fakeChatwoot) total() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.requests)
}

func (f *fakeChatwoot) addContact(c fakeContact) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	c.ID = f.nextID
	if c.Inboxes == nil {
		c.Inboxes = map[int64]string{}
	}
	f.contacts[c.ID] = &c
	return c.ID
}

func (f *fakeChatwoot) contactBy(email string) *fakeContact {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.contacts {
		if strings.EqualFold(c.Email, email) {
			cp := *c
			return &cp
		}
	}
	return nil
}

func (f *fakeChatwoot) numContacts() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.contacts)
}

// routeOf replaces numeric path segments with {id}.
func routeOf(method, path string) string {
	seg := strings.Split(path, "/")
	for i, s := range seg {
		if _, err := strconv.Atoi(s); err == nil {
			seg[i] = "{id}"
		}
	}
	return method + " " + strings.Join(seg, "/")
}

func (f *fakeChatwoot) serve(w http.ResponseWriter, r *http.Request) {
	if f.validate != nil {
		if err := f.validate(r); err != nil {
			f.t.Errorf("spec: %v", err)
		}
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.throttle != nil && f.throttle() {
		f.throttled++
		http.Error(w, "Retry later", http.StatusTooManyRequests)
		return
	}
	f.requests = append(f.requests, r.Method+" "+r.URL.Path)
	if len(body) > 0 {
		route := routeOf(r.Method, r.URL.Path)
		f.bodies[route] = append(f.bodies[route], body)
	}
	if r.Header.Get("api_access_token") != "tok" {
		writeJSON(w, 401, map[string]any{"error": "Invalid Access Token"})
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/v1/accounts/1/")
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	var in map[string]any
	if len(body) > 0 {
		if err := json.Unmarshal(body, &in); err != nil {
			writeJSON(w, 400, map[string]any{"error": "bad json"})
			return
		}
	}
	rec := httptest.NewRecorder()
	f.route(rec, r, strings.Split(rest, "/"), in)
	if f.hangUp && f.dropConn {
		// The connection breaks after the server acted.
		f.hangUp = false
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	if f.hangUp {
		// The process "dies" after the server acted: no answer arrives.
		f.hangUp = false
		f.mu.Unlock()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		f.mu.Lock()
		return
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

func (f *fakeChatwoot) route(w http.ResponseWriter, r *http.Request, seg []string, in map[string]any) {
	id := func(i int) int64 { n, _ := strconv.ParseInt(seg[i], 10, 64); return n }
	m := r.Method
	switch {
	case m == "GET" && len(seg) == 1 && seg[0] == "labels":
		var p []map[string]any
		for i, l := range f.labels {
			p = append(p, map[string]any{"id": i + 1, "title": l, "description": "", "color": "#1f93ff", "show_on_sidebar": true})
		}
		writeJSON(w, 200, map[string]any{"payload": p})
	case m == "GET" && len(seg) == 1 && seg[0] == "agents":
		var p []map[string]any
		for _, a := range f.agents {
			p = append(p, map[string]any{"id": a.ID, "account_id": 1, "availability_status": "online", "auto_offline": true,
				"confirmed": true, "email": a.Email, "available_name": a.Email, "name": a.Email, "role": "agent", "thumbnail": ""})
		}
		writeJSON(w, 200, p)
	case m == "GET" && len(seg) == 1 && seg[0] == "inboxes":
		p := []map[string]any{}
		for _, id := range sortedInboxIDs(f.inboxes) {
			p = append(p, map[string]any{"id": id, "account_id": 1, "name": fmt.Sprintf("Inbox %d", id), "channel_type": f.inboxes[id], "lock_to_single_conversation": false})
		}
		writeJSON(w, 200, map[string]any{"payload": p})
	case m == "POST" && len(seg) == 1 && seg[0] == "contacts":
		f.createContact(w, in)
	case m == "POST" && len(seg) == 2 && seg[0] == "contacts" && seg[1] == "filter":
		f.filterContacts(w, in)
	case m == "PUT" && len(seg) == 2 && seg[0] == "contacts":
		f.updateContact(w, id(1), in)
	case len(seg) == 3 && seg[0] == "contacts" && seg[2] == "labels":
		f.contactLabels(w, m, id(1), in)
	case m == "POST" && len(seg) == 3 && seg[0] == "contacts" && seg[2] == "contact_inboxes":
		f.contactInbox(w, id(1), in)
	case m == "GET" && len(seg) == 3 && seg[0] == "contacts" && seg[2] == "conversations":
		f.contactConversations(w, id(1))
	case m == "POST" && len(seg) == 1 && seg[0] == "conversations":
		f.createConversation(w, in)
	case len(seg) == 3 && seg[0] == "conversations" && seg[2] == "messages":
		f.messages(w, r, id(1), in)
	case m == "POST" && len(seg) == 3 && seg[0] == "conversations" && seg[2] == "labels":
		f.conversationLabels(w, id(1), in)
	case m == "POST" && len(seg) == 3 && seg[0] == "conversations" && seg[2] == "toggle_status":
		f.toggleStatus(w, id(1), in)
	case m == "POST" && len(seg) == 1 && seg[0] == "bulk_actions":
		f.bulkAction(w, in)
	default:
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
	}
}

func sortedInboxIDs(m map[int64]string) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func str(in map[string]any, k string) string { s, _ := in[k].(string); return s }

func num(in map[string]any, k string) int64 {
	switch v := in[k].(type) {
	case float64:
		return int64(v)
	case string:
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	return 0
}

// taken mimics Chatwoot's uniqueness validations on a contact.
func (f *fakeChatwoot) taken(self int64, in map[string]any) (string, string) {
	for _, c := range f.contacts {
		if c.ID == self {
			continue
		}
		if e := str(in, "email"); e != "" && strings.EqualFold(c.Email, e) {
			return "Email has already been taken", "email"
		}
		if i := str(in, "identifier"); i != "" && c.Identifier == i {
			return "Identifier has already been taken", "identifier"
		}
		if p := str(in, "phone_number"); p != "" && c.Phone == p {
			return "Phone number has already been taken", "phone_number"
		}
	}
	return "", ""
}

func (f *fakeChatwoot) createContact(w http.ResponseWriter, in map[string]any) {
	if f.failCreate != nil {
		if status, msg := f.failCreate(in); status != 0 {
			writeJSON(w, status, map[string]any{"error": msg})
			return
		}
	}
	if msg, field := f.taken(0, in); msg != "" {
		writeJSON(w, 422, map[string]any{"message": msg, "attributes": []string{field}})
		return
	}
	f.nextID++
	c := &fakeContact{ID: f.nextID, Inboxes: map[int64]string{}}
	c.apply(in)
	f.contacts[c.ID] = c
	var ci map[string]any
	if inbox := num(in, "inbox_id"); inbox > 0 {
		c.Inboxes[inbox] = fmt.Sprintf("src-%d-%d", c.ID, inbox)
		ci = map[string]any{"inbox": map[string]any{"id": inbox, "channel_type": f.inboxes[inbox]}, "source_id": c.Inboxes[inbox]}
	}
	f.createdContacts++
	if f.afterCreateContact != nil {
		f.hangUp = f.afterCreateContact(f.createdContacts)
	}
	writeJSON(w, 200, map[string]any{"payload": map[string]any{"contact": c.json(), "contact_inbox": ci}})
}

func (c *fakeContact) apply(in map[string]any) {
	if v := str(in, "name"); v != "" {
		c.Name = v
	}
	if v := str(in, "email"); v != "" {
		c.Email = strings.ToLower(v)
	}
	if v := str(in, "phone_number"); v != "" {
		c.Phone = v
	}
	if v := str(in, "identifier"); v != "" {
		c.Identifier = v
	}
	if b, ok := in["blocked"].(bool); ok {
		c.Blocked = b
	}
	merge := func(dst *map[string]any, src any) {
		m, _ := src.(map[string]any)
		if *dst == nil {
			*dst = map[string]any{}
		}
		for k, v := range m {
			(*dst)[k] = v
		}
	}
	merge(&c.Additional, in["additional_attributes"])
	merge(&c.Custom, in["custom_attributes"])
}

func (c *fakeContact) json() map[string]any {
	nullable := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	var inboxes []map[string]any
	for id, src := range c.Inboxes {
		inboxes = append(inboxes, map[string]any{"source_id": src, "inbox": map[string]any{"id": id, "channel_type": "Channel::Api"}})
	}
	return map[string]any{
		"additional_attributes": c.Additional, "availability_status": "offline", "email": nullable(c.Email), "id": c.ID,
		"name": c.Name, "phone_number": nullable(c.Phone), "blocked": c.Blocked, "identifier": nullable(c.Identifier),
		"thumbnail": "", "custom_attributes": c.Custom, "last_activity_at": nil, "created_at": 1700000000, "contact_inboxes": inboxes,
	}
}

// filterContacts evaluates equal_to conditions left to right, as
// Chatwoot's filter service joins them, case-insensitively.
func (f *fakeChatwoot) filterContacts(w http.ResponseWriter, in map[string]any) {
	conds, _ := in["payload"].([]any)
	var out []map[string]any
	for _, c := range f.contacts {
		match, op := false, "OR"
		for i, raw := range conds {
			cond := raw.(map[string]any)
			vals, _ := cond["values"].([]any)
			want := ""
			if len(vals) > 0 {
				want, _ = vals[0].(string)
			}
			got := map[string]string{"email": c.Email, "identifier": c.Identifier, "phone_number": c.Phone, "name": c.Name}[str(cond, "attribute_key")]
			hit := strings.EqualFold(got, want) && want != ""
			if i == 0 || op == "OR" {
				match = match || hit
			} else {
				match = match && hit
			}
			op = str(cond, "query_operator")
		}
		if match {
			out = append(out, c.json())
		}
	}
	writeJSON(w, 200, map[string]any{"meta": map[string]any{"count": len(out), "current_page": 1}, "payload": out})
}

func (f *fakeChatwoot) updateContact(w http.ResponseWriter, id int64, in map[string]any) {
	c, ok := f.contacts[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	if msg, field := f.taken(id, in); msg != "" {
		writeJSON(w, 422, map[string]any{"message": msg, "attributes": []string{field}})
		return
	}
	c.apply(in)
	writeJSON(w, 200, map[string]any{"payload": c.json()})
}

// contactLabels: POST replaces the set and drops labels the account lacks.
func (f *fakeChatwoot) contactLabels(w http.ResponseWriter, method string, id int64, in map[string]any) {
	c, ok := f.contacts[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	if method == "POST" {
		c.Labels = f.knownLabels(in["labels"])
	}
	writeJSON(w, 200, map[string]any{"payload": append([]string{}, c.Labels...)})
}

func (f *fakeChatwoot) knownLabels(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, l := range list {
		s, _ := l.(string)
		for _, k := range f.labels {
			if k == s {
				out = append(out, s)
			}
		}
	}
	return out
}

func (f *fakeChatwoot) contactInbox(w http.ResponseWriter, id int64, in map[string]any) {
	c, ok := f.contacts[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	inbox := num(in, "inbox_id")
	f.nextID++
	src := fmt.Sprintf("src-%d-%d-%d", id, inbox, f.nextID)
	c.Inboxes[inbox] = src
	writeJSON(w, 200, map[string]any{"source_id": src, "inbox": map[string]any{"id": inbox, "channel_type": f.inboxes[inbox]}})
}

func (f *fakeChatwoot) contactConversations(w http.ResponseWriter, id int64) {
	var out []map[string]any
	for _, c := range f.conversations {
		if c.ContactID == id {
			out = append(out, c.json())
		}
	}
	writeJSON(w, 200, map[string]any{"payload": out})
}

func (f *fakeChatwoot) createConversation(w http.ResponseWriter, in map[string]any) {
	contact, ok := f.contacts[num(in, "contact_id")]
	inbox := num(in, "inbox_id")
	if !ok || contact.Inboxes[inbox] != str(in, "source_id") {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	f.nextID++
	add, _ := in["additional_attributes"].(map[string]any)
	c := &fakeConversation{ID: f.nextID, InboxID: inbox, ContactID: contact.ID, Status: str(in, "status"), Assignee: num(in, "assignee_id"), Additional: add}
	if c.Status == "" {
		c.Status = "open"
	}
	f.conversations[c.ID] = c
	if f.afterConversation != nil {
		f.hangUp = f.afterConversation()
	}
	writeJSON(w, 200, c.json())
}

func (c *fakeConversation) json() map[string]any {
	return map[string]any{
		"id": c.ID, "account_id": 1, "inbox_id": c.InboxID, "status": c.Status, "additional_attributes": c.Additional,
		"custom_attributes": map[string]any{}, "labels": c.Labels, "messages": []any{}, "meta": map[string]any{"sender": map[string]any{"id": c.ContactID}},
	}
}

func (f *fakeChatwoot) messages(w http.ResponseWriter, r *http.Request, id int64, in map[string]any) {
	c, ok := f.conversations[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	if r.Method == "GET" {
		after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
		var out []map[string]any
		for _, m := range c.Messages {
			if m.ID > after {
				out = append(out, m.json(id))
			}
		}
		writeJSON(w, 200, map[string]any{"meta": map[string]any{}, "payload": out})
		return
	}
	f.nextID++
	attrs, _ := in["content_attributes"].(map[string]any)
	if e := str(in, "external_created_at"); e != "" {
		if attrs == nil {
			attrs = map[string]any{}
		}
		attrs["external_created_at"] = e
	}
	m := fakeMessage{ID: f.nextID, Content: str(in, "content"), Private: in["private"] == true, Attrs: attrs}
	if str(in, "message_type") == "outgoing" {
		m.Type = 1
	}
	if m.Type == 0 && (c.Status == "resolved" || c.Status == "snoozed") {
		c.Status = "open" // an incoming message reopens, as in Chatwoot
	}
	c.Messages = append(c.Messages, m)
	f.createdMessages++
	if f.afterMessage != nil {
		f.hangUp = f.afterMessage(f.createdMessages)
	}
	writeJSON(w, 200, m.json(id))
}

func (m fakeMessage) json(conv int64) map[string]any {
	return map[string]any{"id": m.ID, "content": m.Content, "message_type": m.Type, "private": m.Private,
		"content_attributes": m.Attrs, "conversation_id": conv, "created_at": 1700000000, "content_type": "text"}
}

func (f *fakeChatwoot) conversationLabels(w http.ResponseWriter, id int64, in map[string]any) {
	c, ok := f.conversations[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	c.Labels = f.knownLabels(in["labels"])
	writeJSON(w, 200, map[string]any{"payload": c.Labels})
}

func (f *fakeChatwoot) toggleStatus(w http.ResponseWriter, id int64, in map[string]any) {
	c, ok := f.conversations[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Resource could not be found"})
		return
	}
	c.Status = str(in, "status")
	writeJSON(w, 200, map[string]any{"meta": map[string]any{}, "payload": map[string]any{"success": true, "conversation_id": id, "current_status": c.Status, "snoozed_until": nil}})
}

func (f *fakeChatwoot) bulkAction(w http.ResponseWriter, in map[string]any) {
	if fields, ok := in["fields"].(map[string]any); ok {
		if a, ok := fields["assignee_id"].(float64); ok && a != 7 && a != 8 {
			writeJSON(w, 422, map[string]any{"error": "Invalid assignee_id"})
			return
		}
	}
	b, _ := json.Marshal(in)
	f.bulk = append(f.bulk, b)
	if f.afterBulk != nil {
		f.hangUp = f.afterBulk(len(f.bulk))
	}
	w.WriteHeader(http.StatusOK)
}

// test helpers

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func instant(ctx context.Context, d time.Duration) error { return ctx.Err() }

// testOptions puts the journal and rejects file in a fresh directory.
func testOptions(t *testing.T, rejectsExt string) Options {
	dir := t.TempDir()
	return Options{Journal: filepath.Join(dir, "job.journal"), Rejects: filepath.Join(dir, "rejects"+rejectsExt), sleep: instant}
}

func openContacts(t *testing.T, path string, extra bool) *RowReader {
	t.Helper()
	in, err := OpenInput(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close() })
	rows, err := ReadContacts(in, "", extra)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// journalRecords reads a journal back.
func journalRecords(t *testing.T, p string) []jrecord {
	t.Helper()
	var out []jrecord
	for _, line := range strings.Split(strings.TrimRight(readFile(t, p), "\n"), "\n") {
		var r jrecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("journal line %q: %v", line, err)
		}
		out = append(out, r)
	}
	return out
}
