package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// bulkActions applies POST /bulk_actions to the stored rows at once (the
// server queues a job; the effect is the same, only sooner):
// conversations get fields {status, assignee_id, team_id}, labels
// {add, remove} and snoozed_until; contacts get labels or action_name
// "delete".
func (c *ctx) bulkActions() {
	ids, _ := getInts(c.params, "ids")
	switch strings.ToLower(str(c.params, "type")) {
	case "conversation":
		c.bulkConversations(ids)
	case "contact":
		c.bulkContacts(ids)
	default:
		c.fail(http.StatusUnprocessableEntity, "Invalid type: use Conversation or Contact")
		return
	}
	if !c.failed() {
		c.head(http.StatusOK)
	}
}

func (c *ctx) bulkConversations(ids []int64) {
	fields, _ := getObj(c.params, "fields")
	labels, _ := getObj(c.params, "labels")
	add, _ := getStrs(labels, "add")
	remove, _ := getStrs(labels, "remove")
	until, _ := getInt(c.params, "snoozed_until")
	for _, id := range ids {
		cv := c.st.Conversation(c.acct.ID, id)
		if cv == nil || !c.st.CanSee(cv, c.actorID(), c.isAdmin()) {
			continue
		}
		if v, ok := fields["assignee_id"]; ok {
			if n, _ := toInt(v); n == 0 || c.st.AccountUser(c.acct.ID, n) != nil {
				c.setAssignee(cv, n)
			}
		}
		if v, ok := fields["team_id"]; ok {
			if n, _ := toInt(v); n == 0 || store.FindIn(c.st.Teams, c.acct.ID, n) != nil {
				c.setTeam(cv, n)
			}
		}
		if s := str(fields, "status"); s == store.StatusOpen || s == store.StatusResolved || s == store.StatusPending || s == store.StatusSnoozed {
			c.setStatus(cv, s, until)
		}
		if len(add) > 0 || len(remove) > 0 {
			next := []string{}
			for _, l := range append(labelsOf(cv.Labels), add...) {
				if !store.ContainsStr(remove, l) && !store.ContainsStr(next, l) {
					next = append(next, l)
				}
			}
			c.setLabels(cv, next)
		}
	}
}

func (c *ctx) bulkContacts(ids []int64) {
	labels, _ := getObj(c.params, "labels")
	add, _ := getStrs(labels, "add")
	remove, _ := getStrs(labels, "remove")
	deleting := str(c.params, "action_name") == "delete"
	for _, id := range ids {
		ct := store.FindIn(c.st.Contacts, c.acct.ID, id)
		if ct == nil {
			continue
		}
		if deleting {
			c.st.DeleteContact(ct)
			continue
		}
		next := []string{}
		for _, l := range append(labelsOf(ct.Labels), add...) {
			if !store.ContainsStr(remove, l) && !store.ContainsStr(next, l) {
				next = append(next, l)
			}
		}
		ct.Labels = next
		ct.UpdatedAt = c.now()
	}
}

// executeMacro runs a macro's actions on the given conversations.
func (c *ctx) executeMacro() {
	r := c.findRecord(store.KindMacros, "id", 0)
	if r == nil {
		return
	}
	ids, _ := getInts(c.params, "conversation_ids")
	actions, _ := getList(r.Attrs, "actions")
	for _, id := range ids {
		cv := c.st.Conversation(c.acct.ID, id)
		if cv == nil || !c.st.CanSee(cv, c.actorID(), c.isAdmin()) {
			continue
		}
		for _, a := range actions {
			if m, ok := a.(map[string]any); ok {
				c.runAction(cv, str(m, "action_name"), m)
			}
		}
	}
	c.head(http.StatusOK)
}

// runAction applies one macro or automation action to a conversation.
func (c *ctx) runAction(cv *store.Conversation, name string, a obj) {
	params, _ := getStrs(a, "action_params")
	first := ""
	if len(params) > 0 {
		first = params[0]
	}
	switch name {
	case "assign_agent":
		id, _ := toInt(first)
		if first == "self" {
			id = c.actorID()
		}
		if id == 0 || c.st.AccountUser(cv.AccountID, id) != nil {
			c.setAssignee(cv, id)
		}
	case "remove_assigned_agent":
		c.setAssignee(cv, 0)
	case "assign_team":
		if id, _ := toInt(first); id == 0 || store.FindIn(c.st.Teams, cv.AccountID, id) != nil {
			c.setTeam(cv, id)
		}
	case "remove_assigned_team":
		c.setTeam(cv, 0)
	case "add_label":
		c.setLabels(cv, dedupe(append(labelsOf(cv.Labels), params...)))
	case "remove_label":
		next := []string{}
		for _, l := range labelsOf(cv.Labels) {
			if !store.ContainsStr(params, l) {
				next = append(next, l)
			}
		}
		c.setLabels(cv, next)
	case "change_status":
		c.setStatus(cv, first, 0)
	case "resolve_conversation":
		c.setStatus(cv, store.StatusResolved, 0)
	case "snooze_conversation":
		c.setStatus(cv, store.StatusSnoozed, 0)
	case "change_priority":
		var ch changes
		if c.setPriority(cv, first, &ch) {
			c.touch(cv, ch)
		}
	case "mute_conversation":
		cv.Muted = true
	case "send_message", "add_private_note":
		m := &store.Message{Content: first, MessageType: store.MsgOutgoing, Private: name == "add_private_note"}
		c.setSender(m)
		c.addMessage(cv, m)
	}
}
