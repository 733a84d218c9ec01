package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/lazyregexp"
	"github.com/wootcli/woot/pkg/sandbox/store"
)

// contactsPerPage is Chatwoot's fixed RESULTS_PER_PAGE (FACTS §5).
const contactsPerPage = 15

func (c *ctx) listContacts() {
	sortKey := str(c.params, "sort")
	labels, _ := getStrs(c.params, "labels")
	key := "index|" + strconv.FormatInt(c.acct.ID, 10) + "|" + sortKey + "|" + strings.Join(labels, ",")
	rows := c.s.cache.contactList(key, func() []*store.Contact {
		var out []*store.Contact
		for _, ct := range c.st.Contacts {
			if ct.AccountID == c.acct.ID && ct.Resolved() && (len(labels) == 0 || anyIn(ct.Labels, labels)) {
				out = append(out, ct)
			}
		}
		sortContacts(out, sortKey)
		return out
	})
	c.contactPage(rows, len(rows), nil)
}

func (c *ctx) activeContacts() {
	var rows []*store.Contact
	for _, ct := range c.st.Contacts {
		if ct.AccountID == c.acct.ID && ct.Online {
			rows = append(rows, ct)
		}
	}
	sortContacts(rows, str(c.params, "sort"))
	c.contactPage(rows, len(rows), nil)
}

// searchContacts matches name, email, phone number and identifier (and
// the id when q is a number). Like Chatwoot it looks one row ahead: count
// is the rows on this page and has_more says whether another follows.
func (c *ctx) searchContacts() {
	q := strings.TrimSpace(str(c.params, "q"))
	if q == "" {
		c.fail(http.StatusUnprocessableEntity, errSearchNeedsTerm)
		return
	}
	rows := matchContacts(c.st, c.acct.ID, q)
	sortContacts(rows, str(c.params, "sort"))
	page := pageOf(rows, c.page(), contactsPerPage)
	hasMore := c.page()*contactsPerPage < len(rows)
	c.contactPage(page, len(page), &hasMore)
}

func matchContacts(st *store.State, accountID int64, q string) []*store.Contact {
	id, _ := strconv.ParseInt(q, 10, 64)
	var rows []*store.Contact
	for _, ct := range st.Contacts {
		if ct.AccountID != accountID {
			continue
		}
		if ct.ID == id || containsFold(ct.Name, q) || containsFold(ct.Email, q) ||
			containsFold(ct.PhoneNumber, q) || strings.Contains(ct.Identifier, q) {
			rows = append(rows, ct)
		}
	}
	return rows
}

func (c *ctx) filterContacts() {
	conds, err := parseConditions(c.params, c.now())
	if err != nil {
		c.fail(http.StatusUnprocessableEntity, err.Error())
		return
	}
	var rows []*store.Contact
	for _, ct := range c.st.Contacts {
		if ct.AccountID == c.acct.ID && matchAll(conds, func(key string) []string { return contactFilterValues(ct, key) }) {
			rows = append(rows, ct)
		}
	}
	sortContacts(rows, str(c.params, "sort"))
	c.contactPage(rows, len(rows), nil)
}

// contactPage answers {"meta":{"count","current_page"},"payload":[…]}.
// rows is either the full list (paged here) or, when hasMore is set, the
// page itself.
func (c *ctx) contactPage(rows []*store.Contact, count int, hasMore *bool) {
	page := rows
	if hasMore == nil {
		page = pageOf(rows, c.page(), contactsPerPage)
	}
	with := c.includeContactInboxes()
	views := make([]contactView, 0, len(page))
	for _, ct := range page {
		views = append(views, renderContact(c.st, ct, with))
	}
	meta := obj{"count": count, "current_page": c.currentPage()}
	if hasMore != nil {
		meta["has_more"] = *hasMore
	}
	c.ok(obj{"meta": meta, "payload": views})
}

// currentPage echoes the page as Chatwoot does: the string the client sent,
// or the number 1 when it sent none.
func (c *ctx) currentPage() any {
	if p, ok := getStr(c.params, "page"); ok && p != "" {
		return p
	}
	return 1
}

func (c *ctx) includeContactInboxes() bool {
	v, ok := getStr(c.params, "include_contact_inboxes")
	return !ok || v == "" || v == "true"
}

