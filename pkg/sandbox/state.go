package sandbox

import (
	"sort"
	"strings"
)

// obj is a JSON object: free-form attributes (custom_attributes, bot_config)
// and rendered responses that have no fixed shape.
type obj = map[string]any

// stateVersion is written into saved state; Load refuses other versions so
// an old file is never misread.
const stateVersion = 1

// state is everything the sandbox knows. It is one value guarded by the
// Sandbox's RWMutex and it is exactly what Save writes, so every field is
// exported for encoding/json. Slices are kept in ascending id order (ids are
// handed out increasingly and rows are appended), which makes lookups a
// binary search and default listings a plain walk.
type state struct {
	Version int              `json:"version"`
	Seq     map[string]int64 `json:"seq"`

	PlatformApps    []*platformApp    `json:"platform_apps"`
	Permissibles    []permissible     `json:"permissibles"`
	Accounts        []*account        `json:"accounts"`
	Users           []*user           `json:"users"`
	AccountUsers    []*accountUser    `json:"account_users"`
	AgentBots       []*agentBot       `json:"agent_bots"`
	Inboxes         []*inbox          `json:"inboxes"`
	Teams           []*team           `json:"teams"`
	Contacts        []*contact        `json:"contacts"`
	ContactInboxes  []*contactInbox   `json:"contact_inboxes"`
	Conversations   []*conversation   `json:"conversations"`
	Labels          []*label          `json:"labels"`
	CannedResponses []*cannedResponse `json:"canned_responses"`
	AttributeDefs   []*attributeDef   `json:"custom_attribute_definitions"`
	CustomFilters   []*customFilter   `json:"custom_filters"`
	Webhooks        []*webhook        `json:"webhooks"`
	AutomationRules []*automationRule `json:"automation_rules"`
	Campaigns       []*campaign       `json:"campaigns"`
	Notifications   []*notification   `json:"notifications"`

	// Records holds the resources the sandbox stores as free-form
	// attributes (macros, SLA policies, notes, portals…), by kind.
	Records map[string][]*record `json:"records"`

	idx indexes
}

// indexes are lookups derived from state; rebuilt after Load, kept in step
// by the few places that add or remove the rows they cover.
type indexes struct {
	tokens    map[string]tokenOwner
	convs     map[convKey]*conversation
	source    map[sourceKey]*contactInbox
	byContact map[int64][]*contactInbox
	unique    map[uniqueKey]*contact // email, phone number, identifier per account
}

// uniqueKey is a contact field Chatwoot keeps unique within an account.
type uniqueKey struct {
	account int64
	field   string
	value   string
}

type convKey struct{ account, display int64 }
type sourceKey struct {
	inbox  int64
	source string
}

type tokenKind int

const (
	tokenUser tokenKind = iota + 1
	tokenBot
	tokenPlatform
)

type tokenOwner struct {
	kind tokenKind
	id   int64
}

// base is embedded by every stored row.
type base struct {
	ID        int64 `json:"id"`
	CreatedAt int64 `json:"created_at"`
	UpdatedAt int64 `json:"updated_at"`
}

func (b *base) getID() int64 { return b.ID }

type entity interface{ getID() int64 }

// findID returns the row with id from an id-ordered slice, or nil.
func findID[T entity](rows []T, id int64) T {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].getID() >= id })
	if i < len(rows) && rows[i].getID() == id {
		return rows[i]
	}
	var zero T
	return zero
}

// removeID drops the row with id, keeping order.
func removeID[T entity](rows []T, id int64) []T {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].getID() >= id })
	if i < len(rows) && rows[i].getID() == id {
		return append(rows[:i], rows[i+1:]...)
	}
	return rows
}

func newState() *state {
	st := &state{Version: stateVersion, Seq: map[string]int64{}, Records: map[string][]*record{}}
	st.reindex()
	return st
}

// next hands out the next id of a table.
func (st *state) next(table string) int64 {
	st.Seq[table]++
	return st.Seq[table]
}

