package sandbox

import "github.com/wootcli/woot/pkg/sandbox/store"

// weeklySchedule is an inbox's working hours: Monday to Friday 9:00-17:00.
func weeklySchedule() []obj {
	days := make([]obj, 7)
	for d := range days {
		open := d >= 1 && d <= 5
		day := obj{"day_of_week": d, "closed_all_day": !open, "open_all_day": false,
			"open_hour": nil, "open_minutes": nil, "close_hour": nil, "close_minutes": nil}
		if open {
			day["open_hour"], day["open_minutes"], day["close_hour"], day["close_minutes"] = 9, 0, 17, 0
		}
		days[d] = day
	}
	return days
}

// inboxView is the inbox partial. Channel fields the real server renders
// as null for other channel types are left out, so every value present is
// of the spec's type; hmac_token goes to administrators only, like the
// server.
func inboxView(in *store.Inbox, admin bool) obj {
	v := obj{
		"id": in.ID, "avatar_url": "", "channel_id": in.ChannelID, "name": in.Name,
		"channel_type": in.ChannelType, "greeting_enabled": in.GreetingEnabled,
		"greeting_message": strOrNil(in.GreetingMessage), "working_hours_enabled": in.WorkingHoursEnabled,
		"enable_email_collect": in.EnableEmailCollect, "csat_survey_enabled": in.CSATSurveyEnabled,
		"enable_auto_assignment": in.EnableAutoAssignment, "auto_assignment_config": obj{},
		"out_of_office_message": strOrNil(in.OutOfOfficeMessage), "working_hours": weeklySchedule(),
		"timezone": orDefault(in.Timezone, "UTC"), "callback_webhook_url": nil,
		"allow_messages_after_resolved": in.AllowMessagesAfterResolved,
		"lock_to_single_conversation":   in.LockToSingleConversation,
		"sender_name_type":              orDefault(in.SenderNameType, "friendly"),
		"business_name":                 strOrNil(in.BusinessName), "hmac_mandatory": in.HMACMandatory,
		"selected_feature_flags": nil, "messaging_service_sid": nil, "phone_number": nil, "provider": nil,
	}
	switch in.ChannelType {
	case store.ChannelWidget:
		v["website_url"] = in.WebsiteURL
		v["widget_color"] = orDefault(in.WidgetColor, "#1f93ff")
		v["welcome_title"] = strOrNil(in.WelcomeTitle)
		v["welcome_tagline"] = strOrNil(in.WelcomeTagline)
		v["website_token"] = in.WebsiteToken
		v["web_widget_script"] = widgetScript(in)
		v["reply_time"] = orDefault(in.ReplyTime, "in_a_few_minutes")
		v["selected_feature_flags"] = []string{"attachments", "emoji_picker", "end_conversation"}
		v["pre_chat_form_enabled"] = false
		v["pre_chat_form_options"] = obj{}
		v["continuity_via_email"] = true
		if admin {
			v["hmac_token"] = in.HMACToken
		}
	case store.ChannelAPI:
		v["webhook_url"] = in.WebhookURL
		v["inbox_identifier"] = in.Identifier
		v["additional_attributes"] = orEmpty(in.AdditionalAttributes)
		if admin {
			v["hmac_token"] = in.HMACToken
			v["secret"] = in.Secret
		}
	}
	for k, val := range in.Channel {
		if _, taken := v[k]; !taken || v[k] == nil {
			v[k] = val
		}
	}
	return v
}

func widgetScript(in *store.Inbox) string {
	return "<script>(function(d,t){var g=d.createElement(t);g.src='/packs/js/sdk.js';" +
		"d.body.appendChild(g);g.onload=function(){window.chatwootSDK.run({websiteToken:'" +
		in.WebsiteToken + "'})}})(document,'script');</script>"
}

func publicInbox(in *store.Inbox) obj {
	hours := []obj{}
	for _, d := range weeklySchedule() {
		day := obj{"day_of_week": d["day_of_week"], "open_all_day": false, "closed_all_day": d["closed_all_day"]}
		for _, k := range []string{"open_hour", "open_minutes", "close_hour", "close_minutes"} {
			if d[k] != nil {
				day[k] = d[k]
			}
		}
		hours = append(hours, day)
	}
	return obj{
		"identifier": in.Identifier, "name": in.Name, "timezone": orDefault(in.Timezone, "UTC"),
		"working_hours": hours, "working_hours_enabled": in.WorkingHoursEnabled,
		"csat_survey_enabled": in.CSATSurveyEnabled, "greeting_enabled": in.GreetingEnabled,
		"identity_validation_enabled": in.HMACMandatory,
	}
}

func labelView(l *store.Label) obj {
	return obj{"id": l.ID, "title": l.Title, "description": l.Description, "color": l.Color, "show_on_sidebar": l.ShowOnSidebar}
}

func cannedView(cr *store.CannedResponse) obj {
	return obj{"id": cr.ID, "account_id": cr.AccountID, "short_code": cr.ShortCode, "content": cr.Content,
		"created_at": store.ISO(cr.CreatedAt), "updated_at": store.ISO(cr.UpdatedAt)}
}

func attributeDefView(d *store.AttributeDef) obj {
	values := d.Values
	if values == nil {
		values = []any{}
	}
	v := obj{
		"id": d.ID, "attribute_display_name": d.DisplayName, "attribute_display_type": d.DisplayType,
		"attribute_description": d.Description, "attribute_key": d.Key, "attribute_values": values,
		"attribute_model": d.Model, "created_at": store.ISO(d.CreatedAt), "updated_at": store.ISO(d.UpdatedAt),
	}
	if d.RegexPattern != "" {
		v["regex_pattern"], v["regex_cue"] = d.RegexPattern, d.RegexCue
	}
	if d.DefaultValue != nil {
		v["default_value"] = d.DefaultValue
	}
	return v
}

