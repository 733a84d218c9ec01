package sandbox

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// The Platform API: a platform app manages accounts, users, account users
// and agent bots, and may only touch the ones it created (FACTS §4).

func (c *ctx) platformRow(kind, param string) (int64, bool) {
	id, err := strconv.ParseInt(c.r.PathValue(param), 10, 64)
	if err != nil {
		c.notFound()
		return 0, false
	}
	exists := false
	switch kind {
	case "account":
		exists = c.st.Account(id) != nil
	case "user":
		exists = c.st.User(id) != nil
	case "agent_bot":
		exists = store.FindID(c.st.AgentBots, id) != nil
	}
	if !exists {
		c.notFound()
		return 0, false
	}
	return id, c.permitted(kind, id)
}

func (c *ctx) platformListAccounts() {
	out := []obj{}
	for _, p := range c.st.Permissibles {
		if p.AppID == c.app.ID && p.Type == "account" {
			if a := c.st.Account(p.ID); a != nil {
				out = append(out, platformAccountView(a))
			}
		}
	}
	c.ok(out)
}

func (c *ctx) platformCreateAccount() {
	p := c.in("account")
	a := &store.Account{Status: "active", Locale: "en", CustomAttributes: obj{}, Settings: obj{}, Limits: obj{}}
	if !applyPlatformAccount(c, a, p) {
		return
	}
	a.ID = c.st.Next("accounts")
	a.CreatedAt, a.UpdatedAt = c.now(), c.now()
	c.st.Accounts = append(c.st.Accounts, a)
	c.grant("account", a.ID)
	c.ok(platformAccountView(a))
}

func applyPlatformAccount(c *ctx, a *store.Account, p obj) bool {
	for key, dst := range map[string]*string{"name": &a.Name, "locale": &a.Locale, "domain": &a.Domain, "support_email": &a.SupportEmail} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if v, ok := getStr(p, "status"); ok {
		if v != "active" && v != "suspended" {
			c.invalid("Status is not included in the list", "status")
			return false
		}
		a.Status = v
	}
	if m, ok := getObj(p, "limits"); ok {
		a.Limits = copyObj(m)
	}
	if m, ok := getObj(p, "custom_attributes"); ok {
		a.CustomAttributes = mergeObj(a.CustomAttributes, m)
	}
	if a.Name == "" {
		c.invalid("Name can't be blank", "name")
		return false
	}
	return true
}

func (c *ctx) platformShowAccount() {
	if id, ok := c.platformRow("account", "account_id"); ok {
		c.ok(platformAccountView(c.st.Account(id)))
	}
}

func (c *ctx) platformUpdateAccount() {
	id, ok := c.platformRow("account", "account_id")
	if !ok {
		return
	}
	a := c.st.Account(id)
	draft := *a
	if !applyPlatformAccount(c, &draft, c.in("account")) {
		return
	}
	*a = draft
	a.UpdatedAt = c.now()
	c.ok(platformAccountView(a))
}

// platformDeleteAccount removes the account and everything in it.
func (c *ctx) platformDeleteAccount() {
	id, ok := c.platformRow("account", "account_id")
	if !ok {
		return
	}
	st := c.st
	st.Accounts = store.RemoveID(st.Accounts, id)
	st.AccountUsers = store.Keep(st.AccountUsers, func(au *store.AccountUser) bool { return au.AccountID != id })
	st.Inboxes = store.Keep(st.Inboxes, func(in *store.Inbox) bool { return in.AccountID != id })
	st.Teams = store.Keep(st.Teams, func(t *store.Team) bool { return t.AccountID != id })
	st.Contacts = store.Keep(st.Contacts, func(ct *store.Contact) bool { return ct.AccountID != id })
	st.DropContactInboxes(func(ci *store.ContactInbox) bool { return st.InboxOf(ci.InboxID) == nil })
	st.DropConversations(func(cv *store.Conversation) bool { return cv.AccountID == id })
	st.Labels = store.Keep(st.Labels, func(l *store.Label) bool { return l.AccountID != id })
	st.Webhooks = store.Keep(st.Webhooks, func(w *store.Webhook) bool { return w.AccountID != id })
	st.Reindex()
	c.head(http.StatusOK)
}

