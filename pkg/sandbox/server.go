package sandbox

import (
	"html"
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// chatwootVersion is the server version the sandbox claims; it answers
// like Chatwoot of this version (Bearer tokens, signed webhooks).
const chatwootVersion = "4.19.0"

// apiIndex is GET /api: version, time and service health, as Chatwoot's
// api#index renders them.
func (c *ctx) apiIndex() {
	c.ok(obj{"version": chatwootVersion, "timestamp": c.s.now().UTC().Format("2006-01-02 15:04:05"),
		"queue_services": "ok", "data_services": "ok"})
}

// health is GET /health, the liveness probe.
func (c *ctx) health() { c.ok(obj{"status": "woot"}) }

// surveyPage is the CSAT survey page: HTML, as the real server's
// survey/responses#show, whose script then loads the conversation by uuid.
func (c *ctx) surveyPage() {
	uuid := html.EscapeString(c.r.PathValue("conversation_uuid"))
	c.text(http.StatusOK, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Rate your conversation</title></head>"+
		"<body><div id=\"app\" data-conversation-uuid=\""+uuid+"\"></div></body></html>")
}

// Integrations: a fixed catalogue of apps with the account's hooks.

var integrationApps = []struct{ id, name, description, hookType string }{
	{"webhook", "Webhooks", "Webhook events can be used to receive real-time updates.", "account"},
	{"dashboard_apps", "Dashboard Apps", "Embed apps in the conversation sidebar.", "account"},
	{"openai", "OpenAI", "Reply suggestions, summaries and label suggestions.", "account"},
	{"linear", "Linear", "Create issues in Linear from conversations.", "account"},
	{"slack", "Slack", "Receive and answer conversations in Slack.", "account"},
	{"dialogflow", "Dialogflow", "Build chatbots with Dialogflow.", "inbox"},
	{"google_translate", "Google Translate", "Translate messages.", "account"},
}

func (c *ctx) hookView(r *store.Record) obj {
	v := obj{"id": r.ID, "app_id": str(r.Attrs, "app_id"), "status": hookEnabled(r), "account_id": r.AccountID,
		"hook_type": "account", "inbox": nil}
	if in := store.FindIn(c.st.Inboxes, r.AccountID, intOf(r.Attrs, "inbox_id")); in != nil {
		v["inbox"] = obj{"id": in.ID, "name": in.Name}
		v["hook_type"] = "inbox"
	}
	if c.isAdmin() {
		v["settings"] = orEmptyAny(r.Attrs["settings"])
	}
	return v
}

// hookEnabled: status is sent as 1/0 (the spec's integer) or a boolean.
func hookEnabled(r *store.Record) bool {
	if b, ok := getBool(r.Attrs, "status"); ok {
		return b
	}
	return true
}

func (c *ctx) listIntegrationApps() {
	out := []obj{}
	for _, app := range integrationApps {
		hooks := []obj{}
		for _, r := range c.recordsOf(store.KindHooks, 0) {
			if str(r.Attrs, "app_id") == app.id {
				hooks = append(hooks, c.hookView(r))
			}
		}
		out = append(out, obj{"id": app.id, "name": app.name, "description": app.description,
			"hook_type": app.hookType, "enabled": len(hooks) > 0, "allow_multiple_hooks": app.id == "dialogflow",
			"hooks": hooks})
	}
	c.ok(obj{"payload": out})
}

func (c *ctx) createHook() {
	attrs := attrsFrom(c.params, "hook")
	appID := str(attrs, "app_id")
	// The spec types app_id as an integer although apps are named; a
	// number picks the app by its position in the catalogue.
	if n, ok := getInt(attrs, "app_id"); ok && n >= 1 && int(n) <= len(integrationApps) {
		appID = integrationApps[n-1].id
	}
	known := false
	for _, app := range integrationApps {
		known = known || app.id == appID
	}
	if !known {
		c.invalid("App is not included in the list", "app_id")
		return
	}
	attrs["app_id"] = appID
	r := c.st.AddRecord(store.KindHooks, &store.Record{AccountID: c.acct.ID, Attrs: attrs}, c.now())
	c.ok(c.hookView(r))
}

func (c *ctx) updateHook() {
	if r := c.findRecord(store.KindHooks, "hook_id", 0); r != nil {
		c.updateRecord(r, "hook")
		c.ok(c.hookView(r))
	}
}

func (c *ctx) deleteHook() {
	if r := c.findRecord(store.KindHooks, "hook_id", 0); r != nil {
		c.deleteRecord(store.KindHooks, r)
	}
}
