package store

// Captain records: the AI assistant, its knowledge and its tools. They are
// kept as Records; ParentID is the assistant where Chatwoot scopes a row to
// one (scenarios, inbox links).
const (
	KindCaptainAssistants  = "captain_assistants"
	KindCaptainScenarios   = "captain_scenarios"
	KindCaptainInboxes     = "captain_inboxes" // Attrs: inbox_id
	KindCaptainResponses   = "captain_assistant_responses"
	KindCaptainSuggestions = "captain_faq_suggestions"
	KindCaptainDocuments   = "captain_documents"
	KindCaptainTools       = "captain_custom_tools"
	KindCaptainSessions    = "captain_agent_sessions"
	KindCaptainReports     = "captain_message_reports"
	KindCaptainPreferences = "captain_preferences" // one per account: Attrs models, features
)

// captain seeds one assistant answering in the API inbox, with two
// scenarios, two crawled documents, two FAQs (one still pending), three
// open FAQ suggestions, two custom tools and one agent session, and a
// second, idle assistant. The second of each is there to be deleted by
// the help examples without breaking the others.
func (g *seeder) captain(created int64) {
	st, acct := g.st, g.acct.ID
	a := st.AddRecord(KindCaptainAssistants, &Record{AccountID: acct, Attrs: obj{
		"name": "Scout", "description": "Answers product and billing questions",
		"config": obj{"product_name": "Acme Cloud", "feature_faq": true, "feature_memory": false, "feature_citation": true,
			"welcome_message": "Hi! I'm Scout, Acme's assistant.", "handoff_message": "Let me get a teammate for you.",
			"resolution_message": "Glad I could help!", "instructions": "Be brief and friendly.", "temperature": 0.5},
		"response_guidelines": []any{"Answer in two sentences or fewer"},
		"guardrails":          []any{"Never promise refunds"},
	}}, created)
	st.AddRecord(KindCaptainAssistants, &Record{AccountID: acct, Attrs: obj{
		"name": "Retired helper", "description": "No longer answers anywhere",
		"config": obj{"product_name": "Acme Cloud"}, "response_guidelines": []any{}, "guardrails": []any{},
	}}, created)
	st.AddRecord(KindCaptainInboxes, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{"inbox_id": g.inboxes[0].ID}}, created)
	st.AddRecord(KindCaptainScenarios, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
		"title": "Order status", "description": "The customer asks where their order is",
		"instruction": "Look the order up with the order-status tool and share the tracking link.",
		"tools":       []any{"order_status"}, "enabled": true,
	}}, created)
	st.AddRecord(KindCaptainScenarios, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
		"title": "Holiday hours", "description": "Questions about opening hours over the holidays",
		"instruction": "Share the holiday schedule from the documents.", "tools": []any{}, "enabled": false,
	}}, created)
	doc := st.AddRecord(KindCaptainDocuments, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
		"name": "Refund policy", "external_link": "https://acme.test/help/refunds",
		"content": "Refunds are issued within 30 days of purchase.", "content_type": "text/html",
		"status": "available", "sync_status": "synced", "last_synced_at": created,
	}}, created)
	st.AddRecord(KindCaptainDocuments, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
		"name": "Old pricing page", "external_link": "https://acme.test/pricing-2023",
		"content": "Plans start at $9 a month.", "content_type": "text/html",
		"status": "available", "sync_status": "synced", "last_synced_at": created,
	}}, created)
	st.AddRecord(KindCaptainResponses, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
		"question": "How long do refunds take?", "answer": "Refunds arrive within 30 days.",
		"status": "approved", "document_id": doc.ID,
	}}, created)
	st.AddRecord(KindCaptainResponses, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
		"question": "Can I change my plan mid-cycle?", "answer": "Yes; the difference is prorated.",
		"status": "pending", "document_id": doc.ID,
	}}, created)
	for _, q := range [][2]string{
		{"Do you ship to Canada?", "Yes, shipping to Canada takes 5 to 7 business days."},
		{"How do I reset my password?", "Use 'Forgot password' on the sign-in page."},
		{"Is there a student discount?", "Yes, 50% off with a valid student email."},
	} {
		st.AddRecord(KindCaptainSuggestions, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
			"question": q[0], "answer": q[1], "source_count": 3, "status": "open",
		}}, created)
	}
	st.AddRecord(KindCaptainTools, &Record{AccountID: acct, Attrs: obj{
		"slug": "custom_order_status", "title": "Order status", "description": "Looks up an order by number",
		"endpoint_url": "https://shop.acme.test/api/orders/{{ order_number }}", "http_method": "GET",
		"request_template": nil, "response_template": "Status: {{ response.status }}", "auth_type": "none",
		"auth_config": obj{}, "headers": obj{}, "enabled": true, "source_metadata": obj{},
		"param_schema": []any{obj{"name": "order_number", "type": "string", "description": "Order number", "required": true}},
	}}, created)
	st.AddRecord(KindCaptainTools, &Record{AccountID: acct, Attrs: obj{
		"slug": "custom_legacy_crm_lookup", "title": "Legacy CRM lookup", "description": "Finds a customer in the old CRM",
		"endpoint_url": "https://crm.acme.test/api/customers?email={{ email }}", "http_method": "GET",
		"request_template": nil, "response_template": nil, "auth_type": "none",
		"auth_config": obj{}, "headers": obj{}, "enabled": false, "source_metadata": obj{}, "param_schema": []any{},
	}}, created)
	st.AddRecord(KindCaptainSessions, &Record{AccountID: acct, ParentID: a.ID, Attrs: obj{
		"message_id": 1, "llm_model": "gpt-4.1-mini", "credits_consumed": 1,
		"run_context": []any{}, "citations": []any{}, "scenarios": []any{},
	}}, created)
}
