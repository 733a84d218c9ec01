package operation_test

// The sandbox cases of the Captain, companies and monitors commands. Ids
// are the demo seed's: assistant 1 answers in inbox 1; the second
// assistant, scenario, FAQ, document, tool, company and monitor are there
// to be deleted; company 2 holds contact 1.

var (
	assistantKeys  = []string{"id", "account_id", "name", "description", "config", "guardrails", "response_guidelines", "created_at", "updated_at"}
	responseKeys   = []string{"id", "account_id", "question", "answer", "status", "created_at", "assistant"}
	suggestionKeys = []string{"id", "question", "answer", "source_count", "status", "assistant"}
	documentKeys   = []string{"id", "name", "external_link", "status", "sync_status", "assistant", "pdf_document"}
	toolKeys       = []string{"id", "slug", "title", "endpoint_url", "http_method", "auth_type", "param_schema", "enabled"}
	scenarioKeys   = []string{"id", "title", "instruction", "tools", "enabled", "assistant_id"}
	drillKeys      = []string{"id", "display_id", "status", "contact", "inbox"}
	companyKeys    = []string{"id", "name", "domain", "description", "contacts_count", "custom_attributes", "created_at"}
	contactKeys    = []string{"id", "name", "email", "phone_number"}
	monitorKeys    = []string{"id", "name", "condition", "status", "collection_version", "data_revision"}
)

