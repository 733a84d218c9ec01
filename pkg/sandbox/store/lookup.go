package store

// accountScoped rows belong to one account; findIn returns a row only
// when it is the caller's, so ids of other accounts read as not found.
type accountScoped interface {
	entity
	accountID() int64
}

func (a *AccountUser) accountID() int64 { return a.AccountID }

func (b *AgentBot) accountID() int64 { return b.AccountID }

func (i *Inbox) accountID() int64 { return i.AccountID }

func (t *Team) accountID() int64 { return t.AccountID }

func (c *Contact) accountID() int64 { return c.AccountID }

func (l *Label) accountID() int64 { return l.AccountID }

func (c *CannedResponse) accountID() int64 { return c.AccountID }

func (d *AttributeDef) accountID() int64 { return d.AccountID }

func (f *CustomFilter) accountID() int64 { return f.AccountID }

func (w *Webhook) accountID() int64 { return w.AccountID }

func (r *AutomationRule) accountID() int64 { return r.AccountID }

func (c *Campaign) accountID() int64 { return c.AccountID }

func (r *Record) accountID() int64 { return r.AccountID }

func FindIn[T accountScoped](rows []T, accountID, id int64) T {
	row := FindID(rows, id)
	var zero T
	if any(row) == any(zero) || row.accountID() != accountID {
		return zero
	}
	return row
}

// OfAccount returns the account's rows in id order.
func OfAccount[T accountScoped](rows []T, accountID int64) []T {
	out := make([]T, 0, len(rows))
	for _, r := range rows {
		if r.accountID() == accountID {
			out = append(out, r)
		}
	}
	return out
}

func (st *State) Account(id int64) *Account { return FindID(st.Accounts, id) }

func (st *State) User(id int64) *User {
	u := FindID(st.Users, id)
	if u == nil || u.Deleted {
		return nil
	}
	return u
}

func (st *State) AccountUser(accountID, userID int64) *AccountUser {
	for _, au := range st.AccountUsers {
		if au.AccountID == accountID && au.UserID == userID {
			return au
		}
	}
	return nil
}

func (st *State) AccountUsersOf(userID int64) []*AccountUser {
	var out []*AccountUser
	for _, au := range st.AccountUsers {
		if au.UserID == userID {
			out = append(out, au)
		}
	}
	return out
}

func (st *State) isAdmin(accountID, userID int64) bool {
	au := st.AccountUser(accountID, userID)
	return au != nil && au.Role == "administrator"
}

func (st *State) InboxByIdentifier(identifier string) *Inbox {
	for _, in := range st.Inboxes {
		if in.IsAPI() && in.Identifier == identifier {
			return in
		}
	}
	return nil
}

func (st *State) InboxOf(id int64) *Inbox { return FindID(st.Inboxes, id) }

func (st *State) ContactOf(id int64) *Contact { return FindID(st.Contacts, id) }

func (st *State) ContactInboxesOf(contactID int64) []*ContactInbox {
	return st.idx.byContact[contactID]
}

func (st *State) ContactInboxFor(contactID, inboxID int64) *ContactInbox {
	for _, ci := range st.idx.byContact[contactID] {
		if ci.InboxID == inboxID {
			return ci
		}
	}
	return nil
}

func (st *State) Conversation(accountID, displayID int64) *Conversation {
	return st.idx.convs[convKey{accountID, displayID}]
}

func (st *State) ConversationsOfContact(contactID int64) []*Conversation {
	var out []*Conversation
	for _, c := range st.Conversations {
		if c.ContactID == contactID {
			out = append(out, c)
		}
	}
	return out
}

func (st *State) RecordsOf(kind string) []*Record { return st.Records[kind] }

func (st *State) Record(kind string, accountID, id int64) *Record {
	return FindIn(st.Records[kind], accountID, id)
}

func (st *State) LabelByTitle(accountID int64, title string) *Label {
	for _, l := range st.Labels {
		if l.AccountID == accountID && l.Title == title {
			return l
		}
	}
	return nil
}

// MemberOfInbox says whether a user may see an inbox's conversations.
func (st *State) MemberOfInbox(in *Inbox, userID int64) bool {
	for _, id := range in.Members {
		if id == userID {
			return true
		}
	}
	return false
}

// CanSee says whether a user may see a conversation: administrators see
// the whole account, agents the inboxes they are members of.
func (st *State) CanSee(c *Conversation, userID int64, admin bool) bool {
	if admin {
		return true
	}
	in := st.InboxOf(c.InboxID)
	return in != nil && st.MemberOfInbox(in, userID)
}

func ContainsInt(xs []int64, x int64) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func ContainsStr(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
