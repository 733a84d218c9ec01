package sandbox

import (
	"net/http"
	"slices"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Companies: the organisations contacts belong to. Lists page 25 at a
// time as {"payload":[…],"meta":{"total_count","page"}}; a single company
// is {"payload":{…}} with unix-second times.

const companyPageSize = 25

func (s *Sandbox) companyRoutes(m *mux) {
	c := acc + "/companies"
	m.user("GET "+c, (*ctx).listCompanies)
	m.user("POST "+c, (*ctx).createCompany)
	m.user("GET "+c+"/search", (*ctx).searchCompanies)
	m.user("GET "+c+"/{id}", (*ctx).showCompany)
	m.user("PATCH|PUT "+c+"/{id}", (*ctx).updateCompany)
	m.admin("DELETE "+c+"/{id}", (*ctx).deleteCompany)
	m.user("POST "+c+"/{id}/destroy_custom_attributes", (*ctx).destroyCompanyAttributes)
	m.user("GET "+c+"/{company_id}/contacts", (*ctx).listCompanyContacts)
	m.user("POST "+c+"/{company_id}/contacts", (*ctx).addCompanyContact)
	m.user("GET "+c+"/{company_id}/contacts/search", (*ctx).searchCompanyContacts)
	m.user("DELETE "+c+"/{company_id}/contacts/{id}", (*ctx).removeCompanyContact)
	m.user("GET "+c+"/{company_id}/conversations", (*ctx).companyConversations)
	m.user("GET "+c+"/{company_id}/notes", (*ctx).companyNotes)
}

func (c *ctx) companyMembers(companyID int64) []*store.Contact {
	var out []*store.Contact
	for _, r := range c.recordsOf(store.KindCompanyContacts, companyID) {
		if ct := store.FindIn(c.st.Contacts, c.acct.ID, intOf(r.Attrs, "contact_id")); ct != nil {
			out = append(out, ct)
		}
	}
	return out
}

func (c *ctx) companyView(r *store.Record) obj {
	members := c.companyMembers(r.ID)
	var last any
	for _, ct := range members {
		if ct.LastActivityAt != 0 && (last == nil || ct.LastActivityAt > last.(int64)) {
			last = ct.LastActivityAt
		}
	}
	return obj{"id": r.ID, "name": str(r.Attrs, "name"), "domain": r.Attrs["domain"], "description": r.Attrs["description"],
		"avatar": nil, "contacts_count": len(members), "additional_attributes": orEmpty(objOf(r.Attrs, "additional_attributes")),
		"custom_attributes": orEmpty(objOf(r.Attrs, "custom_attributes")), "last_activity_at": last,
		"created_at": r.CreatedAt, "updated_at": r.UpdatedAt}
}

func (c *ctx) companyPage(rows []*store.Record) {
	views := viewsOf(rows, c.companyView)
	sortCompanies(views, str(c.params, "sort"))
	c.ok(metaPage(pageOf(views, c.page(), companyPageSize), len(views), c.page()))
}

// sortCompanies orders by name unless sort names another field; a leading
// "-" reverses.
func sortCompanies(rows []obj, sort string) {
	key, desc := strings.TrimPrefix(sort, "-"), strings.HasPrefix(sort, "-")
	if key == "" {
		key = "name"
	}
	slices.SortStableFunc(rows, func(a, b obj) int {
		var d int
		if key == "contacts_count" || key == "created_at" {
			d = int(intOf(a, key) - intOf(b, key))
		} else {
			d = strings.Compare(strings.ToLower(str(a, key)), strings.ToLower(str(b, key)))
		}
		if desc {
			return -d
		}
		return d
	})
}

func (c *ctx) listCompanies() { c.companyPage(c.recordsOf(store.KindCompanies, 0)) }

func (c *ctx) searchCompanies() {
	q := strings.ToLower(strings.TrimSpace(str(c.params, "q")))
	if q == "" {
		c.fail(http.StatusBadRequest, "Specify search string with parameter q")
		return
	}
	var rows []*store.Record
	for _, r := range c.recordsOf(store.KindCompanies, 0) {
		if anyContains(r.Attrs, q, []string{"name", "domain"}) {
			rows = append(rows, r)
		}
	}
	c.companyPage(rows)
}

func (c *ctx) createCompany() {
	if r := c.createRecord(store.KindCompanies, "company", 0, "name"); r != nil {
		c.ok(obj{"payload": c.companyView(r)})
	}
}

func (c *ctx) showCompany() {
	if r := c.findRecord(store.KindCompanies, "id", 0); r != nil {
		c.ok(obj{"payload": c.companyView(r)})
	}
}

// updateCompany merges custom and additional attributes into what the
// company has, so setting one key keeps the others.
func (c *ctx) updateCompany() {
	r := c.findRecord(store.KindCompanies, "id", 0)
	if r == nil {
		return
	}
	old := map[string]obj{}
	for _, k := range []string{"custom_attributes", "additional_attributes"} {
		old[k] = copyObj(objOf(r.Attrs, k))
	}
	c.updateRecord(r, "company")
	for k, before := range old {
		if in, ok := getObj(attrsFrom(c.params, "company"), k); ok {
			for kk, v := range in {
				before[kk] = v
			}
			r.Attrs[k] = before
		}
	}
	c.ok(obj{"payload": c.companyView(r)})
}

// deleteCompany keeps the contacts; they leave the company.
func (c *ctx) deleteCompany() {
	r := c.findRecord(store.KindCompanies, "id", 0)
	if r == nil {
		return
	}
	c.st.DropRecords(store.KindCompanyContacts, func(x *store.Record) bool { return x.AccountID == r.AccountID && x.ParentID == r.ID })
	c.deleteRecord(store.KindCompanies, r)
}

func (c *ctx) destroyCompanyAttributes() {
	r := c.findRecord(store.KindCompanies, "id", 0)
	if r == nil {
		return
	}
	keys, ok := getStrs(c.params, "custom_attributes")
	if !ok {
		c.missing("custom_attributes")
		return
	}
	attrs := copyObj(objOf(r.Attrs, "custom_attributes"))
	for _, k := range keys {
		delete(attrs, k)
	}
	r.Attrs["custom_attributes"], r.UpdatedAt = attrs, c.now()
	c.ok(obj{"payload": c.companyView(r)})
}

func (c *ctx) companyContactPage(rows []*store.Contact) {
	out := []any{}
	for _, ct := range pageOf(rows, c.page(), companyPageSize) {
		out = append(out, renderContact(c.st, ct, false))
	}
	c.ok(obj{"payload": out, "meta": obj{"total_count": len(rows), "page": c.page()}})
}

func (c *ctx) listCompanyContacts() {
	if co := c.findRecord(store.KindCompanies, "company_id", 0); co != nil {
		c.companyContactPage(c.companyMembers(co.ID))
	}
}

// searchCompanyContacts finds contacts of the account that are not yet in
// this company, by name, email or phone number: the picker's list.
func (c *ctx) searchCompanyContacts() {
	co := c.findRecord(store.KindCompanies, "company_id", 0)
	if co == nil {
		return
	}
	q := strings.ToLower(strings.TrimSpace(str(c.params, "q")))
	in := map[int64]bool{}
	for _, ct := range c.companyMembers(co.ID) {
		in[ct.ID] = true
	}
	var rows []*store.Contact
	for _, ct := range c.st.Contacts {
		if ct.AccountID != c.acct.ID || in[ct.ID] {
			continue
		}
		hay := strings.ToLower(ct.Name + " " + ct.Email + " " + ct.PhoneNumber)
		if q == "" || strings.Contains(hay, q) {
			rows = append(rows, ct)
		}
	}
	c.companyContactPage(rows)
}

// addCompanyContact moves the contact into this company: a contact is in
// one company at most.
func (c *ctx) addCompanyContact() {
	co := c.findRecord(store.KindCompanies, "company_id", 0)
	if co == nil {
		return
	}
	ct := store.FindIn(c.st.Contacts, c.acct.ID, intOf(c.params, "contact_id"))
	if ct == nil {
		c.notFound()
		return
	}
	c.st.DropRecords(store.KindCompanyContacts, func(x *store.Record) bool {
		return x.AccountID == c.acct.ID && intOf(x.Attrs, "contact_id") == ct.ID
	})
	c.st.AddRecord(store.KindCompanyContacts, &store.Record{AccountID: c.acct.ID, ParentID: co.ID, Attrs: obj{"contact_id": ct.ID}}, c.now())
	c.ok(obj{"payload": renderContact(c.st, ct, false)})
}

func (c *ctx) removeCompanyContact() {
	co := c.findRecord(store.KindCompanies, "company_id", 0)
	if co == nil {
		return
	}
	id, ok := c.pathID("id")
	if !ok {
		return
	}
	c.dropLink(store.KindCompanyContacts, co.ID, "contact_id", id)
}

func (c *ctx) companyConversations() {
	co := c.findRecord(store.KindCompanies, "company_id", 0)
	if co == nil {
		return
	}
	var rows []*store.Conversation
	for _, ct := range c.companyMembers(co.ID) {
		rows = append(rows, c.st.ConversationsOfContact(ct.ID)...)
	}
	slices.SortStableFunc(rows, func(a, b *store.Conversation) int { return int(b.LastActivityAt - a.LastActivityAt) })
	out := []any{}
	for _, cv := range pageOf(rows, c.page(), companyPageSize) {
		out = append(out, renderConversation(c.st, cv))
	}
	c.ok(obj{"payload": out, "meta": obj{"total_count": len(rows), "page": c.page()}})
}

// companyNotes are the notes on the company's contacts, newest first,
// each with the contact it is on.
func (c *ctx) companyNotes() {
	co := c.findRecord(store.KindCompanies, "company_id", 0)
	if co == nil {
		return
	}
	out := []obj{}
	for _, ct := range c.companyMembers(co.ID) {
		for _, n := range c.recordsOf(store.KindNotes, ct.ID) {
			v := c.noteView(n)
			v["contact"] = obj{"id": ct.ID, "name": ct.Name}
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b obj) int { return int(intOf(b, "created_at") - intOf(a, "created_at")) })
	c.ok(obj{"payload": out})
}
