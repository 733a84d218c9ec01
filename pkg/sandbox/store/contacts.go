package store

func (st *State) AddContact(ct *Contact, now int64) {
	ct.ID = st.Next("contacts")
	ct.CreatedAt, ct.UpdatedAt = now, now
	st.Contacts = append(st.Contacts, ct)
	st.indexContact(ct)
}

// NewContactInbox links a contact to an inbox; source_id defaults to a
// UUID as Chatwoot gives API and website contacts.
func (st *State) NewContactInbox(ct *Contact, in *Inbox, sourceID string, now int64) *ContactInbox {
	if sourceID == "" {
		sourceID = st.NewUUID()
	}
	ci := &ContactInbox{ContactID: ct.ID, InboxID: in.ID, SourceID: sourceID, PubsubToken: st.NewToken(24)}
	ci.ID = st.Next("contact_inboxes")
	ci.CreatedAt, ci.UpdatedAt = now, now
	st.addContactInbox(ci)
	return ci
}

func (st *State) DeleteContact(ct *Contact) {
	st.UnindexContact(ct)
	st.Contacts = RemoveID(st.Contacts, ct.ID)
	st.DropContactInboxes(func(ci *ContactInbox) bool { return ci.ContactID == ct.ID })
	st.DropConversations(func(cv *Conversation) bool { return cv.ContactID == ct.ID })
	st.DropRecords(KindNotes, func(r *Record) bool { return r.ParentID == ct.ID })
}

// ExistingContact finds the account's contact by identifier, then email,
// then phone number, as Chatwoot's contact builders do.
func (st *State) ExistingContact(accountID int64, identifier, email, phone string) *Contact {
	if ct := st.contactBy(accountID, "identifier", identifier); ct != nil {
		return ct
	}
	if ct := st.contactBy(accountID, "email", email); ct != nil {
		return ct
	}
	return st.contactBy(accountID, "phone_number", phone)
}
