package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Routes beyond the spec that extend a resource the sandbox already has:
// inboxes, conversations, messages, campaigns, CSAT, integrations, help
// center, agent bots and the profile.

func (s *Sandbox) resourceExtraRoutes(m *mux) {
	i := acc + "/inboxes"
	m.admin("GET "+i+"/{id}/campaigns", (*ctx).inboxCampaigns)
	m.admin("POST "+i+"/{id}/sync_templates", (*ctx).syncTemplates)
	m.admin("GET "+i+"/{id}/health", (*ctx).inboxHealth)
	m.admin("POST "+i+"/{id}/reset_secret", (*ctx).resetInboxSecret)
	m.admin("POST "+i+"/{id}/rotate_hmac_token", (*ctx).rotateInboxHMAC)
	m.admin("DELETE "+i+"/{id}/avatar", (*ctx).deleteInboxAvatar)
	m.admin("GET "+i+"/{inbox_id}/csat_template", (*ctx).showCSATTemplate)
	m.admin("POST "+i+"/{inbox_id}/csat_template", (*ctx).createCSATTemplate)
	m.admin("POST "+i+"/{inbox_id}/csat_template/analyze", (*ctx).analyzeCSATTemplate)

	c := acc + "/conversations"
	m.user("GET "+c+"/unread_counts", (*ctx).unreadCounts)
	m.user("GET "+c+"/{conversation_id}/participants", (*ctx).listParticipants)
	m.user("POST "+c+"/{conversation_id}/participants", participantsChange("add"))
	m.user("PATCH|PUT "+c+"/{conversation_id}/participants", participantsChange("set"))
	m.user("DELETE "+c+"/{conversation_id}/participants", participantsChange("remove"))
	m.user("POST "+c+"/{conversation_id}/messages/{id}/retry", (*ctx).retryMessage)
	m.user("POST "+c+"/{conversation_id}/messages/{id}/translate", (*ctx).translateMessage)

	m.user("POST "+acc+"/contacts/{id}/call", (*ctx).callContact)
	m.user("DELETE "+acc+"/contacts/{id}/avatar", (*ctx).deleteContactAvatar)
	m.admin("GET "+acc+"/campaigns/{campaign_id}/analytics/metrics", (*ctx).campaignMetrics)
	m.admin("GET "+acc+"/campaigns/{campaign_id}/analytics/contacts", (*ctx).campaignContacts)
	m.admin("PATCH "+acc+"/csat_survey_responses/{id}", (*ctx).reviewCSAT)

	in := acc + "/integrations"
	m.user("GET "+in+"/apps/{id}", (*ctx).showIntegrationApp)
	m.admin("GET "+in+"/hooks/{hook_id}", (*ctx).showHook)
	m.admin("POST "+in+"/shopify/auth", (*ctx).shopifyAuth)
	m.user("GET "+in+"/shopify/orders", (*ctx).shopifyOrders)
	m.admin("DELETE "+in+"/shopify", disconnect("shopify"))
	m.admin("DELETE "+in+"/notion", disconnect("notion"))

	p := acc + "/portals"
	m.admin("GET "+p+"/{id}/ssl_status", (*ctx).portalSSL)
	m.admin("POST "+p+"/{id}/send_instructions", (*ctx).portalInstructions)
	m.admin("DELETE "+p+"/{id}/logo", (*ctx).deletePortalLogo)
	m.admin("POST "+p+"/{portal_id}/categories/reorder", reorder(store.KindCategories))
	m.admin("POST "+p+"/{portal_id}/articles/reorder", reorder(store.KindArticles))

	m.admin("POST "+acc+"/agent_bots/{id}/reset_secret", (*ctx).resetBotSecret)
	m.admin("DELETE "+acc+"/agent_bots/{id}/avatar", (*ctx).deleteBotAvatar)
	m.profile("DELETE /api/v1/profile/avatar", (*ctx).deleteProfileAvatar)
}

// Inboxes.

