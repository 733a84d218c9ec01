package sandbox

// accountScoped rows belong to one account; findIn returns a row only
// when it is the caller's, so ids of other accounts read as not found.
type accountScoped interface {
	entity
	accountID() int64
}

func (a *accountUser) accountID() int64    { return a.AccountID }
func (b *agentBot) accountID() int64       { return b.AccountID }
func (i *inbox) accountID() int64          { return i.AccountID }
func (t *team) accountID() int64           { return t.AccountID }
func (c *contact) accountID() int64        { return c.AccountID }
func (l *label) accountID() int64          { return l.AccountID }
func (c *cannedResponse) accountID() int64 { return c.AccountID }
func (d *attributeDef) accountID() int64   { return d.AccountID }
func (f *customFilter) accountID() int64   { return f.AccountID }
func (w *webhook) accountID() int64        { return w.AccountID }
func (r *automationRule) accountID() int64 { return r.AccountID }
func (c *campaign) accountID() int64       { return c.AccountID }
func (r *record) accountID() int64         { return r.AccountID }

func findIn[T accountScoped](rows []T, accountID, id int64) T {
	row := findID(rows, id)
	var zero T
	if any(row) == any(zero) || row.accountID() != accountID {
		return zero
	}
	return row
}

// ofAccount returns the account's rows in id order.
func ofAccount[T accountScoped](rows []T, accountID int64) []T {
	out := make([]T, 0, len(rows))
	for _, r := range rows {
		if r.accountID() == accountID {
			out = append(out, r)
		}
	}
	return out
}

func (st *state) account(id int64) *account { return findID(st.Accounts, id) }

func (st *state) user(id int64) *user {
	u := findID(st.Users, id)
	if u == nil || u.Deleted {
		return nil
	}
	return u
}

func (st *state) accountUser(accountID, userID int64) *accountUser {
	for _, au := range st.AccountUsers {
		if au.AccountID == accountID && au.UserID == userID {
			return au
		}
	}
	return nil
}

func (st *state) accountUsersOf(userID int64) []*accountUser {
	var out []*accountUser
	for _, au := range st.AccountUsers {
		if au.UserID == userID {
			out = append(out, au)
		}
	}
	return out
}

func (st *state) isAdmin(accountID, userID int64) bool {
	au := st.accountUser(accountID, userID)
	return au != nil && au.Role == "administrator"
}

func (st *state) inboxByIdentifier(identifier string) *inbox {
	for _, in := range st.Inboxes {
		if in.isAPI() && in.Identifier == identifier {
			return in
		}
	}
	return nil
}

func (st *state) inboxOf(id int64) *inbox { return findID(st.Inboxes, id) }

func (st *state) contactOf(id int64) *contact { return findID(st.Contacts, id) }

func (st *state) contactInboxesOf(contactID int64) []*contactInbox {
	return st.idx.byContact[contactID]
}

func (st *state) contactInboxFor(contactID, inboxID int64) *contactInbox {
	for _, ci := range st.idx.byContact[contactID] {
		if ci.InboxID == inboxID {
			return ci
		}
	}
	return nil
}

func (st *state) conversation(accountID, displayID int64) *conversation {
	return st.idx.convs[convKey{accountID, displayID}]
}

func (st *state) conversationsOfContact(contactID int64) []*conversation {
	var out []*conversation
	for _, c := range st.Conversations {
		if c.ContactID == contactID {
			out = append(out, c)
		}
	}
	return out
}

func (st *state) records(kind string) []*record { return st.Records[kind] }

func (st *state) record(kind string, accountID, id int64) *record {
	return findIn(st.Records[kind], accountID, id)
}

func (st *state) labelByTitle(accountID int64, title string) *label {
	for _, l := range st.Labels {
		if l.AccountID == accountID && l.Title == title {
			return l
		}
	}
	return nil
}

// memberOfInbox says whether a user may see an inbox's conversations.
func (st *state) memberOfInbox(in *inbox, userID int64) bool {
	for _, id := range in.Members {
		if id == userID {
			return true
		}
	}
	return false
}

// canSee says whether a user may see a conversation: administrators see
// the whole account, agents the inboxes they are members of.
func (st *state) canSee(c *conversation, userID int64, admin bool) bool {
	if admin {
		return true
	}
	in := st.inboxOf(c.InboxID)
	return in != nil && st.memberOfInbox(in, userID)
}

func containsInt(xs []int64, x int64) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func containsStr(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