// sortContacts applies Chatwoot's sort param: a field name, "-" for
// descending; without one the database order (ids ascending) stands.
func sortContacts(rows []*store.Contact, key string) {
	desc := strings.HasPrefix(key, "-")
	key = strings.TrimPrefix(key, "-")
	var field func(*store.Contact) string
	switch key {
	case "name":
		field = func(c *store.Contact) string { return strings.ToLower(c.Name) }
	case "email":
		field = func(c *store.Contact) string { return c.Email }
	case "phone_number":
		field = func(c *store.Contact) string { return c.PhoneNumber }
	case "company_name", "company", "city", "country":
		if key == "company_name" {
			key = "company"
		}
		field = func(c *store.Contact) string { return strings.Join(attrValues(c.AdditionalAttributes, key), "") }
	case "last_activity_at":
		slices.SortStableFunc(rows, func(a, b *store.Contact) int { return order(cmp.Compare(a.LastActivityAt, b.LastActivityAt), desc) })
		return
	case "created_at":
		slices.SortStableFunc(rows, func(a, b *store.Contact) int { return order(cmp.Compare(a.CreatedAt, b.CreatedAt), desc) })
		return
	default:
		return
	}
	slices.SortStableFunc(rows, func(a, b *store.Contact) int {
		fa, fb := field(a), field(b)
		// Blank values sort last either way, like NULLS LAST.
		if (fa == "") != (fb == "") {
			return cmp.Compare(boolInt(fa == ""), boolInt(fb == ""))
		}
		return order(strings.Compare(fa, fb), desc)
	})
}

func order(c int, desc bool) int {
	if desc {
		return -c
	}
	return c
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func anyIn(have, want []string) bool {
	for _, w := range want {
		if store.ContainsStr(have, w) {
			return true
		}
	}
	return false
}

func (c *ctx) showContact() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	c.ok(obj{"payload": renderContact(c.st, ct, c.includeContactInboxes())})
}

func (c *ctx) findContact(param string) *store.Contact {
	id, ok := c.pathID(param)
	if !ok {
		return nil
	}
	ct := store.FindIn(c.st.Contacts, c.acct.ID, id)
	if ct == nil {
		c.notFound()
	}
	return ct
}

// createContact answers like the server's create view:
// {"payload":{"contact":…,"contact_inbox":{"inbox":…,"source_id":…}}}.
func (c *ctx) createContact() {
	p := c.params
	ct := &store.Contact{AccountID: c.acct.ID, CustomAttributes: obj{}, AdditionalAttributes: obj{}}
	applyContactFields(ct, p)
	var in *store.Inbox
	if inboxID, ok := getInt(p, "inbox_id"); ok {
		if in = store.FindIn(c.st.Inboxes, c.acct.ID, inboxID); in == nil {
			c.notFound()
			return
		}
	}
	if !c.validContact(ct) {
		return
	}
	c.st.AddContact(ct, c.now())
	ciView := obj{"inbox": nil, "source_id": nil}
	if in != nil {
		ci := c.st.NewContactInbox(ct, in, str(p, "source_id"), c.now())
		ciView = obj{"inbox": slimInbox(in), "source_id": ci.SourceID}
	}
	c.contactEvent("contact.created", ct, nil)
	c.ok(obj{"payload": obj{"contact": renderContact(c.st, ct, true), "contact_inbox": ciView}})
}

// applyContactFields copies the permitted contact params; custom and
// additional attributes merge into what is stored, as the server's update
// does.
func applyContactFields(ct *store.Contact, p obj) changes {
	var ch changes
	set := func(key string, dst *string, norm func(string) string) {
		if v, ok := getStr(p, key); ok {
			v = norm(strings.TrimSpace(v))
			if v != *dst {
				ch.add(key, strOrNil(*dst), strOrNil(v))
			}
			*dst = v
		}
	}
	same := func(s string) string { return s }
	set("name", &ct.Name, same)
	set("email", &ct.Email, strings.ToLower)
	set("phone_number", &ct.PhoneNumber, same)
	set("identifier", &ct.Identifier, same)
	set("avatar_url", &ct.AvatarURL, same)
	if v, ok := getBool(p, "blocked"); ok {
		if v != ct.Blocked {
			ch.add("blocked", ct.Blocked, v)
		}
		ct.Blocked = v
	}
	if m, ok := getObj(p, "custom_attributes"); ok {
		prev := copyObj(ct.CustomAttributes)
		ct.CustomAttributes = mergeObj(ct.CustomAttributes, m)
		ch.add("custom_attributes", prev, ct.CustomAttributes)
	}
	if m, ok := getObj(p, "additional_attributes"); ok {
		prev := copyObj(ct.AdditionalAttributes)
		ct.AdditionalAttributes = mergeObj(ct.AdditionalAttributes, m)
		ch.add("additional_attributes", prev, ct.AdditionalAttributes)
	}
	return ch
}

