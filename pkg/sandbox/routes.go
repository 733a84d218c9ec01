package sandbox

import "net/http"

// routes declares every endpoint: the 154 operations of Chatwoot's spec
// and the routes beyond it that CLI users need. Paths keep the spec's
// parameter names where it has the route.
func (s *Sandbox) routes() *http.ServeMux {
	m := &mux{s: s, m: http.NewServeMux()}
	m.m.HandleFunc("/", s.notFoundHandler)
	m.m.Handle("GET /cable", s.cable)
	m.public("GET /api", (*ctx).apiIndex)
	m.public("GET /health", (*ctx).health)
	m.public("GET /survey/responses/{conversation_uuid}", (*ctx).surveyPage)

	s.accountRoutes(m)
	s.contactRoutes(m)
	s.conversationRoutes(m)
	s.inboxRoutes(m)
	s.settingsRoutes(m)
	s.reportRoutes(m)
	s.helpCenterRoutes(m)
	s.clientRoutes(m)
	s.platformRoutes(m)
	s.policyRoutes(m)
	s.accountExtraRoutes(m)
	s.resourceExtraRoutes(m)
	s.lowRoutes(m)
	s.captainRoutes(m)
	s.companyRoutes(m)
	s.monitorRoutes(m)
	return m.m
}

const acc = "/api/v1/accounts/{account_id}"

func (s *Sandbox) accountRoutes(m *mux) {
	m.user("GET "+acc, (*ctx).showAccount)
	m.admin("PATCH|PUT "+acc, (*ctx).updateAccount)
	m.admin("GET "+acc+"/audit_logs", (*ctx).auditLogs)

	m.profile("GET /api/v1/profile", (*ctx).showProfile)
	m.profile("PATCH|PUT /api/v1/profile", (*ctx).updateProfile)
	m.profile("POST /api/v1/profile/availability", (*ctx).setAvailability)
	m.profile("POST /api/v1/profile/reset_access_token", (*ctx).resetProfileToken)

	m.user("GET "+acc+"/agents", (*ctx).listAgents)
	m.admin("POST "+acc+"/agents", (*ctx).createAgent)
	m.admin("POST "+acc+"/agents/bulk_create", (*ctx).bulkCreateAgents)
	m.admin("PATCH|PUT "+acc+"/agents/{id}", (*ctx).updateAgent)
	m.admin("DELETE "+acc+"/agents/{id}", (*ctx).deleteAgent)

	m.user("GET "+acc+"/teams", (*ctx).listTeams)
	m.admin("POST "+acc+"/teams", (*ctx).createTeam)
	m.user("GET "+acc+"/teams/{team_id}", (*ctx).showTeam)
	m.admin("PATCH|PUT "+acc+"/teams/{team_id}", (*ctx).updateTeam)
	m.admin("DELETE "+acc+"/teams/{team_id}", (*ctx).deleteTeam)
	m.user("GET "+acc+"/teams/{team_id}/team_members", (*ctx).listTeamMembers)
	m.admin("POST "+acc+"/teams/{team_id}/team_members", (*ctx).addTeamMembers)
	m.admin("PATCH "+acc+"/teams/{team_id}/team_members", (*ctx).replaceTeamMembers)
	m.admin("DELETE "+acc+"/teams/{team_id}/team_members", (*ctx).removeTeamMembers)

	m.user("GET "+acc+"/agent_bots", (*ctx).listAccountBots)
	m.admin("POST "+acc+"/agent_bots", (*ctx).createAccountBot)
	m.user("GET "+acc+"/agent_bots/{id}", (*ctx).showAccountBot)
	m.admin("PATCH|PUT "+acc+"/agent_bots/{id}", (*ctx).updateAccountBot)
	m.admin("DELETE "+acc+"/agent_bots/{id}", (*ctx).deleteAccountBot)
	m.admin("POST "+acc+"/agent_bots/{id}/reset_access_token", (*ctx).resetBotToken)

	m.user("GET "+acc+"/notifications", (*ctx).listNotifications)
	m.user("GET "+acc+"/notifications/unread_count", (*ctx).notificationsUnread)
	m.user("POST "+acc+"/notifications/read_all", (*ctx).readAllNotifications)
	m.user("POST "+acc+"/notifications/destroy_all", (*ctx).destroyAllNotifications)
	m.user("PATCH|PUT "+acc+"/notifications/{id}", (*ctx).updateNotification)
	m.user("DELETE "+acc+"/notifications/{id}", (*ctx).deleteNotification)
	m.user("POST "+acc+"/notifications/{id}/unread", (*ctx).unreadNotification)
	m.user("POST "+acc+"/notifications/{id}/snooze", (*ctx).snoozeNotification)
}

