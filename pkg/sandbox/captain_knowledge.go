package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Captain's knowledge: FAQs (assistant responses), FAQ suggestions,
// documents and custom tools. Lists page 25 at a time with
// {"payload":[…],"meta":{"total_count","page"}}.

const captainPageSize = 25

func (s *Sandbox) captainKnowledgeRoutes(m *mux) {
	r := cpt + "/assistant_responses"
	m.user("GET "+r, (*ctx).listResponses)
	m.user("POST "+r, (*ctx).createResponse)
	m.user("GET "+r+"/{id}", (*ctx).showResponse)
	m.user("PATCH|PUT "+r+"/{id}", (*ctx).updateResponse)
	m.user("DELETE "+r+"/{id}", (*ctx).deleteResponse)
	m.user("GET "+r+"/{id}/drilldown", (*ctx).responseDrilldown)

	f := cpt + "/faq_suggestions"
	m.user("GET "+f, (*ctx).listSuggestions)
	m.user("GET "+f+"/{id}", (*ctx).showSuggestion)
	m.user("PATCH|PUT "+f+"/{id}", (*ctx).updateSuggestion)
	m.user("POST "+f+"/{id}/approve", (*ctx).approveSuggestion)
	m.user("POST "+f+"/{id}/dismiss", (*ctx).dismissSuggestion)

	d := cpt + "/documents"
	m.user("GET "+d, (*ctx).listDocuments)
	m.admin("POST "+d, (*ctx).createDocument)
	m.user("GET "+d+"/{id}", (*ctx).showDocument)
	m.admin("DELETE "+d+"/{id}", (*ctx).deleteDocument)
	m.admin("POST "+d+"/{id}/sync", (*ctx).syncDocument)
	m.user("GET "+d+"/{id}/drilldown", (*ctx).documentDrilldown)

	t := cpt + "/custom_tools"
	m.user("GET "+t, (*ctx).listCustomTools)
	m.admin("POST "+t, (*ctx).createCustomTool)
	m.admin("POST "+t+"/test", (*ctx).testCustomTool)
	m.user("GET "+t+"/{id}", (*ctx).showCustomTool)
	m.admin("PATCH|PUT "+t+"/{id}", (*ctx).updateCustomTool)
	m.admin("DELETE "+t+"/{id}", (*ctx).deleteCustomTool)
}

