package sandbox

import (
	"maps"
	"net/http"
	"slices"
	"strconv"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Captain, Chatwoot's AI agent: assistants, their inboxes and scenarios,
// FAQs, FAQ suggestions, documents, custom tools and the reports on them.
// Nothing here calls a model: documents are "crawled" at once, stats are
// computed from the stored rows, and a tool test answers without calling
// out.

const cpt = acc + "/captain"

func (s *Sandbox) captainRoutes(m *mux) {
	m.user("GET "+cpt+"/preferences", (*ctx).showCaptainPreferences)
	m.admin("PATCH|PUT "+cpt+"/preferences", (*ctx).updateCaptainPreferences)

	a := cpt + "/assistants"
	m.user("GET "+a, (*ctx).listAssistants)
	m.admin("POST "+a, (*ctx).createAssistant)
	m.user("GET "+a+"/tools", (*ctx).assistantTools)
	m.user("GET "+a+"/{id}", (*ctx).showAssistant)
	m.admin("PATCH|PUT "+a+"/{id}", (*ctx).updateAssistant)
	m.admin("DELETE "+a+"/{id}", (*ctx).deleteAssistant)
	m.user("GET "+a+"/{id}/metrics", assistantReport("id", assistantMetrics))
	m.user("GET "+a+"/{id}/faq_stats", assistantReport("id", assistantFAQStats))
	m.user("GET "+a+"/{id}/summary", assistantReport("id", assistantSummary))
	m.user("GET "+a+"/{id}/drilldown", assistantReport("id", (*ctx).assistantDrilldown))
	st := a + "/{assistant_id}/stats/"
	m.user("GET "+st+"drilldown", assistantReport("assistant_id", (*ctx).assistantDrilldown))
	m.user("GET "+st+"overview", assistantReport("assistant_id", assistantMetrics))
	m.user("GET "+st+"overview_summary", assistantReport("assistant_id", assistantSummary))
	m.user("GET "+st+"resolution_flow", assistantReport("assistant_id", assistantResolutionFlow))
	m.user("GET "+st+"resolution_trend", assistantReport("assistant_id", assistantResolutionTrend))

	m.user("GET "+a+"/{assistant_id}/inboxes", (*ctx).listAssistantInboxes)
	m.admin("POST "+a+"/{assistant_id}/inboxes", (*ctx).addAssistantInbox)
	m.admin("DELETE "+a+"/{assistant_id}/inboxes/{inbox_id}", (*ctx).removeAssistantInbox)

	sc := a + "/{assistant_id}/scenarios"
	m.user("GET "+sc, (*ctx).listScenarios)
	m.admin("POST "+sc, (*ctx).createScenario)
	m.user("GET "+sc+"/{id}", (*ctx).showScenario)
	m.admin("PATCH|PUT "+sc+"/{id}", (*ctx).updateScenario)
	m.admin("DELETE "+sc+"/{id}", (*ctx).deleteScenario)

	m.user("GET "+cpt+"/agent_sessions/{id}", (*ctx).showAgentSession)
	m.user("POST "+cpt+"/message_reports", (*ctx).createMessageReport)
	m.admin("POST "+cpt+"/bulk_actions", (*ctx).captainBulkAction)
	s.captainKnowledgeRoutes(m)
}

// Preferences: every feature with its switch and chosen model.

var captainFeatures = []struct{ key, model string }{
	{"editor", "gpt-4.1-mini"}, {"assistant", "gpt-4.1"}, {"copilot", "gpt-4.1"},
	{"label_suggestion", "gpt-4.1-nano"}, {"audio_transcription", "whisper-1"}, {"help_center_search", "text-embedding-3-small"},
}

func (c *ctx) captainPreferences() *store.Record {
	for _, r := range c.recordsOf(store.KindCaptainPreferences, 0) {
		return r
	}
	return nil
}

func (c *ctx) preferencesView() obj {
	models, features := obj{}, obj{}
	if r := c.captainPreferences(); r != nil {
		models, _ = getObj(r.Attrs, "models")
		features, _ = getObj(r.Attrs, "features")
	}
	out := obj{}
	for _, f := range captainFeatures {
		selected := f.model
		if m, ok := getStr(models, f.key); ok && m != "" {
			selected = m
		}
		enabled, _ := getBool(features, f.key)
		out[f.key] = obj{"enabled": enabled, "selected": selected, "default": f.model}
	}
	return obj{"features": out}
}

func (c *ctx) showCaptainPreferences() { c.ok(c.preferencesView()) }

func (c *ctx) updateCaptainPreferences() {
	r := c.captainPreferences()
	if r == nil {
		r = c.st.AddRecord(store.KindCaptainPreferences, &store.Record{AccountID: c.acct.ID,
			Attrs: obj{"models": obj{}, "features": obj{}}}, c.now())
	}
	for param, attr := range map[string]string{"captain_models": "models", "captain_features": "features"} {
		in, ok := getObj(c.params, param)
		if !ok {
			continue
		}
		dst, _ := getObj(r.Attrs, attr)
		dst = copyObj(dst)
		for k, v := range in {
			if attr == "features" {
				v, _ = toBool(v)
			}
			dst[k] = v
		}
		r.Attrs[attr] = dst
	}
	r.UpdatedAt = c.now()
	c.ok(c.preferencesView())
}

func toBool(v any) (bool, bool) { return getBool(obj{"v": v}, "v") }

// Assistants: {"payload":[…],"meta":{"total_count","page":1}} lists and
// bare objects, times in unix seconds.

func assistantView(r *store.Record) obj {
	config, _ := getObj(r.Attrs, "config")
	config = copyObj(config)
	for k, v := range map[string]any{"auto_resolve_mode": "disabled", "auto_resolve_after": nil,
		"send_inactivity_resolution_message": false, "follow_up_before_resolving": false, "follow_up_resolve_after": nil} {
		if _, ok := config[k]; !ok {
			config[k] = v
		}
	}
	return obj{"id": r.ID, "account_id": r.AccountID, "name": str(r.Attrs, "name"), "description": r.Attrs["description"],
		"config": config, "guardrails": listOr(r.Attrs, "guardrails"), "response_guidelines": listOr(r.Attrs, "response_guidelines"),
		"created_at": r.CreatedAt, "updated_at": r.UpdatedAt}
}

func listOr(o obj, key string) []any {
	if l, ok := getList(o, key); ok {
		return l
	}
	return []any{}
}

func metaPage(rows []obj, total, page int) obj {
	return obj{"payload": rows, "meta": obj{"total_count": total, "page": page}}
}

func (c *ctx) findAssistant(param string) *store.Record {
	return c.findRecord(store.KindCaptainAssistants, param, 0)
}

func (c *ctx) listAssistants() {
	rows := viewsOf(c.recordsOf(store.KindCaptainAssistants, 0), assistantView)
	c.ok(metaPage(rows, len(rows), 1))
}

func (c *ctx) createAssistant() {
	if r := c.createRecord(store.KindCaptainAssistants, "assistant", 0, "name"); r != nil {
		c.ok(assistantView(r))
	}
}

func (c *ctx) showAssistant() {
	if r := c.findAssistant("id"); r != nil {
		c.ok(assistantView(r))
	}
}

// updateAssistant merges config, so changing one setting keeps the rest,
// as the server's partial update of the config column does.
func (c *ctx) updateAssistant() {
	r := c.findAssistant("id")
	if r == nil {
		return
	}
	old, _ := getObj(r.Attrs, "config")
	c.updateRecord(r, "assistant")
	if in, ok := getObj(attrsFrom(c.params, "assistant"), "config"); ok {
		merged := copyObj(old)
		for k, v := range in {
			merged[k] = v
		}
		r.Attrs["config"] = merged
	}
	c.ok(assistantView(r))
}

// deleteAssistant takes the assistant's own rows with it.
func (c *ctx) deleteAssistant() {
	r := c.findAssistant("id")
	if r == nil {
		return
	}
	for _, kind := range []string{store.KindCaptainScenarios, store.KindCaptainInboxes, store.KindCaptainResponses,
		store.KindCaptainSuggestions, store.KindCaptainDocuments, store.KindCaptainSessions} {
		c.st.DropRecords(kind, func(x *store.Record) bool { return x.AccountID == r.AccountID && x.ParentID == r.ID })
	}
	c.dropRecord(store.KindCaptainAssistants, r)
}

func (c *ctx) assistantTools() {
	tools := []obj{
		{"id": "search_documentation", "title": "Search documentation", "description": "Search the assistant's documents and FAQs", "icon": "search"},
		{"id": "handoff", "title": "Hand off", "description": "Hand the conversation over to a human agent", "icon": "user"},
		{"id": "add_label_to_conversation", "title": "Add label", "description": "Add a label to the conversation", "icon": "tag"},
	}
	for _, r := range c.recordsOf(store.KindCaptainTools, 0) {
		if b, _ := getBool(r.Attrs, "enabled"); b {
			tools = append(tools, obj{"id": str(r.Attrs, "slug"), "title": str(r.Attrs, "title"),
				"description": str(r.Attrs, "description"), "icon": "api"})
		}
	}
	c.ok(tools)
}

// Reports. The figures come from the conversations of the assistant's
// inboxes: resolved without a human counts as handled by Captain.

type assistantReportFn func(c *ctx, a *store.Record, convs []*store.Conversation)

func assistantReport(param string, fn assistantReportFn) handler {
	return func(c *ctx) {
		if a := c.findAssistant(param); a != nil {
			fn(c, a, c.assistantConversations(a))
		}
	}
}

func (c *ctx) assistantConversations(a *store.Record) []*store.Conversation {
	inboxes := map[int64]bool{}
	for _, r := range c.recordsOf(store.KindCaptainInboxes, a.ID) {
		inboxes[intOf(r.Attrs, "inbox_id")] = true
	}
	var out []*store.Conversation
	for _, cv := range c.st.Conversations {
		if cv.AccountID == c.acct.ID && inboxes[cv.InboxID] {
			out = append(out, cv)
		}
	}
	return out
}

func rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n*1000/of) / 10
}

