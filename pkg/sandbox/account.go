package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

func (c *ctx) showAccount() { c.ok(accountView(c.acct)) }

func (c *ctx) updateAccount() {
	p := c.in("account")
	a := c.acct
	for key, dst := range map[string]*string{"name": &a.Name, "locale": &a.Locale, "domain": &a.Domain, "support_email": &a.SupportEmail} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if a.Name == "" {
		c.invalid("Name can't be blank", "name")
		return
	}
	if a.Settings == nil {
		a.Settings = obj{}
	}
	for _, k := range []string{"auto_resolve_after", "auto_resolve_message", "auto_resolve_ignore_waiting"} {
		if v, ok := p[k]; ok {
			a.Settings[k] = v
		}
	}
	for _, k := range []string{"industry", "company_size", "timezone"} {
		if v, ok := getStr(p, k); ok {
			a.CustomAttributes = mergeObj(a.CustomAttributes, obj{k: v})
		}
	}
	a.UpdatedAt = c.now()
	c.audit("Account", a.ID, "update", obj{"name": a.Name})
	c.ok(accountView(a))
}

// audit records an audit log row, as Chatwoot's audited models do for
// administrative changes.
func (c *ctx) audit(kind string, id int64, action string, changed obj) {
	username := ""
	if c.user != nil {
		username = c.user.Email
	}
	c.st.AddRecord(store.KindAuditLogs, &store.Record{AccountID: c.acct.ID, Attrs: obj{
		"auditable_id": id, "auditable_type": kind, "action": action, "audited_changes": changed,
		"user_id": c.actorID(), "user_type": "User", "username": username,
		"request_uuid": c.st.NewUUID(), "remote_address": "127.0.0.1",
	}}, c.now())
}

// auditLogs answers {per_page:25,total_entries,current_page,audit_logs},
// newest first (FACTS §5).
func (c *ctx) auditLogs() {
	rows := c.recordsOf(store.KindAuditLogs, 0)
	newest := make([]*store.Record, 0, len(rows))
	for i := len(rows) - 1; i >= 0; i-- {
		newest = append(newest, rows[i])
	}
	page := c.page()
	out := []obj{}
	for _, r := range pageOf(newest, page, 25) {
		out = append(out, obj{
			"id": r.ID, "auditable_id": intOf(r.Attrs, "auditable_id"), "auditable_type": str(r.Attrs, "auditable_type"),
			"auditable": nil, "associated_id": r.AccountID, "associated_type": "Account",
			"user_id": intOf(r.Attrs, "user_id"), "user_type": str(r.Attrs, "user_type"), "username": str(r.Attrs, "username"),
			"action": str(r.Attrs, "action"), "audited_changes": orEmptyAny(r.Attrs["audited_changes"]), "version": 1,
			"comment": nil, "request_uuid": str(r.Attrs, "request_uuid"), "created_at": r.CreatedAt,
			"remote_address": str(r.Attrs, "remote_address"), "location": nil,
		})
	}
	c.ok(obj{"per_page": 25, "total_entries": len(rows), "current_page": page, "audit_logs": out})
}

func orEmptyAny(v any) any {
	if v == nil {
		return obj{}
	}
	return v
}

// Profile.

func (c *ctx) showProfile() { c.ok(profileView(c.st, c.user)) }

func (c *ctx) updateProfile() {
	p := c.in("profile")
	u := c.user
	if v, ok := getStr(p, "email"); ok && !strings.EqualFold(v, u.Email) {
		for _, other := range c.st.Users {
			if other.ID != u.ID && strings.EqualFold(other.Email, v) {
				c.invalid("Email has already been taken", "email")
				return
			}
		}
		u.Email = strings.ToLower(v)
	}
	for key, dst := range map[string]*string{"name": &u.Name, "display_name": &u.DisplayName,
		"message_signature": &u.MessageSignature, "phone_number": &u.PhoneNumber} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if pw, ok := getStr(p, "password"); ok && pw != str(p, "password_confirmation") {
		c.invalid("Password confirmation doesn't match Password", "password_confirmation")
		return
	}
	if m, ok := getObj(p, "ui_settings"); ok {
		u.UISettings = mergeObj(u.UISettings, m)
	}
	u.UpdatedAt = c.now()
	c.ok(profileView(c.st, u))
}

func (c *ctx) setAvailability() {
	p := c.in("profile")
	availability := str(p, "availability")
	if availability != "online" && availability != "busy" && availability != "offline" {
		c.invalid("Availability is not included in the list", "availability")
		return
	}
	for _, au := range c.st.AccountUsersOf(c.user.ID) {
		if id, ok := getInt(p, "account_id"); !ok || id == au.AccountID {
			au.Availability = availability
		}
	}
	c.ok(profileView(c.st, c.user))
}

