package store

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

// State is everything the sandbox knows. It is one value guarded by the
// Sandbox's RWMutex and it is exactly what Save writes, so every field is
// exported for encoding/json. Slices are kept in ascending id order (ids are
// handed out increasingly and rows are appended), which makes lookups a
// binary search and default listings a plain walk.
type State struct {
	Version int              `json:"version"`
	Seq     map[string]int64 `json:"seq"`
	// Generation names this snapshot; the journal beside it says which
	// generation its changes follow (see File).
	Generation string `json:"generation,omitempty"`

	PlatformApps    []*PlatformApp    `json:"platform_apps"`
	Permissibles    []Permissible     `json:"permissibles"`
	Accounts        []*Account        `json:"accounts"`
	Users           []*User           `json:"users"`
	AccountUsers    []*AccountUser    `json:"account_users"`
	AgentBots       []*AgentBot       `json:"agent_bots"`
	Inboxes         []*Inbox          `json:"inboxes"`
	Teams           []*Team           `json:"teams"`
	Contacts        []*Contact        `json:"contacts"`
	ContactInboxes  []*ContactInbox   `json:"contact_inboxes"`
	Conversations   []*Conversation   `json:"conversations"`
	Labels          []*Label          `json:"labels"`
	CannedResponses []*CannedResponse `json:"canned_responses"`
	AttributeDefs   []*AttributeDef   `json:"custom_attribute_definitions"`
	CustomFilters   []*CustomFilter   `json:"custom_filters"`
	Webhooks        []*Webhook        `json:"webhooks"`
	AutomationRules []*AutomationRule `json:"automation_rules"`
	Campaigns       []*Campaign       `json:"campaigns"`
	Notifications   []*Notification   `json:"notifications"`

	// Records holds the resources the sandbox stores as free-form
	// attributes (macros, SLA policies, notes, portals…), by kind.
	Records map[string][]*Record `json:"records"`

	idx indexes
	rnd source // draws tokens and UUIDs; see Reseed
}

// indexes are lookups derived from state; rebuilt after Load, kept in step
// by the few places that add or remove the rows they cover.
type indexes struct {
	tokens    map[string]TokenOwner
	convs     map[convKey]*Conversation
	source    map[sourceKey]*ContactInbox
	byContact map[int64][]*ContactInbox
	unique    map[uniqueKey]*Contact // email, phone number, identifier per account
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

type TokenKind int

const (
	TokenUser TokenKind = iota + 1
	TokenBot
	TokenPlatform
)

type TokenOwner struct {
	Kind TokenKind
	ID   int64
}

// base is embedded by every stored row.
type base struct {
	ID        int64 `json:"id"`
	CreatedAt int64 `json:"created_at"`
	UpdatedAt int64 `json:"updated_at"`
}

func (b *base) getID() int64 { return b.ID }

type entity interface{ getID() int64 }

// FindID returns the row with id from an id-ordered slice, or nil.
func FindID[T entity](rows []T, id int64) T {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].getID() >= id })
	if i < len(rows) && rows[i].getID() == id {
		return rows[i]
	}
	var zero T
	return zero
}

// RemoveID drops the row with id, keeping order.
func RemoveID[T entity](rows []T, id int64) []T {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].getID() >= id })
	if i < len(rows) && rows[i].getID() == id {
		return append(rows[:i], rows[i+1:]...)
	}
	return rows
}

func newState() *State {
	st := &State{Version: stateVersion, Seq: map[string]int64{}, Records: map[string][]*Record{}}
	st.Reindex()
	return st
}

// Next hands out the next id of a table.
func (st *State) Next(table string) int64 {
	st.Seq[table]++
	return st.Seq[table]
}

// Reindex rebuilds the derived lookups from the rows.
func (st *State) Reindex() {
	st.idx = indexes{
		tokens:    map[string]TokenOwner{},
		convs:     map[convKey]*Conversation{},
		source:    map[sourceKey]*ContactInbox{},
		byContact: map[int64][]*ContactInbox{},
		unique:    map[uniqueKey]*Contact{},
	}
	for _, ct := range st.Contacts {
		st.indexContact(ct)
	}
	for _, u := range st.Users {
		if u.AccessToken != "" {
			st.idx.tokens[u.AccessToken] = TokenOwner{TokenUser, u.ID}
		}
	}
	for _, b := range st.AgentBots {
		st.idx.tokens[b.AccessToken] = TokenOwner{TokenBot, b.ID}
	}
	for _, a := range st.PlatformApps {
		st.idx.tokens[a.Token] = TokenOwner{TokenPlatform, a.ID}
	}
	for _, c := range st.Conversations {
		st.idx.convs[convKey{c.AccountID, c.DisplayID}] = c
	}
	for _, ci := range st.ContactInboxes {
		st.idx.source[sourceKey{ci.InboxID, ci.SourceID}] = ci
	}
	st.IndexByContact()
	if st.Records == nil {
		st.Records = map[string][]*Record{}
	}
	if st.Seq == nil {
		st.Seq = map[string]int64{}
	}
}