func (c *ctx) inboxCampaigns() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	out := []obj{}
	for _, cp := range c.st.Campaigns {
		if cp.AccountID == c.acct.ID && cp.InboxID == in.ID {
			out = append(out, campaignView(c.st, cp))
		}
	}
	c.ok(out)
}

// whatsAppInbox finds the inbox and refuses one of another channel, as the
// template and health routes do.
func (c *ctx) whatsAppInbox(param string) *store.Inbox {
	in := c.findInbox(param)
	if in == nil {
		return nil
	}
	if in.ChannelType != store.ChannelWhatsApp {
		c.fail(http.StatusBadRequest, "This action is only available for WhatsApp channels")
		return nil
	}
	return in
}

func (c *ctx) syncTemplates() {
	if c.whatsAppInbox("id") != nil {
		c.head(http.StatusOK)
	}
}

func (c *ctx) inboxHealth() {
	in := c.whatsAppInbox("id")
	if in == nil {
		return
	}
	c.ok(obj{"display_phone_number": str(in.Channel, "phone_number"), "verified_name": in.Name,
		"name_status": "APPROVED", "quality_rating": "GREEN", "messaging_limit_tier": "TIER_1K",
		"account_mode": "LIVE", "code_verification_status": "VERIFIED", "platform_type": "CLOUD_API",
		"throughput": obj{"level": "STANDARD"}, "business_id": "sandbox-business"})
}

func (c *ctx) resetInboxSecret() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	if !in.IsAPI() {
		c.fail(http.StatusUnprocessableEntity, "Only API inboxes have a webhook secret")
		return
	}
	in.Secret, in.UpdatedAt = c.st.NewToken(24), c.now()
	c.ok(inboxView(in, true))
}

func (c *ctx) rotateInboxHMAC() {
	in := c.findInbox("id")
	if in == nil {
		return
	}
	in.HMACToken, in.UpdatedAt = c.st.NewToken(24), c.now()
	c.ok(inboxView(in, true))
}

func (c *ctx) deleteInboxAvatar() {
	if in := c.findInbox("id"); in != nil {
		c.head(http.StatusOK)
	}
}

func (c *ctx) csatTemplateOf(in *store.Inbox) *store.Record {
	rows := c.recordsOf(store.KindCSATTemplates, in.ID)
	if len(rows) == 0 {
		return nil
	}
	return rows[len(rows)-1]
}

func csatTemplateView(r *store.Record) obj {
	return obj{"id": r.ID, "name": str(r.Attrs, "name"), "status": "PENDING", "language": orDefault(str(r.Attrs, "language"), "en"),
		"message": str(r.Attrs, "message"), "button_text": orDefault(str(r.Attrs, "button_text"), "Please rate us"),
		"created_at": store.ISO(r.CreatedAt)}
}

func (c *ctx) showCSATTemplate() {
	in := c.whatsAppInbox("inbox_id")
	if in == nil {
		return
	}
	r := c.csatTemplateOf(in)
	if r == nil {
		c.ok(obj{"template_exists": false})
		return
	}
	c.ok(obj{"template_exists": true, "template": csatTemplateView(r)})
}

func (c *ctx) createCSATTemplate() {
	in := c.whatsAppInbox("inbox_id")
	if in == nil {
		return
	}
	t := c.in("template")
	if str(t, "message") == "" {
		c.invalid("Message is required", "message")
		return
	}
	attrs := attrsFrom(t, "template")
	attrs["name"] = "customer_satisfaction_survey_" + strings.ToLower(strings.ReplaceAll(in.Name, " ", "_"))
	r := c.st.AddRecord(store.KindCSATTemplates, &store.Record{AccountID: c.acct.ID, ParentID: in.ID, Attrs: attrs}, c.now())
	c.ok(obj{"template": csatTemplateView(r)})
}

