package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// conversationsPerPage is CONVERSATION_RESULTS_PER_PAGE's default (FACTS §5).
const conversationsPerPage = 25

var priorities = map[string]bool{"urgent": true, "high": true, "medium": true, "low": true}

// conversationRows applies the list filters Chatwoot's ConversationFinder
// applies before the assignee filter: visibility, status (open unless
// given; "all" for every status), inbox, team, labels, q and custom
// filter conditions.
func (c *ctx) conversationRows(conds []condition) []*conversation {
	p := c.params
	status := str(p, "status")
	if status == "" && conds == nil {
		status = statusOpen
	}
	inboxID, hasInbox := getInt(p, "inbox_id")
	teamID, hasTeam := getInt(p, "team_id")
	labels, _ := getStrs(p, "labels")
	q := strings.TrimSpace(str(p, "q"))
	admin, uid := c.isAdmin() || c.bot != nil, c.actorID()
	var rows []*conversation
	for _, cv := range c.st.Conversations {
		switch {
		case cv.AccountID != c.acct.ID,
			status != "" && status != "all" && cv.Status != status,
			hasInbox && cv.InboxID != inboxID,
			hasTeam && cv.TeamID != teamID,
			len(labels) > 0 && !anyIn(cv.Labels, labels),
			!c.st.canSee(cv, uid, admin),
			q != "" && !c.st.conversationMatches(cv, q),
			conds != nil && !matchAll(conds, cv.filterValues):
			continue
		}
		rows = append(rows, cv)
	}
	sortConversations(rows, str(p, "sort_by"))
	return rows
}

// conversationMatches is the q filter: display id, message content,
// contact name, email or phone number.
func (st *state) conversationMatches(cv *conversation, q string) bool {
	if strconv.FormatInt(cv.DisplayID, 10) == q {
		return true
	}
	if ct := st.contactOf(cv.ContactID); ct != nil &&
		(containsFold(ct.Name, q) || containsFold(ct.Email, q) || containsFold(ct.PhoneNumber, q)) {
		return true
	}
	for _, m := range cv.Messages {
		if containsFold(m.Content, q) {
			return true
		}
	}
	return false
}

// sortConversations: latest activity first unless sort_by says otherwise.
func sortConversations(rows []*conversation, by string) {
	key := func(cv *conversation) int64 { return cv.lastActivity() }
	desc := true
	switch by {
	case "created_at_asc", "sort_on_created_at":
		key, desc = func(cv *conversation) int64 { return cv.CreatedAt }, false
	case "created_at_desc":
		key = func(cv *conversation) int64 { return cv.CreatedAt }
	case "last_activity_at_asc":
		desc = false
	case "priority_desc", "sort_on_priority":
		key = func(cv *conversation) int64 { return priorityRank(cv.Priority) }
	case "waiting_since_asc", "sort_on_waiting_since":
		key, desc = func(cv *conversation) int64 { return cv.WaitingSince }, false
	}
	slices.SortStableFunc(rows, func(a, b *conversation) int {
		if r := order(cmp.Compare(key(a), key(b)), desc); r != 0 {
			return r
		}
		return cmp.Compare(b.ID, a.ID)
	})
}

func priorityRank(p string) int64 {
	return map[string]int64{"urgent": 4, "high": 3, "medium": 2, "low": 1}[p]
}

func countsOf(rows []*conversation, userID int64) obj {
	mine, unassigned := 0, 0
	for _, cv := range rows {
		switch cv.AssigneeID {
		case 0:
			unassigned++
		case userID:
			mine++
		}
	}
	return obj{"mine_count": mine, "assigned_count": len(rows) - unassigned, "unassigned_count": unassigned, "all_count": len(rows)}
}

func byAssignee(rows []*conversation, kind string, userID int64) []*conversation {
	keep := func(cv *conversation) bool {
		switch kind {
		case "me":
			return cv.AssigneeID == userID && userID != 0
		case "unassigned":
			return cv.AssigneeID == 0
		case "assigned":
			return cv.AssigneeID != 0
		}
		return true
	}
	out := rows[:0:0]
	for _, cv := range rows {
		if keep(cv) {
			out = append(out, cv)
		}
	}
	return out
}

// conversationList answers {"data":{"meta":{counts},"payload":[25 per page]}}.
func (c *ctx) conversationList(conds []condition) {
	rows := c.conversationRows(conds)
	meta := countsOf(rows, c.actorID())
	rows = byAssignee(rows, str(c.params, "assignee_type"), c.actorID())
	views := []conversationView{}
	for _, cv := range pageOf(rows, c.page(), conversationsPerPage) {
		views = append(views, c.st.conversationView(cv))
	}
	c.ok(obj{"data": obj{"meta": meta, "payload": views}})
}

func (c *ctx) listConversations() { c.conversationList(nil) }

