package sandbox

import (
	"fmt"
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Dashboard apps, data imports, uploads and the account-wide lookups
// beyond the spec.

func (s *Sandbox) accountExtraRoutes(m *mux) {
	d := acc + "/dashboard_apps"
	m.user("GET "+d, (*ctx).listDashboardApps)
	m.admin("POST "+d, (*ctx).createDashboardApp)
	m.user("GET "+d+"/{id}", (*ctx).showDashboardApp)
	m.admin("PATCH|PUT "+d+"/{id}", (*ctx).updateDashboardApp)
	m.admin("DELETE "+d+"/{id}", (*ctx).deleteDashboardApp)

	i := acc + "/data_imports"
	m.admin("GET "+i, (*ctx).listDataImports)
	m.admin("POST "+i, (*ctx).createDataImport)
	m.admin("POST "+i+"/validate_source", (*ctx).validateImportSource)
	m.admin("GET "+i+"/{id}", (*ctx).showDataImport)
	m.admin("POST "+i+"/{id}/start", dataImportAction("start"))
	m.admin("POST "+i+"/{id}/retry", dataImportAction("retry"))
	m.admin("POST "+i+"/{id}/abandon", dataImportAction("abandon"))
	m.admin("GET "+i+"/{id}/error_logs", (*ctx).dataImportLogs)
	m.admin("GET "+i+"/{id}/skip_logs", (*ctx).dataImportLogs)

	m.user("POST "+acc+"/upload", (*ctx).upload)
	m.user("GET "+acc+"/assignable_agents", (*ctx).accountAssignableAgents)
	m.user("POST "+acc+"/contact_inboxes/filter", (*ctx).filterContactInboxes)
	m.admin("POST "+acc+"/channels/twilio_channel", (*ctx).createTwilioChannel)
}

// Dashboard apps: bare arrays and objects.

func dashboardAppView(r *store.Record) obj {
	v := recordView(r)
	if _, ok := v["content"]; !ok {
		v["content"] = []any{}
	}
	return v
}

func (c *ctx) listDashboardApps() {
	c.ok(viewsOf(c.recordsOf(store.KindDashboardApps, 0), dashboardAppView))
}

// validDashboardContent: each frame needs a URL, as the model validates.
func (c *ctx) validDashboardContent(r *store.Record) bool {
	frames, _ := r.Attrs["content"].([]any)
	if len(frames) == 0 {
		c.invalid("Content can't be blank", "content")
		return false
	}
	for _, f := range frames {
		if fo, ok := f.(map[string]any); !ok || str(fo, "url") == "" {
			c.invalid("Content : Invalid data", "content")
			return false
		}
	}
	return true
}

func (c *ctx) createDashboardApp() {
	r := c.createRecord(store.KindDashboardApps, "dashboard_app", 0, "title")
	if r == nil {
		return
	}
	if !c.validDashboardContent(r) {
		c.st.Records[store.KindDashboardApps] = store.RemoveID(c.st.Records[store.KindDashboardApps], r.ID)
		return
	}
	r.Attrs["user_id"] = c.actorID()
	c.ok(dashboardAppView(r))
}

func (c *ctx) showDashboardApp() {
	if r := c.findRecord(store.KindDashboardApps, "id", 0); r != nil {
		c.ok(dashboardAppView(r))
	}
}

func (c *ctx) updateDashboardApp() {
	r := c.findRecord(store.KindDashboardApps, "id", 0)
	if r == nil {
		return
	}
	before := cloneAttrs(r.Attrs)
	c.updateRecord(r, "dashboard_app")
	if !c.validDashboardContent(r) {
		r.Attrs = before
		return
	}
	c.ok(dashboardAppView(r))
}

func (c *ctx) deleteDashboardApp() {
	if r := c.findRecord(store.KindDashboardApps, "id", 0); r != nil {
		c.deleteRecord(store.KindDashboardApps, r)
	}
}

// Data imports: {"payload": […]} for the list, the object otherwise.

func (c *ctx) dataImportView(r *store.Record) obj {
	status := str(r.Attrs, "status")
	v := obj{"id": r.ID, "name": r.Attrs["name"], "data_type": str(r.Attrs, "data_type"),
		"source_type": str(r.Attrs, "source_type"), "source_provider": r.Attrs["source_provider"],
		"import_types": orEmptyAny(r.Attrs["import_types"]), "status": status, "stalled": status == "failed",
		"total_records": intOf(r.Attrs, "total_records"), "processed_records": intOf(r.Attrs, "processed_records"),
		"stats": obj{}, "cursor": nil, "created_at": isoOrNil(r.CreatedAt), "updated_at": isoOrNil(r.UpdatedAt),
		"started_at": isoOrNil(intOf(r.Attrs, "started_at")), "completed_at": isoOrNil(intOf(r.Attrs, "completed_at")),
		"abandoned_at": isoOrNil(intOf(r.Attrs, "abandoned_at")), "initiated_by": nil, "rejected_rows_available": false,
		"allowed_actions": obj{"abandon": status != "abandoned" && status != "completed",
			"retry": status == "failed", "start": status == "pending" || status == "failed"},
		"import_errors_count": 0, "skip_logs_count": 0}
	if a, ok := renderAgent(c.st, c.acct.ID, intOf(r.Attrs, "user_id")); ok {
		v["initiated_by"] = obj{"id": a.ID, "name": a.Name, "email": a.Email}
	}
	return v
}

func (c *ctx) listDataImports() {
	c.ok(obj{"payload": viewsOf(c.recordsOf(store.KindDataImports, 0), c.dataImportView)})
}

func (c *ctx) validImportSource(p obj) bool {
	if str(p, "data_type") == "" {
		c.invalid("Data type can't be blank", "data_type")
		return false
	}
	if str(p, "source_type") == "" {
		c.invalid("Source type can't be blank", "source_type")
		return false
	}
	return true
}

func (c *ctx) createDataImport() {
	p := c.in("data_import")
	if !c.validImportSource(p) {
		return
	}
	attrs := attrsFrom(p, "data_import")
	delete(attrs, "credentials") // a secret the view never shows
	attrs["status"], attrs["user_id"] = "pending", c.actorID()
	if len(c.files) > 0 {
		attrs["file_name"] = c.files[0].FileName
	}
	r := c.st.AddRecord(store.KindDataImports, &store.Record{AccountID: c.acct.ID, Attrs: attrs}, c.now())
	c.ok(c.dataImportView(r))
}

func (c *ctx) validateImportSource() {
	if c.validImportSource(c.in("data_import")) {
		c.ok(obj{"valid": true, "errors": []any{}})
	}
}

func (c *ctx) showDataImport() {
	if r := c.findRecord(store.KindDataImports, "id", 0); r != nil {
		c.ok(c.dataImportView(r))
	}
}

// dataImportAction moves an import along; a step its state does not allow
// is refused as the controller does, with 422.
func dataImportAction(action string) handler {
	return func(c *ctx) {
		r := c.findRecord(store.KindDataImports, "id", 0)
		if r == nil {
			return
		}
		allowed, _ := c.dataImportView(r)["allowed_actions"].(obj)
		if ok, _ := allowed[action].(bool); !ok {
			c.invalid(fmt.Sprintf("Import cannot %s while %s", action, str(r.Attrs, "status")))
			return
		}
		switch action {
		case "abandon":
			r.Attrs["status"], r.Attrs["abandoned_at"] = "abandoned", c.now()
		default:
			r.Attrs["status"], r.Attrs["started_at"] = "processing", c.now()
		}
		r.UpdatedAt = c.now()
		c.ok(c.dataImportView(r))
	}
}

func (c *ctx) dataImportLogs() {
	if r := c.findRecord(store.KindDataImports, "id", 0); r != nil {
		c.ok(obj{"payload": []any{}})
	}
}

// upload stores nothing: it answers the blob's URL, as Active Storage does.
func (c *ctx) upload() {
	name := ""
	switch {
	case len(c.files) > 0:
		name = c.files[0].FileName
	case str(c.params, "external_url") != "":
		name = "external"
	default:
		c.fail(http.StatusUnprocessableEntity, "No file or URL given")
		return
	}
	key := fmt.Sprintf("sandbox%06d", c.st.Next("uploads"))
	c.ok(obj{"file_url": c.s.opts.BaseURL + "/rails/active_storage/blobs/redirect/" + key + "/" + name,
		"blob_key": key, "blob_id": c.st.Next("upload_blobs")})
}

// accountAssignableAgents lists the agents who belong to every given
// inbox, plus the administrators.
func (c *ctx) accountAssignableAgents() {
	ids, _ := getInts(c.params, "inbox_ids")
	var inboxes []*store.Inbox
	for _, id := range ids {
		in := store.FindIn(c.st.Inboxes, c.acct.ID, id)
		if in == nil {
			c.notFound()
			return
		}
		inboxes = append(inboxes, in)
	}
	var out []int64
	for _, au := range c.st.AccountUsers {
		if au.AccountID != c.acct.ID {
			continue
		}
		member := true
		for _, in := range inboxes {
			member = member && c.st.MemberOfInbox(in, au.UserID)
		}
		if au.Role == "administrator" || member {
			out = append(out, au.UserID)
		}
	}
	c.ok(obj{"payload": agentsOf(c.st, c.acct.ID, out)})
}

func (c *ctx) filterContactInboxes() {
	in := store.FindIn(c.st.Inboxes, c.acct.ID, intOf(c.params, "inbox_id"))
	if in == nil {
		c.notFound()
		return
	}
	ci := c.st.ContactInboxBySource(in.ID, str(c.params, "source_id"))
	if ci == nil {
		c.head(http.StatusNotFound)
		return
	}
	if ct := c.st.ContactOf(ci.ContactID); ct != nil {
		c.ok(obj{"payload": renderContact(c.st, ct, false)})
		return
	}
	c.head(http.StatusNotFound)
}

func (c *ctx) createTwilioChannel() {
	p := c.in("twilio_channel")
	for _, f := range []string{"name", "medium", "account_sid"} {
		if str(p, f) == "" {
			c.invalid(humanize(f)+" can't be blank", f)
			return
		}
	}
	if str(p, "phone_number") == "" && str(p, "messaging_service_sid") == "" {
		c.invalid("Phone number or messaging service sid must be present", "phone_number")
		return
	}
	channel := obj{"medium": str(p, "medium"), "account_sid": str(p, "account_sid")}
	for _, f := range []string{"phone_number", "messaging_service_sid"} {
		if v := str(p, f); v != "" {
			channel[f] = v
		}
	}
	in := &store.Inbox{AccountID: c.acct.ID, Name: str(p, "name"), ChannelType: "Channel::TwilioSms", Timezone: "UTC",
		SenderNameType: "friendly", AdditionalAttributes: obj{}, Channel: channel}
	in.ID = c.st.Next("inboxes")
	in.ChannelID = c.st.Next("channel_" + in.ChannelType)
	in.CreatedAt, in.UpdatedAt = c.now(), c.now()
	c.st.Inboxes = append(c.st.Inboxes, in)
	c.ok(inboxView(in, true))
}