func (s *Sandbox) contactRoutes(m *mux) {
	c := acc + "/contacts"
	m.user("GET "+c, (*ctx).listContacts)
	m.user("POST "+c, (*ctx).createContact)
	m.user("GET "+c+"/active", (*ctx).activeContacts)
	m.user("GET "+c+"/search", (*ctx).searchContacts)
	m.query("POST "+c+"/filter", (*ctx).filterContacts)
	m.admin("POST "+c+"/import", (*ctx).importContacts)
	m.admin("POST "+c+"/export", (*ctx).exportContacts)
	m.user("GET "+c+"/{id}", (*ctx).showContact)
	m.user("PATCH|PUT "+c+"/{id}", (*ctx).updateContact)
	m.admin("DELETE "+c+"/{id}", (*ctx).deleteContact)
	m.user("GET "+c+"/{id}/conversations", (*ctx).contactConversations)
	m.user("GET "+c+"/{id}/labels", (*ctx).contactLabels)
	m.user("POST "+c+"/{id}/labels", (*ctx).setContactLabels)
	m.user("POST "+c+"/{id}/contact_inboxes", (*ctx).createContactInbox)
	m.user("GET "+c+"/{id}/contactable_inboxes", (*ctx).contactableInboxes)
	m.user("POST "+c+"/{id}/destroy_custom_attributes", (*ctx).destroyContactAttributes)
	m.user("GET "+c+"/{contact_id}/attachments", (*ctx).contactAttachments)
	m.user("GET "+c+"/{contact_id}/notes", (*ctx).listNotes)
	m.user("POST "+c+"/{contact_id}/notes", (*ctx).createNote)
	m.user("GET "+c+"/{contact_id}/notes/{id}", (*ctx).showNote)
	m.user("PATCH|PUT "+c+"/{contact_id}/notes/{id}", (*ctx).updateNote)
	m.user("DELETE "+c+"/{contact_id}/notes/{id}", (*ctx).deleteNote)
	m.user("POST "+acc+"/actions/contact_merge", (*ctx).mergeContacts)
	m.user("POST "+acc+"/bulk_actions", (*ctx).bulkActions)
}

