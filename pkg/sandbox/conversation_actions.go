package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Actions on one conversation: status, priority, assignment, labels,
// attributes, typing, muting, read state.

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
	c.ok(renderConversation(c.st, cv))
}

func (c *ctx) setPriority(cv *store.Conversation, p string, ch *changes) bool {
	if p == "none" || p == "" {
		p = ""
	} else if !priorities()[p] {
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
func (c *ctx) touch(cv *store.Conversation, ch changes) {
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
		status = store.StatusOpen
		if cv.Status == store.StatusOpen {
			status = store.StatusResolved
		}
	case store.StatusOpen, store.StatusResolved, store.StatusPending, store.StatusSnoozed:
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
func (c *ctx) setStatus(cv *store.Conversation, status string, snoozedUntil int64) {
	if status == cv.Status && (status != store.StatusSnoozed || snoozedUntil == cv.SnoozedUntil) {
		return
	}
	var ch changes
	ch.add("status", cv.Status, status)
	cv.Status = status
	cv.SnoozedUntil = 0
	if status == store.StatusSnoozed {
		cv.SnoozedUntil = snoozedUntil
	}
	now := c.now()
	if status == store.StatusResolved {
		cv.WaitingSince = 0
		c.st.AddRecord(store.KindReportingEvents, &store.Record{AccountID: cv.AccountID, Attrs: obj{
			"name": "conversation_resolved", "value": float64(now - cv.CreatedAt), "value_in_business_hours": float64(now - cv.CreatedAt),
			"event_start_time": store.ISO(cv.CreatedAt), "event_end_time": store.ISO(now), "conversation_id": cv.DisplayID,
			"inbox_id": cv.InboxID, "user_id": intOrNil(cv.AssigneeID)}}, now)
	}
	cv.UpdatedAt = now
	c.activity(cv, statusActivity(status, c.actorName()))
	c.conversationEvent("conversation.status_changed", cv, ch)
	c.conversationEvent("conversation.updated", cv, ch)
}

func statusActivity(status, who string) string {
	switch status {
	case store.StatusResolved:
		return "Conversation was marked resolved by " + who
	case store.StatusPending:
		return "Conversation was marked as pending by " + who
	case store.StatusSnoozed:
		return "Conversation was snoozed by " + who
	}
	return "Conversation was reopened by " + who
}

func (c *ctx) actorName() string {
	switch {
	case c.user != nil:
		return availableName(c.user)
	case c.bot != nil:
		return c.bot.Name
	}
	return "the contact"
}

// activity adds an activity message (message_type 2) to the conversation.
func (c *ctx) activity(cv *store.Conversation, content string) {
	c.addMessage(cv, &store.Message{Content: content, MessageType: store.MsgActivity})
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
		if id != 0 && c.st.AccountUser(c.acct.ID, id) == nil {
			c.notFound()
			return
		}
		c.setAssignee(cv, id)
		if id == 0 {
			c.ok(nil)
			return
		}
		v, _ := renderAgent(c.st, c.acct.ID, id)
		c.ok(v)
		return
	}
	if _, ok := c.params["team_id"]; ok {
		id := intOf(c.params, "team_id")
		t := store.FindIn(c.st.Teams, c.acct.ID, id)
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

func (c *ctx) setAssignee(cv *store.Conversation, id int64) {
	if cv.AssigneeID == id {
		return
	}
	var ch changes
	ch.add("assignee_id", intOrNil(cv.AssigneeID), intOrNil(id))
	cv.AssigneeID = id
	if id != 0 {
		if u := c.st.User(id); u != nil {
			c.activity(cv, "Assigned to "+availableName(u)+" by "+c.actorName())
		}
	} else {
		c.activity(cv, "Conversation unassigned by "+c.actorName())
	}
	c.assigneeChanged(cv)
	c.touch(cv, ch)
	// Chatwoot tells the new assignee, unless they took it themselves or
	// the conversation is still with a bot (pending).
	if id != 0 && id != c.actorID() && cv.Status != store.StatusPending {
		c.notify(id, store.NotifyAssignment, cv, nil)
	}
}

// assigneeChanged tells agents, with the assignment record newer Chatwoot
// adds: who the assignee is now and whether a person made the change.
func (c *ctx) assigneeChanged(cv *store.Conversation) {
	data := conversationPush(c.st, cv)
	source := "unknown"
	if c.user != nil {
		source = "human"
	}
	assignment := obj{"source": source, "assignee_id": nil, "assignee_type": nil, "updated_at": c.now()}
	if cv.AssigneeID != 0 {
		assignment["assignee_id"], assignment["assignee_type"] = cv.AssigneeID, "User"
	}
	data["assignment"] = assignment
	c.emit("assignee.changed", cv.AccountID, data, agentTokens(c.st, cv.AccountID, cv.InboxID), "", nil, nil)
}

func (c *ctx) setTeam(cv *store.Conversation, id int64) {
	if cv.TeamID == id {
		return
	}
	var ch changes
	ch.add("team_id", intOrNil(cv.TeamID), intOrNil(id))
	cv.TeamID = id
	if t := store.FindIn(c.st.Teams, cv.AccountID, id); t != nil {
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

func (c *ctx) setLabels(cv *store.Conversation, labels []string) {
	prev := labelsOf(cv.Labels)
	var added, removed []string
	for _, l := range labels {
		if !store.ContainsStr(prev, l) {
			added = append(added, l)
		}
	}
	for _, l := range prev {
		if !store.ContainsStr(labels, l) {
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
	for _, r := range c.recordsOf(store.KindReportingEvents, 0) {
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
		if cv.Messages[i].MessageType == store.MsgIncoming {
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
		out = append(out, renderMessage(c.st, cv, m).Attachments...)
	}
	c.ok(obj{"meta": obj{"total_count": len(out)}, "payload": out})
}

func (c *ctx) deleteConversation() {
	cv := c.findConversation("id")
	if cv == nil {
		return
	}
	c.st.DropConversations(func(x *store.Conversation) bool { return x == cv })
	c.head(http.StatusOK)
}