func assistantMetrics(c *ctx, _ *store.Record, convs []*store.Conversation) {
	handled, handedOff, resolved := 0, 0, 0
	for _, cv := range convs {
		switch {
		case cv.AssigneeID != 0:
			handedOff++
		case cv.Status == "resolved":
			resolved++
			handled++
		default:
			handled++
		}
	}
	c.ok(obj{
		"conversations_handled": obj{"current": handled},
		"auto_resolution_rate":  obj{"current": rate(resolved, len(convs)), "trend": 0},
		"handoff_rate":          obj{"current": rate(handedOff, len(convs)), "trend": 0},
		"reopen_rate":           obj{"current": 0, "trend": 0},
		"hours_saved":           obj{"current": float64(handled) / 4},
	})
}

func assistantFAQStats(c *ctx, a *store.Record, _ []*store.Conversation) {
	approved, pending := 0, 0
	for _, r := range c.recordsOf(store.KindCaptainResponses, a.ID) {
		if str(r.Attrs, "status") == "pending" {
			pending++
		} else {
			approved++
		}
	}
	docs := len(c.recordsOf(store.KindCaptainDocuments, a.ID))
	c.ok(obj{"approved": approved, "pending": pending, "documents": docs, "coverage": rate(approved, approved+pending)})
}