func (c *ctx) platformListAccountUsers() {
	id, ok := c.platformRow("account", "account_id")
	if !ok {
		return
	}
	out := []obj{}
	for _, au := range c.st.AccountUsers {
		if au.AccountID == id {
			out = append(out, obj{"account_id": au.AccountID, "user_id": au.UserID, "role": au.Role})
		}
	}
	c.ok(out)
}

func (c *ctx) platformCreateAccountUser() {
	id, ok := c.platformRow("account", "account_id")
	if !ok {
		return
	}
	userID, hasUser := getInt(c.params, "user_id")
	role := str(c.params, "role")
	if !hasUser {
		c.missing("user_id")
		return
	}
	if role != "agent" && role != "administrator" {
		c.invalid("Role is not included in the list", "role")
		return
	}
	if c.st.User(userID) == nil {
		c.notFound()
		return
	}
	au := c.st.AccountUser(id, userID)
	if au == nil {
		au = c.st.AddAccountUser(id, userID, role, 0, c.now())
	}
	au.Role = role
	c.ok(obj{"account_id": au.AccountID, "user_id": au.UserID, "role": au.Role})
}

func (c *ctx) platformDeleteAccountUser() {
	id, ok := c.platformRow("account", "account_id")
	if !ok {
		return
	}
	userID, hasUser := getInt(c.params, "user_id")
	if !hasUser {
		c.missing("user_id")
		return
	}
	au := c.st.AccountUser(id, userID)
	if au == nil {
		c.notFound()
		return
	}
	c.st.AccountUsers = store.RemoveID(c.st.AccountUsers, au.ID)
	c.head(http.StatusOK)
}

// Users.

func (c *ctx) platformCreateUser() {
	p := c.in("user")
	email := strings.ToLower(strings.TrimSpace(str(p, "email")))
	name := str(p, "name")
	switch {
	case email == "" || !strings.Contains(email, "@"):
		c.invalid("Email is invalid", "email")
		return
	case c.st.UserByEmail(email) != nil:
		c.invalid("Email has already been taken", "email")
		return
	case name == "":
		c.invalid("Name can't be blank", "name")
		return
	}
	u := c.st.AddUser(name, email, c.now())
	u.DisplayName = str(p, "display_name")
	if m, ok := getObj(p, "custom_attributes"); ok {
		u.CustomAttributes = copyObj(m)
	}
	c.grant("user", u.ID)
	c.ok(platformUserView(c.st, u))
}

func (c *ctx) platformShowUser() {
	if id, ok := c.platformRow("user", "id"); ok {
		c.ok(platformUserView(c.st, c.st.User(id)))
	}
}

func (c *ctx) platformUpdateUser() {
	id, ok := c.platformRow("user", "id")
	if !ok {
		return
	}
	u := c.st.User(id)
	p := c.in("user")
	if v, ok := getStr(p, "email"); ok && !strings.EqualFold(v, u.Email) {
		if c.st.UserByEmail(v) != nil {
			c.invalid("Email has already been taken", "email")
			return
		}
		u.Email = strings.ToLower(v)
	}
	for key, dst := range map[string]*string{"name": &u.Name, "display_name": &u.DisplayName} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if m, ok := getObj(p, "custom_attributes"); ok {
		u.CustomAttributes = mergeObj(u.CustomAttributes, m)
	}
	u.UpdatedAt = c.now()
	c.ok(platformUserView(c.st, u))
}

// platformDeleteUser removes the user everywhere; their token stops working.
func (c *ctx) platformDeleteUser() {
	id, ok := c.platformRow("user", "id")
	if !ok {
		return
	}
	u := c.st.User(id)
	u.Deleted = true
	c.st.RotateToken(u.AccessToken, "", store.TokenOwner{})
	c.st.AccountUsers = store.Keep(c.st.AccountUsers, func(au *store.AccountUser) bool { return au.UserID != id })
	c.head(http.StatusOK)
}

func (c *ctx) platformLoginURL() {
	id, ok := c.platformRow("user", "id")
	if !ok {
		return
	}
	u := c.st.User(id)
	c.ok(obj{"url": c.s.opts.BaseURL + "/app/login?email=" + u.Email + "&sso_auth_token=" + c.st.NewToken(32)})
}

func (c *ctx) platformUserToken() {
	id, ok := c.platformRow("user", "id")
	if !ok {
		return
	}
	u := c.st.User(id)
	c.ok(obj{"access_token": u.AccessToken, "expiry": nil, "user": obj{"id": u.ID, "name": u.Name,
		"display_name": strOrNil(u.DisplayName), "email": u.Email, "pubsub_token": u.PubsubToken}})
}