func (c *ctx) resetProfileToken() {
	old := c.user.AccessToken
	c.user.AccessToken = c.st.NewToken(24)
	c.st.RotateToken(old, c.user.AccessToken, store.TokenOwner{Kind: store.TokenUser, ID: c.user.ID})
	c.ok(profileView(c.st, c.user))
}

// Agents are the account's users.

func (c *ctx) listAgents() {
	out := []agentView{}
	for _, au := range c.st.AccountUsers {
		if au.AccountID == c.acct.ID {
			if u := c.st.User(au.UserID); u != nil {
				out = append(out, agentOf(u, au))
			}
		}
	}
	c.ok(out)
}

// createAgent invites a user by email: a new user, or an existing one
// added to the account; already a member is a 422 like the server's.
func (c *ctx) createAgent() {
	p := c.in("agent")
	email := strings.ToLower(strings.TrimSpace(str(p, "email")))
	name := str(p, "name")
	role := orDefault(str(p, "role"), "agent")
	if email == "" || !strings.Contains(email, "@") {
		c.invalid("Email is invalid", "email")
		return
	}
	if role != "agent" && role != "administrator" {
		c.invalid("Role is not included in the list", "role")
		return
	}
	u := c.st.UserByEmail(email)
	if u != nil && c.st.AccountUser(c.acct.ID, u.ID) != nil {
		c.invalid("Email has already been taken", "email")
		return
	}
	if u == nil {
		if name == "" {
			c.invalid("Name can't be blank", "name")
			return
		}
		u = c.st.AddUser(name, email, c.now())
	}
	au := c.st.AddAccountUser(c.acct.ID, u.ID, role, c.actorID(), c.now())
	if v, ok := getStr(p, "availability"); ok {
		au.Availability = v
	}
	if v, ok := getBool(p, "auto_offline"); ok {
		au.AutoOffline = v
	}
	c.audit("AccountUser", au.ID, "create", obj{"role": role, "user_id": u.ID})
	c.ok(agentOf(u, au))
}

func (c *ctx) findAgent() (*store.User, *store.AccountUser) {
	id, ok := c.pathID("id")
	if !ok {
		return nil, nil
	}
	au := c.st.AccountUser(c.acct.ID, id)
	u := c.st.User(id)
	if au == nil || u == nil {
		c.notFound()
		return nil, nil
	}
	return u, au
}

func (c *ctx) updateAgent() {
	u, au := c.findAgent()
	if u == nil {
		return
	}
	p := c.in("agent")
	if v, ok := getStr(p, "role"); ok {
		if v != "agent" && v != "administrator" {
			c.invalid("Role is not included in the list", "role")
			return
		}
		au.Role = v
	}
	if v, ok := getStr(p, "availability"); ok {
		au.Availability = v
	}
	if v, ok := getBool(p, "auto_offline"); ok {
		au.AutoOffline = v
	}
	if v, ok := getStr(p, "name"); ok && v != "" {
		u.Name = v
	}
	au.UpdatedAt = c.now()
	c.ok(agentOf(u, au))
}

// deleteAgent removes the user from the account (not from Chatwoot) and
// unassigns their conversations there.
func (c *ctx) deleteAgent() {
	u, au := c.findAgent()
	if u == nil {
		return
	}
	c.st.AccountUsers = store.RemoveID(c.st.AccountUsers, au.ID)
	for _, in := range store.OfAccount(c.st.Inboxes, c.acct.ID) {
		in.Members = withoutInts(in.Members, []int64{u.ID})
	}
	for _, t := range store.OfAccount(c.st.Teams, c.acct.ID) {
		t.Members = withoutInts(t.Members, []int64{u.ID})
	}
	for _, cv := range c.st.Conversations {
		if cv.AccountID == c.acct.ID && cv.AssigneeID == u.ID {
			cv.AssigneeID = 0
		}
	}
	c.audit("AccountUser", au.ID, "destroy", obj{"user_id": u.ID})
	c.head(http.StatusOK)
}

// bulkCreateAgents invites agents by email list, skipping known members.
func (c *ctx) bulkCreateAgents() {
	emails, _ := getStrs(c.params, "emails")
	for _, email := range emails {
		email = strings.ToLower(strings.TrimSpace(email))
		if !strings.Contains(email, "@") {
			continue
		}
		u := c.st.UserByEmail(email)
		if u == nil {
			u = c.st.AddUser(strings.Split(email, "@")[0], email, c.now())
		}
		if c.st.AccountUser(c.acct.ID, u.ID) == nil {
			c.st.AddAccountUser(c.acct.ID, u.ID, "agent", c.actorID(), c.now())
		}
	}
	c.head(http.StatusOK)
}