func assistantSummary(c *ctx, a *store.Record, convs []*store.Conversation) {
	c.ok(obj{"message": str(a.Attrs, "name") + " handled " + strconv.Itoa(len(convs)) + " conversations in this period."})
}

func assistantResolutionFlow(c *ctx, _ *store.Record, convs []*store.Conversation) {
	flow := obj{"resolved_by_assistant": 0, "handed_off": 0, "open": 0}
	for _, cv := range convs {
		key := "open"
		if cv.AssigneeID != 0 {
			key = "handed_off"
		} else if cv.Status == "resolved" {
			key = "resolved_by_assistant"
		}
		flow[key] = flow[key].(int) + 1
	}
	c.ok(flow)
}

func assistantResolutionTrend(c *ctx, _ *store.Record, convs []*store.Conversation) {
	byDay := map[int64]int{}
	for _, cv := range convs {
		if cv.Status == "resolved" {
			byDay[cv.CreatedAt/86400*86400]++
		}
	}
	out := []obj{}
	for _, day := range slices.Sorted(maps.Keys(byDay)) {
		out = append(out, obj{"timestamp": day, "value": byDay[day]})
	}
	c.ok(out)
}

// assistantDrilldown lists the conversations behind a metric, in the
// drilldown row shape of Chatwoot's reports.
func (c *ctx) assistantDrilldown(_ *store.Record, convs []*store.Conversation) {
	metric := str(c.params, "metric")
	var rows []*store.Conversation
	for _, cv := range convs {
		switch metric {
		case "handoff_rate":
			if cv.AssigneeID == 0 {
				continue
			}
		case "auto_resolution_rate":
			if cv.AssigneeID != 0 || cv.Status != "resolved" {
				continue
			}
		case "conversations_handled", "":
		default:
			c.head(http.StatusUnprocessableEntity)
			return
		}
		rows = append(rows, cv)
	}
	c.drilldownPage(rows)
}