func (c *ctx) conversationMeta() {
	c.ok(obj{"meta": countsOf(c.conversationRows(nil), c.actorID())})
}

func (c *ctx) filterConversations() {
	conds, err := parseConditions(c.params, c.now())
	if err != nil {
		c.fail(http.StatusUnprocessableEntity, err.Error())
		return
	}
	if conds == nil {
		conds = []condition{}
	}
	c.conversationList(conds)
}

func (c *ctx) searchConversations() {
	if strings.TrimSpace(str(c.params, "q")) == "" {
		c.fail(http.StatusUnprocessableEntity, errSearchNeedsTerm)
		return
	}
	if _, ok := c.params["status"]; !ok {
		c.params["status"] = "all"
	}
	c.conversationList(nil)
}

// findConversation loads the path's conversation by display id, answering
// 404 for another account's or an invisible one.
func (c *ctx) findConversation(param string) *conversation {
	id, ok := c.pathID(param)
	if !ok {
		return nil
	}
	cv := c.st.conversation(c.acct.ID, id)
	if cv == nil || (c.bot == nil && !c.st.canSee(cv, c.actorID(), c.isAdmin())) {
		c.notFound()
		return nil
	}
	return cv
}

func (c *ctx) showConversation() {
	if cv := c.findConversation("conversation_id"); cv != nil {
		c.ok(c.st.conversationView(cv))
	}
}

func (st *state) newConversation(acct *account, in *inbox, ct *contact, ci *contactInbox, now int64) *conversation {
	acct.DisplaySeq++
	cv := &conversation{
		AccountID: acct.ID, DisplayID: acct.DisplaySeq, InboxID: in.ID, ContactID: ct.ID,
		ContactInboxID: ci.ID, Status: statusOpen, UUID: newUUID(), CustomAttributes: obj{},
		AdditionalAttributes: obj{}, Labels: []string{}, LastActivityAt: now, WaitingSince: now,
	}
	if ct.Blocked {
		cv.Status = statusResolved
	}
	cv.ID = st.next("conversations")
	cv.CreatedAt, cv.UpdatedAt = now, now
	st.addConversation(cv)
	return cv
}

// createConversation finds the contact inbox by source_id (or builds one
// from contact_id and inbox_id) and opens a conversation there.
func (c *ctx) createConversation() {
	p := c.params
	ci := c.contactInboxForCreate(p)
	if ci == nil {
		return
	}
	in, ct := c.st.inboxOf(ci.InboxID), c.st.contactOf(ci.ContactID)
	cv := c.st.newConversation(c.acct, in, ct, ci, c.now())
	if s := str(p, "status"); s == statusOpen || s == statusResolved || s == statusPending || s == statusSnoozed {
		cv.Status = s
	}
	if m, ok := getObj(p, "custom_attributes"); ok {
		cv.CustomAttributes = copyObj(m)
	}
	if m, ok := getObj(p, "additional_attributes"); ok {
		cv.AdditionalAttributes = copyObj(m)
	}
	if id, ok := getInt(p, "assignee_id"); ok && c.st.accountUser(c.acct.ID, id) != nil {
		cv.AssigneeID = id
	}
	if id, ok := getInt(p, "team_id"); ok && findIn(c.st.Teams, c.acct.ID, id) != nil {
		cv.TeamID = id
	}
	if ts, ok := getInt(p, "snoozed_until"); ok && cv.Status == statusSnoozed {
		cv.SnoozedUntil = ts
	}
	c.conversationEvent("conversation.created", cv, nil)
	if msg, ok := getObj(p, "message"); ok && str(msg, "content") != "" {
		m := &message{Content: str(msg, "content"), MessageType: msgOutgoing}
		c.setSender(m)
		c.addMessage(cv, m)
	}
	c.ok(c.st.conversationView(cv))
}

func (c *ctx) contactInboxForCreate(p obj) *contactInbox {
	sourceID := str(p, "source_id")
	inboxID, hasInbox := getInt(p, "inbox_id")
	if sourceID != "" {
		for _, ci := range c.st.ContactInboxes {
			in := c.st.inboxOf(ci.InboxID)
			if ci.SourceID == sourceID && in != nil && in.AccountID == c.acct.ID && (!hasInbox || ci.InboxID == inboxID) {
				return ci
			}
		}
	}
	contactID, hasContact := getInt(p, "contact_id")
	if !hasContact || !hasInbox {
		if sourceID == "" {
			c.missing("source_id")
		} else {
			c.notFound()
		}
		return nil
	}
	ct := findIn(c.st.Contacts, c.acct.ID, contactID)
	in := findIn(c.st.Inboxes, c.acct.ID, inboxID)
	if ct == nil || in == nil {
		c.notFound()
		return nil
	}
	if ci := c.st.contactInboxFor(ct.ID, in.ID); ci != nil && sourceID == "" {
		return ci
	}
	return c.st.newContactInbox(ct, in, sourceID, c.now())
}
