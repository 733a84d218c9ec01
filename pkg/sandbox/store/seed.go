package store

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The demo seed's well-known credentials, fixed so the README and CI can
// use them.
const (
	SeedUserToken       = "sandbox-user-token"
	SeedPlatformToken   = "sandbox-platform-token"
	SeedAgentBotToken   = "sandbox-bot-token"
	SeedInboxIdentifier = "Jzk3Ym1ZZ2p3V1hZ"
	SeedHMACToken       = "sandbox-hmac-token"
	SeedWebhookSecret   = "sandbox-webhook-secret"
	SeedPubsubToken     = "sandbox-pubsub-admin"
)

// The demo seed's fixed rows for the Client API and the help examples:
// drawn like their neighbours (so the rest of the seed stays as it was),
// then pinned, so `woot --sandbox client …` and the examples find them.
const (
	// SeedContactIdentifier is the source id of Mia Okafor's contact
	// inbox in the API inbox: the contact the Client API acts as in
	// sandbox mode.
	SeedContactIdentifier = "5e3f7c1a-8d2b-4c6e-9f0a-1b2c3d4e5f60"
	// SeedClientConversation is her conversation that was resolved
	// recently: it holds an unanswered input_select and an unanswered
	// CSAT survey.
	SeedClientConversation = 55
	// SeedClientConversationUUID is its uuid, the key of its survey page.
	SeedClientConversationUUID = "0f8e2d3c-5b7a-4e61-9c2d-8a1b3c4d5e6f"
	// SeedSourceID is Ava Smith's contact inbox in the API inbox, for
	// `conversations create --source-id`.
	SeedSourceID = "2f0c64d1-7e4b-4a34-9d8e-1b2f5c3a9e10"
	// SeedCompanyDomain is the e-mail domain of the contacts who work at
	// Globex (contacts search --q finds them by it).
	SeedCompanyDomain = "globex.example"
)

// seedContactIndex and seedSourceIndex are the positions of the pinned
// contacts in the seed (Mia Okafor, Ava Smith); both are in the API inbox.
const (
	seedContactIndex = 2
	seedSourceIndex  = 0
)

// Seed builds the initial state. Everything is drawn from a fixed-seed
// generator and timed relative to now, so two seeds at the same now are
// identical.
func Seed(kind string, now time.Time) *State {
	g := &seeder{st: newState(), rnd: rand.New(rand.NewPCG(20240501, 7)), now: now.Unix()}
	g.base()
	if kind == "demo" {
		g.demo()
	}
	g.st.Reindex()
	return g.st
}

type seeder struct {
	st  *State
	rnd *rand.Rand
	now int64

	acct    *Account
	users   []*User
	inboxes []*Inbox
	teams   []*Team
	labels  []string
}

func (g *seeder) ago(d time.Duration) int64 { return g.now - int64(d/time.Second) }

// base is what both seeds share: the platform app, account 1, its
// administrator and the API inbox.
func (g *seeder) base() {
	st := g.st
	created := g.ago(90 * 24 * time.Hour)
	app := &PlatformApp{Name: "Sandbox platform app", Token: SeedPlatformToken}
	app.ID, app.CreatedAt, app.UpdatedAt = st.Next("platform_apps"), created, created
	st.PlatformApps = append(st.PlatformApps, app)

	g.acct = &Account{Name: "Acme Support", Locale: "en", Domain: "acme.test", SupportEmail: "support@acme.test",
		Status: "active", CustomAttributes: obj{"industry": "Software", "company_size": "11-50", "timezone": "UTC"},
		Settings: obj{"auto_resolve_message": "", "auto_resolve_ignore_waiting": false}, Limits: obj{}}
	g.acct.ID, g.acct.CreatedAt, g.acct.UpdatedAt = st.Next("accounts"), created, created
	st.Accounts = append(st.Accounts, g.acct)

	admin := g.user("Alice Admin", "alice@acme.test", SeedUserToken, SeedPubsubToken, "administrator", "online", created)
	st.Permissibles = append(st.Permissibles, Permissible{AppID: app.ID, Type: "account", ID: g.acct.ID},
		Permissible{AppID: app.ID, Type: "user", ID: admin.ID})

	api := &Inbox{AccountID: g.acct.ID, Name: "API Inbox", ChannelType: ChannelAPI, Identifier: SeedInboxIdentifier,
		HMACToken: SeedHMACToken, Secret: "sandbox-api-inbox-secret", Timezone: "UTC", SenderNameType: "friendly",
		AllowMessagesAfterResolved: true, EnableAutoAssignment: true, AdditionalAttributes: obj{}, Channel: obj{}}
	g.addInbox(api, created)
}

