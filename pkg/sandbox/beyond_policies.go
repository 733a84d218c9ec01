package sandbox

import (
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Assignment policies and agent capacity policies: records with their
// links to inboxes and agents kept as child records, shaped like the
// jbuilder views (bare arrays and objects, times in unix seconds).

func (s *Sandbox) policyRoutes(m *mux) {
	ap := acc + "/assignment_policies"
	m.admin("GET "+ap, (*ctx).listAssignmentPolicies)
	m.admin("POST "+ap, (*ctx).createAssignmentPolicy)
	m.admin("GET "+ap+"/{id}", (*ctx).showAssignmentPolicy)
	m.admin("PATCH|PUT "+ap+"/{id}", (*ctx).updateAssignmentPolicy)
	m.admin("DELETE "+ap+"/{id}", (*ctx).deleteAssignmentPolicy)
	m.admin("GET "+ap+"/{assignment_policy_id}/inboxes", (*ctx).policyInboxes)
	m.admin("POST "+ap+"/{assignment_policy_id}/inboxes", (*ctx).attachPolicyInbox)
	m.admin("DELETE "+ap+"/{assignment_policy_id}/inboxes/{id}", (*ctx).detachPolicyInbox)
	m.admin("GET "+acc+"/inboxes/{inbox_id}/assignment_policy", (*ctx).inboxPolicy)
	m.admin("POST "+acc+"/inboxes/{inbox_id}/assignment_policy", (*ctx).setInboxPolicy)
	m.admin("DELETE "+acc+"/inboxes/{inbox_id}/assignment_policy", (*ctx).removeInboxPolicy)

	cp := acc + "/agent_capacity_policies"
	m.admin("GET "+cp, (*ctx).listCapacityPolicies)
	m.admin("POST "+cp, (*ctx).createCapacityPolicy)
	m.admin("GET "+cp+"/{id}", (*ctx).showCapacityPolicy)
	m.admin("PATCH|PUT "+cp+"/{id}", (*ctx).updateCapacityPolicy)
	m.admin("DELETE "+cp+"/{id}", (*ctx).deleteCapacityPolicy)
	m.admin("GET "+cp+"/{agent_capacity_policy_id}/users", (*ctx).capacityUsers)
	m.admin("POST "+cp+"/{agent_capacity_policy_id}/users", (*ctx).addCapacityUser)
	m.admin("DELETE "+cp+"/{agent_capacity_policy_id}/users/{id}", (*ctx).removeCapacityUser)
	m.admin("POST "+cp+"/{agent_capacity_policy_id}/inbox_limits", (*ctx).createInboxLimit)
	m.admin("PATCH|PUT "+cp+"/{agent_capacity_policy_id}/inbox_limits/{id}", (*ctx).updateInboxLimit)
	m.admin("DELETE "+cp+"/{agent_capacity_policy_id}/inbox_limits/{id}", (*ctx).deleteInboxLimit)
}

func (c *ctx) assignmentPolicyView(r *store.Record) obj {
	v := recordView(r)
	for k, def := range map[string]any{"description": nil, "assignment_order": "round_robin",
		"conversation_priority": "earliest_created", "fair_distribution_limit": 100,
		"fair_distribution_window": 3600, "enabled": true} {
		if _, ok := v[k]; !ok {
			v[k] = def
		}
	}
	v["assigned_inbox_count"] = len(c.recordsOf(store.KindInboxPolicies, r.ID))
	return v
}

func (c *ctx) listAssignmentPolicies() {
	c.ok(viewsOf(c.recordsOf(store.KindAssignmentPolicies, 0), c.assignmentPolicyView))
}

func (c *ctx) validPolicy(r *store.Record) bool {
	for _, other := range c.recordsOf(store.KindAssignmentPolicies, 0) {
		if other != r && str(other.Attrs, "name") == str(r.Attrs, "name") {
			c.invalid("Name has already been taken", "name")
			return false
		}
	}
	for _, k := range []string{"fair_distribution_limit", "fair_distribution_window"} {
		if n, ok := getInt(r.Attrs, k); ok && n <= 0 {
			c.invalid(humanize(k)+" must be greater than 0", k)
			return false
		}
	}
	return true
}

func (c *ctx) createAssignmentPolicy() {
	r := c.createRecord(store.KindAssignmentPolicies, "assignment_policy", 0, "name")
	if r == nil {
		return
	}
	if !c.validPolicy(r) {
		c.st.Records[store.KindAssignmentPolicies] = store.RemoveID(c.st.Records[store.KindAssignmentPolicies], r.ID)
		return
	}
	c.ok(c.assignmentPolicyView(r))
}

func (c *ctx) showAssignmentPolicy() {
	if r := c.findRecord(store.KindAssignmentPolicies, "id", 0); r != nil {
		c.ok(c.assignmentPolicyView(r))
	}
}

func (c *ctx) updateAssignmentPolicy() {
	r := c.findRecord(store.KindAssignmentPolicies, "id", 0)
	if r == nil {
		return
	}
	before := cloneAttrs(r.Attrs)
	c.updateRecord(r, "assignment_policy")
	if !c.validPolicy(r) {
		r.Attrs = before
		return
	}
	c.ok(c.assignmentPolicyView(r))
}

func (c *ctx) deleteAssignmentPolicy() {
	if r := c.findRecord(store.KindAssignmentPolicies, "id", 0); r != nil {
		c.st.DropRecords(store.KindInboxPolicies, func(x *store.Record) bool { return x.ParentID == r.ID })
		c.deleteRecord(store.KindAssignmentPolicies, r)
	}
}

func cloneAttrs(a obj) obj {
	out := obj{}
	for k, v := range a {
		out[k] = v
	}
	return out
}

// inboxLink is the link row of an inbox, whichever policy holds it.
func (c *ctx) inboxLink(inboxID int64) *store.Record {
	for _, r := range c.recordsOf(store.KindInboxPolicies, 0) {
		if intOf(r.Attrs, "inbox_id") == inboxID {
			return r
		}
	}
	return nil
}

func (c *ctx) policyInboxes() {
	p := c.findRecord(store.KindAssignmentPolicies, "assignment_policy_id", 0)
	if p == nil {
		return
	}
	out := []obj{}
	for _, r := range c.recordsOf(store.KindInboxPolicies, p.ID) {
		if in := store.FindIn(c.st.Inboxes, c.acct.ID, intOf(r.Attrs, "inbox_id")); in != nil {
			out = append(out, inboxView(in, true))
		}
	}
	c.ok(obj{"inboxes": out})
}

// linkInbox gives an inbox the policy, replacing the one it had (an inbox
// has at most one).
func (c *ctx) linkInbox(p *store.Record, inboxID int64) *store.Inbox {
	in := store.FindIn(c.st.Inboxes, c.acct.ID, inboxID)
	if in == nil {
		c.notFound()
		return nil
	}
	if old := c.inboxLink(in.ID); old != nil {
		old.ParentID, old.UpdatedAt = p.ID, c.now()
		return in
	}
	c.st.AddRecord(store.KindInboxPolicies, &store.Record{AccountID: c.acct.ID, ParentID: p.ID, Attrs: obj{"inbox_id": in.ID}}, c.now())
	return in
}

func (c *ctx) attachPolicyInbox() {
	p := c.findRecord(store.KindAssignmentPolicies, "assignment_policy_id", 0)
	if p == nil {
		return
	}
	if in := c.linkInbox(p, intOf(c.params, "inbox_id")); in != nil {
		c.ok(inboxView(in, true))
	}
}

// detachPolicyInbox takes the inbox's policy off, whichever policy it is,
// as the controller destroys the inbox's link without comparing.
func (c *ctx) detachPolicyInbox() {
	if c.findRecord(store.KindAssignmentPolicies, "assignment_policy_id", 0) == nil {
		return
	}
	if in := c.findInbox("id"); in != nil {
		c.unlinkInbox(in)
	}
}

func (c *ctx) unlinkInbox(in *store.Inbox) {
	if link := c.inboxLink(in.ID); link != nil {
		c.deleteRecord(store.KindInboxPolicies, link)
		return
	}
	c.head(http.StatusOK)
}

func (c *ctx) inboxPolicy() {
	in := c.findInbox("inbox_id")
	if in == nil {
		return
	}
	link := c.inboxLink(in.ID)
	if link == nil {
		c.fail(http.StatusNotFound, "Inbox has no assignment policy")
		return
	}
	if p := c.st.Record(store.KindAssignmentPolicies, c.acct.ID, link.ParentID); p != nil {
		c.ok(c.assignmentPolicyView(p))
		return
	}
	c.notFound()
}

func (c *ctx) setInboxPolicy() {
	in := c.findInbox("inbox_id")
	if in == nil {
		return
	}
	p := c.st.Record(store.KindAssignmentPolicies, c.acct.ID, intOf(c.params, "assignment_policy_id"))
	if p == nil {
		c.notFound()
		return
	}
	if c.linkInbox(p, in.ID) != nil {
		c.ok(c.assignmentPolicyView(p))
	}
}

func (c *ctx) removeInboxPolicy() {
	if in := c.findInbox("inbox_id"); in != nil {
		c.unlinkInbox(in)
	}
}

// Capacity policies.

func inboxLimitView(r *store.Record) obj {
	return obj{"id": r.ID, "inbox_id": intOf(r.Attrs, "inbox_id"), "conversation_limit": intOf(r.Attrs, "conversation_limit")}
}

func (c *ctx) capacityPolicyView(r *store.Record) obj {
	v := recordView(r)
	if _, ok := v["exclusion_rules"]; !ok {
		v["exclusion_rules"] = obj{}
	}
	if _, ok := v["description"]; !ok {
		v["description"] = nil
	}
	v["users"] = c.capacityAgents(r)
	v["inbox_capacity_limits"] = viewsOf(c.recordsOf(store.KindInboxLimits, r.ID), inboxLimitView)
	return v
}

func (c *ctx) capacityAgents(p *store.Record) []agentView {
	var ids []int64
	for _, u := range c.recordsOf(store.KindCapacityUsers, p.ID) {
		ids = append(ids, intOf(u.Attrs, "user_id"))
	}
	out := agentsOf(c.st, c.acct.ID, ids)
	if out == nil {
		out = []agentView{}
	}
	return out
}

func (c *ctx) listCapacityPolicies() {
	c.ok(viewsOf(c.recordsOf(store.KindCapacityPolicies, 0), c.capacityPolicyView))
}

func (c *ctx) createCapacityPolicy() {
	if r := c.createRecord(store.KindCapacityPolicies, "agent_capacity_policy", 0, "name"); r != nil {
		c.ok(c.capacityPolicyView(r))
	}
}

func (c *ctx) showCapacityPolicy() {
	if r := c.findRecord(store.KindCapacityPolicies, "id", 0); r != nil {
		c.ok(c.capacityPolicyView(r))
	}
}

func (c *ctx) updateCapacityPolicy() {
	if r := c.findRecord(store.KindCapacityPolicies, "id", 0); r != nil {
		c.updateRecord(r, "agent_capacity_policy")
		c.ok(c.capacityPolicyView(r))
	}
}

func (c *ctx) deleteCapacityPolicy() {
	if r := c.findRecord(store.KindCapacityPolicies, "id", 0); r != nil {
		for _, kind := range []string{store.KindCapacityUsers, store.KindInboxLimits} {
			c.st.DropRecords(kind, func(x *store.Record) bool { return x.ParentID == r.ID })
		}
		c.deleteRecord(store.KindCapacityPolicies, r)
	}
}

func (c *ctx) capacityPolicy() *store.Record {
	return c.findRecord(store.KindCapacityPolicies, "agent_capacity_policy_id", 0)
}

func (c *ctx) capacityUsers() {
	if p := c.capacityPolicy(); p != nil {
		c.ok(c.capacityAgents(p))
	}
}

// addCapacityUser moves the agent to this policy: an agent follows one
// capacity policy at a time.
func (c *ctx) addCapacityUser() {
	p := c.capacityPolicy()
	if p == nil {
		return
	}
	uid := intOf(c.params, "user_id")
	agent, ok := renderAgent(c.st, c.acct.ID, uid)
	if !ok {
		c.notFound()
		return
	}
	c.st.DropRecords(store.KindCapacityUsers, func(x *store.Record) bool {
		return x.AccountID == c.acct.ID && intOf(x.Attrs, "user_id") == uid
	})
	c.st.AddRecord(store.KindCapacityUsers, &store.Record{AccountID: c.acct.ID, ParentID: p.ID, Attrs: obj{"user_id": uid}}, c.now())
	c.ok(agent)
}

// removeCapacityUser clears the agent's capacity policy, as the
// controller does for any agent of the account, whichever policy it had.
func (c *ctx) removeCapacityUser() {
	if c.capacityPolicy() == nil {
		return
	}
	uid, ok := c.pathID("id")
	if !ok {
		return
	}
	if _, member := renderAgent(c.st, c.acct.ID, uid); !member {
		c.notFound()
		return
	}
	c.st.DropRecords(store.KindCapacityUsers, func(x *store.Record) bool {
		return x.AccountID == c.acct.ID && intOf(x.Attrs, "user_id") == uid
	})
	c.head(http.StatusOK)
}

func (c *ctx) createInboxLimit() {
	p := c.capacityPolicy()
	if p == nil {
		return
	}
	in := store.FindIn(c.st.Inboxes, c.acct.ID, intOf(c.params, "inbox_id"))
	if in == nil {
		c.notFound()
		return
	}
	limit, ok := getInt(c.params, "conversation_limit")
	if !ok || limit <= 0 {
		c.invalid("Conversation limit must be greater than 0", "conversation_limit")
		return
	}
	for _, r := range c.recordsOf(store.KindInboxLimits, p.ID) {
		if intOf(r.Attrs, "inbox_id") == in.ID {
			c.invalid("Inbox has already been taken", "inbox_id")
			return
		}
	}
	r := c.st.AddRecord(store.KindInboxLimits, &store.Record{AccountID: c.acct.ID, ParentID: p.ID,
		Attrs: obj{"inbox_id": in.ID, "conversation_limit": limit}}, c.now())
	c.ok(inboxLimitView(r))
}

// updateInboxLimit changes a limit by its id; newer Chatwoot names the
// inbox in the path instead and creates the limit when there is none, so
// an id that is no limit of the policy is taken as an inbox.
func (c *ctx) updateInboxLimit() {
	p := c.capacityPolicy()
	if p == nil {
		return
	}
	id, ok := c.pathID("id")
	if !ok {
		return
	}
	limit, given := getInt(c.params, "conversation_limit")
	if given && limit <= 0 {
		c.invalid("Conversation limit must be greater than 0", "conversation_limit")
		return
	}
	r := c.st.Record(store.KindInboxLimits, c.acct.ID, id)
	if r == nil || r.ParentID != p.ID {
		r = nil
		for _, x := range c.recordsOf(store.KindInboxLimits, p.ID) {
			if intOf(x.Attrs, "inbox_id") == id {
				r = x
			}
		}
	}
	if r == nil {
		if store.FindIn(c.st.Inboxes, c.acct.ID, id) == nil || !given {
			c.notFound()
			return
		}
		r = c.st.AddRecord(store.KindInboxLimits, &store.Record{AccountID: c.acct.ID, ParentID: p.ID, Attrs: obj{"inbox_id": id}}, c.now())
	}
	if given {
		r.Attrs["conversation_limit"], r.UpdatedAt = limit, c.now()
	}
	c.ok(inboxLimitView(r))
}

func (c *ctx) deleteInboxLimit() {
	p := c.capacityPolicy()
	if p == nil {
		return
	}
	if r := c.findRecord(store.KindInboxLimits, "id", p.ID); r != nil {
		c.deleteRecord(store.KindInboxLimits, r)
	}
}
