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
		views = append(views, c.st.conversationView(cv, c.actorID()))
	}
	c.ok(obj{"data": obj{"meta": meta, "payload": views}})
}

func (c *ctx) listConversations() { c.conversationList(nil) }

func (c *ctx) conversationMeta() {
	c.ok(obj{"meta": countsOf(c.conversationRows(nil), c.actorID())})
}

func (c *ctx) filterConversations() {
	conds, err := parseConditions(c.params)
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
		c.ok(c.st.conversationView(cv, c.actorID()))
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
	c.ok(c.st.conversationView(cv, c.actorID()))
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

// updateConversation sets priority and SLA policy (the fields the PATCH
// route permits).
func (c *ctx) updateConversation() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	var ch changes
	if p, ok := getStr(c.params, "priority"); ok {
		if !c.setPriority(cv, p, &ch) {
			return
		}
	}
	if id, ok := getInt(c.params, "sla_policy_id"); ok && id != cv.SLAPolicyID {
		ch.add("sla_policy_id", intOrNil(cv.SLAPolicyID), id)
		cv.SLAPolicyID = id
	}
	c.touch(cv, ch)
	c.ok(c.st.conversationView(cv, c.actorID()))
}

func (c *ctx) setPriority(cv *conversation, p string, ch *changes) bool {
	if p == "none" || p == "" {
		p = ""
	} else if !priorities[p] {
		c.invalid("Priority is not included in the list", "priority")
		return false
	}
	if p != cv.Priority {
		ch.add("priority", strOrNil(cv.Priority), strOrNil(p))
		cv.Priority = p
	}
	return true
}

// touch records an update and, when something changed, tells agents,
// the contact and the webhooks.
func (c *ctx) touch(cv *conversation, ch changes) {
	if len(ch) == 0 {
		return
	}
	cv.UpdatedAt = c.now()
	c.conversationEvent("conversation.updated", cv, ch)
}

func (c *ctx) togglePriority() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	p, ok := getStr(c.params, "priority")
	if !ok {
		c.missing("priority")
		return
	}
	var ch changes
	if !c.setPriority(cv, p, &ch) {
		return
	}
	c.touch(cv, ch)
	c.head(http.StatusOK)
}

// toggleStatus sets the given status, or toggles open/resolved when none
// is given, and answers Chatwoot's {"meta":{},"payload":{…}}.
func (c *ctx) toggleStatus() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	status := str(c.params, "status")
	switch status {
	case "":
		status = statusOpen
		if cv.Status == statusOpen {
			status = statusResolved
		}
	case statusOpen, statusResolved, statusPending, statusSnoozed:
	default:
		c.invalid("Status is not included in the list", "status")
		return
	}
	until, _ := getInt(c.params, "snoozed_until")
	c.setStatus(cv, status, until)
	c.ok(obj{"meta": obj{}, "payload": obj{"success": true, "current_status": cv.Status, "conversation_id": cv.DisplayID}})
}

// setStatus changes a conversation's status with everything Chatwoot does
// around it: the activity message, reporting event and events.
func (c *ctx) setStatus(cv *conversation, status string, snoozedUntil int64) {
	if status == cv.Status && (status != statusSnoozed || snoozedUntil == cv.SnoozedUntil) {
		return
	}
	var ch changes
	ch.add("status", cv.Status, status)
	cv.Status = status
	cv.SnoozedUntil = 0
	if status == statusSnoozed {
		cv.SnoozedUntil = snoozedUntil
	}
	now := c.now()
	if status == statusResolved {
		cv.WaitingSince = 0
		c.st.addRecord(kindReportingEvents, &record{AccountID: cv.AccountID, Attrs: obj{
			"name": "conversation_resolved", "value": float64(now - cv.CreatedAt), "value_in_business_hours": float64(now - cv.CreatedAt),
			"event_start_time": iso(cv.CreatedAt), "event_end_time": iso(now), "conversation_id": cv.DisplayID,
			"inbox_id": cv.InboxID, "user_id": intOrNil(cv.AssigneeID)}}, now)
	}
	cv.UpdatedAt = now
	c.activity(cv, statusActivity(status, c.actorName()))
	c.conversationEvent("conversation.status_changed", cv, ch)
	c.conversationEvent("conversation.updated", cv, ch)
}