// Agent bots.

func (c *ctx) platformListBots() {
	out := []obj{}
	for _, p := range c.st.Permissibles {
		if p.AppID == c.app.ID && p.Type == "agent_bot" {
			if b := store.FindID(c.st.AgentBots, p.ID); b != nil {
				out = append(out, agentBotView(b, true))
			}
		}
	}
	c.ok(out)
}

func (c *ctx) platformCreateBot() {
	p := c.in("agent_bot")
	b := &store.AgentBot{BotConfig: obj{}}
	applyBot(b, p)
	if id, ok := getInt(p, "account_id"); ok {
		if c.st.Account(id) == nil {
			c.notFound()
			return
		}
		b.AccountID = id
	}
	if b.Name == "" {
		c.invalid("Name can't be blank", "name")
		return
	}
	c.st.AddBot(b, c.now())
	c.grant("agent_bot", b.ID)
	c.ok(agentBotView(b, true))
}

func (c *ctx) platformShowBot() {
	if id, ok := c.platformRow("agent_bot", "id"); ok {
		c.ok(agentBotView(store.FindID(c.st.AgentBots, id), true))
	}
}

func (c *ctx) platformUpdateBot() {
	id, ok := c.platformRow("agent_bot", "id")
	if !ok {
		return
	}
	b := store.FindID(c.st.AgentBots, id)
	applyBot(b, c.in("agent_bot"))
	b.UpdatedAt = c.now()
	c.ok(agentBotView(b, true))
}

func (c *ctx) platformDeleteBot() {
	if id, ok := c.platformRow("agent_bot", "id"); ok {
		c.st.DeleteBot(store.FindID(c.st.AgentBots, id))
		c.head(http.StatusOK)
	}
}

// platformDeleteBotAvatar removes a bot's avatar (beyond the spec).
func (c *ctx) platformDeleteBotAvatar() {
	if id, ok := c.platformRow("agent_bot", "id"); ok {
		store.FindID(c.st.AgentBots, id).AvatarURL = ""
		c.head(http.StatusOK)
	}
}

// platformMigrateEmailChannels creates an email inbox per mailbox moved
// from another system (beyond the spec; Chatwoot needs the
// EMAIL_CHANNEL_MIGRATION flag, which the sandbox behaves as if set). Each
// entry succeeds or fails on its own, as the server reports them.
func (c *ctx) platformMigrateEmailChannels() {
	id, ok := c.platformRow("account", "account_id")
	if !ok {
		return
	}
	entries, _ := c.params["migrations"].([]any)
	if len(entries) == 0 || len(entries) > 25 {
		c.fail(http.StatusUnprocessableEntity, "migrations must hold between 1 and 25 entries")
		return
	}
	results := []obj{}
	for _, e := range entries {
		entry, _ := e.(obj)
		results = append(results, c.migrateMailbox(id, entry))
	}
	c.ok(obj{"results": results})
}

func (c *ctx) migrateMailbox(accountID int64, entry obj) obj {
	email := str(entry, "email")
	result := obj{"email": email}
	fail := func(msg string) obj {
		result["status"], result["message"] = "error", msg
		return result
	}
	switch {
	case email == "":
		return fail("Email can't be blank")
	case str(entry, "provider") != "google" && str(entry, "provider") != "microsoft":
		return fail("Provider must be google or microsoft")
	}
	for _, in := range c.st.Inboxes {
		if in.ChannelType == store.ChannelEmail && str(in.Channel, "email") == email {
			return fail("Email has already been taken")
		}
	}
	now := c.now()
	in := &store.Inbox{AccountID: accountID, Name: orDefault(str(entry, "inbox_name"), email), ChannelType: store.ChannelEmail,
		Timezone: "UTC", SenderNameType: "friendly", AllowMessagesAfterResolved: true, EnableAutoAssignment: true,
		Channel: obj{"email": email, "provider": str(entry, "provider")}}
	in.ID = c.st.Next("inboxes")
	in.ChannelID = c.st.Next("channel_" + store.ChannelEmail)
	in.CreatedAt, in.UpdatedAt = now, now
	c.st.Inboxes = append(c.st.Inboxes, in)
	result["status"], result["inbox_id"], result["channel_id"] = "success", in.ID, in.ChannelID
	return result
}
