package application

// Enumerations shared by several operations. They are functions, not
// package variables, so nothing is allocated at start-up.

// conversationStatuses are the states a conversation can be put in.
func conversationStatuses() []string {
	return []string{"open", "resolved", "pending", "snoozed"}
}

// conversationStatusFilters are the statuses a conversation list accepts.
func conversationStatusFilters() []string {
	return []string{"open", "resolved", "pending", "snoozed", "all"}
}

func assigneeTypes() []string { return []string{"me", "unassigned", "all", "assigned"} }

func priorities() []string { return []string{"urgent", "high", "medium", "low", "none"} }

func agentRoles() []string { return []string{"agent", "administrator"} }

func availabilities() []string { return []string{"online", "busy", "offline"} }

// reportTypes are the dimensions a v2 report is computed over.
func reportTypes() []string { return []string{"account", "agent", "inbox", "label", "team"} }

// reportMetrics are the timeseries metrics of GET /api/v2/.../reports: the
// spec's six plus the ones the report builder also answers.
func reportMetrics() []string {
	return []string{
		"conversations_count", "incoming_messages_count", "outgoing_messages_count",
		"avg_first_response_time", "avg_resolution_time", "resolutions_count",
		"reply_time", "bot_resolutions_count", "bot_handoffs_count",
	}
}

func webhookEvents() []string {
	return []string{
		"conversation_created", "conversation_status_changed", "conversation_updated",
		"message_created", "message_updated", "contact_created", "contact_updated",
		"webwidget_triggered", "conversation_typing_on", "conversation_typing_off",
	}
}

func articleStatuses() []string { return []string{"draft", "published", "archived"} }

// contactSorts are the sort keys of the contact lists; a leading "-" sorts
// descending. The server also sorts by created_at, company_name, city and
// country beyond the spec's four.
func contactSorts() []string {
	keys := []string{"name", "email", "phone_number", "last_activity_at", "created_at", "company_name", "city", "country"}
	out := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		out = append(out, k, "-"+k)
	}
	return out
}