// analyzeCSATTemplate applies WhatsApp's plain rules: a body of at most
// 1024 characters and a button of at most 20.
func (c *ctx) analyzeCSATTemplate() {
	if c.whatsAppInbox("inbox_id") == nil {
		return
	}
	t := c.in("template")
	issues := []string{}
	if msg := str(t, "message"); msg == "" || len([]rune(msg)) > 1024 {
		issues = append(issues, "The message must have 1 to 1024 characters")
	}
	if len([]rune(str(t, "button_text"))) > 20 {
		issues = append(issues, "The button text must have at most 20 characters")
	}
	c.ok(obj{"valid": len(issues) == 0, "issues": issues, "category": "MARKETING"})
}

// Conversations and messages.

func (c *ctx) unreadCounts() {
	byInbox, byLabel, byTeam := obj{}, obj{}, obj{}
	total := 0
	for _, cv := range c.st.Conversations {
		if cv.AccountID != c.acct.ID || !c.st.CanSee(cv, c.actorID(), c.isAdmin()) || unreadIncoming(cv) == 0 {
			continue
		}
		total++
		bump(byInbox, cv.InboxID)
		if cv.TeamID != 0 {
			bump(byTeam, cv.TeamID)
		}
		for _, l := range cv.Labels {
			n, _ := byLabel[l].(int)
			byLabel[l] = n + 1
		}
	}
	c.ok(obj{"total": total, "inboxes": byInbox, "labels": byLabel, "teams": byTeam})
}

func bump(counts obj, id int64) {
	k := strconv.FormatInt(id, 10)
	n, _ := counts[k].(int)
	counts[k] = n + 1
}

func (c *ctx) participantIDs(cv *store.Conversation) []int64 {
	var ids []int64
	for _, r := range c.recordsOf(store.KindParticipants, cv.DisplayID) {
		ids = append(ids, intOf(r.Attrs, "user_id"))
	}
	return ids
}

func (c *ctx) participantsView(cv *store.Conversation) []agentView {
	out := agentsOf(c.st, c.acct.ID, c.participantIDs(cv))
	if out == nil {
		out = []agentView{}
	}
	return out
}

func (c *ctx) listParticipants() {
	if cv := c.findConversation("conversation_id"); cv != nil {
		c.ok(c.participantsView(cv))
	}
}

// participantsChange adds, replaces or removes participants; every id
// must be an agent of the account.
func participantsChange(mode string) handler {
	return func(c *ctx) {
		cv := c.findConversation("conversation_id")
		if cv == nil {
			return
		}
		ids, _ := getInts(c.params, "user_ids")
		for _, id := range ids {
			if _, ok := renderAgent(c.st, c.acct.ID, id); !ok {
				c.notFound()
				return
			}
		}
		have := c.participantIDs(cv)
		var want []int64
		switch mode {
		case "add":
			want = uniqInts(append(have, ids...))
		case "set":
			want = uniqInts(ids)
		default:
			want = withoutInts(have, ids)
		}
		c.st.DropRecords(store.KindParticipants, func(r *store.Record) bool {
			return r.AccountID == c.acct.ID && r.ParentID == cv.DisplayID
		})
		for _, id := range want {
			c.st.AddRecord(store.KindParticipants, &store.Record{AccountID: c.acct.ID, ParentID: cv.DisplayID, Attrs: obj{"user_id": id}}, c.now())
		}
		switch mode {
		case "remove":
			c.head(http.StatusOK)
		case "add":
			// Chatwoot answers only the participants this call added.
			added := agentsOf(c.st, c.acct.ID, withoutInts(uniqInts(ids), have))
			if added == nil {
				added = []agentView{}
			}
			c.ok(added)
		default:
			c.ok(c.participantsView(cv))
		}
	}
}

func (c *ctx) pathMessage() (*store.Conversation, *store.Message) {
	cv := c.findConversation("conversation_id")
	if cv == nil {
		return nil, nil
	}
	id, ok := c.pathID("id")
	if !ok {
		return nil, nil
	}
	m := cv.Message(id)
	if m == nil {
		c.notFound()
		return nil, nil
	}
	return cv, m
}