// filtered keeps the records matching the assistant_id, status and search
// query parameters the Captain lists share.
func (c *ctx) filtered(kind string, textFields ...string) []*store.Record {
	assistant := intOf(c.params, "assistant_id")
	status := str(c.params, "status")
	search := strings.ToLower(str(c.params, "search"))
	var out []*store.Record
	for _, r := range c.recordsOf(kind, 0) {
		if assistant != 0 && r.ParentID != assistant || status != "" && str(r.Attrs, "status") != status {
			continue
		}
		if doc := intOf(c.params, "document_id"); doc != 0 && intOf(r.Attrs, "document_id") != doc {
			continue
		}
		if search != "" && !anyContains(r.Attrs, search, textFields) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func anyContains(o obj, needle string, fields []string) bool {
	for _, f := range fields {
		if strings.Contains(strings.ToLower(str(o, f)), needle) {
			return true
		}
	}
	return false
}

func (c *ctx) pagedRecords(rows []*store.Record, view func(*store.Record) obj) {
	c.ok(metaPage(viewsOf(pageOf(rows, c.page(), captainPageSize), view), len(rows), c.page()))
}

func (c *ctx) assistantOf(r *store.Record) obj {
	if a := c.st.Record(store.KindCaptainAssistants, r.AccountID, r.ParentID); a != nil {
		return assistantView(a)
	}
	return nil
}

// FAQs.

func (c *ctx) responseView(r *store.Record) obj {
	return obj{"id": r.ID, "account_id": r.AccountID, "question": str(r.Attrs, "question"), "answer": str(r.Attrs, "answer"),
		"status": str(r.Attrs, "status"), "created_at": r.CreatedAt, "assistant": c.assistantOf(r)}
}

func (c *ctx) listResponses() {
	c.pagedRecords(c.filtered(store.KindCaptainResponses, "question", "answer"), c.responseView)
}

func (c *ctx) createResponse() {
	in := attrsFrom(c.params, "assistant_response")
	a := c.st.Record(store.KindCaptainAssistants, c.acct.ID, intOf(in, "assistant_id"))
	if a == nil {
		c.invalid("Assistant must exist", "assistant")
		return
	}
	if r := c.createRecord(store.KindCaptainResponses, "assistant_response", a.ID, "question", "answer"); r != nil {
		delete(r.Attrs, "assistant_id")
		r.Attrs["status"] = "approved"
		c.ok(c.responseView(r))
	}
}

func (c *ctx) showResponse() {
	if r := c.findRecord(store.KindCaptainResponses, "id", 0); r != nil {
		c.ok(c.responseView(r))
	}
}

func (c *ctx) updateResponse() {
	r := c.findRecord(store.KindCaptainResponses, "id", 0)
	if r == nil {
		return
	}
	c.updateRecord(r, "assistant_response")
	if id := intOf(r.Attrs, "assistant_id"); id != 0 {
		if c.st.Record(store.KindCaptainAssistants, c.acct.ID, id) == nil {
			c.invalid("Assistant must exist", "assistant")
			return
		}
		r.ParentID = id
		delete(r.Attrs, "assistant_id")
	}
	c.ok(c.responseView(r))
}

func (c *ctx) deleteResponse() {
	if r := c.findRecord(store.KindCaptainResponses, "id", 0); r != nil {
		c.dropRecord(store.KindCaptainResponses, r)
	}
}

// responseDrilldown: the sandbox records no citations, so the
// conversations "using" a FAQ are its assistant's resolved ones.
func (c *ctx) responseDrilldown() {
	if r := c.findRecord(store.KindCaptainResponses, "id", 0); r != nil {
		c.resolvedOfAssistant(r.ParentID)
	}
}

func (c *ctx) resolvedOfAssistant(assistantID int64) {
	var rows []*store.Conversation
	if a := c.st.Record(store.KindCaptainAssistants, c.acct.ID, assistantID); a != nil {
		for _, cv := range c.assistantConversations(a) {
			if cv.Status == "resolved" {
				rows = append(rows, cv)
			}
		}
	}
	c.drilldownPage(rows)
}

// FAQ suggestions: only open ones change; approving makes a FAQ and
// answers with it.

func (c *ctx) suggestionView(r *store.Record) obj {
	return obj{"id": r.ID, "account_id": r.AccountID, "question": str(r.Attrs, "question"), "answer": str(r.Attrs, "answer"),
		"source_count": r.Attrs["source_count"], "status": str(r.Attrs, "status"),
		"created_at": r.CreatedAt, "updated_at": r.UpdatedAt, "assistant": c.assistantOf(r)}
}

func (c *ctx) listSuggestions() {
	c.pagedRecords(c.filtered(store.KindCaptainSuggestions, "question", "answer"), c.suggestionView)
}

func (c *ctx) showSuggestion() {
	if r := c.findRecord(store.KindCaptainSuggestions, "id", 0); r != nil {
		v := c.suggestionView(r)
		v["observations"] = []any{}
		c.ok(v)
	}
}

func (c *ctx) openSuggestion() *store.Record {
	r := c.findRecord(store.KindCaptainSuggestions, "id", 0)
	if r != nil && str(r.Attrs, "status") != "open" {
		c.notFound()
		return nil
	}
	return r
}

func (c *ctx) editSuggestion(r *store.Record) {
	in := c.in("faq_suggestion")
	for _, k := range []string{"question", "answer"} {
		if v, ok := getStr(in, k); ok {
			r.Attrs[k] = v
		}
	}
	r.UpdatedAt = c.now()
}

func (c *ctx) updateSuggestion() {
	if r := c.openSuggestion(); r != nil {
		c.editSuggestion(r)
		c.ok(c.suggestionView(r))
	}
}

func (c *ctx) approveSuggestion() {
	r := c.openSuggestion()
	if r == nil {
		return
	}
	c.editSuggestion(r)
	r.Attrs["status"] = "approved"
	faq := c.st.AddRecord(store.KindCaptainResponses, &store.Record{AccountID: c.acct.ID, ParentID: r.ParentID, Attrs: obj{
		"question": str(r.Attrs, "question"), "answer": str(r.Attrs, "answer"), "status": "approved"}}, c.now())
	c.ok(c.responseView(faq))
}

func (c *ctx) dismissSuggestion() {
	if r := c.openSuggestion(); r != nil {
		r.Attrs["status"], r.UpdatedAt = "dismissed", c.now()
		c.ok(c.suggestionView(r))
	}
}

// Documents: "crawled" at once, so a new one is available and synced.

func (c *ctx) documentView(r *store.Record) obj {
	link := str(r.Attrs, "external_link")
	return obj{"id": r.ID, "account_id": r.AccountID, "assistant": c.assistantOf(r), "name": r.Attrs["name"],
		"content": r.Attrs["content"], "content_type": r.Attrs["content_type"], "external_link": link, "display_url": link,
		"file_size": r.Attrs["file_size"], "pdf_document": strings.HasPrefix(link, "PDF:"),
		"status": str(r.Attrs, "status"), "sync_status": r.Attrs["sync_status"], "sync_in_progress": false,
		"last_synced_at": r.Attrs["last_synced_at"], "last_sync_attempted_at": r.Attrs["last_synced_at"],
		"last_sync_error_code": nil, "created_at": r.CreatedAt, "updated_at": r.UpdatedAt}
}

func (c *ctx) listDocuments() {
	c.pagedRecords(c.filtered(store.KindCaptainDocuments, "name", "external_link"), c.documentView)
}

func (c *ctx) createDocument() {
	in := attrsFrom(c.params, "document")
	a := c.st.Record(store.KindCaptainAssistants, c.acct.ID, intOf(in, "assistant_id"))
	if a == nil {
		c.notFound()
		return
	}
	link := str(in, "external_link")
	if f, ok := in["pdf_document"].(map[string]any); ok {
		link = "PDF: " + str(f, "filename")
	}
	if link == "" {
		c.invalid("External link can't be blank", "external_link")
		return
	}
	for _, r := range c.recordsOf(store.KindCaptainDocuments, a.ID) {
		if str(r.Attrs, "external_link") == link {
			c.invalid("External link has already been taken", "external_link")
			return
		}
	}
	name := in["name"]
	if name == nil || name == "" {
		name = link
	}
	r := c.st.AddRecord(store.KindCaptainDocuments, &store.Record{AccountID: c.acct.ID, ParentID: a.ID, Attrs: obj{
		"name": name, "external_link": link, "content": nil, "content_type": "text/html",
		"status": "available", "sync_status": "synced", "last_synced_at": c.now()}}, c.now())
	c.ok(c.documentView(r))
}

func (c *ctx) showDocument() {
	if r := c.findRecord(store.KindCaptainDocuments, "id", 0); r != nil {
		c.ok(c.documentView(r))
	}
}

// deleteDocument takes the FAQs made from it along.
func (c *ctx) deleteDocument() {
	r := c.findRecord(store.KindCaptainDocuments, "id", 0)
	if r == nil {
		return
	}
	c.st.DropRecords(store.KindCaptainResponses, func(x *store.Record) bool {
		return x.AccountID == r.AccountID && intOf(x.Attrs, "document_id") == r.ID
	})
	c.dropRecord(store.KindCaptainDocuments, r)
}

func (c *ctx) syncDocument() {
	if r := c.findRecord(store.KindCaptainDocuments, "id", 0); r != nil {
		r.Attrs["sync_status"], r.Attrs["last_synced_at"], r.UpdatedAt = "synced", c.now(), c.now()
		c.json(http.StatusAccepted, c.documentView(r))
	}
}

func (c *ctx) documentDrilldown() {
	if r := c.findRecord(store.KindCaptainDocuments, "id", 0); r != nil {
		c.resolvedOfAssistant(r.ParentID)
	}
}

// Custom tools: the slug comes from the title; credentials are shown to
// administrators only, as the server's view does.

func (c *ctx) customToolView(r *store.Record) obj {
	v := obj{"id": r.ID, "slug": str(r.Attrs, "slug"), "title": str(r.Attrs, "title"), "description": r.Attrs["description"],
		"endpoint_url": str(r.Attrs, "endpoint_url"), "http_method": strOr(r.Attrs, "http_method", "GET"),
		"request_template": r.Attrs["request_template"], "response_template": r.Attrs["response_template"],
		"auth_type": strOr(r.Attrs, "auth_type", "none"), "param_schema": listOr(r.Attrs, "param_schema"),
		"enabled": boolOr(r.Attrs, "enabled", true), "source_metadata": orEmpty(objOf(r.Attrs, "source_metadata")),
		"account_id": r.AccountID, "assistant_id": nil, "created_at": r.CreatedAt, "updated_at": r.UpdatedAt}
	if c.isAdmin() {
		v["auth_config"], v["headers"] = orEmpty(objOf(r.Attrs, "auth_config")), orEmpty(objOf(r.Attrs, "headers"))
	}
	return v
}

func strOr(o obj, key, def string) string {
	if s := str(o, key); s != "" {
		return s
	}
	return def
}

func objOf(o obj, key string) obj {
	v, _ := getObj(o, key)
	return v
}

func (c *ctx) listCustomTools() {
	c.pagedRecords(c.recordsOf(store.KindCaptainTools, 0), c.customToolView)
}

func (c *ctx) createCustomTool() {
	r := c.createRecord(store.KindCaptainTools, "custom_tool", 0, "title", "endpoint_url")
	if r == nil {
		return
	}
	slug := "custom_" + strings.Trim(strings.Map(func(ch rune) rune {
		if ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' {
			return ch
		}
		return '_'
	}, strings.ToLower(str(r.Attrs, "title"))), "_")
	r.Attrs["slug"] = slug
	c.ok(c.customToolView(r))
}

func (c *ctx) showCustomTool() {
	if r := c.findRecord(store.KindCaptainTools, "id", 0); r != nil {
		c.ok(c.customToolView(r))
	}
}

func (c *ctx) updateCustomTool() {
	if r := c.findRecord(store.KindCaptainTools, "id", 0); r != nil {
		c.updateRecord(r, "custom_tool")
		c.ok(c.customToolView(r))
	}
}

func (c *ctx) deleteCustomTool() {
	if r := c.findRecord(store.KindCaptainTools, "id", 0); r != nil {
		c.dropRecord(store.KindCaptainTools, r)
	}
}

// testCustomTool never leaves the sandbox: it answers as if the endpoint
// had replied 200 with an empty JSON object.
func (c *ctx) testCustomTool() {
	in := attrsFrom(c.params, "custom_tool")
	if str(in, "endpoint_url") == "" {
		c.invalid("Endpoint url can't be blank", "endpoint_url")
		return
	}
	c.ok(obj{"status": 200, "body": "{}"})
}