func (c *ctx) drilldownPage(rows []*store.Conversation) {
	size := 25
	if n := intOf(c.params, "per_page"); n > 0 && n <= 100 {
		size = int(n)
	}
	out := []obj{}
	for _, cv := range pageOf(rows, c.page(), size) {
		out = append(out, c.drilldownRow(cv))
	}
	c.ok(obj{"payload": out, "meta": obj{"count": len(rows), "page": c.page(), "per_page": size}})
}

func (c *ctx) drilldownRow(cv *store.Conversation) obj {
	row := obj{"id": cv.DisplayID, "display_id": cv.DisplayID, "status": cv.Status, "created_at": cv.CreatedAt,
		"contact": nil, "inbox": nil, "assignee": nil}
	if ct := store.FindIn(c.st.Contacts, cv.AccountID, cv.ContactID); ct != nil {
		row["contact"] = obj{"id": ct.ID, "name": ct.Name}
	}
	if in := store.FindIn(c.st.Inboxes, cv.AccountID, cv.InboxID); in != nil {
		row["inbox"] = obj{"id": in.ID, "name": in.Name}
	}
	if a, ok := renderAgent(c.st, cv.AccountID, cv.AssigneeID); ok && cv.AssigneeID != 0 {
		row["assignee"] = a
	}
	return row
}

// Inboxes an assistant answers in.

func (c *ctx) listAssistantInboxes() {
	a := c.findAssistant("assistant_id")
	if a == nil {
		return
	}
	out := []obj{}
	for _, r := range c.recordsOf(store.KindCaptainInboxes, a.ID) {
		if in := store.FindIn(c.st.Inboxes, c.acct.ID, intOf(r.Attrs, "inbox_id")); in != nil {
			out = append(out, inboxView(in, c.isAdmin()))
		}
	}
	c.ok(metaPage(out, len(out), 1))
}

func (c *ctx) addAssistantInbox() {
	a := c.findAssistant("assistant_id")
	if a == nil {
		return
	}
	id, _ := getInt(c.in("inbox"), "inbox_id")
	in := store.FindIn(c.st.Inboxes, c.acct.ID, id)
	if in == nil {
		c.notFound()
		return
	}
	for _, r := range c.recordsOf(store.KindCaptainInboxes, 0) {
		if intOf(r.Attrs, "inbox_id") == in.ID {
			c.invalid("Inbox has already been taken", "inbox_id")
			return
		}
	}
	c.st.AddRecord(store.KindCaptainInboxes, &store.Record{AccountID: c.acct.ID, ParentID: a.ID, Attrs: obj{"inbox_id": in.ID}}, c.now())
	c.ok(inboxView(in, c.isAdmin()))
}

func (c *ctx) removeAssistantInbox() {
	a := c.findAssistant("assistant_id")
	if a == nil {
		return
	}
	id, ok := c.pathID("inbox_id")
	if !ok {
		return
	}
	c.dropLink(store.KindCaptainInboxes, a.ID, "inbox_id", id)
}

// Scenarios: times as ISO strings (the partial renders the raw columns),
// with the assistant's id and name.

func (c *ctx) scenarioView(r *store.Record) obj {
	v := obj{"id": r.ID, "title": str(r.Attrs, "title"), "description": r.Attrs["description"],
		"instruction": str(r.Attrs, "instruction"), "tools": listOr(r.Attrs, "tools"), "enabled": boolOr(r.Attrs, "enabled", true),
		"assistant_id": r.ParentID, "account_id": r.AccountID,
		"created_at": store.ISO(r.CreatedAt), "updated_at": store.ISO(r.UpdatedAt)}
	if a := c.st.Record(store.KindCaptainAssistants, r.AccountID, r.ParentID); a != nil {
		v["assistant"] = obj{"id": a.ID, "name": str(a.Attrs, "name")}
	}
	return v
}

func boolOr(o obj, key string, def bool) bool {
	if b, ok := getBool(o, key); ok {
		return b
	}
	return def
}

func (c *ctx) listScenarios() {
	if a := c.findAssistant("assistant_id"); a != nil {
		rows := viewsOf(c.recordsOf(store.KindCaptainScenarios, a.ID), c.scenarioView)
		c.ok(metaPage(rows, len(rows), 1))
	}
}