func (s *Sandbox) conversationRoutes(m *mux) {
	c := acc + "/conversations"
	id := c + "/{conversation_id}"
	m.user("GET "+c, (*ctx).listConversations)
	m.bot("POST "+c, (*ctx).createConversation)
	m.user("GET "+c+"/meta", (*ctx).conversationMeta)
	m.user("GET "+c+"/search", (*ctx).searchConversations)
	m.query("POST "+c+"/filter", (*ctx).filterConversations)
	m.user("GET "+id, (*ctx).showConversation)
	m.bot("PATCH|PUT "+id, (*ctx).updateConversation)
	m.admin("DELETE "+c+"/{id}", (*ctx).deleteConversation)
	m.bot("POST "+id+"/toggle_status", (*ctx).toggleStatus)
	m.bot("POST "+id+"/toggle_priority", (*ctx).togglePriority)
	m.user("POST "+id+"/toggle_typing_status", (*ctx).toggleTyping)
	m.bot("POST "+id+"/custom_attributes", (*ctx).setConversationAttributes)
	m.user("POST "+id+"/destroy_custom_attributes", (*ctx).destroyConversationAttributes)
	m.bot("POST "+id+"/assignments", (*ctx).assign)
	m.user("GET "+id+"/labels", (*ctx).conversationLabels)
	m.user("POST "+id+"/labels", (*ctx).setConversationLabels)
	m.user("GET "+id+"/reporting_events", (*ctx).conversationReportingEvents)
	m.user("POST "+c+"/{id}/mute", (*ctx).mute)
	m.user("POST "+c+"/{id}/unmute", (*ctx).unmute)
	m.user("POST "+c+"/{id}/transcript", (*ctx).transcript)
	m.user("POST "+c+"/{id}/unread", (*ctx).markUnread)
	m.user("POST "+c+"/{id}/update_last_seen", (*ctx).updateLastSeen)
	m.user("GET "+c+"/{id}/attachments", (*ctx).conversationAttachments)

	m.user("GET "+id+"/messages", (*ctx).listMessages)
	m.bot("POST "+id+"/messages", (*ctx).createMessage)
	m.user("PATCH|PUT "+id+"/messages/{message_id}", (*ctx).updateMessage)
	m.user("DELETE "+id+"/messages/{message_id}", (*ctx).deleteMessage)
	m.user("GET /accounts/{account_id}/conversations/{conversation_id}/messages", (*ctx).legacyMessages)

	m.user("GET "+acc+"/search", (*ctx).searchAll)
	for _, kind := range []string{"contacts", "conversations", "messages", "articles"} {
		m.user("GET "+acc+"/search/"+kind, searchKind(kind))
	}
	m.user("GET "+acc+"/macros", (*ctx).listMacros)
	m.user("POST "+acc+"/macros", (*ctx).createMacro)
	m.user("GET "+acc+"/macros/{id}", (*ctx).showMacro)
	m.user("PATCH|PUT "+acc+"/macros/{id}", (*ctx).updateMacro)
	m.user("DELETE "+acc+"/macros/{id}", (*ctx).deleteMacro)
	m.user("POST "+acc+"/macros/{id}/execute", (*ctx).executeMacro)
}

func (s *Sandbox) inboxRoutes(m *mux) {
	i := acc + "/inboxes"
	m.user("GET "+i, (*ctx).listInboxes)
	m.admin("POST "+i, (*ctx).createInbox)
	m.user("GET "+i+"/{id}", (*ctx).showInbox)
	m.admin("PATCH|PUT "+i+"/{id}", (*ctx).updateInbox)
	m.admin("DELETE "+i+"/{id}", (*ctx).deleteInbox)
	m.user("GET "+i+"/{id}/message_templates", (*ctx).messageTemplates)
	m.user("GET "+i+"/{id}/agent_bot", (*ctx).inboxAgentBot)
	m.admin("POST "+i+"/{id}/set_agent_bot", (*ctx).setInboxAgentBot)
	m.user("GET "+i+"/{id}/assignable_agents", (*ctx).assignableAgents)
	m.user("GET "+acc+"/inbox_members/{inbox_id}", (*ctx).listInboxMembers)
	m.admin("POST "+acc+"/inbox_members", (*ctx).addInboxMembers)
	m.admin("PATCH "+acc+"/inbox_members", (*ctx).replaceInboxMembers)
	m.admin("DELETE "+acc+"/inbox_members", (*ctx).removeInboxMembers)
	m.user("GET "+acc+"/branded_email_layout", (*ctx).brandedEmailLayout)
	m.admin("PATCH|PUT "+acc+"/branded_email_layout", (*ctx).updateBrandedEmailLayout)
}