func statusActivity(status, who string) string {
	switch status {
	case statusResolved:
		return "Conversation was marked resolved by " + who
	case statusPending:
		return "Conversation was marked as pending by " + who
	case statusSnoozed:
		return "Conversation was snoozed by " + who
	}
	return "Conversation was reopened by " + who
}

func (c *ctx) actorName() string {
	switch {
	case c.user != nil:
		return c.user.availableName()
	case c.bot != nil:
		return c.bot.Name
	}
	return "the contact"
}

// activity adds an activity message (message_type 2) to the conversation.
func (c *ctx) activity(cv *conversation, content string) {
	c.addMessage(cv, &message{Content: content, MessageType: msgActivity})
}

func (c *ctx) toggleTyping() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	ts := str(c.params, "typing_status")
	if ts != "on" && ts != "off" {
		c.missing("typing_status")
		return
	}
	private, _ := getBool(c.params, "is_private")
	c.typingEvent(ts == "on", cv, private, false)
	c.head(http.StatusOK)
}

func (c *ctx) setConversationAttributes() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	attrs, ok := getObj(c.params, "custom_attributes")
	if !ok {
		c.missing("custom_attributes")
		return
	}
	prev := copyObj(cv.CustomAttributes)
	if merge, _ := getBool(c.params, "merge"); merge {
		cv.CustomAttributes = mergeObj(cv.CustomAttributes, attrs)
	} else {
		cv.CustomAttributes = copyObj(attrs)
	}
	var ch changes
	ch.add("custom_attributes", prev, cv.CustomAttributes)
	c.touch(cv, ch)
	c.ok(obj{"custom_attributes": cv.CustomAttributes})
}

func (c *ctx) destroyConversationAttributes() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	keys, ok := getStrs(c.params, "custom_attributes")
	if !ok {
		c.missing("custom_attributes")
		return
	}
	prev := copyObj(cv.CustomAttributes)
	cv.CustomAttributes = copyObj(cv.CustomAttributes)
	for _, k := range keys {
		delete(cv.CustomAttributes, k)
	}
	var ch changes
	ch.add("custom_attributes", prev, cv.CustomAttributes)
	c.touch(cv, ch)
	c.ok(obj{"custom_attributes": cv.CustomAttributes})
}

// assign handles assignee_id (answering the agent) or team_id (answering
// the team); 0 or null clears the assignment.
func (c *ctx) assign() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	if _, ok := c.params["assignee_id"]; ok {
		id := intOf(c.params, "assignee_id")
		if id != 0 && c.st.accountUser(c.acct.ID, id) == nil {
			c.notFound()
			return
		}
		c.setAssignee(cv, id)
		if id == 0 {
			c.ok(nil)
			return
		}
		v, _ := c.st.agentView(c.acct.ID, id)
		c.ok(v)
		return
	}
	if _, ok := c.params["team_id"]; ok {
		id := intOf(c.params, "team_id")
		t := findIn(c.st.Teams, c.acct.ID, id)
		if id != 0 && t == nil {
			c.notFound()
			return
		}
		c.setTeam(cv, id)
		if t == nil {
			c.ok(nil)
			return
		}
		c.ok(teamView(t, c.actorID()))
		return
	}
	c.missing("assignee_id")
}

func (c *ctx) setAssignee(cv *conversation, id int64) {
	if cv.AssigneeID == id {
		return
	}
	var ch changes
	ch.add("assignee_id", intOrNil(cv.AssigneeID), intOrNil(id))
	cv.AssigneeID = id
	if id != 0 {
		if u := c.st.user(id); u != nil {
			c.activity(cv, "Assigned to "+u.availableName()+" by "+c.actorName())
		}
	} else {
		c.activity(cv, "Conversation unassigned by "+c.actorName())
	}
	c.agentOnlyEvent("assignee.changed", cv)
	c.touch(cv, ch)
}