// addContactInbox stores a contact inbox and indexes it.
func (st *State) addContactInbox(ci *ContactInbox) {
	st.ContactInboxes = append(st.ContactInboxes, ci)
	st.idx.source[sourceKey{ci.InboxID, ci.SourceID}] = ci
	st.idx.byContact[ci.ContactID] = append(st.idx.byContact[ci.ContactID], ci)
}

// DropContactInboxes removes the contact inboxes matching drop.
func (st *State) DropContactInboxes(drop func(*ContactInbox) bool) {
	kept := st.ContactInboxes[:0]
	for _, ci := range st.ContactInboxes {
		if drop(ci) {
			delete(st.idx.source, sourceKey{ci.InboxID, ci.SourceID})
			st.idx.byContact[ci.ContactID] = Keep(st.idx.byContact[ci.ContactID], func(x *ContactInbox) bool { return x != ci })
			continue
		}
		kept = append(kept, ci)
	}
	clear(st.ContactInboxes[len(kept):])
	st.ContactInboxes = kept
}

// uniqueKeys are the contact's values that must be unique in its account.
func uniqueKeys(ct *Contact) []uniqueKey {
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

func (st *State) indexContact(ct *Contact) {
	for _, k := range uniqueKeys(ct) {
		st.idx.unique[k] = ct
	}
}

func (st *State) UnindexContact(ct *Contact) {
	for _, k := range uniqueKeys(ct) {
		if st.idx.unique[k] == ct {
			delete(st.idx.unique, k)
		}
	}
}

// ReplaceContact stores an edited copy of a contact, keeping the unique
// index in step.
func (st *State) ReplaceContact(ct *Contact, edited Contact) {
	st.UnindexContact(ct)
	*ct = edited
	st.indexContact(ct)
}

// contactBy finds an account's contact by a unique field.
func (st *State) contactBy(accountID int64, field, value string) *Contact {
	if value == "" {
		return nil
	}
	if field == "email" {
		value = strings.ToLower(value)
	}
	return st.idx.unique[uniqueKey{accountID, field, value}]
}

// IndexByContact rebuilds the contact → contact inboxes lookup, after rows
// were dropped or moved to another contact.
func (st *State) IndexByContact() {
	st.idx.byContact = map[int64][]*ContactInbox{}
	for _, ci := range st.ContactInboxes {
		st.idx.byContact[ci.ContactID] = append(st.idx.byContact[ci.ContactID], ci)
	}
}

// addConversation stores a conversation and indexes it.
func (st *State) addConversation(cv *Conversation) {
	st.Conversations = append(st.Conversations, cv)
	st.idx.convs[convKey{cv.AccountID, cv.DisplayID}] = cv
}

// DropConversations removes the conversations matching drop.
func (st *State) DropConversations(drop func(*Conversation) bool) {
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

// Owner says whose an access token is.
func (st *State) Owner(token string) (TokenOwner, bool) {
	owner, ok := st.idx.tokens[token]
	return owner, ok
}

// RotateToken moves an owner from its old token to a new one; an empty new
// token only revokes the old.
func (st *State) RotateToken(old, new string, owner TokenOwner) {
	delete(st.idx.tokens, old)
	if new != "" {
		st.idx.tokens[new] = owner
	}
}

// ContactInboxBySource finds an inbox's contact inbox by its source id.
func (st *State) ContactInboxBySource(inboxID int64, sourceID string) *ContactInbox {
	return st.idx.source[sourceKey{inboxID, sourceID}]
}

// TakenFields lists the unique fields (email, phone_number, identifier)
// whose value another contact of ct's account already holds.
func (st *State) TakenFields(ct *Contact) []string {
	var taken []string
	for _, k := range uniqueKeys(ct) {
		if other := st.idx.unique[k]; other != nil && other.ID != ct.ID {
			taken = append(taken, k.field)
		}
	}
	return taken
}