func (g *seeder) user(name, email, tok, pubsub, role, availability string, created int64) *User {
	u := &User{Name: name, Email: email, AccessToken: tok, PubsubToken: pubsub, Confirmed: true,
		UISettings: obj{}, CustomAttributes: obj{}}
	u.ID, u.CreatedAt, u.UpdatedAt = g.st.Next("users"), created, created
	g.st.Users = append(g.st.Users, u)
	au := g.st.AddAccountUser(g.acct.ID, u.ID, role, 0, created)
	au.Availability = availability
	g.users = append(g.users, u)
	return u
}

func (g *seeder) addInbox(in *Inbox, created int64) {
	in.ID = g.st.Next("inboxes")
	in.ChannelID = g.st.Next("channel_" + in.ChannelType)
	in.CreatedAt, in.UpdatedAt = created, created
	g.st.Inboxes = append(g.st.Inboxes, in)
	g.inboxes = append(g.inboxes, in)
}

// demo adds the rest of "Acme Support": agents, teams, a website inbox,
// about 50 contacts and 80 conversations, and one of each setting.
func (g *seeder) demo() {
	st := g.st
	created := g.ago(90 * 24 * time.Hour)
	for i, a := range []struct{ name, avail string }{
		{"Bob Baker", "online"}, {"Carol Chen", "busy"}, {"Dan Diaz", "offline"}, {"Eve Evans", "online"},
	} {
		id := i + 2
		first := strings.ToLower(strings.Fields(a.name)[0])
		g.user(a.name, first+"@acme.test", fmt.Sprintf("sandbox-agent-%d-token", id), fmt.Sprintf("sandbox-pubsub-agent-%d", id), "agent", a.avail, created)
	}
	g.inboxes[0].Members = []int64{2, 3, 4}
	g.inboxes[0].CSATSurveyEnabled = true
	web := &Inbox{AccountID: g.acct.ID, Name: "Acme Website", ChannelType: ChannelWidget, WebsiteURL: "https://acme.test",
		WebsiteToken: "sandbox-website-token", HMACToken: "sandbox-website-hmac-token", WidgetColor: "#1f93ff",
		WelcomeTitle: "Hi there!", WelcomeTagline: "We usually reply in a few minutes.", ReplyTime: "in_a_few_minutes",
		GreetingEnabled: true, GreetingMessage: "Hello! How can we help?", Timezone: "UTC", SenderNameType: "friendly",
		AllowMessagesAfterResolved: true, EnableAutoAssignment: true, CSATSurveyEnabled: true, Members: []int64{3, 4, 5}, Channel: obj{}}
	g.addInbox(web, created)

	for _, t := range []struct {
		name, desc string
		members    []int64
	}{{"sales", "Pre-sales questions and demos", []int64{2, 3}}, {"support", "Product support", []int64{1, 4, 5}}} {
		tm := &Team{AccountID: g.acct.ID, Name: t.name, Description: t.desc, AllowAutoAssign: true, Members: t.members}
		tm.ID, tm.CreatedAt, tm.UpdatedAt = st.Next("teams"), created, created
		st.Teams = append(st.Teams, tm)
		g.teams = append(g.teams, tm)
	}
	g.settings(created)
	g.contacts()
	g.conversations()
	g.mentions()
	g.helpCenter(created)
	g.beyondSeed(created)
	g.captain(created)
	g.companies(created)
	g.monitors(created)
}

