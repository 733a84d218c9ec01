package store

func (cv *Conversation) Message(id int64) *Message { return FindID(cv.Messages, id) }

func (st *State) NewConversation(acct *Account, in *Inbox, ct *Contact, ci *ContactInbox, now int64) *Conversation {
	acct.DisplaySeq++
	cv := &Conversation{
		AccountID: acct.ID, DisplayID: acct.DisplaySeq, InboxID: in.ID, ContactID: ct.ID,
		ContactInboxID: ci.ID, Status: StatusOpen, UUID: st.NewUUID(), CustomAttributes: obj{},
		AdditionalAttributes: obj{}, Labels: []string{}, LastActivityAt: now, WaitingSince: now,
	}
	if ct.Blocked {
		cv.Status = StatusResolved
	}
	cv.ID = st.Next("conversations")
	cv.CreatedAt, cv.UpdatedAt = now, now
	st.addConversation(cv)
	return cv
}