// reindex rebuilds the derived lookups from the rows.
func (st *state) reindex() {
	st.idx = indexes{
		tokens:    map[string]tokenOwner{},
		convs:     map[convKey]*conversation{},
		source:    map[sourceKey]*contactInbox{},
		byContact: map[int64][]*contactInbox{},
		unique:    map[uniqueKey]*contact{},
	}
	for _, ct := range st.Contacts {
		st.indexContact(ct)
	}
	for _, u := range st.Users {
		if u.AccessToken != "" {
			st.idx.tokens[u.AccessToken] = tokenOwner{tokenUser, u.ID}
		}
	}
	for _, b := range st.AgentBots {
		st.idx.tokens[b.AccessToken] = tokenOwner{tokenBot, b.ID}
	}
	for _, a := range st.PlatformApps {
		st.idx.tokens[a.Token] = tokenOwner{tokenPlatform, a.ID}
	}
	for _, c := range st.Conversations {
		st.idx.convs[convKey{c.AccountID, c.DisplayID}] = c
	}
	for _, ci := range st.ContactInboxes {
		st.idx.source[sourceKey{ci.InboxID, ci.SourceID}] = ci
	}
	st.indexByContact()
	if st.Records == nil {
		st.Records = map[string][]*record{}
	}
	if st.Seq == nil {
		st.Seq = map[string]int64{}
	}
}

// addContactInbox stores a contact inbox and indexes it.
func (st *state) addContactInbox(ci *contactInbox) {
	st.ContactInboxes = append(st.ContactInboxes, ci)
	st.idx.source[sourceKey{ci.InboxID, ci.SourceID}] = ci
	st.idx.byContact[ci.ContactID] = append(st.idx.byContact[ci.ContactID], ci)
}

// dropContactInboxes removes the contact inboxes matching drop.
func (st *state) dropContactInboxes(drop func(*contactInbox) bool) {
	kept := st.ContactInboxes[:0]
	for _, ci := range st.ContactInboxes {
		if drop(ci) {
			delete(st.idx.source, sourceKey{ci.InboxID, ci.SourceID})
			st.idx.byContact[ci.ContactID] = keep(st.idx.byContact[ci.ContactID], func(x *contactInbox) bool { return x != ci })
			continue
		}
		kept = append(kept, ci)
	}
	clear(st.ContactInboxes[len(kept):])
	st.ContactInboxes = kept
}

// uniqueKeys are the contact's values that must be unique in its account.
func uniqueKeys(ct *contact) []uniqueKey {
	var keys []uniqueKey
	if ct.Email != "" {
		keys = append(keys, uniqueKey{ct.AccountID, "email", strings.ToLower(ct.Email)})
	}
	if ct.PhoneNumber != "" {
		keys = append(keys, uniqueKey{ct.AccountID, "phone_number", ct.PhoneNumber})
	}
	if ct.Identifier != "" {
		keys = append(keys, uniqueKey{ct.AccountID, "identifier", ct.Identifier})
	}
	return keys
}

func (st *state) indexContact(ct *contact) {
	for _, k := range uniqueKeys(ct) {
		st.idx.unique[k] = ct
	}
}

func (st *state) unindexContact(ct *contact) {
	for _, k := range uniqueKeys(ct) {
		if st.idx.unique[k] == ct {
			delete(st.idx.unique, k)
		}
	}
}

// replaceContact stores an edited copy of a contact, keeping the unique
// index in step.
func (st *state) replaceContact(ct *contact, edited contact) {
	st.unindexContact(ct)
	*ct = edited
	st.indexContact(ct)
}

// contactBy finds an account's contact by a unique field.
func (st *state) contactBy(accountID int64, field, value string) *contact {
	if value == "" {
		return nil
	}
	if field == "email" {
		value = strings.ToLower(value)
	}
	return st.idx.unique[uniqueKey{accountID, field, value}]
}

// indexByContact rebuilds the contact → contact inboxes lookup, after rows
// were dropped or moved to another contact.
func (st *state) indexByContact() {
	st.idx.byContact = map[int64][]*contactInbox{}
	for _, ci := range st.ContactInboxes {
		st.idx.byContact[ci.ContactID] = append(st.idx.byContact[ci.ContactID], ci)
	}
}

// addConversation stores a conversation and indexes it.
func (st *state) addConversation(cv *conversation) {
	st.Conversations = append(st.Conversations, cv)
	st.idx.convs[convKey{cv.AccountID, cv.DisplayID}] = cv
}

// dropConversations removes the conversations matching drop.
func (st *state) dropConversations(drop func(*conversation) bool) {
	kept := st.Conversations[:0]
	for _, cv := range st.Conversations {
		if drop(cv) {
			delete(st.idx.convs, convKey{cv.AccountID, cv.DisplayID})
			continue
		}
		kept = append(kept, cv)
	}
	clear(st.Conversations[len(kept):])
	st.Conversations = kept
}