func (s *Sandbox) settingsRoutes(m *mux) {
	m.user("GET "+acc+"/labels", (*ctx).listLabels)
	m.admin("POST "+acc+"/labels", (*ctx).createLabel)
	m.user("GET "+acc+"/labels/{id}", (*ctx).showLabel)
	m.admin("PATCH|PUT "+acc+"/labels/{id}", (*ctx).updateLabel)
	m.admin("DELETE "+acc+"/labels/{id}", (*ctx).deleteLabel)

	m.user("GET "+acc+"/canned_responses", (*ctx).listCanned)
	m.user("POST "+acc+"/canned_responses", (*ctx).createCanned)
	m.user("PATCH|PUT "+acc+"/canned_responses/{id}", (*ctx).updateCanned)
	m.user("DELETE "+acc+"/canned_responses/{id}", (*ctx).deleteCanned)

	d := acc + "/custom_attribute_definitions"
	m.user("GET "+d, (*ctx).listAttributeDefs)
	m.admin("POST "+d, (*ctx).createAttributeDef)
	m.user("GET "+d+"/{id}", (*ctx).showAttributeDef)
	m.admin("PATCH|PUT "+d+"/{id}", (*ctx).updateAttributeDef)
	m.admin("DELETE "+d+"/{id}", (*ctx).deleteAttributeDef)

	f := acc + "/custom_filters"
	m.user("GET "+f, (*ctx).listCustomFilters)
	m.user("POST "+f, (*ctx).createCustomFilter)
	m.user("GET "+f+"/{custom_filter_id}", (*ctx).showCustomFilter)
	m.user("PATCH|PUT "+f+"/{custom_filter_id}", (*ctx).updateCustomFilter)
	m.user("DELETE "+f+"/{custom_filter_id}", (*ctx).deleteCustomFilter)

	m.admin("GET "+acc+"/webhooks", (*ctx).listWebhooks)
	m.admin("POST "+acc+"/webhooks", (*ctx).createWebhook)
	m.admin("PATCH|PUT "+acc+"/webhooks/{webhook_id}", (*ctx).updateWebhook)
	m.admin("DELETE "+acc+"/webhooks/{webhook_id}", (*ctx).deleteWebhook)

	a := acc + "/automation_rules"
	m.admin("GET "+a, (*ctx).listAutomationRules)
	m.admin("POST "+a, (*ctx).createAutomationRule)
	m.admin("GET "+a+"/{id}", (*ctx).showAutomationRule)
	m.admin("PATCH|PUT "+a+"/{id}", (*ctx).updateAutomationRule)
	m.admin("DELETE "+a+"/{id}", (*ctx).deleteAutomationRule)
	m.admin("POST "+a+"/{automation_rule_id}/clone", (*ctx).cloneAutomationRule)

	m.admin("GET "+acc+"/campaigns", (*ctx).listCampaigns)
	m.admin("POST "+acc+"/campaigns", (*ctx).createCampaign)
	m.admin("GET "+acc+"/campaigns/{id}", (*ctx).showCampaign)
	m.admin("PATCH|PUT "+acc+"/campaigns/{id}", (*ctx).updateCampaign)
	m.admin("DELETE "+acc+"/campaigns/{id}", (*ctx).deleteCampaign)

	m.admin("GET "+acc+"/sla_policies", (*ctx).listSLAs)
	m.admin("POST "+acc+"/sla_policies", (*ctx).createSLA)
	m.admin("GET "+acc+"/sla_policies/{id}", (*ctx).showSLA)
	m.admin("PATCH|PUT "+acc+"/sla_policies/{id}", (*ctx).updateSLA)
	m.admin("DELETE "+acc+"/sla_policies/{id}", (*ctx).deleteSLA)

	m.admin("GET "+acc+"/custom_roles", (*ctx).listRoles)
	m.admin("POST "+acc+"/custom_roles", (*ctx).createRole)
	m.admin("GET "+acc+"/custom_roles/{id}", (*ctx).showRole)
	m.admin("PATCH|PUT "+acc+"/custom_roles/{id}", (*ctx).updateRole)
	m.admin("DELETE "+acc+"/custom_roles/{id}", (*ctx).deleteRole)

	m.user("GET "+acc+"/integrations/apps", (*ctx).listIntegrationApps)
	m.admin("POST "+acc+"/integrations/hooks", (*ctx).createHook)
	m.admin("PATCH|PUT "+acc+"/integrations/hooks/{hook_id}", (*ctx).updateHook)
	m.admin("DELETE "+acc+"/integrations/hooks/{hook_id}", (*ctx).deleteHook)
}