func mergeObj(dst, src obj) obj {
	out := copyObj(dst)
	for k, v := range src {
		out[k] = v
	}
	return out
}

var e164 = &lazyregexp.Regexp{Expr: `^\+[1-9]\d{1,14}$`}

// validContact runs the model validations Chatwoot has on contacts and
// answers 422 {"message","attributes"} when one fails.
func (c *ctx) validContact(ct *store.Contact) bool {
	var msgs, attrs []string
	bad := func(attr, msg string) {
		msgs = append(msgs, msg)
		attrs = append(attrs, attr)
	}
	if ct.Email != "" && (!strings.Contains(ct.Email, "@") || strings.ContainsAny(ct.Email, " ,")) {
		bad("email", "Email Invalid email")
	}
	if ct.PhoneNumber != "" && !e164.MatchString(ct.PhoneNumber) {
		bad("phone_number", "Phone number should be in e164 format")
	}
	taken := map[string]string{"email": "Email has already been taken",
		"phone_number": "Phone number has already been taken", "identifier": "Identifier has already been taken"}
	for _, field := range c.st.TakenFields(ct) {
		if !store.ContainsStr(attrs, field) {
			bad(field, taken[field])
		}
	}
	if len(msgs) > 0 {
		c.invalid(strings.Join(msgs, ", "), attrs...)
		return false
	}
	return true
}

// updateContact answers 200 {"payload": contact} like the server's update
// view (the spec's 204 cannot carry the body it documents).
func (c *ctx) updateContact() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	if c.applyContactUpdate(ct) {
		c.ok(obj{"payload": renderContact(c.st, ct, c.includeContactInboxes())})
	}
}

// applyContactUpdate applies the request's contact fields to ct, as the
// Application and Client APIs both do: validated on a copy first, then
// stored, then contact.updated with what changed. It reports whether the
// update was stored (when not, the answer is already written).
func (c *ctx) applyContactUpdate(ct *store.Contact) bool {
	draft := *ct
	ch := applyContactFields(&draft, c.params)
	if !c.validContact(&draft) {
		return false
	}
	c.st.ReplaceContact(ct, draft)
	ct.UpdatedAt = c.now()
	c.contactEvent("contact.updated", ct, ch)
	return true
}

func (c *ctx) deleteContact() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	if ct.Online {
		c.json(http.StatusUnprocessableEntity, obj{"message": ct.Name + " is Online, please try again after the contact is offline"})
		return
	}
	c.st.DeleteContact(ct)
	c.emit("contact.deleted", ct.AccountID, contactPushOf(ct), []string{accountStream(ct.AccountID)}, "", nil, nil)
	c.head(http.StatusOK)
}

func (c *ctx) contactConversations() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	out := []conversationView{}
	for _, cv := range c.st.ConversationsOfContact(ct.ID) {
		if c.st.CanSee(cv, c.actorID(), c.isAdmin()) {
			out = append(out, renderConversation(c.st, cv))
		}
	}
	c.ok(obj{"payload": out})
}

func (c *ctx) contactLabels() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	c.ok(obj{"payload": labelsOf(ct.Labels)})
}

// setContactLabels replaces the contact's labels with the given list.
func (c *ctx) setContactLabels() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	labels, ok := getStrs(c.params, "labels")
	if !ok {
		c.missing("labels")
		return
	}
	prev := labelsOf(ct.Labels)
	ct.Labels = dedupe(labels)
	ct.UpdatedAt = c.now()
	var ch changes
	ch.add("label_list", prev, ct.Labels)
	c.contactEvent("contact.updated", ct, ch)
	c.ok(obj{"payload": labelsOf(ct.Labels)})
}

