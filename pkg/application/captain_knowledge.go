package application

import "github.com/wootcli/woot/pkg/api"

// What Captain answers from: FAQs (assistant responses), FAQ suggestions
// mined from conversations, documents it crawls, and custom HTTP tools.

func captainResponseOperations() []api.Operation {
	cols := []string{"id", "question", "status", "assistant.name"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "question", Required: create, Usage: "The question"},
			{Name: "answer", Required: create, Usage: "The answer"},
			{Name: "assistant_id", Type: api.Int, Required: create, Usage: "Assistant the FAQ belongs to"},
		}
	}
	p := captainPath + "/assistant_responses"
	return []api.Operation{
		{
			Command: "captain responses list", Method: "GET", Path: p,
			Short:   "List Captain FAQs",
			Example: "  $ woot captain responses list --assistant-id 1 --status pending",
			Params: []api.Param{
				{Name: "assistant_id", In: api.InQuery, Type: api.Int, Usage: "Only this assistant's FAQs"},
				{Name: "document_id", In: api.InQuery, Type: api.Int, Usage: "Only FAQs made from this document"},
				{Name: "status", In: api.InQuery, Enum: []string{"pending", "approved"}, Usage: "Only FAQs in this state"},
				{Name: "search", In: api.InQuery, Usage: "Text to look for"},
			},
			Data: "payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: cols,
		},
		{
			Command: "captain responses get", Method: "GET", Path: p + "/{id}",
			Short:    "Show a Captain FAQ",
			Example:  "  $ woot captain responses get 1",
			ArgNames: []string{"FAQ_ID"}, Columns: cols,
		},
		{
			Command: "captain responses create", Method: "POST", Path: p,
			Short:   "Add a Captain FAQ",
			Example: "  $ woot captain responses create --assistant-id 1 --question 'How long do refunds take?' --answer 'Within 30 days'",
			Params:  params(true), Columns: cols,
		},
		{
			Command: "captain responses update", Method: "PATCH", Path: p + "/{id}",
			Short:    "Change a Captain FAQ",
			Example:  "  $ woot captain responses update 1 --answer 'Within 60 days'",
			ArgNames: []string{"FAQ_ID"}, Params: params(false), Columns: cols,
		},
		{
			Command: "captain responses delete", Method: "DELETE", Path: p + "/{id}",
			Short:    "Delete a Captain FAQ",
			Example:  "  $ woot captain responses delete 2 --yes",
			ArgNames: []string{"FAQ_ID"}, Confirm: true,
		},
		{
			Command: "captain responses drilldown get", Method: "GET", Path: p + "/{id}/drilldown",
			Short:    "List the conversations a FAQ was used in",
			Example:  "  $ woot captain responses drilldown get 1",
			ArgNames: []string{"FAQ_ID"},
			Data:     "payload", Columns: []string{"id", "display_id", "status", "contact.name"},
		},
	}
}

func captainFAQSuggestionOperations() []api.Operation {
	cols := []string{"id", "question", "status", "source_count"}
	p := captainPath + "/faq_suggestions"
	edit := []api.Param{
		{Name: "question", Usage: "Reworded question"},
		{Name: "answer", Usage: "Reworded answer"},
	}
	id := []string{"SUGGESTION_ID"}
	return []api.Operation{
		{
			Command: "captain faq-suggestions list", Method: "GET", Path: p,
			Short:   "List FAQs Captain suggests from conversations",
			Example: "  $ woot captain faq-suggestions list --status open",
			Params: []api.Param{
				{Name: "assistant_id", In: api.InQuery, Type: api.Int, Usage: "Only this assistant's suggestions"},
				{Name: "status", In: api.InQuery, Enum: []string{"open", "approved", "dismissed"}, Usage: "Only suggestions in this state"},
				{Name: "search", In: api.InQuery, Usage: "Text to look for"},
			},
			Data: "payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: cols,
		},
		{
			Command: "captain faq-suggestions get", Method: "GET", Path: p + "/{id}",
			Short:    "Show a FAQ suggestion",
			Example:  "  $ woot captain faq-suggestions get 1",
			ArgNames: id, Columns: cols,
		},
		{
			Command: "captain faq-suggestions update", Method: "PATCH", Path: p + "/{id}",
			Short:    "Reword an open FAQ suggestion",
			Example:  "  $ woot captain faq-suggestions update 3 --answer 'Refunds arrive within 30 days'",
			ArgNames: id, Params: edit, Columns: cols,
		},
		{
			Command: "captain faq-suggestions approve", Method: "POST", Path: p + "/{id}/approve",
			Short:    "Turn a FAQ suggestion into a FAQ",
			Example:  "  $ woot captain faq-suggestions approve 1",
			ArgNames: id,
			Columns:  []string{"id", "question", "status"},
		},
		{
			Command: "captain faq-suggestions dismiss", Method: "POST", Path: p + "/{id}/dismiss",
			Short:    "Dismiss a FAQ suggestion",
			Example:  "  $ woot captain faq-suggestions dismiss 2",
			ArgNames: id, Columns: cols,
		},
	}
}

