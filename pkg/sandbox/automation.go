package sandbox

import (
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Account agent bots: bare arrays; the account's own bots and the global
// ones (system bots) are listed.

func (c *ctx) listAccountBots() {
	out := []obj{}
	for _, b := range c.st.AgentBots {
		if b.AccountID == c.acct.ID || b.AccountID == 0 {
			out = append(out, agentBotView(b, b.AccountID == c.acct.ID && c.isAdmin()))
		}
	}
	c.ok(out)
}

func (c *ctx) findAccountBot() *store.AgentBot {
	id, ok := c.pathID("id")
	if !ok {
		return nil
	}
	b := store.FindID(c.st.AgentBots, id)
	if b == nil || (b.AccountID != c.acct.ID && b.AccountID != 0) {
		c.notFound()
		return nil
	}
	return b
}

func (c *ctx) showAccountBot() {
	if b := c.findAccountBot(); b != nil {
		c.ok(agentBotView(b, b.AccountID == c.acct.ID))
	}
}

func applyBot(b *store.AgentBot, p obj) {
	for key, dst := range map[string]*string{"name": &b.Name, "description": &b.Description,
		"outgoing_url": &b.OutgoingURL, "avatar_url": &b.AvatarURL} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if v, ok := getStr(p, "bot_type"); ok {
		b.BotType = map[string]string{"0": "webhook"}[v]
		if b.BotType == "" {
			b.BotType = v
		}
	}
	if m, ok := getObj(p, "bot_config"); ok {
		b.BotConfig = copyObj(m)
	}
}

func (c *ctx) createAccountBot() {
	b := &store.AgentBot{AccountID: c.acct.ID, BotConfig: obj{}}
	applyBot(b, c.in("agent_bot"))
	if b.Name == "" {
		c.invalid("Name can't be blank", "name")
		return
	}
	c.st.AddBot(b, c.now())
	c.ok(agentBotView(b, true))
}

// ownBot finds a bot the account may change: its own, not a global one.
func (c *ctx) ownBot() *store.AgentBot {
	b := c.findAccountBot()
	if b != nil && b.AccountID != c.acct.ID {
		c.unauthorized(errNotAuthorized)
		return nil
	}
	return b
}

func (c *ctx) updateAccountBot() {
	b := c.ownBot()
	if b == nil {
		return
	}
	applyBot(b, c.in("agent_bot"))
	b.UpdatedAt = c.now()
	c.ok(agentBotView(b, true))
}

func (c *ctx) deleteAccountBot() {
	b := c.ownBot()
	if b == nil {
		return
	}
	c.st.DeleteBot(b)
	c.head(http.StatusOK)
}

func (c *ctx) resetBotToken() {
	b := c.ownBot()
	if b == nil {
		return
	}
	old := b.AccessToken
	b.AccessToken = c.st.NewToken(24)
	c.st.RotateToken(old, b.AccessToken, store.TokenOwner{Kind: store.TokenBot, ID: b.ID})
	c.ok(agentBotView(b, true))
}

// Automation rules: {"payload": …} for lists and single rules.

func automationEvents() map[string]bool {
	return map[string]bool{"conversation_created": true, "conversation_updated": true,
		"conversation_resolved": true, "message_created": true, "conversation_opened": true}
}

func (c *ctx) listAutomationRules() {
	rows := store.OfAccount(c.st.AutomationRules, c.acct.ID)
	out := []obj{}
	for _, r := range pageOf(rows, c.page(), 25) {
		out = append(out, automationRuleView(r))
	}
	c.ok(obj{"payload": out})
}

func (c *ctx) findAutomationRule(param string) *store.AutomationRule {
	id, ok := c.pathID(param)
	if !ok {
		return nil
	}
	r := store.FindIn(c.st.AutomationRules, c.acct.ID, id)
	if r == nil {
		c.notFound()
	}
	return r
}

func (c *ctx) showAutomationRule() {
	if r := c.findAutomationRule("id"); r != nil {
		c.ok(obj{"payload": automationRuleView(r)})
	}
}

func (c *ctx) applyAutomationRule(r *store.AutomationRule) bool {
	p := c.in("automation_rule")
	if v, ok := getStr(p, "name"); ok {
		r.Name = v
	}
	if v, ok := getStr(p, "description"); ok {
		r.Description = v
	}
	if v, ok := getStr(p, "event_name"); ok {
		r.EventName = v
	}
	if v, ok := getBool(p, "active"); ok {
		r.Active = v
	}
	if list, ok := getList(p, "conditions"); ok {
		r.Conditions = list
	}
	if list, ok := getList(p, "actions"); ok {
		r.Actions = list
	}
	switch {
	case r.Name == "":
		c.invalid("Name can't be blank", "name")
		return false
	case !automationEvents()[r.EventName]:
		c.invalid("Event name is not included in the list", "event_name")
		return false
	}
	return true
}

func (c *ctx) createAutomationRule() {
	r := &store.AutomationRule{AccountID: c.acct.ID, Active: true}
	if !c.applyAutomationRule(r) {
		return
	}
	c.st.AddAutomationRule(r, c.now())
	c.ok(obj{"payload": automationRuleView(r)})
}

func (c *ctx) updateAutomationRule() {
	r := c.findAutomationRule("id")
	if r == nil {
		return
	}
	draft := *r
	if !c.applyAutomationRule(&draft) {
		return
	}
	*r = draft
	r.UpdatedAt = c.now()
	c.ok(obj{"payload": automationRuleView(r)})
}

func (c *ctx) deleteAutomationRule() {
	if r := c.findAutomationRule("id"); r != nil {
		c.st.AutomationRules = store.RemoveID(c.st.AutomationRules, r.ID)
		c.head(http.StatusOK)
	}
}

func (c *ctx) cloneAutomationRule() {
	r := c.findAutomationRule("automation_rule_id")
	if r == nil {
		return
	}
	clone := *r
	clone.Name = r.Name + " - Copy"
	c.st.AddAutomationRule(&clone, c.now())
	c.ok(obj{"payload": automationRuleView(&clone)})
}

// Campaigns: a bare array; ids are per-account display ids.

func (c *ctx) listCampaigns() {
	out := []obj{}
	for _, cp := range store.OfAccount(c.st.Campaigns, c.acct.ID) {
		out = append(out, campaignView(c.st, cp))
	}
	c.ok(out)
}

func (c *ctx) findCampaign() *store.Campaign {
	id, ok := c.pathID("id")
	if !ok {
		return nil
	}
	for _, cp := range c.st.Campaigns {
		if cp.AccountID == c.acct.ID && cp.DisplayID == id {
			return cp
		}
	}
	c.notFound()
	return nil
}

func (c *ctx) showCampaign() {
	if cp := c.findCampaign(); cp != nil {
		c.ok(campaignView(c.st, cp))
	}
}

func (c *ctx) applyCampaign(cp *store.Campaign) bool {
	p := c.in("campaign")
	for key, dst := range map[string]*string{"title": &cp.Title, "description": &cp.Description, "message": &cp.Message} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if v, ok := getInt(p, "inbox_id"); ok {
		in := store.FindIn(c.st.Inboxes, c.acct.ID, v)
		if in == nil {
			c.invalid("Inbox must exist", "inbox")
			return false
		}
		cp.InboxID = v
		if in.ChannelType != store.ChannelWidget {
			cp.CampaignType = "one_off"
		}
	}
	if v, ok := getInt(p, "sender_id"); ok {
		cp.SenderID = v
	}
	if v, ok := getBool(p, "enabled"); ok {
		cp.Enabled = v
	}
	if v, ok := getBool(p, "trigger_only_during_business_hours"); ok {
		cp.TriggerOnlyDuringBusinessHour = v
	}
	if v, ok := getInt(p, "scheduled_at"); ok {
		cp.ScheduledAt = v
	} else if s, ok := getStr(p, "scheduled_at"); ok {
		cp.ScheduledAt, _ = parseTimeValue(s)
	}
	if list, ok := getList(p, "audience"); ok {
		cp.Audience = list
	}
	if m, ok := getObj(p, "trigger_rules"); ok {
		cp.TriggerRules = copyObj(m)
	}
	if m, ok := getObj(p, "template_params"); ok {
		cp.TemplateParams = copyObj(m)
	}
	switch {
	case cp.Title == "":
		c.invalid("Title can't be blank", "title")
		return false
	case cp.InboxID == 0:
		c.invalid("Inbox must exist", "inbox")
		return false
	}
	return true
}

func (c *ctx) createCampaign() {
	cp := &store.Campaign{AccountID: c.acct.ID, Enabled: true, CampaignType: "ongoing", CampaignStatus: "active", TriggerRules: obj{}}
	if !c.applyCampaign(cp) {
		return
	}
	c.st.AddCampaign(cp, c.now())
	c.ok(campaignView(c.st, cp))
}

func (c *ctx) updateCampaign() {
	cp := c.findCampaign()
	if cp == nil {
		return
	}
	draft := *cp
	if !c.applyCampaign(&draft) {
		return
	}
	*cp = draft
	cp.UpdatedAt = c.now()
	c.ok(campaignView(c.st, cp))
}

func (c *ctx) deleteCampaign() {
	if cp := c.findCampaign(); cp != nil {
		c.st.Campaigns = store.RemoveID(c.st.Campaigns, cp.ID)
		c.head(http.StatusOK)
	}
}