func (s *Sandbox) reportRoutes(m *mux) {
	v2 := "/api/v2/accounts/{account_id}"
	m.admin("GET "+acc+"/reporting_events", (*ctx).reportingEvents)
	m.admin("GET "+v2+"/reports", (*ctx).reportSeries)
	m.admin("GET "+v2+"/reports/summary", (*ctx).reportSummary)
	m.admin("GET "+v2+"/reports/conversations", (*ctx).accountConversationMetrics)
	m.admin("GET "+v2+"/reports/conversations/{$}", (*ctx).agentConversationMetrics)
	m.admin("GET "+v2+"/summary_reports/channel", (*ctx).channelSummary)
	for _, kind := range []string{"inbox", "agent", "team", "label"} {
		m.admin("GET "+v2+"/summary_reports/"+kind, groupSummary(kind))
	}
	m.admin("GET "+v2+"/reports/first_response_time_distribution", (*ctx).firstResponseDistribution)
	m.admin("GET "+v2+"/reports/inbox_label_matrix", (*ctx).inboxLabelMatrix)
	m.admin("GET "+v2+"/reports/outgoing_messages_count", (*ctx).outgoingMessagesCount)
	m.admin("GET "+v2+"/reports/bot_summary", (*ctx).botSummary)
	m.admin("GET "+v2+"/reports/bot_metrics", (*ctx).botMetrics)
	m.admin("GET "+v2+"/reports/drilldown", (*ctx).drilldown)
	for kind, group := range map[string]string{"agents": "agent", "inboxes": "inbox", "labels": "label", "teams": "team",
		"conversations_summary": "conversations_summary", "conversation_traffic": "conversation_traffic"} {
		m.admin("GET "+v2+"/reports/"+kind, csvReport(group))
	}
	m.admin("GET "+v2+"/live_reports/conversation_metrics", (*ctx).liveConversationMetrics)
	m.admin("GET "+v2+"/live_reports/grouped_conversation_metrics", (*ctx).groupedLiveMetrics)

	m.admin("GET "+acc+"/csat_survey_responses", (*ctx).listCSAT)
	m.admin("GET "+acc+"/csat_survey_responses/metrics", (*ctx).csatMetrics)
	m.admin("GET "+acc+"/csat_survey_responses/download", (*ctx).csatDownload)
	m.admin("GET "+acc+"/applied_slas", (*ctx).listAppliedSLAs)
	m.admin("GET "+acc+"/applied_slas/metrics", (*ctx).appliedSLAMetrics)
	m.admin("GET "+acc+"/applied_slas/download", (*ctx).appliedSLADownload)
}

func (s *Sandbox) helpCenterRoutes(m *mux) {
	p := acc + "/portals"
	m.user("GET "+p, (*ctx).listPortals)
	m.admin("POST "+p, (*ctx).createPortal)
	m.user("GET "+p+"/{id}", (*ctx).showPortal)
	m.admin("PATCH|PUT "+p+"/{id}", (*ctx).updatePortal)
	m.admin("DELETE "+p+"/{id}", (*ctx).deletePortal)
	m.admin("PATCH "+p+"/{id}/archive", (*ctx).archivePortal)
	m.user("GET "+p+"/{portal_id}/categories", (*ctx).listCategories)
	m.admin("POST "+p+"/{id}/categories", (*ctx).createCategory)
	m.user("GET "+p+"/{portal_id}/categories/{id}", (*ctx).showCategory)
	m.admin("PATCH|PUT "+p+"/{portal_id}/categories/{id}", (*ctx).updateCategory)
	m.admin("DELETE "+p+"/{portal_id}/categories/{id}", (*ctx).deleteCategory)
	m.user("GET "+p+"/{portal_id}/articles", (*ctx).listArticles)
	m.user("POST "+p+"/{id}/articles", (*ctx).createArticle)
	m.user("GET "+p+"/{portal_id}/articles/{id}", (*ctx).showArticle)
	m.user("PATCH|PUT "+p+"/{portal_id}/articles/{id}", (*ctx).updateArticle)
	m.user("DELETE "+p+"/{portal_id}/articles/{id}", (*ctx).deleteArticle)
	b := p + "/{portal_id}/articles/bulk_actions"
	m.admin("PATCH "+b+"/update_status", articleBulk(bulkArticleStatus))
	m.admin("PATCH "+b+"/update_category", articleBulk(bulkArticleCategory))
	m.admin("DELETE "+b+"/delete_articles", articleBulk(bulkArticleDelete))
	m.admin("POST "+b+"/translate", articleBulk(bulkArticleTranslate))
}

