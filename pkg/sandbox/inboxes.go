package sandbox

import (
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// channelTypes() maps the channel.type a client sends to Chatwoot's class.
func channelTypes() map[string]string {
	return map[string]string{
		"api": store.ChannelAPI, "web_widget": store.ChannelWidget, "email": store.ChannelEmail,
		"line": "Channel::Line", "telegram": "Channel::Telegram", "whatsapp": "Channel::Whatsapp",
		"sms": "Channel::Sms",
	}
}

// visibleInboxes: administrators see every inbox, agents their own.
func (c *ctx) visibleInboxes() []*store.Inbox {
	var out []*store.Inbox
	for _, in := range store.OfAccount(c.st.Inboxes, c.acct.ID) {
		if c.isAdmin() || c.st.MemberOfInbox(in, c.actorID()) {
			out = append(out, in)
		}
	}
	return out
}

func (c *ctx) listInboxes() {
	out := []obj{}
	for _, in := range c.visibleInboxes() {
		out = append(out, inboxView(in, c.isAdmin()))
	}
	c.ok(obj{"payload": out})
}

func (c *ctx) findInbox(param string) *store.Inbox {
	id, ok := c.pathID(param)
	if !ok {
		return nil
	}
	in := store.FindIn(c.st.Inboxes, c.acct.ID, id)
	if in == nil || (!c.isAdmin() && !c.st.MemberOfInbox(in, c.actorID())) {
		c.notFound()
		return nil
	}
	return in
}

func (c *ctx) showInbox() {
	if in := c.findInbox("id"); in != nil {
		c.ok(inboxView(in, c.isAdmin()))
	}
}

// createInbox builds the channel named by channel.type; an API channel
// gets its inbox_identifier, HMAC token and webhook secret here.
func (c *ctx) createInbox() {
	p := c.params
	name := str(p, "name")
	if name == "" {
		c.invalid("Name can't be blank", "name")
		return
	}
	ch, _ := getObj(p, "channel")
	kind, ok := channelTypes()[str(ch, "type")]
	if !ok {
		c.fail(http.StatusUnprocessableEntity, "Invalid channel type")
		return
	}
	in := &store.Inbox{AccountID: c.acct.ID, Name: name, ChannelType: kind, Timezone: "UTC", SenderNameType: "friendly",
		AllowMessagesAfterResolved: true, EnableAutoAssignment: true, Channel: obj{}}
	switch kind {
	case store.ChannelAPI:
		in.Identifier, in.HMACToken, in.Secret = c.st.NewToken(24), c.st.NewToken(24), c.st.NewToken(24)
	case store.ChannelWidget:
		if str(ch, "website_url") == "" {
			c.invalid("Website url can't be blank", "website_url")
			return
		}
		in.WebsiteToken, in.HMACToken = c.st.NewToken(24), c.st.NewToken(24)
	}
	c.applyInbox(in)
	in.ID = c.st.Next("inboxes")
	in.ChannelID = c.st.Next("channel_" + kind)
	in.CreatedAt, in.UpdatedAt = c.now(), c.now()
	c.st.Inboxes = append(c.st.Inboxes, in)
	c.audit("Inbox", in.ID, "create", obj{"name": in.Name})
	c.ok(inboxView(in, true))
}

// applyInbox copies the inbox settings and channel fields a create or
// update sent.
func (c *ctx) applyInbox(in *store.Inbox) {
	p := c.params
	if v, ok := getStr(p, "name"); ok && v != "" {
		in.Name = v
	}
	for key, dst := range map[string]*bool{
		"greeting_enabled": &in.GreetingEnabled, "enable_auto_assignment": &in.EnableAutoAssignment,
		"enable_email_collect": &in.EnableEmailCollect, "csat_survey_enabled": &in.CSATSurveyEnabled,
		"working_hours_enabled": &in.WorkingHoursEnabled, "allow_messages_after_resolved": &in.AllowMessagesAfterResolved,
		"lock_to_single_conversation": &in.LockToSingleConversation,
	} {
		if v, ok := getBool(p, key); ok {
			*dst = v
		}
	}
	for key, dst := range map[string]*string{
		"greeting_message": &in.GreetingMessage, "out_of_office_message": &in.OutOfOfficeMessage,
		"timezone": &in.Timezone, "sender_name_type": &in.SenderNameType, "business_name": &in.BusinessName,
	} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if id, ok := getInt(p, "portal_id"); ok {
		in.PortalID = id
	}
	ch, _ := getObj(p, "channel")
	for key, dst := range map[string]*string{
		"webhook_url": &in.WebhookURL, "website_url": &in.WebsiteURL, "widget_color": &in.WidgetColor,
		"welcome_title": &in.WelcomeTitle, "welcome_tagline": &in.WelcomeTagline, "reply_time": &in.ReplyTime,
	} {
		if v, ok := getStr(ch, key); ok {
			*dst = v
		}
	}
	if v, ok := getBool(ch, "hmac_mandatory"); ok {
		in.HMACMandatory = v
	}
	if m, ok := getObj(ch, "additional_attributes"); ok {
		in.AdditionalAttributes = copyObj(m)
	}
	for k, v := range ch {
		switch k {
		case "type", "webhook_url", "website_url", "widget_color", "welcome_title", "welcome_tagline",
			"reply_time", "hmac_mandatory", "additional_attributes":
			continue
		}
		if in.Channel == nil {
			in.Channel = obj{}
		}
		in.Channel[k] = v
	}
}

func (c *ctx) updateInbox() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	c.applyInbox(in)
	in.UpdatedAt = c.now()
	c.audit("Inbox", in.ID, "update", obj{"name": in.Name})
	c.ok(inboxView(in, c.isAdmin()))
}