func captainSandboxCases() []sandboxCase {
	c := sbV1 + "/captain"
	a := c + "/assistants"
	stats := func(word, path string, keys ...string) sandboxCase {
		return sandboxCase{command: "captain assistants stats " + word + " get", args: []string{"captain", "assistants", "stats", word, "get", "1", "--range", "30"},
			method: "GET", path: a + "/1/stats/" + path, query: []string{"range"}, keys: keys}
	}
	cases := []sandboxCase{
		{command: "captain preferences get", args: []string{"captain", "preferences", "get"},
			method: "GET", path: c + "/preferences", keys: []string{"features"}},
		{command: "captain preferences update", args: []string{"captain", "preferences", "update", "--captain-features", "editor=true", "--captain-models", "editor=gpt-4.1"},
			method: "PATCH", path: c + "/preferences", bodyKeys: []string{"captain_features", "captain_models"}, want: `"selected": "gpt-4.1"`},
		{command: "captain assistants list", args: []string{"captain", "assistants", "list"},
			method: "GET", path: a, keys: assistantKeys},
		{command: "captain assistants get", args: []string{"captain", "assistants", "get", "1"},
			method: "GET", path: a + "/1", keys: assistantKeys, want: `"name": "Scout"`},
		{command: "captain assistants create", args: []string{"captain", "assistants", "create", "--name", "Pilot", "--config-product-name", "Acme", "--guardrails", "no-refunds"},
			method: "POST", path: a, bodyKeys: []string{"name", "config", "guardrails"}, keys: assistantKeys, want: `"product_name": "Acme"`},
		{command: "captain assistants update", args: []string{"captain", "assistants", "update", "1", "--config-temperature", "0.3"},
			method: "PATCH", path: a + "/1", bodyKeys: []string{"config"}, keys: assistantKeys, want: `"product_name": "Acme Cloud"`},
		{command: "captain assistants delete", args: []string{"captain", "assistants", "delete", "2", "--yes"},
			method: "DELETE", path: a + "/2"},
		{command: "captain assistants tools list", args: []string{"captain", "assistants", "tools", "list"},
			method: "GET", path: a + "/tools", keys: []string{"id", "title", "description", "icon"}},
		{command: "captain assistants metrics get", args: []string{"captain", "assistants", "metrics", "get", "1", "--range", "30"},
			method: "GET", path: a + "/1/metrics", query: []string{"range"}, keys: []string{"conversations_handled", "handoff_rate"}},
		{command: "captain assistants faq-stats get", args: []string{"captain", "assistants", "faq-stats", "get", "1"},
			method: "GET", path: a + "/1/faq_stats", keys: []string{"approved", "pending"}},
		{command: "captain assistants summary get", args: []string{"captain", "assistants", "summary", "get", "1"},
			method: "GET", path: a + "/1/summary", keys: []string{"message"}},
		{command: "captain assistants drilldown get", args: []string{"captain", "assistants", "drilldown", "get", "1", "--metric", "conversations_handled"},
			method: "GET", path: a + "/1/drilldown", query: []string{"metric"}, keys: drillKeys},
		stats("overview", "overview", "conversations_handled", "auto_resolution_rate"),
		stats("overview-summary", "overview_summary", "message"),
		stats("resolution-flow", "resolution_flow", "resolved_by_assistant", "handed_off", "open"),
		stats("resolution-trend", "resolution_trend", "timestamp", "value"),
		{command: "captain assistants stats drilldown get", args: []string{"captain", "assistants", "stats", "drilldown", "get", "1", "--metric", "conversations_handled"},
			method: "GET", path: a + "/1/stats/drilldown", query: []string{"metric"}, keys: drillKeys},
		{command: "captain assistants inboxes list", args: []string{"captain", "assistants", "inboxes", "list", "1"},
			method: "GET", path: a + "/1/inboxes", keys: []string{"id", "name", "channel_type"}},
		{command: "captain assistants inboxes add", args: []string{"captain", "assistants", "inboxes", "add", "1", "--inbox-id", "2"},
			method: "POST", path: a + "/1/inboxes", bodyKeys: []string{"inbox"}, keys: []string{"id", "name"}},
		{command: "captain assistants inboxes remove", args: []string{"captain", "assistants", "inboxes", "remove", "1", "1", "--yes"},
			method: "DELETE", path: a + "/1/inboxes/1"},
		{command: "captain scenarios list", args: []string{"captain", "scenarios", "list", "1"},
			method: "GET", path: a + "/1/scenarios", keys: scenarioKeys},
		{command: "captain scenarios get", args: []string{"captain", "scenarios", "get", "1", "1"},
			method: "GET", path: a + "/1/scenarios/1", keys: scenarioKeys},
		{command: "captain scenarios create", args: []string{"captain", "scenarios", "create", "1", "--title", "Refunds", "--instruction", "Explain the refund policy", "--enabled"},
			method: "POST", path: a + "/1/scenarios", bodyKeys: []string{"title", "instruction", "enabled"}, keys: scenarioKeys, want: `"title": "Refunds"`},
		{command: "captain scenarios update", args: []string{"captain", "scenarios", "update", "1", "1", "--enabled=false"},
			method: "PATCH", path: a + "/1/scenarios/1", bodyKeys: []string{"enabled"}, keys: scenarioKeys, want: `"enabled": false`},
		{command: "captain scenarios delete", args: []string{"captain", "scenarios", "delete", "1", "2", "--yes"},
			method: "DELETE", path: a + "/1/scenarios/2"},
		{command: "captain agent-sessions get", args: []string{"captain", "agent-sessions", "get", "1"},
			method: "GET", path: c + "/agent_sessions/1", keys: []string{"id", "message_id", "llm_model", "credits_consumed", "citations"}},
		{command: "captain message-reports create", args: []string{"captain", "message-reports", "create", "--message-id", "1", "--report-reason", "incorrect"},
			method: "POST", path: c + "/message_reports", bodyKeys: []string{"message_id", "report_reason"},
			keys: []string{"id", "message_id", "conversation_id", "report_reason"}},
		{command: "captain bulk-actions create", args: []string{"captain", "bulk-actions", "create", "--type", "AssistantResponse", "--ids", "2", "--field", "status=approve"},
			method: "POST", path: c + "/bulk_actions", bodyKeys: []string{"type", "ids", "fields"}, keys: responseKeys, want: `"status": "approved"`},
	}
	return append(cases, captainKnowledgeSandboxCases()...)
}

