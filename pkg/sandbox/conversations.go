package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// conversationsPerPage is CONVERSATION_RESULTS_PER_PAGE's default (FACTS §5).
const conversationsPerPage = 25

func priorities() map[string]bool {
	return map[string]bool{"urgent": true, "high": true, "medium": true, "low": true}
}

// conversationRows applies the list filters Chatwoot's ConversationFinder
// applies before the assignee filter: visibility, status (open unless
// given; "all" for every status), inbox, team, labels, q and custom
// filter conditions.
func (c *ctx) conversationRows(conds []condition) []*store.Conversation {
	p := c.params
	status := str(p, "status")
	if status == "" && conds == nil {
		status = store.StatusOpen
	}
	inboxID, hasInbox := getInt(p, "inbox_id")
	teamID, hasTeam := getInt(p, "team_id")
	labels, _ := getStrs(p, "labels")
	q := strings.TrimSpace(str(p, "q"))
	admin, uid := c.isAdmin() || c.bot != nil, c.actorID()
	var rows []*store.Conversation
	for _, cv := range c.st.Conversations {
		switch {
		case cv.AccountID != c.acct.ID,
			status != "" && status != "all" && cv.Status != status,
			hasInbox && cv.InboxID != inboxID,
			hasTeam && cv.TeamID != teamID,
			len(labels) > 0 && !anyIn(cv.Labels, labels),
			!c.st.CanSee(cv, uid, admin),
			q != "" && !conversationMatches(c.st, cv, q),
			conds != nil && !matchAll(conds, func(key string) []string { return conversationFilterValues(cv, key) }):
			continue
		}
		rows = append(rows, cv)
	}
	sortConversations(rows, str(p, "sort_by"))
	return rows
}

// conversationMatches is the q filter: display id, message content,
// contact name, email or phone number.
func conversationMatches(st *store.State, cv *store.Conversation, q string) bool {
	if strconv.FormatInt(cv.DisplayID, 10) == q {
		return true
	}
	if ct := st.ContactOf(cv.ContactID); ct != nil &&
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
func sortConversations(rows []*store.Conversation, by string) {
	key := func(cv *store.Conversation) int64 { return lastActivity(cv) }
	desc := true
	switch by {
	case "created_at_asc", "sort_on_created_at":
		key, desc = func(cv *store.Conversation) int64 { return cv.CreatedAt }, false
	case "created_at_desc":
		key = func(cv *store.Conversation) int64 { return cv.CreatedAt }
	case "last_activity_at_asc":
		desc = false
	case "priority_desc", "sort_on_priority":
		key = func(cv *store.Conversation) int64 { return priorityRank(cv.Priority) }
	case "waiting_since_asc", "sort_on_waiting_since":
		key, desc = func(cv *store.Conversation) int64 { return cv.WaitingSince }, false
	}
	slices.SortStableFunc(rows, func(a, b *store.Conversation) int {
		if r := order(cmp.Compare(key(a), key(b)), desc); r != 0 {
			return r
		}
		return cmp.Compare(b.ID, a.ID)
	})
}

func priorityRank(p string) int64 {
	return map[string]int64{"urgent": 4, "high": 3, "medium": 2, "low": 1}[p]
}

func countsOf(rows []*store.Conversation, userID int64) obj {
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

func byAssignee(rows []*store.Conversation, kind string, userID int64) []*store.Conversation {
	keep := func(cv *store.Conversation) bool {
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
		views = append(views, renderConversation(c.st, cv))
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
func (c *ctx) findConversation(param string) *store.Conversation {
	id, ok := c.pathID(param)
	if !ok {
		return nil
	}
	cv := c.st.Conversation(c.acct.ID, id)
	if cv == nil || (c.bot == nil && !c.st.CanSee(cv, c.actorID(), c.isAdmin())) {
		c.notFound()
		return nil
	}
	return cv
}

func (c *ctx) showConversation() {
	if cv := c.findConversation("conversation_id"); cv != nil {
		c.ok(renderConversation(c.st, cv))
	}
}

// createConversation finds the contact inbox by source_id (or builds one
// from contact_id and inbox_id) and opens a conversation there.
func (c *ctx) createConversation() {
	p := c.params
	ci := c.contactInboxForCreate(p)
	if ci == nil {
		return
	}
	in, ct := c.st.InboxOf(ci.InboxID), c.st.ContactOf(ci.ContactID)
	cv := c.st.NewConversation(c.acct, in, ct, ci, c.now())
	if s := str(p, "status"); s == store.StatusOpen || s == store.StatusResolved || s == store.StatusPending || s == store.StatusSnoozed {
		cv.Status = s
	}
	if m, ok := getObj(p, "custom_attributes"); ok {
		cv.CustomAttributes = copyObj(m)
	}
	if m, ok := getObj(p, "additional_attributes"); ok {
		cv.AdditionalAttributes = copyObj(m)
	}
	if id, ok := getInt(p, "assignee_id"); ok && c.st.AccountUser(c.acct.ID, id) != nil {
		cv.AssigneeID = id
	}
	if id, ok := getInt(p, "team_id"); ok && store.FindIn(c.st.Teams, c.acct.ID, id) != nil {
		cv.TeamID = id
	}
	if ts, ok := getInt(p, "snoozed_until"); ok && cv.Status == store.StatusSnoozed {
		cv.SnoozedUntil = ts
	}
	c.conversationEvent("conversation.created", cv, nil)
	if msg, ok := getObj(p, "message"); ok && str(msg, "content") != "" {
		m := &store.Message{Content: str(msg, "content"), MessageType: store.MsgOutgoing}
		c.setSender(m)
		c.addMessage(cv, m)
	}
	c.ok(renderConversation(c.st, cv))
}

func (c *ctx) contactInboxForCreate(p obj) *store.ContactInbox {
	sourceID := str(p, "source_id")
	inboxID, hasInbox := getInt(p, "inbox_id")
	if sourceID != "" {
		for _, ci := range c.st.ContactInboxes {
			in := c.st.InboxOf(ci.InboxID)
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
	ct := store.FindIn(c.st.Contacts, c.acct.ID, contactID)
	in := store.FindIn(c.st.Inboxes, c.acct.ID, inboxID)
	if ct == nil || in == nil {
		c.notFound()
		return nil
	}
	if ci := c.st.ContactInboxFor(ct.ID, in.ID); ci != nil && sourceID == "" {
		return ci
	}
	return c.st.NewContactInbox(ct, in, sourceID, c.now())
}