// deleteInbox removes the inbox with its conversations and contact inboxes.
func (c *ctx) deleteInbox() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	c.st.Inboxes = store.RemoveID(c.st.Inboxes, in.ID)
	c.st.DropConversations(func(cv *store.Conversation) bool { return cv.InboxID == in.ID })
	c.st.DropContactInboxes(func(ci *store.ContactInbox) bool { return ci.InboxID == in.ID })
	c.audit("Inbox", in.ID, "destroy", obj{"name": in.Name})
	c.head(http.StatusOK)
}

func (c *ctx) messageTemplates() {
	if in := c.findInbox("id"); in != nil {
		c.ok(obj{"payload": []obj{}, "meta": obj{"last_sync_attempt_at": nil}})
	}
}

// inboxAgentBot answers {"agent_bot": bot or null} with 200, as the
// server's view does (the spec says 204).
func (c *ctx) inboxAgentBot() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	var bot any
	if b := store.FindID(c.st.AgentBots, in.AgentBotID); b != nil && in.AgentBotID != 0 {
		bot = agentBotView(b, false)
	}
	c.ok(obj{"agent_bot": bot})
}

func (c *ctx) setInboxAgentBot() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	id := intOf(c.params, "agent_bot")
	if id != 0 {
		b := store.FindID(c.st.AgentBots, id)
		if b == nil || (b.AccountID != 0 && b.AccountID != c.acct.ID) {
			c.notFound()
			return
		}
	}
	in.AgentBotID = id
	c.head(http.StatusOK)
}

func (c *ctx) assignableAgents() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	var ids []int64
	for _, au := range c.st.AccountUsers {
		if au.AccountID == c.acct.ID && (au.Role == "administrator" || c.st.MemberOfInbox(in, au.UserID)) {
			ids = append(ids, au.UserID)
		}
	}
	c.ok(obj{"payload": agentsOf(c.st, c.acct.ID, ids)})
}

// Inbox members.

func (c *ctx) listInboxMembers() {
	if in := c.findInbox("inbox_id"); in != nil {
		c.ok(obj{"payload": agentsOf(c.st, c.acct.ID, in.Members)})
	}
}

// memberInbox reads inbox_id and user_ids from the body for the inbox
// member routes; every user must belong to the account.
func (c *ctx) memberInbox() (*store.Inbox, []int64, bool) {
	id, ok := getInt(c.params, "inbox_id")
	if !ok {
		c.missing("inbox_id")
		return nil, nil, false
	}
	in := store.FindIn(c.st.Inboxes, c.acct.ID, id)
	if in == nil {
		c.notFound()
		return nil, nil, false
	}
	ids, ok := getInts(c.params, "user_ids")
	if !ok {
		c.missing("user_ids")
		return nil, nil, false
	}
	for _, uid := range ids {
		if c.st.AccountUser(c.acct.ID, uid) == nil {
			c.fail(http.StatusUnprocessableEntity, "Invalid user ids")
			return nil, nil, false
		}
	}
	return in, ids, true
}

func (c *ctx) addInboxMembers() {
	in, ids, ok := c.memberInbox()
	if !ok {
		return
	}
	for _, id := range ids {
		if !store.ContainsInt(in.Members, id) {
			in.Members = append(in.Members, id)
		}
	}
	c.ok(obj{"payload": agentsOf(c.st, c.acct.ID, in.Members)})
}

func (c *ctx) replaceInboxMembers() {
	in, ids, ok := c.memberInbox()
	if !ok {
		return
	}
	in.Members = uniqInts(ids)
	c.ok(obj{"payload": agentsOf(c.st, c.acct.ID, in.Members)})
}

func (c *ctx) removeInboxMembers() {
	in, ids, ok := c.memberInbox()
	if !ok {
		return
	}
	in.Members = withoutInts(in.Members, ids)
	c.head(http.StatusOK)
}

func uniqInts(xs []int64) []int64 {
	out := []int64{}
	for _, x := range xs {
		if !store.ContainsInt(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func withoutInts(xs, drop []int64) []int64 {
	out := []int64{}
	for _, x := range xs {
		if !store.ContainsInt(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

// brandedEmailLayout is the account's email template setting.
func (c *ctx) brandedEmailLayout() {
	c.ok(obj{"branded_email_layout": c.acct.BrandedEmailLayout})
}

func (c *ctx) updateBrandedEmailLayout() {
	if _, ok := c.params["branded_email_layout"]; ok {
		if v, isStr := c.params["branded_email_layout"].(string); isStr {
			c.acct.BrandedEmailLayout = &v
		} else {
			c.acct.BrandedEmailLayout = nil
		}
	}
	c.ok(obj{"branded_email_layout": c.acct.BrandedEmailLayout})
}