func captainKnowledgeSandboxCases() []sandboxCase {
	c := sbV1 + "/captain"
	r, f, d, tl := c+"/assistant_responses", c+"/faq_suggestions", c+"/documents", c+"/custom_tools"
	return []sandboxCase{
		{command: "captain responses list", args: []string{"captain", "responses", "list", "--assistant-id", "1", "--status", "pending"},
			method: "GET", path: r, query: []string{"assistant_id", "status", "page"}, keys: responseKeys, want: `"status": "pending"`},
		{command: "captain responses get", args: []string{"captain", "responses", "get", "1"},
			method: "GET", path: r + "/1", keys: responseKeys},
		{command: "captain responses create", args: []string{"captain", "responses", "create", "--assistant-id", "1", "--question", "Q?", "--answer", "A."},
			method: "POST", path: r, bodyKeys: []string{"assistant_id", "question", "answer"}, keys: responseKeys, want: `"name": "Scout"`},
		{command: "captain responses update", args: []string{"captain", "responses", "update", "1", "--answer", "Within 60 days"},
			method: "PATCH", path: r + "/1", bodyKeys: []string{"answer"}, keys: responseKeys, want: "Within 60 days"},
		{command: "captain responses delete", args: []string{"captain", "responses", "delete", "2", "--yes"},
			method: "DELETE", path: r + "/2"},
		{command: "captain responses drilldown get", args: []string{"captain", "responses", "drilldown", "get", "1"},
			method: "GET", path: r + "/1/drilldown", keys: drillKeys},
		{command: "captain faq-suggestions list", args: []string{"captain", "faq-suggestions", "list", "--status", "open"},
			method: "GET", path: f, query: []string{"status"}, keys: suggestionKeys},
		{command: "captain faq-suggestions get", args: []string{"captain", "faq-suggestions", "get", "1"},
			method: "GET", path: f + "/1", keys: suggestionKeys},
		{command: "captain faq-suggestions update", args: []string{"captain", "faq-suggestions", "update", "3", "--answer", "Half price"},
			method: "PATCH", path: f + "/3", bodyKeys: []string{"answer"}, keys: suggestionKeys, want: "Half price"},
		{command: "captain faq-suggestions approve", args: []string{"captain", "faq-suggestions", "approve", "1"},
			method: "POST", path: f + "/1/approve", keys: responseKeys, want: "Do you ship to Canada?"},
		{command: "captain faq-suggestions dismiss", args: []string{"captain", "faq-suggestions", "dismiss", "2"},
			method: "POST", path: f + "/2/dismiss", keys: suggestionKeys, want: `"status": "dismissed"`},
		{command: "captain documents list", args: []string{"captain", "documents", "list", "--assistant-id", "1"},
			method: "GET", path: d, query: []string{"assistant_id"}, keys: documentKeys},
		{command: "captain documents get", args: []string{"captain", "documents", "get", "1"},
			method: "GET", path: d + "/1", keys: documentKeys},
		{command: "captain documents create", args: []string{"captain", "documents", "create", "--assistant-id", "1", "--external-link", "https://acme.example/help"},
			method: "POST", path: d, bodyKeys: []string{"assistant_id", "external_link"}, keys: documentKeys, want: "https://acme.example/help"},
		{command: "captain documents delete", args: []string{"captain", "documents", "delete", "2", "--yes"},
			method: "DELETE", path: d + "/2"},
		{command: "captain documents sync", args: []string{"captain", "documents", "sync", "1"},
			method: "POST", path: d + "/1/sync", keys: documentKeys},
		{command: "captain documents drilldown get", args: []string{"captain", "documents", "drilldown", "get", "1"},
			method: "GET", path: d + "/1/drilldown", keys: drillKeys},
		{command: "captain custom-tools list", args: []string{"captain", "custom-tools", "list"},
			method: "GET", path: tl, keys: toolKeys},
		{command: "captain custom-tools get", args: []string{"captain", "custom-tools", "get", "1"},
			method: "GET", path: tl + "/1", keys: append(toolKeys, "auth_config")},
		{command: "captain custom-tools create", args: []string{"captain", "custom-tools", "create", "--title", "Order status", "--endpoint-url", "https://shop.example/orders", "--http-method", "GET"},
			method: "POST", path: tl, bodyKeys: []string{"title", "endpoint_url", "http_method"}, keys: toolKeys, want: `"slug": "custom_order_status"`},
		{command: "captain custom-tools update", args: []string{"captain", "custom-tools", "update", "1", "--enabled=false"},
			method: "PATCH", path: tl + "/1", bodyKeys: []string{"enabled"}, keys: toolKeys, want: `"enabled": false`},
		{command: "captain custom-tools delete", args: []string{"captain", "custom-tools", "delete", "2", "--yes"},
			method: "DELETE", path: tl + "/2"},
		{command: "captain custom-tools test", args: []string{"captain", "custom-tools", "test", "--endpoint-url", "https://shop.example/orders", "--http-method", "GET"},
			method: "POST", path: tl + "/test", bodyKeys: []string{"endpoint_url", "http_method"}, keys: []string{"status", "body"}},
	}
}