func (c *ctx) createScenario() {
	a := c.findAssistant("assistant_id")
	if a == nil {
		return
	}
	if r := c.createRecord(store.KindCaptainScenarios, "scenario", a.ID, "title", "instruction"); r != nil {
		c.ok(c.scenarioView(r))
	}
}

func (c *ctx) findScenario() *store.Record {
	if a := c.findAssistant("assistant_id"); a != nil {
		return c.findRecord(store.KindCaptainScenarios, "id", a.ID)
	}
	return nil
}

func (c *ctx) showScenario() {
	if r := c.findScenario(); r != nil {
		c.ok(c.scenarioView(r))
	}
}

func (c *ctx) updateScenario() {
	if r := c.findScenario(); r != nil {
		c.updateRecord(r, "scenario")
		c.ok(c.scenarioView(r))
	}
}

func (c *ctx) deleteScenario() {
	if r := c.findScenario(); r != nil {
		c.dropRecord(store.KindCaptainScenarios, r)
	}
}

// Agent sessions, message reports and bulk actions.

func (c *ctx) showAgentSession() {
	r := c.findRecord(store.KindCaptainSessions, "id", 0)
	if r == nil {
		return
	}
	c.ok(obj{"id": r.ID, "message_id": r.Attrs["message_id"], "llm_model": r.Attrs["llm_model"],
		"credits_consumed": r.Attrs["credits_consumed"], "run_context": listOr(r.Attrs, "run_context"),
		"citations": listOr(r.Attrs, "citations"), "scenarios": listOr(r.Attrs, "scenarios")})
}

// createMessageReport accepts any message of the account: the sandbox's
// conversations have no messages Captain sent, and the server only takes
// those.
func (c *ctx) createMessageReport() {
	id, _ := getInt(c.params, "message_id")
	var conv *store.Conversation
	for _, cv := range c.st.Conversations {
		if cv.AccountID != c.acct.ID {
			continue
		}
		for _, m := range cv.Messages {
			if m.ID == id {
				conv = cv
			}
		}
	}
	if conv == nil {
		c.notFound()
		return
	}
	reason := str(c.params, "report_reason")
	if reason == "" {
		c.invalid("Report reason can't be blank", "report_reason")
		return
	}
	r := c.st.AddRecord(store.KindCaptainReports, &store.Record{AccountID: c.acct.ID, Attrs: obj{
		"message_id": id, "conversation_id": conv.ID, "user_id": c.actorID(), "report_reason": reason,
		"description": c.params["description"]}}, c.now())
	c.ok(obj{"id": r.ID, "message_id": id, "conversation_id": conv.ID, "user_id": c.actorID(),
		"report_reason": reason, "description": c.params["description"], "created_at": r.CreatedAt})
}

// captainBulkAction approves or deletes FAQs; like the server it answers
// 422 {"success":false} to anything it does not know.
func (c *ctx) captainBulkAction() {
	ids, _ := getInts(c.params, "ids")
	fields, _ := getObj(c.params, "fields")
	status := str(fields, "status")
	if str(c.params, "type") != "AssistantResponse" || len(ids) == 0 || status == "" {
		c.json(http.StatusUnprocessableEntity, obj{"success": false})
		return
	}
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var hit []*store.Record
	for _, r := range c.recordsOf(store.KindCaptainResponses, 0) {
		if want[r.ID] {
			hit = append(hit, r)
		}
	}
	out := []obj{}
	switch status {
	case "approve":
		for _, r := range hit {
			if str(r.Attrs, "status") == "pending" {
				r.Attrs["status"], r.UpdatedAt = "approved", c.now()
			}
			out = append(out, c.responseView(r))
		}
	case "delete":
		c.st.DropRecords(store.KindCaptainResponses, func(r *store.Record) bool { return r.AccountID == c.acct.ID && want[r.ID] })
	}
	c.ok(out)
}

// dropRecord removes a record and answers 204, as destroy actions that
// end in head :no_content do.
func (c *ctx) dropRecord(kind string, r *store.Record) {
	c.st.Records[kind] = store.RemoveID(c.st.Records[kind], r.ID)
	c.head(http.StatusNoContent)
}

// dropLink deletes the link record of kind under parent whose attr is id
// (an assistant's inbox, a company's contact), or answers 404.
func (c *ctx) dropLink(kind string, parent int64, attr string, id int64) {
	for _, r := range c.recordsOf(kind, parent) {
		if intOf(r.Attrs, attr) == id {
			c.dropRecord(kind, r)
			return
		}
	}
	c.notFound()
}