// retryMessage sends an outgoing message again: it leaves the failed
// state, as the channel's send job would on success.
func (c *ctx) retryMessage() {
	cv, m := c.pathMessage()
	if m == nil {
		return
	}
	if m.MessageType != store.MsgOutgoing {
		c.fail(http.StatusUnprocessableEntity, "Only outgoing messages can be retried")
		return
	}
	m.Status = "sent"
	delete(m.ContentAttributes, "external_error")
	m.UpdatedAt = c.now()
	c.ok(renderMessage(c.st, cv, m))
}

// translateMessage stores a stand-in translation (the sandbox has no
// translation service) under content_attributes.translations, as Chatwoot
// keeps them, and answers {"content": …}.
func (c *ctx) translateMessage() {
	_, m := c.pathMessage()
	if m == nil {
		return
	}
	lang := orDefault(str(c.params, "target_language"), c.acct.Locale)
	text := "[" + lang + "] " + m.Content
	if m.ContentAttributes == nil {
		m.ContentAttributes = obj{}
	}
	tr, _ := m.ContentAttributes["translations"].(map[string]any)
	if tr == nil {
		tr = obj{}
	}
	tr[lang] = text
	m.ContentAttributes["translations"] = tr
	c.ok(obj{"content": text})
}

// Contacts, campaigns, CSAT.

func (c *ctx) callContact() {
	ct := c.findContact("id")
	if ct == nil {
		return
	}
	if ct.PhoneNumber == "" {
		c.invalid("Contact has no phone number", "phone_number")
		return
	}
	c.ok(obj{"status": "ringing", "call_sid": "CA" + c.st.NewToken(16), "conversation_id": nil, "to": ct.PhoneNumber})
}

func (c *ctx) deleteContactAvatar() {
	if ct := c.findContact("id"); ct != nil {
		ct.AvatarURL, ct.UpdatedAt = "", c.now()
		c.ok(obj{"payload": renderContact(c.st, ct, false)})
	}
}