func dedupe(xs []string) []string {
	out := []string{}
	for _, x := range xs {
		if x != "" && !store.ContainsStr(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func (c *ctx) createContactInbox() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	inboxID, ok := getInt(c.params, "inbox_id")
	if !ok {
		c.missing("inbox_id")
		return
	}
	in := store.FindIn(c.st.Inboxes, c.acct.ID, inboxID)
	if in == nil {
		c.notFound()
		return
	}
	sourceID := str(c.params, "source_id")
	if sourceID != "" && c.st.ContactInboxBySource(in.ID, sourceID) != nil {
		c.invalid("Source has already been taken", "source_id")
		return
	}
	ci := c.st.NewContactInbox(ct, in, sourceID, c.now())
	c.ok(obj{"source_id": ci.SourceID, "inbox": obj{"id": in.ID, "avatar_url": "", "channel_id": in.ChannelID,
		"name": in.Name, "channel_type": in.ChannelType}})
}

// contactableInboxes lists the inboxes a new conversation with the contact
// can start in: API inboxes get a fresh source id, others the contact's.
func (c *ctx) contactableInboxes() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	out := []obj{}
	for _, in := range store.OfAccount(c.st.Inboxes, c.acct.ID) {
		sourceID := ""
		switch {
		case in.IsAPI():
			sourceID = c.st.NewUUID()
		default:
			if ci := c.st.ContactInboxFor(ct.ID, in.ID); ci != nil {
				sourceID = ci.SourceID
			}
		}
		if sourceID == "" {
			continue
		}
		out = append(out, obj{"source_id": sourceID, "inbox": inboxView(in, c.isAdmin())})
	}
	c.ok(obj{"payload": out})
}

// mergeContacts moves the mergee's conversations, inboxes and notes to the
// base contact, fills its blank fields, and deletes the mergee.
func (c *ctx) mergeContacts() {
	baseID, ok1 := getInt(c.params, "base_contact_id")
	mergeeID, ok2 := getInt(c.params, "mergee_contact_id")
	if !ok1 || !ok2 {
		c.missing("base_contact_id")
		return
	}
	base := store.FindIn(c.st.Contacts, c.acct.ID, baseID)
	mergee := store.FindIn(c.st.Contacts, c.acct.ID, mergeeID)
	if base == nil || mergee == nil {
		c.notFound()
		return
	}
	if base.ID == mergee.ID {
		c.invalid("Base contact and mergee contact cannot be the same", "base_contact_id")
		return
	}
	for _, cv := range c.st.Conversations {
		if cv.ContactID == mergee.ID {
			cv.ContactID = base.ID
		}
	}
	for _, ci := range c.st.ContactInboxes {
		if ci.ContactID == mergee.ID {
			ci.ContactID = base.ID
		}
	}
	for _, r := range c.st.RecordsOf(store.KindNotes) {
		if r.ParentID == mergee.ID {
			r.ParentID = base.ID
		}
	}
	c.st.IndexByContact()
	c.st.UnindexContact(mergee)
	c.st.Contacts = store.RemoveID(c.st.Contacts, mergee.ID)
	merged := *base
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&merged.Name, mergee.Name)
	fill(&merged.Email, mergee.Email)
	fill(&merged.PhoneNumber, mergee.PhoneNumber)
	fill(&merged.Identifier, mergee.Identifier)
	merged.CustomAttributes = mergeObj(mergee.CustomAttributes, base.CustomAttributes)
	merged.AdditionalAttributes = mergeObj(mergee.AdditionalAttributes, base.AdditionalAttributes)
	merged.Labels = dedupe(append(labelsOf(base.Labels), mergee.Labels...))
	merged.UpdatedAt = c.now()
	c.st.ReplaceContact(base, merged)
	c.emit("contact.merged", base.AccountID, contactPushOf(base), []string{accountStream(base.AccountID)}, "", nil, nil)
	c.ok(renderContact(c.st, base, false))
}

func (c *ctx) destroyContactAttributes() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	keys, _ := getStrs(c.params, "custom_attributes")
	prev := copyObj(ct.CustomAttributes)
	ct.CustomAttributes = copyObj(ct.CustomAttributes)
	for _, k := range keys {
		delete(ct.CustomAttributes, k)
	}
	ct.UpdatedAt = c.now()
	var ch changes
	ch.add("custom_attributes", prev, ct.CustomAttributes)
	c.contactEvent("contact.updated", ct, ch)
	c.ok(obj{"payload": renderContact(c.st, ct, true)})
}

func (c *ctx) exportContacts() { c.head(http.StatusOK) }

func (c *ctx) contactAttachments() {
	ct := c.findContact("contact_id")
	if ct == nil {
		return
	}
	out := []attachmentView{}
	for _, cv := range c.st.ConversationsOfContact(ct.ID) {
		for _, m := range cv.Messages {
			out = append(out, renderMessage(c.st, cv, m).Attachments...)
		}
	}
	c.ok(obj{"payload": out})
}