func captainDocumentOperations() []api.Operation {
	cols := []string{"id", "name", "external_link", "status", "sync_status"}
	p := captainPath + "/documents"
	id := []string{"DOCUMENT_ID"}
	return []api.Operation{
		{
			Command: "captain documents list", Method: "GET", Path: p,
			Short:   "List the documents Captain learns from",
			Example: "  $ woot captain documents list --assistant-id 1",
			Params:  []api.Param{{Name: "assistant_id", In: api.InQuery, Type: api.Int, Usage: "Only this assistant's documents"}},
			Data:    "payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: cols,
		},
		{
			Command: "captain documents get", Method: "GET", Path: p + "/{id}",
			Short:    "Show a Captain document",
			Example:  "  $ woot captain documents get 1",
			ArgNames: id, Columns: cols,
		},
		{
			Command: "captain documents create", Method: "POST", Path: p,
			Short:   "Give Captain a web page or PDF to learn from",
			Long:    "Chatwoot crawls the page in the background; FAQs made from it arrive as pending.",
			Example: "  $ woot captain documents create --assistant-id 1 --external-link https://acme.example/help/refunds",
			Params: []api.Param{
				{Name: "assistant_id", Type: api.Int, Required: true, Usage: "Assistant that learns from it"},
				{Name: "external_link", Usage: "Address of the page"},
				{Name: "name", Usage: "Display name"},
				{Name: "pdf_document", Type: api.File, Usage: "A PDF to upload instead of a link"},
			},
			Columns: cols,
		},
		{
			Command: "captain documents delete", Method: "DELETE", Path: p + "/{id}",
			Short:    "Delete a Captain document and the FAQs made from it",
			Example:  "  $ woot captain documents delete 2 --yes",
			ArgNames: id, Confirm: true,
		},
		{
			Command: "captain documents sync", Method: "POST", Path: p + "/{id}/sync",
			Short:    "Crawl a document's page again",
			Example:  "  $ woot captain documents sync 1",
			ArgNames: id, Columns: cols,
		},
		{
			Command: "captain documents drilldown get", Method: "GET", Path: p + "/{id}/drilldown",
			Short:    "List the conversations a document was used in",
			Example:  "  $ woot captain documents drilldown get 1",
			ArgNames: id,
			Data:     "payload", Columns: []string{"id", "display_id", "status", "contact.name"},
		},
	}
}

func captainCustomToolOperations() []api.Operation {
	cols := []string{"id", "slug", "title", "http_method", "endpoint_url", "enabled"}
	request := func(create bool) []api.Param {
		return []api.Param{
			{Name: "endpoint_url", Required: create, Usage: "URL the tool calls"},
			{Name: "http_method", Enum: []string{"GET", "POST"}, Usage: "HTTP method"},
			{Name: "request_template", Usage: "Request body template (Liquid)"},
			{Name: "auth_type", Enum: []string{"none", "bearer", "basic", "api_key"}, Usage: "How the tool authenticates"},
			{Name: "auth_config", Type: api.JSON, Usage: "Credentials as JSON; give @file so secrets stay off the command line"},
		}
	}
	params := func(create bool) []api.Param {
		return withParams([]api.Param{
			{Name: "title", Required: create, Usage: "Tool name shown to the assistant"},
			{Name: "description", Usage: "When the assistant should use it"},
			{Name: "response_template", Usage: "How to read the answer (Liquid)"},
			{Name: "param_schema", Type: api.JSON, Usage: "Parameters the assistant fills, as a JSON array"},
			{Name: "enabled", Type: api.Bool, Usage: "Offer the tool to assistants"},
		}, request(create))
	}
	p := captainPath + "/custom_tools"
	id := []string{"TOOL_ID"}
	return []api.Operation{
		{
			Command: "captain custom-tools list", Method: "GET", Path: p,
			Short:   "List custom tools Captain can call",
			Example: "  $ woot captain custom-tools list",
			Data:    "payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: cols,
		},
		{
			Command: "captain custom-tools get", Method: "GET", Path: p + "/{id}",
			Short:    "Show a custom tool",
			Example:  "  $ woot captain custom-tools get 1",
			ArgNames: id, Columns: cols,
		},
		{
			Command: "captain custom-tools create", Method: "POST", Path: p,
			Short:   "Create a custom tool",
			Example: "  $ woot captain custom-tools create --title 'Order status' --endpoint-url https://shop.example/orders --http-method GET",
			Params:  params(true), Columns: cols,
		},
		{
			Command: "captain custom-tools update", Method: "PATCH", Path: p + "/{id}",
			Short:    "Change a custom tool",
			Example:  "  $ woot captain custom-tools update 1 --enabled=false",
			ArgNames: id, Params: params(false), Columns: cols,
		},
		{
			Command: "captain custom-tools delete", Method: "DELETE", Path: p + "/{id}",
			Short:    "Delete a custom tool",
			Example:  "  $ woot captain custom-tools delete 2 --yes",
			ArgNames: id, Confirm: true,
		},
		{
			Command: "captain custom-tools test", Method: "POST", Path: p + "/test",
			Short:   "Call an endpoint the way a custom tool would",
			Example: "  $ woot captain custom-tools test --endpoint-url https://shop.example/orders --http-method GET",
			Params:  request(true),
			Columns: []string{"status", "body"},
		},
	}
}