func companySandboxCases() []sandboxCase {
	co := sbV1 + "/companies"
	return []sandboxCase{
		{command: "companies list", args: []string{"companies", "list", "--sort", "-contacts_count"},
			method: "GET", path: co, query: []string{"sort", "page"}, keys: companyKeys},
		{command: "companies search", args: []string{"companies", "search", "--q", "initrode"},
			method: "GET", path: co + "/search", query: []string{"q"}, keys: companyKeys, want: "Initrode"},
		{command: "companies get", args: []string{"companies", "get", "2"},
			method: "GET", path: co + "/2", keys: companyKeys},
		{command: "companies create", args: []string{"companies", "create", "--name", "Globex Corp", "--domain", "globex.example", "--custom-attributes", "plan=enterprise"},
			method: "POST", path: co, bodyKeys: []string{"name", "domain", "custom_attributes"}, keys: companyKeys, want: `"plan": "enterprise"`},
		{command: "companies update", args: []string{"companies", "update", "2", "--description", "Key account"},
			method: "PATCH", path: co + "/2", bodyKeys: []string{"description"}, keys: companyKeys, want: "Key account"},
		{command: "companies delete", args: []string{"companies", "delete", "1", "--yes"},
			method: "DELETE", path: co + "/1"},
		{command: "companies delete-custom-attributes", args: []string{"companies", "delete-custom-attributes", "2", "--custom-attributes", "plan"},
			method: "POST", path: co + "/2/destroy_custom_attributes", bodyKeys: []string{"custom_attributes"}, keys: companyKeys},
		{command: "companies contacts list", args: []string{"companies", "contacts", "list", "2"},
			method: "GET", path: co + "/2/contacts", keys: contactKeys},
		{command: "companies contacts search", args: []string{"companies", "contacts", "search", "2", "--q", "example.com"},
			method: "GET", path: co + "/2/contacts/search", query: []string{"q"}, keys: contactKeys},
		{command: "companies contacts add", args: []string{"companies", "contacts", "add", "1", "--contact-id", "2"},
			method: "POST", path: co + "/1/contacts", bodyKeys: []string{"contact_id"}, keys: contactKeys},
		{command: "companies contacts remove", args: []string{"companies", "contacts", "remove", "2", "1", "--yes"},
			method: "DELETE", path: co + "/2/contacts/1"},
		{command: "companies conversations list", args: []string{"companies", "conversations", "list", "2"},
			method: "GET", path: co + "/2/conversations", keys: []string{"id", "status", "inbox_id", "meta"}},
		{command: "companies notes list", args: []string{"companies", "notes", "list", "2"},
			method: "GET", path: co + "/2/notes"},
	}
}

func monitorSandboxCases() []sandboxCase {
	m := sbV1 + "/monitors"
	return []sandboxCase{
		{command: "monitors list", args: []string{"monitors", "list"},
			method: "GET", path: m, keys: monitorKeys},
		{command: "monitors get", args: []string{"monitors", "get", "1"},
			method: "GET", path: m + "/1", keys: append(monitorKeys, "usage")},
		{command: "monitors create", args: []string{"monitors", "create", "--name", "Refunds", "--condition", "The customer asks for a refund"},
			method: "POST", path: m, bodyKeys: []string{"name", "condition"}, keys: monitorKeys, want: `"status": "collecting"`},
		{command: "monitors update", args: []string{"monitors", "update", "1", "--paused"},
			method: "PATCH", path: m + "/1", bodyKeys: []string{"paused"}, keys: monitorKeys, want: `"status": "paused"`},
		{command: "monitors delete", args: []string{"monitors", "delete", "2", "--yes"},
			method: "DELETE", path: m + "/2"},
		{command: "monitors preview create", args: []string{"monitors", "preview", "create", "--condition", "Asks for a refund"},
			method: "POST", path: m + "/preview", bodyKeys: []string{"condition"}, keys: []string{"token", "status", "retry_after"}},
		{command: "monitors preview get", args: []string{"monitors", "preview", "get", "5f2b9c0d4e8a1b3c7d6e9f0a1b2c3d4e"},
			method: "GET", path: m + "/preview/5f2b9c0d4e8a1b3c7d6e9f0a1b2c3d4e", keys: []string{"status", "payload"}},
		{command: "monitors timeseries get", args: []string{"monitors", "timeseries", "get", "1"},
			method: "GET", path: m + "/1/timeseries", keys: []string{"timeseries", "monitor", "usage"}},
		{command: "monitors conversations get", args: []string{"monitors", "conversations", "get", "1", "--data-revision", "1"},
			method: "GET", path: m + "/1/conversations", query: []string{"data_revision"}, keys: drillKeys},
		{command: "monitors retry-evaluations", args: []string{"monitors", "retry-evaluations", "1"},
			method: "POST", path: m + "/1/retry_evaluations", bodyKeys: nil},
		{command: "monitors resume", args: []string{"monitors", "resume", "2", "--mode", "forward", "--collection-version", "1"},
			method: "POST", path: m + "/2/resume", bodyKeys: []string{"mode", "collection_version"}, keys: monitorKeys, want: `"status": "collecting"`},
	}
}
