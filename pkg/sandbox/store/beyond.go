package store

// Record kinds of the routes beyond the spec rated medium (issue 16).
const (
	KindAssignmentPolicies = "assignment_policies"
	KindInboxPolicies      = "inbox_assignment_policies" // ParentID: the policy; attrs: inbox_id
	KindCapacityPolicies   = "agent_capacity_policies"
	KindCapacityUsers      = "capacity_policy_users" // ParentID: the policy; attrs: user_id
	KindInboxLimits        = "inbox_capacity_limits" // ParentID: the policy; attrs: inbox_id, conversation_limit
	KindDashboardApps      = "dashboard_apps"
	KindDataImports        = "data_imports"
	KindParticipants       = "conversation_participants" // ParentID: the conversation's display id; attrs: user_id
	KindCSATTemplates      = "csat_templates"            // ParentID: the inbox
	KindConnections        = "integration_connections"   // attrs: app (shopify, notion)
	KindNotifySettings     = "notification_settings"     // ParentID: the user
	KindSAMLSettings       = "saml_settings"
	KindSessions           = "user_sessions" // ParentID: the user
)

// ChannelWhatsApp is the WhatsApp Cloud channel.
const ChannelWhatsApp = "Channel::Whatsapp"

// beyondSeed gives each medium resource one row the help examples can
// name by id 1, and a WhatsApp inbox for the template and health routes.
// It draws nothing from the seed's generator, so the rest of the demo is
// unchanged.
func (g *seeder) beyondSeed(created int64) {
	st, acct := g.st, g.acct.ID
	wa := &Inbox{AccountID: acct, Name: "Acme WhatsApp", ChannelType: ChannelWhatsApp, Timezone: "UTC",
		SenderNameType: "friendly", AdditionalAttributes: obj{}, Members: []int64{2, 3},
		Channel: obj{"phone_number": "+15550100", "provider": "whatsapp_cloud"}}
	wa.ID = st.Next("inboxes")
	wa.ChannelID = st.Next("channel_" + wa.ChannelType)
	wa.CreatedAt, wa.UpdatedAt = created, created
	st.Inboxes = append(st.Inboxes, wa)
	// A WhatsApp contact inbox's source id is the number without "+".
	ci := &ContactInbox{ContactID: 1, InboxID: wa.ID, SourceID: "15550123001", PubsubToken: "sandbox-whatsapp-contact-pubsub"}
	ci.ID, ci.CreatedAt, ci.UpdatedAt = st.Next("contact_inboxes"), created, created
	st.addContactInbox(ci)
	for _, p := range st.Records[KindPortals] {
		if p.Attrs["slug"] == "acme-help" {
			p.Attrs["custom_domain"] = "help.acme.test"
		}
	}

	policy := st.AddRecord(KindAssignmentPolicies, &Record{AccountID: acct, Attrs: obj{"name": "Round robin",
		"description": "Share new conversations evenly", "assignment_order": "round_robin",
		"conversation_priority": "earliest_created", "fair_distribution_limit": 100, "fair_distribution_window": 3600,
		"enabled": true}}, created)
	st.AddRecord(KindInboxPolicies, &Record{AccountID: acct, ParentID: policy.ID, Attrs: obj{"inbox_id": 1}}, created)

	capacity := st.AddRecord(KindCapacityPolicies, &Record{AccountID: acct, Attrs: obj{"name": "Ten at a time",
		"description": "No agent holds more than ten chats", "exclusion_rules": obj{}}}, created)
	st.AddRecord(KindCapacityUsers, &Record{AccountID: acct, ParentID: capacity.ID, Attrs: obj{"user_id": 1}}, created)
	st.AddRecord(KindInboxLimits, &Record{AccountID: acct, ParentID: capacity.ID, Attrs: obj{"inbox_id": 1, "conversation_limit": 10}}, created)

	st.AddRecord(KindDashboardApps, &Record{AccountID: acct, Attrs: obj{"title": "Order history", "user_id": 1,
		"content": []any{obj{"type": "frame", "url": "https://shop.acme.test/orders"}}}}, created)
	st.AddRecord(KindDataImports, &Record{AccountID: acct, Attrs: obj{"name": "Old CRM contacts", "data_type": "contacts",
		"source_type": "csv", "status": "failed", "total_records": 120, "processed_records": 80, "user_id": 1}}, created)
	st.AddRecord(KindParticipants, &Record{AccountID: acct, ParentID: 1, Attrs: obj{"user_id": 1}}, created)
	st.AddRecord(KindSessions, &Record{AccountID: acct, ParentID: 1, Attrs: obj{"ip_address": "127.0.0.1",
		"user_agent": "woot", "current": true, "last_active_at": g.now}}, created)
	st.AddRecord(KindSessions, &Record{AccountID: acct, ParentID: 1, Attrs: obj{"ip_address": "203.0.113.7",
		"user_agent": "Mozilla/5.0 (Macintosh) Firefox/128.0", "current": false, "last_active_at": created}}, created)
	for _, app := range []string{"shopify", "notion"} {
		st.AddRecord(KindConnections, &Record{AccountID: acct, Attrs: obj{"app": app}}, created)
	}
}