// mentions turns the agents' private notes into notes that mention Alice,
// the sandbox's signed-in user, so her notification inbox has something
// in it: one conversation_mention each, those older than a week read.
func (g *seeder) mentions() {
	alice := g.users[0]
	for _, cv := range g.st.Conversations {
		for _, m := range cv.Messages {
			if !m.Private || m.SenderType != "User" || m.SenderID == alice.ID {
				continue
			}
			m.Content = "[@" + alice.Name + "](mention://user/" + strconv.FormatInt(alice.ID, 10) + "/" +
				url.PathEscape(alice.Name) + ") " + m.Content
			n := &Notification{AccountID: cv.AccountID, UserID: alice.ID, Type: NotifyMention, ConversationID: cv.DisplayID,
				MessageID: m.ID, LastActivityAt: m.CreatedAt}
			n.ID, n.CreatedAt, n.UpdatedAt = g.st.Next("notifications"), m.CreatedAt, m.CreatedAt
			if g.now-m.CreatedAt > int64(7*24*time.Hour/time.Second) {
				n.ReadAt = m.CreatedAt + 3600
			}
			g.st.Notifications = append(g.st.Notifications, n)
		}
	}
}

func (g *seeder) settings(created int64) {
	st := g.st
	for _, l := range []struct{ title, desc, color string }{
		{"billing", "Invoices, payments and refunds", "#ff6b6b"}, {"bug", "Something is broken", "#e03131"},
		{"feature-request", "Ideas for the product", "#7950f2"}, {"vip", "High-value customers", "#f59f00"},
		{"onboarding", "New customers getting started", "#12b886"}, {"churn-risk", "Unhappy customers", "#868e96"},
	} {
		lb := &Label{AccountID: g.acct.ID, Title: l.title, Description: l.desc, Color: l.color, ShowOnSidebar: true}
		lb.ID, lb.CreatedAt, lb.UpdatedAt = st.Next("labels"), created, created
		st.Labels = append(st.Labels, lb)
		g.labels = append(g.labels, l.title)
	}
	for _, cr := range [][2]string{
		{"thanks", "Thanks for reaching out! We'll get back to you shortly."},
		{"hours", "Our support hours are Monday to Friday, 9:00-17:00 UTC."},
		{"refund", "I've started the refund; it will reach your account within 5-7 business days."},
	} {
		r := &CannedResponse{AccountID: g.acct.ID, ShortCode: cr[0], Content: cr[1]}
		r.ID, r.CreatedAt, r.UpdatedAt = st.Next("canned_responses"), created, created
		st.CannedResponses = append(st.CannedResponses, r)
	}
	for _, d := range []*AttributeDef{
		{DisplayName: "Plan", DisplayType: "list", Key: "plan", Model: "contact_attribute", Description: "Subscription plan",
			Values: []any{"free", "pro", "enterprise"}},
		{DisplayName: "Order ID", DisplayType: "text", Key: "order_id", Model: "conversation_attribute", Description: "Order the conversation is about"},
	} {
		d.AccountID = g.acct.ID
		d.ID, d.CreatedAt, d.UpdatedAt = st.Next("custom_attribute_definitions"), created, created
		st.AttributeDefs = append(st.AttributeDefs, d)
	}
	f := &CustomFilter{AccountID: g.acct.ID, UserID: 1, Name: "Open VIP conversations", Type: "conversation",
		Query: obj{"payload": []any{
			obj{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": "AND"},
			obj{"attribute_key": "labels", "filter_operator": "equal_to", "values": []any{"vip"}},
		}}}
	f.ID, f.CreatedAt, f.UpdatedAt = st.Next("custom_filters"), created, created
	st.CustomFilters = append(st.CustomFilters, f)

	w := &Webhook{AccountID: g.acct.ID, URL: "http://127.0.0.1:9/", Name: "Sandbox webhook", Secret: SeedWebhookSecret,
		Subscriptions: []string{"conversation_created", "conversation_status_changed", "conversation_updated",
			"contact_created", "contact_updated", "message_created", "message_updated"}}
	w.ID, w.CreatedAt, w.UpdatedAt = st.Next("webhooks"), created, created
	st.Webhooks = append(st.Webhooks, w)

	bot := &AgentBot{AccountID: g.acct.ID, Name: "Sandbox Bot", Description: "Answers the easy questions",
		OutgoingURL: "http://127.0.0.1:9/bot", BotType: "webhook", BotConfig: obj{}, AccessToken: SeedAgentBotToken,
		Secret: "sandbox-bot-secret"}
	bot.ID, bot.CreatedAt, bot.UpdatedAt = st.Next("agent_bots"), created, created
	st.AgentBots = append(st.AgentBots, bot)

	global := &AgentBot{Name: "Platform Bot", Description: "A bot the platform app created", OutgoingURL: "http://127.0.0.1:9/platform-bot",
		BotType: "webhook", BotConfig: obj{}, AccessToken: "sandbox-platform-bot-token", Secret: "sandbox-platform-bot-secret"}
	global.ID, global.CreatedAt, global.UpdatedAt = st.Next("agent_bots"), created, created
	st.AgentBots = append(st.AgentBots, global)
	st.Permissibles = append(st.Permissibles, Permissible{AppID: st.PlatformApps[0].ID, Type: "agent_bot", ID: global.ID})
	st.AddRecord(KindHooks, &Record{AccountID: g.acct.ID, Attrs: obj{"app_id": "openai", "status": true,
		"settings": obj{"api_key": "sk-sandbox"}}}, created)

	rule := &AutomationRule{AccountID: g.acct.ID, Name: "Tag billing questions", Description: "Label conversations that mention invoices",
		EventName: "message_created", Active: true,
		Conditions: []any{obj{"attribute_key": "content", "filter_operator": "contains", "values": []any{"invoice"}}},
		Actions:    []any{obj{"action_name": "add_label", "action_params": []any{"billing"}}}}
	st.AddAutomationRule(rule, created)

	st.AddCampaign(&Campaign{AccountID: g.acct.ID, Title: "Pricing page helper", Description: "Offer help on the pricing page",
		InboxID: g.inboxes[1].ID, SenderID: 2, Message: "Questions about plans? We're happy to help.", Enabled: true,
		CampaignType: "ongoing", CampaignStatus: "active", TriggerRules: obj{"url": "https://acme.test/pricing", "time_on_page": 10}}, created)

	st.AddRecord(KindMacros, &Record{AccountID: g.acct.ID, Attrs: obj{"name": "Resolve with thanks", "visibility": "global",
		"created_by_id": 1, "actions": []any{
			obj{"action_name": "send_message", "action_params": []any{"Thanks! Closing this now; reply any time to reopen."}},
			obj{"action_name": "resolve_conversation", "action_params": []any{}},
		}}}, created)
	st.AddRecord(KindSLAPolicies, &Record{AccountID: g.acct.ID, Attrs: obj{"name": "Standard", "description": "Default response targets",
		"first_response_time_threshold": 3600, "next_response_time_threshold": 7200, "resolution_time_threshold": 86400,
		"only_during_business_hours": false}}, created)
	st.AddRecord(KindCustomRoles, &Record{AccountID: g.acct.ID, Attrs: obj{"name": "Billing specialist",
		"description": "Handles billing conversations", "permissions": []any{"conversation_manage", "contact_manage"}}}, created)
	st.AddRecord(KindAuditLogs, &Record{AccountID: g.acct.ID, Attrs: obj{"auditable_id": g.acct.ID, "auditable_type": "Account",
		"action": "create", "audited_changes": obj{"name": g.acct.Name}, "user_id": 1, "user_type": "User",
		"username": "alice@acme.test", "request_uuid": uuid(g.rnd), "remote_address": "127.0.0.1"}}, created)
}

var (
	firstNames = []string{"Ava", "Liam", "Mia", "Noah", "Zoe", "Ethan", "Isla", "Lucas", "Maya", "Omar",
		"Priya", "Ravi", "Sofia", "Tom", "Uma", "Victor", "Wen", "Yara", "Ines", "Kenji", "Lena", "Mateo", "Nora", "Oscar", "Hana"}
	lastNames = []string{"Smith", "Garcia", "Kim", "Novak", "Okafor", "Rossi", "Silva", "Tanaka", "Weber", "Young"}
	companies = []string{"Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Soylent", "Vandelay"}
	cities    = []struct{ city, country, code string }{
		{"Berlin", "Germany", "DE"}, {"Lisbon", "Portugal", "PT"}, {"Austin", "United States", "US"},
		{"Toronto", "Canada", "CA"}, {"Bangalore", "India", "IN"}, {"Nairobi", "Kenya", "KE"}, {"Tokyo", "Japan", "JP"},
	}
	plans = []string{"free", "pro", "enterprise"}
)

const DemoContacts = 50

func (g *seeder) contacts() {
	for i := range DemoContacts {
		first, last := firstNames[i%len(firstNames)], lastNames[(i*7)%len(lastNames)]
		place := cities[g.rnd.IntN(len(cities))]
		ct := &Contact{
			AccountID: g.acct.ID, Name: first + " " + last,
			Email:       fmt.Sprintf("%s.%s%d@example.com", strings.ToLower(first), strings.ToLower(last), i+1),
			PhoneNumber: fmt.Sprintf("+1555%07d", 1000000+i*7919%9000000),
			AdditionalAttributes: obj{"city": place.city, "country": place.country, "country_code": place.code,
				"company_name": companies[g.rnd.IntN(len(companies))]},
			CustomAttributes: obj{"plan": plans[g.rnd.IntN(len(plans))]},
			Labels:           g.someLabels(2),
			Online:           i%12 == 0,
		}
		if i%5 == 0 {
			ct.Identifier = fmt.Sprintf("user-%04d", i+1)
		}
		if ct.AdditionalAttributes["company_name"] == "Globex" {
			ct.Email = strings.Replace(ct.Email, "@example.com", "@"+SeedCompanyDomain, 1)
		}
		if i%9 == 4 {
			ct.PhoneNumber = ""
		}
		created := g.ago(time.Duration(60-i) * 24 * time.Hour)
		g.st.AddContact(ct, created)
		in := g.inboxes[i%len(g.inboxes)]
		ci := &ContactInbox{ContactID: ct.ID, InboxID: in.ID, SourceID: uuid(g.rnd), PubsubToken: token(g.rnd, 24)}
		switch i {
		case seedContactIndex:
			ci.SourceID = SeedContactIdentifier
		case seedSourceIndex:
			ci.SourceID = SeedSourceID
		}
		ci.ID, ci.CreatedAt, ci.UpdatedAt = g.st.Next("contact_inboxes"), created, created
		g.st.addContactInbox(ci)
		if i%4 == 0 {
			g.st.AddRecord(KindNotes, &Record{AccountID: g.acct.ID, ParentID: ct.ID, Attrs: obj{
				"content": "Met at the " + place.city + " meetup; interested in the " + ct.CustomAttributes["plan"].(string) + " plan.",
				"user_id": int64(1 + i%5)}}, created)
		}
	}
}

func (g *seeder) someLabels(max int) []string {
	out := []string{}
	for range g.rnd.IntN(max + 1) {
		l := g.labels[g.rnd.IntN(len(g.labels))]
		if !ContainsStr(out, l) {
			out = append(out, l)
		}
	}
	return out
}

var (
	questions = []string{
		"Hi, I can't log in to my account since this morning.", "Where can I download my last invoice?",
		"Is there a way to export all my data as CSV?", "The mobile app crashes when I open settings.",
		"Do you offer a discount for non-profits?", "How do I add a teammate to my workspace?",
		"I was charged twice this month, can you check?", "Can I change my plan from pro to enterprise?",
		"Your API returns 500 when I create an order.", "Is there an SSO option?",
	}
	replies = []string{
		"Thanks for reaching out! Let me look into this for you.", "Could you share a screenshot of the error?",
		"I've sent a password reset link to your email.", "You can find invoices under Settings → Billing.",
		"I've refunded the duplicate charge.", "Good news: this is fixed in today's release.",
		"I've forwarded this to our engineers and will update you soon.", "Happy to help, anything else?",
	}
	notes = []string{
		"Customer is on the annual plan, renewal next month.", "Escalated to engineering, ticket ENG-142.",
		"Double-check the billing history before refunding.",
	}
)

const DemoConversations = 80

func (g *seeder) conversations() {
	st := g.st
	statuses := []string{StatusOpen, StatusOpen, StatusOpen, StatusOpen, StatusResolved, StatusResolved, StatusResolved,
		StatusPending, StatusPending, StatusSnoozed}
	for i := range DemoConversations {
		ct := st.Contacts[(i*13)%len(st.Contacts)]
		ci := st.ContactInboxesOf(ct.ID)[0]
		in := st.InboxOf(ci.InboxID)
		start := g.ago(time.Duration(30*24*60-i*500) * time.Minute)
		g.acct.DisplaySeq++
		cv := &Conversation{
			AccountID: g.acct.ID, DisplayID: g.acct.DisplaySeq, InboxID: in.ID, ContactID: ct.ID, ContactInboxID: ci.ID,
			Status: statuses[g.rnd.IntN(len(statuses))], UUID: uuid(g.rnd), Labels: g.someLabels(2),
			CustomAttributes: obj{}, AdditionalAttributes: obj{"browser_language": "en"}, WaitingSince: start,
		}
		if g.rnd.IntN(4) > 0 {
			members := in.Members
			cv.AssigneeID = members[g.rnd.IntN(len(members))]
		}
		if g.rnd.IntN(3) == 0 {
			cv.TeamID = g.teams[g.rnd.IntN(len(g.teams))].ID
		}
		if p := g.rnd.IntN(6); p < 4 {
			cv.Priority = []string{"low", "medium", "high", "urgent"}[p]
		}
		if i%7 == 0 {
			cv.CustomAttributes["order_id"] = fmt.Sprintf("ORD-%05d", 1000+i)
		}
		client := cv.DisplayID == SeedClientConversation
		if client {
			// Drawn like the others, then pinned (see SeedClientConversation).
			cv.Status, cv.UUID = StatusResolved, SeedClientConversationUUID
		}
		cv.ID = st.Next("conversations")
		cv.CreatedAt = start
		g.messages(cv, ct, start)
		if client {
			g.optionsQuestion(cv)
		}
		if cv.Status == StatusSnoozed {
			cv.SnoozedUntil = g.now + int64(24*time.Hour/time.Second)
		}
		if cv.Status == StatusResolved {
			cv.WaitingSince = 0
			g.resolution(cv)
		}
		if client {
			g.csatSurvey(cv)
		}
		cv.UpdatedAt = cv.LastActivityAt
		st.addConversation(cv)
	}
}

// messages writes 2-10 messages: the contact's question, replies, now and
// then a private note, and activity lines.
func (g *seeder) messages(cv *Conversation, ct *Contact, start int64) {
	n := 2 + g.rnd.IntN(9)
	t := start
	for j := range n {
		m := &Message{Status: "sent", ContentType: "text"}
		switch {
		case j == 0 || (j%2 == 0 && g.rnd.IntN(3) > 0):
			m.MessageType, m.Content, m.SenderType, m.SenderID = MsgIncoming, questions[g.rnd.IntN(len(questions))], "Contact", ct.ID
		case g.rnd.IntN(6) == 0:
			m.MessageType, m.Private, m.Content, m.SenderType, m.SenderID = MsgOutgoing, true, notes[g.rnd.IntN(len(notes))], "User", g.agentFor(cv)
		case g.rnd.IntN(8) == 0 && cv.AssigneeID != 0:
			m.MessageType, m.Content = MsgActivity, "Assigned to "+g.st.User(cv.AssigneeID).Name+" by Alice Admin"
		default:
			m.MessageType, m.Content, m.SenderType, m.SenderID = MsgOutgoing, replies[g.rnd.IntN(len(replies))], "User", g.agentFor(cv)
			if cv.FirstReplyCreatedAt == 0 {
				cv.FirstReplyCreatedAt = t
				cv.WaitingSince = 0
				g.st.AddRecord(KindReportingEvents, &Record{AccountID: cv.AccountID, Attrs: obj{
					"name": "first_response", "value": float64(t - start), "value_in_business_hours": float64(t - start),
					"event_start_time": ISO(start), "event_end_time": ISO(t), "conversation_id": cv.DisplayID,
					"inbox_id": cv.InboxID, "user_id": m.SenderID}}, t)
			}
		}
		m.ID = g.st.Next("messages")
		m.CreatedAt, m.UpdatedAt = t, t
		cv.Messages = append(cv.Messages, m)
		if m.MessageType != MsgActivity {
			cv.LastActivityAt = t
		}
		if m.MessageType == MsgIncoming {
			ct.LastActivityAt = max(ct.LastActivityAt, t)
		}
		t += int64(2+g.rnd.IntN(90)) * 60
	}
	cv.AgentLastSeenAt = cv.LastActivityAt
	if g.rnd.IntN(3) == 0 {
		cv.AgentLastSeenAt = start
	}
}

// optionsQuestion ends the agent's replies with an input_select, the
// interactive message a contact answers with one of its items
// (content_attributes.items, as Chatwoot's Message stores them).
func (g *seeder) optionsQuestion(cv *Conversation) {
	t := cv.LastActivityAt + 120
	m := &Message{MessageType: MsgOutgoing, ContentType: "input_select", Status: "sent", SenderType: "User", SenderID: g.agentFor(cv),
		Content:           "Did that answer your question?",
		ContentAttributes: obj{"items": []any{obj{"title": "Yes", "value": "yes"}, obj{"title": "No", "value": "no"}}}}
	m.ID, m.CreatedAt, m.UpdatedAt = g.st.Next("messages"), t, t
	cv.Messages = append(cv.Messages, m)
	cv.LastActivityAt = t
}

// csatSurvey is the survey Chatwoot sends when a conversation of an inbox
// with csat_survey_enabled is resolved: a template message of content
// type input_csat (MessageTemplates::Template::CsatSurvey), unanswered.
func (g *seeder) csatSurvey(cv *Conversation) {
	last := cv.Messages[len(cv.Messages)-1]
	t := last.CreatedAt + 1
	m := &Message{MessageType: MsgTemplate, ContentType: "input_csat", Status: "sent", Content: "Please rate the conversation",
		ContentAttributes: obj{}}
	m.ID, m.CreatedAt, m.UpdatedAt = g.st.Next("messages"), t, t
	cv.Messages = append(cv.Messages, m)
}

func (g *seeder) agentFor(cv *Conversation) int64 {
	if cv.AssigneeID != 0 {
		return cv.AssigneeID
	}
	return 1
}

func (g *seeder) resolution(cv *Conversation) {
	end := cv.LastActivityAt + 600
	cv.Messages = append(cv.Messages, &Message{base: base{ID: g.st.Next("messages"), CreatedAt: end, UpdatedAt: end},
		Content: "Conversation was marked resolved by " + g.st.User(g.agentFor(cv)).Name, MessageType: MsgActivity,
		Status: "sent", ContentType: "text"})
	g.st.AddRecord(KindReportingEvents, &Record{AccountID: cv.AccountID, Attrs: obj{
		"name": "conversation_resolved", "value": float64(end - cv.CreatedAt), "value_in_business_hours": float64(end - cv.CreatedAt),
		"event_start_time": ISO(cv.CreatedAt), "event_end_time": ISO(end), "conversation_id": cv.DisplayID,
		"inbox_id": cv.InboxID, "user_id": idOrNil(cv.AssigneeID)}}, end)
	if g.rnd.IntN(2) == 0 {
		g.st.AddRecord(KindCSAT, &Record{AccountID: cv.AccountID, Attrs: obj{"rating": 3 + g.rnd.IntN(3),
			"feedback_message": []string{"Quick and helpful!", "Solved my problem.", ""}[g.rnd.IntN(3)],
			"conversation_id":  cv.DisplayID, "contact_id": cv.ContactID, "assigned_agent_id": cv.AssigneeID,
			"message_id": cv.Messages[len(cv.Messages)-1].ID}}, end)
	}
}

func (g *seeder) helpCenter(created int64) {
	st := g.st
	portal := st.AddRecord(KindPortals, &Record{AccountID: g.acct.ID, Attrs: obj{"name": "Acme Help Center", "slug": "acme-help",
		"color": "#1f93ff", "header_text": "How can we help?", "page_title": "Acme Help", "homepage_link": "https://acme.test",
		"archived": false}}, created)
	cat := st.AddRecord(KindCategories, &Record{AccountID: g.acct.ID, ParentID: portal.ID, Attrs: obj{"name": "Getting started",
		"slug": "getting-started", "locale": "en", "description": "First steps with Acme", "position": 10}}, created)
	for i, a := range []struct{ title, status string }{{"Creating your account", "published"}, {"Inviting teammates", "draft"}} {
		st.AddRecord(KindArticles, &Record{AccountID: g.acct.ID, ParentID: portal.ID, Attrs: obj{"title": a.title,
			"slug": Slugify(a.title), "content": "This guide walks you through " + strings.ToLower(a.title) + ".",
			"status": a.status, "category_id": cat.ID, "author_id": 1, "position": (i + 1) * 10, "views": 10 * (2 - i),
			"locale": "en", "meta": obj{}}}, created)
	}
}

// idOrNil is an optional id as a record attribute: nil (JSON null) for none.
func idOrNil(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