func customFilterView(f *store.CustomFilter) obj {
	return obj{"id": f.ID, "name": f.Name, "type": f.Type, "query": orEmpty(f.Query),
		"created_at": store.ISO(f.CreatedAt), "updated_at": store.ISO(f.UpdatedAt)}
}

func webhookView(w *store.Webhook) obj {
	subs := w.Subscriptions
	if subs == nil {
		subs = []string{}
	}
	return obj{"id": w.ID, "url": w.URL, "name": w.Name, "subscriptions": subs, "account_id": w.AccountID, "secret": w.Secret}
}

func agentBotView(b *store.AgentBot, withToken bool) obj {
	v := obj{
		"id": b.ID, "name": b.Name, "description": b.Description, "thumbnail": b.AvatarURL,
		"outgoing_url": b.OutgoingURL, "bot_type": orDefault(b.BotType, "webhook"),
		"bot_config": orEmpty(b.BotConfig), "system_bot": b.AccountID == 0,
	}
	if b.AccountID != 0 {
		v["account_id"] = b.AccountID
	}
	if withToken {
		// The secret that signs deliveries to outgoing_url (Chatwoot
		// v4.13+): not the access token, which is the bot's API key.
		v["access_token"], v["secret"] = b.AccessToken, b.Secret
	}
	return v
}

func automationRuleView(r *store.AutomationRule) obj {
	conds, acts := r.Conditions, r.Actions
	if conds == nil {
		conds = []any{}
	}
	if acts == nil {
		acts = []any{}
	}
	return obj{"id": r.ID, "account_id": r.AccountID, "name": r.Name, "description": r.Description,
		"event_name": r.EventName, "conditions": conds, "actions": acts, "created_on": r.CreatedAt, "active": r.Active}
}

func campaignView(st *store.State, cp *store.Campaign) obj {
	v := obj{
		"id": cp.DisplayID, "title": cp.Title, "description": strOrNil(cp.Description), "account_id": cp.AccountID,
		"message": cp.Message, "template_params": cp.TemplateParams, "campaign_status": orDefault(cp.CampaignStatus, "active"),
		"campaign_type": orDefault(cp.CampaignType, "ongoing"), "enabled": cp.Enabled,
		"trigger_rules": orEmpty(cp.TriggerRules), "trigger_only_during_business_hours": cp.TriggerOnlyDuringBusinessHour,
		"audience": cp.Audience, "created_at": store.ISO(cp.CreatedAt), "updated_at": store.ISO(cp.UpdatedAt),
	}
	if in := store.FindIn(st.Inboxes, cp.AccountID, cp.InboxID); in != nil {
		v["inbox"] = inboxView(in, false)
	}
	if cp.SenderID != 0 {
		if a, ok := renderAgent(st, cp.AccountID, cp.SenderID); ok {
			v["sender"] = a
		}
	}
	if cp.ScheduledAt != 0 {
		v["scheduled_at"] = cp.ScheduledAt
	}
	return v
}

// accountView is the account detail (GET /api/v1/accounts/{id}).
func accountView(a *store.Account) obj {
	settings := obj{"auto_resolve_after": nil, "auto_resolve_message": "", "auto_resolve_ignore_waiting": false}
	for k, v := range a.Settings {
		settings[k] = v
	}
	if settings["auto_resolve_after"] == nil {
		delete(settings, "auto_resolve_after")
	}
	v := obj{
		"id": a.ID, "name": a.Name, "locale": orDefault(a.Locale, "en"), "status": orDefault(a.Status, "active"),
		"created_at": store.ISO(a.CreatedAt), "cache_keys": obj{"label": a.UpdatedAt, "inbox": a.UpdatedAt, "team": a.UpdatedAt},
		"features": obj{"agent_bots": true, "campaigns": true, "help_center": true, "macros": true,
			"custom_attributes": true, "inbound_emails": true, "channel_website": true, "channel_api": true},
		"settings": settings, "custom_attributes": orEmpty(a.CustomAttributes),
		"latest_chatwoot_version": chatwootVersion, "subscribed_features": []string{},
	}
	if a.Domain != "" {
		v["domain"] = a.Domain
	}
	if a.SupportEmail != "" {
		v["support_email"] = a.SupportEmail
	}
	return v
}

func platformAccountView(a *store.Account) obj {
	return obj{"id": a.ID, "name": a.Name, "locale": orDefault(a.Locale, "en"), "domain": strOrNil(a.Domain),
		"support_email": strOrNil(a.SupportEmail), "status": orDefault(a.Status, "active"),
		"limits": orEmpty(a.Limits), "custom_attributes": orEmpty(a.CustomAttributes),
		"created_at": store.ISO(a.CreatedAt), "updated_at": store.ISO(a.UpdatedAt)}
}

// recordView renders a free-form record: its attributes plus id, account
// and timestamps (unix seconds, as most of Chatwoot's newer views send).
func recordView(r *store.Record) obj {
	v := make(obj, len(r.Attrs)+4)
	for k, val := range r.Attrs {
		v[k] = val
	}
	v["id"] = r.ID
	v["account_id"] = r.AccountID
	if _, ok := v["created_at"]; !ok {
		v["created_at"] = r.CreatedAt
	}
	if _, ok := v["updated_at"]; !ok {
		v["updated_at"] = r.UpdatedAt
	}
	return v
}