func (c *ctx) campaignByParam() *store.Campaign {
	id, ok := c.pathID("campaign_id")
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

func (c *ctx) campaignMetrics() {
	if cp := c.campaignByParam(); cp != nil {
		c.ok(obj{"campaign_id": cp.DisplayID, "sent": 0, "delivered": 0, "read": 0, "replied": 0, "failed": 0})
	}
}

func (c *ctx) campaignContacts() {
	if cp := c.campaignByParam(); cp != nil {
		c.ok(obj{"payload": []any{}, "meta": obj{"count": 0, "current_page": c.page()}})
	}
}

func (c *ctx) reviewCSAT() {
	r := c.findRecord(store.KindCSAT, "id", 0)
	if r == nil {
		return
	}
	if notes, ok := getStr(c.params, "csat_review_notes"); ok {
		r.Attrs["csat_review_notes"] = notes
		r.Attrs["review_notes_updated_at"] = c.now()
		r.Attrs["review_notes_updated_by_id"] = c.actorID()
		r.UpdatedAt = c.now()
	}
	c.ok(c.csatView(r))
}

// Integrations.

func (c *ctx) showIntegrationApp() {
	id := c.r.PathValue("id")
	for _, app := range integrationApps {
		if app.id != id {
			continue
		}
		hooks := []obj{}
		for _, r := range c.recordsOf(store.KindHooks, 0) {
			if str(r.Attrs, "app_id") == app.id {
				hooks = append(hooks, c.hookView(r))
			}
		}
		c.ok(obj{"id": app.id, "name": app.name, "description": app.description, "hook_type": app.hookType,
			"enabled": len(hooks) > 0, "allow_multiple_hooks": app.id == "dialogflow", "hooks": hooks})
		return
	}
	c.notFound()
}

func (c *ctx) showHook() {
	if r := c.findRecord(store.KindHooks, "hook_id", 0); r != nil {
		c.ok(c.hookView(r))
	}
}

func (c *ctx) shopifyAuth() {
	shop := str(c.params, "shop_domain")
	if !strings.HasSuffix(shop, ".myshopify.com") {
		c.fail(http.StatusUnprocessableEntity, "Shop domain must end in .myshopify.com")
		return
	}
	c.ok(obj{"redirect_url": "https://" + shop + "/admin/oauth/authorize?client_id=sandbox&scope=read_customers,read_orders&state=" + c.st.NewToken(12)})
}

func (c *ctx) connected(app string) *store.Record {
	for _, r := range c.recordsOf(store.KindConnections, 0) {
		if str(r.Attrs, "app") == app {
			return r
		}
	}
	return nil
}

func (c *ctx) shopifyOrders() {
	if c.connected("shopify") == nil {
		c.fail(http.StatusUnprocessableEntity, "Shopify is not connected")
		return
	}
	ct := store.FindIn(c.st.Contacts, c.acct.ID, intOf(c.params, "contact_id"))
	if ct == nil {
		c.notFound()
		return
	}
	orders := []obj{}
	if ct.Email != "" {
		orders = append(orders, obj{"id": 5001000 + ct.ID, "name": "#" + strconv.FormatInt(1000+ct.ID, 10), "email": ct.Email,
			"created_at": store.ISO(ct.CreatedAt), "total_price": "49.00", "currency": "USD",
			"financial_status": "paid", "fulfillment_status": "fulfilled",
			"admin_url": "https://acme.myshopify.com/admin/orders/" + strconv.FormatInt(5001000+ct.ID, 10)})
	}
	c.ok(obj{"orders": orders})
}

func disconnect(app string) handler {
	return func(c *ctx) {
		r := c.connected(app)
		if r == nil {
			c.notFound()
			return
		}
		c.deleteRecord(store.KindConnections, r)
	}
}

// Help center.

func (c *ctx) portalSSL() {
	r := c.findPortal("id")
	if r == nil {
		return
	}
	if str(r.Attrs, "custom_domain") == "" {
		c.fail(http.StatusUnprocessableEntity, "Portal has no custom domain")
		return
	}
	c.ok(obj{"status": "active", "verification_errors": []any{}})
}

func (c *ctx) portalInstructions() {
	r := c.findPortal("id")
	if r == nil {
		return
	}
	if !strings.Contains(str(c.params, "email"), "@") {
		c.fail(http.StatusUnprocessableEntity, "Email is invalid")
		return
	}
	c.ok(obj{"message": "Instructions sent successfully"})
}

func (c *ctx) deletePortalLogo() {
	if r := c.findPortal("id"); r != nil {
		delete(r.Attrs, "logo")
		c.head(http.StatusOK)
	}
}

// reorder sets the position of each category or article of the portal
// given in positions_hash ({"id": position}).
func reorder(kind string) handler {
	return func(c *ctx) {
		portal := c.findPortal("portal_id")
		if portal == nil {
			return
		}
		positions, _ := c.params["positions_hash"].(map[string]any)
		if len(positions) == 0 {
			c.fail(http.StatusUnprocessableEntity, "positions_hash is required")
			return
		}
		rows := c.recordsOf(kind, portal.ID)
		for id, pos := range positions {
			i := slices.IndexFunc(rows, func(r *store.Record) bool { return strconv.FormatInt(r.ID, 10) == id })
			if i < 0 {
				c.notFound()
				return
			}
			n, ok := getInt(obj{"p": pos}, "p")
			if !ok {
				c.invalid("Position must be a number", "position")
				return
			}
			rows[i].Attrs["position"], rows[i].UpdatedAt = n, c.now()
		}
		c.head(http.StatusOK)
	}
}

// Agent bots and the profile.

func (c *ctx) resetBotSecret() {
	if b := c.ownBot(); b != nil {
		b.Secret = c.st.NewToken(24)
		c.ok(agentBotView(b, true))
	}
}

func (c *ctx) deleteBotAvatar() {
	if b := c.ownBot(); b != nil {
		b.AvatarURL = ""
		c.ok(agentBotView(b, false))
	}
}

func (c *ctx) deleteProfileAvatar() {
	c.ok(profileView(c.st, c.user))
}