func (c *ctx) setTeam(cv *conversation, id int64) {
	if cv.TeamID == id {
		return
	}
	var ch changes
	ch.add("team_id", intOrNil(cv.TeamID), intOrNil(id))
	cv.TeamID = id
	if t := findIn(c.st.Teams, cv.AccountID, id); t != nil {
		c.activity(cv, "Assigned to "+t.Name+" team by "+c.actorName())
	}
	c.agentOnlyEvent("team.changed", cv)
	c.touch(cv, ch)
}

func (c *ctx) conversationLabels() {
	if cv := c.findConversation("conversation_id"); cv != nil {
		c.ok(obj{"payload": labelsOf(cv.Labels)})
	}
}

// setConversationLabels replaces the labels and notes the change as
// Chatwoot's activity messages do.
func (c *ctx) setConversationLabels() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	labels, ok := getStrs(c.params, "labels")
	if !ok {
		c.missing("labels")
		return
	}
	c.setLabels(cv, dedupe(labels))
	c.ok(obj{"payload": labelsOf(cv.Labels)})
}

func (c *ctx) setLabels(cv *conversation, labels []string) {
	prev := labelsOf(cv.Labels)
	var added, removed []string
	for _, l := range labels {
		if !containsStr(prev, l) {
			added = append(added, l)
		}
	}
	for _, l := range prev {
		if !containsStr(labels, l) {
			removed = append(removed, l)
		}
	}
	if len(added) == 0 && len(removed) == 0 {
		return
	}
	cv.Labels = labels
	if len(added) > 0 {
		c.activity(cv, c.actorName()+" added "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		c.activity(cv, c.actorName()+" removed "+strings.Join(removed, ", "))
	}
	var ch changes
	ch.add("label_list", prev, labels)
	c.touch(cv, ch)
}

func (c *ctx) conversationReportingEvents() {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return
	}
	out := []obj{}
	for _, r := range c.recordsOf(kindReportingEvents, 0) {
		if intOf(r.Attrs, "conversation_id") == cv.DisplayID {
			out = append(out, reportingEventView(r))
		}
	}
	c.ok(out)
}

func (c *ctx) mute()   { c.setMuted(true) }
func (c *ctx) unmute() { c.setMuted(false) }

func (c *ctx) setMuted(muted bool) {
	cv := c.findConversation("id")
	if cv == nil {
		return
	}
	if cv.Muted != muted {
		cv.Muted = muted
		verb := "muted"
		if !muted {
			verb = "unmuted"
		}
		c.activity(cv, c.actorName()+" has "+verb+" the conversation")
	}
	c.head(http.StatusOK)
}

func (c *ctx) transcript() {
	if cv := c.findConversation("id"); cv != nil {
		c.head(http.StatusOK)
	}
}

// markUnread moves the agents' last-seen time to just before the last
// incoming message.
func (c *ctx) markUnread() {
	cv := c.findConversation("id")
	if cv == nil {
		return
	}
	for i := len(cv.Messages) - 1; i >= 0; i-- {
		if cv.Messages[i].MessageType == msgIncoming {
			cv.AgentLastSeenAt = cv.Messages[i].CreatedAt - 1
			break
		}
	}
	c.head(http.StatusOK)
}

func (c *ctx) updateLastSeen() {
	cv := c.findConversation("id")
	if cv == nil {
		return
	}
	cv.AgentLastSeenAt = c.now()
	if cv.AssigneeID == c.actorID() {
		cv.AssigneeLastSeenAt = cv.AgentLastSeenAt
	}
	c.head(http.StatusOK)
}

func (c *ctx) conversationAttachments() {
	cv := c.findConversation("id")
	if cv == nil {
		return
	}
	out := []attachmentView{}
	for _, m := range cv.Messages {
		out = append(out, c.st.messageView(cv, m).Attachments...)
	}
	c.ok(obj{"meta": obj{"total_count": len(out)}, "payload": out})
}

func (c *ctx) deleteConversation() {
	cv := c.findConversation("id")
	if cv == nil {
		return
	}
	c.st.dropConversations(func(x *conversation) bool { return x == cv })
	c.head(http.StatusOK)
}