func (s *Sandbox) clientRoutes(m *mux) {
	in := "/public/api/v1/inboxes/{inbox_identifier}"
	ct := in + "/contacts/{contact_identifier}"
	cv := ct + "/conversations/{conversation_id}"
	m.public("GET "+in, (*ctx).showPublicInbox)
	m.public("GET /public/api/v1/csat_survey/{id}", (*ctx).showCSATSurvey)
	m.public("PATCH|PUT /public/api/v1/csat_survey/{id}", (*ctx).answerCSATSurvey)
	m.public("POST "+in+"/contacts", (*ctx).createPublicContact)
	m.public("GET "+ct, (*ctx).showPublicContact)
	m.public("PATCH|PUT "+ct, (*ctx).updatePublicContact)
	m.public("POST "+ct+"/conversations", (*ctx).createPublicConversation)
	m.public("GET "+ct+"/conversations", (*ctx).listPublicConversations)
	m.public("GET "+cv, (*ctx).showPublicConversation)
	m.public("POST "+cv+"/toggle_status", (*ctx).resolvePublicConversation)
	m.public("POST "+cv+"/toggle_typing", (*ctx).publicTyping)
	m.public("POST "+cv+"/update_last_seen", (*ctx).publicLastSeen)
	m.public("POST "+cv+"/messages", (*ctx).createPublicMessage)
	m.public("GET "+cv+"/messages", (*ctx).listPublicMessages)
	m.public("PATCH|PUT "+cv+"/messages/{message_id}", (*ctx).updatePublicMessage)
}

func (s *Sandbox) platformRoutes(m *mux) {
	p := "/platform/api/v1"
	m.platform("GET "+p+"/accounts", (*ctx).platformListAccounts)
	m.platform("POST "+p+"/accounts", (*ctx).platformCreateAccount)
	m.platform("GET "+p+"/accounts/{account_id}", (*ctx).platformShowAccount)
	m.platform("PATCH|PUT "+p+"/accounts/{account_id}", (*ctx).platformUpdateAccount)
	m.platform("DELETE "+p+"/accounts/{account_id}", (*ctx).platformDeleteAccount)
	m.platform("GET "+p+"/accounts/{account_id}/account_users", (*ctx).platformListAccountUsers)
	m.platform("POST "+p+"/accounts/{account_id}/account_users", (*ctx).platformCreateAccountUser)
	m.platform("DELETE "+p+"/accounts/{account_id}/account_users", (*ctx).platformDeleteAccountUser)
	m.platform("POST "+p+"/accounts/{account_id}/email_channel_migrations", (*ctx).platformMigrateEmailChannels)
	m.platform("GET "+p+"/agent_bots", (*ctx).platformListBots)
	m.platform("POST "+p+"/agent_bots", (*ctx).platformCreateBot)
	m.platform("GET "+p+"/agent_bots/{id}", (*ctx).platformShowBot)
	m.platform("PATCH|PUT "+p+"/agent_bots/{id}", (*ctx).platformUpdateBot)
	m.platform("DELETE "+p+"/agent_bots/{id}", (*ctx).platformDeleteBot)
	m.platform("DELETE "+p+"/agent_bots/{id}/avatar", (*ctx).platformDeleteBotAvatar)
	m.platform("POST "+p+"/users", (*ctx).platformCreateUser)
	m.platform("GET "+p+"/users/{id}", (*ctx).platformShowUser)
	m.platform("PATCH|PUT "+p+"/users/{id}", (*ctx).platformUpdateUser)
	m.platform("DELETE "+p+"/users/{id}", (*ctx).platformDeleteUser)
	m.platform("GET "+p+"/users/{id}/login", (*ctx).platformLoginURL)
	m.platform("POST "+p+"/users/{id}/token", (*ctx).platformUserToken)
}
