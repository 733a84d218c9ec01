package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Records are resources the sandbox keeps as the attributes a client sent:
// macros, SLA policies, custom roles, contact notes, help-center rows,
// integration hooks, audit logs, reporting events. They behave like the
// server's CRUD without modelling every column.

// reserved() are fields a client cannot set on a record.
func reserved() map[string]bool {
	return map[string]bool{"id": true, "account_id": true, "created_at": true, "updated_at": true, "page": true}
}

// attrsFrom copies the permitted fields of the (possibly wrapped) params.
func attrsFrom(p obj, wrapper string) obj {
	src := p
	if w, ok := p[wrapper].(map[string]any); ok {
		src = w
	}
	out := obj{}
	for k, v := range src {
		if !reserved()[k] && k != wrapper && !strings.HasPrefix(k, "_") {
			out[k] = v
		}
	}
	return out
}

func (c *ctx) findRecord(kind, param string, parentID int64) *store.Record {
	id, ok := c.pathID(param)
	if !ok {
		return nil
	}
	r := c.st.Record(kind, c.acct.ID, id)
	if r == nil || (parentID != 0 && r.ParentID != parentID) {
		c.notFound()
		return nil
	}
	return r
}

func (c *ctx) recordsOf(kind string, parentID int64) []*store.Record {
	var out []*store.Record
	for _, r := range c.st.RecordsOf(kind) {
		if r.AccountID == c.acct.ID && (parentID == 0 || r.ParentID == parentID) {
			out = append(out, r)
		}
	}
	return out
}

func (c *ctx) createRecord(kind, wrapper string, parentID int64, required ...string) *store.Record {
	attrs := attrsFrom(c.params, wrapper)
	for _, f := range required {
		if s, _ := getStr(attrs, f); s == "" {
			c.invalid(humanize(f)+" can't be blank", f)
			return nil
		}
	}
	return c.st.AddRecord(kind, &store.Record{AccountID: c.acct.ID, ParentID: parentID, Attrs: attrs}, c.now())
}

func (c *ctx) updateRecord(r *store.Record, wrapper string) {
	for k, v := range attrsFrom(c.params, wrapper) {
		r.Attrs[k] = v
	}
	r.UpdatedAt = c.now()
}

func (c *ctx) deleteRecord(kind string, r *store.Record) {
	c.st.Records[kind] = store.RemoveID(c.st.Records[kind], r.ID)
	c.head(http.StatusOK)
}

// humanize turns a field name into Rails' message form: "short_code" →
// "Short code".
func humanize(field string) string {
	s := strings.ReplaceAll(strings.TrimSuffix(field, "_id"), "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func viewsOf(rows []*store.Record, view func(*store.Record) obj) []obj {
	out := make([]obj, 0, len(rows))
	for _, r := range rows {
		out = append(out, view(r))
	}
	return out
}

// Contact notes: bare arrays and objects, times in unix seconds.

func (c *ctx) noteView(r *store.Record) obj {
	v := obj{"id": r.ID, "content": str(r.Attrs, "content"), "account_id": r.AccountID, "contact_id": r.ParentID,
		"created_at": r.CreatedAt, "updated_at": r.UpdatedAt}
	if uid := intOf(r.Attrs, "user_id"); uid != 0 {
		if a, ok := renderAgent(c.st, r.AccountID, uid); ok {
			v["user"] = a
		}
	}
	return v
}

func (c *ctx) listNotes() {
	ct := c.findContact("contact_id")
	if ct == nil {
		return
	}
	rows := c.recordsOf(store.KindNotes, ct.ID)
	out := make([]obj, 0, len(rows))
	for i := len(rows) - 1; i >= 0; i-- { // newest first
		out = append(out, c.noteView(rows[i]))
	}
	c.ok(out)
}

func (c *ctx) createNote() {
	ct := c.findContact("contact_id")
	if ct == nil {
		return
	}
	r := c.createRecord(store.KindNotes, "note", ct.ID, "content")
	if r == nil {
		return
	}
	r.Attrs = obj{"content": r.Attrs["content"], "user_id": c.actorID()}
	c.ok(c.noteView(r))
}

func (c *ctx) findNote() *store.Record {
	ct := c.findContact("contact_id")
	if ct == nil {
		return nil
	}
	return c.findRecord(store.KindNotes, "id", ct.ID)
}

func (c *ctx) showNote() {
	if r := c.findNote(); r != nil {
		c.ok(c.noteView(r))
	}
}

func (c *ctx) updateNote() {
	r := c.findNote()
	if r == nil {
		return
	}
	if v, ok := getStr(c.in("note"), "content"); ok {
		r.Attrs["content"] = v
	}
	r.UpdatedAt = c.now()
	c.ok(c.noteView(r))
}

func (c *ctx) deleteNote() {
	if r := c.findNote(); r != nil {
		c.deleteRecord(store.KindNotes, r)
	}
}

// Macros: {"payload": …} like the server's views, with created_by.

func (c *ctx) macroView(r *store.Record) obj {
	v := recordView(r)
	if _, ok := v["visibility"]; !ok {
		v["visibility"] = "global"
	}
	if _, ok := v["actions"]; !ok {
		v["actions"] = []any{}
	}
	delete(v, "created_by_id")
	if a, ok := renderAgent(c.st, r.AccountID, intOf(r.Attrs, "created_by_id")); ok {
		v["created_by"], v["updated_by"] = a, a
	}
	return v
}

func (c *ctx) listMacros() {
	c.ok(obj{"payload": viewsOf(c.recordsOf(store.KindMacros, 0), c.macroView)})
}

func (c *ctx) createMacro() {
	r := c.createRecord(store.KindMacros, "macro", 0, "name")
	if r == nil {
		return
	}
	r.Attrs["created_by_id"] = c.actorID()
	c.ok(obj{"payload": c.macroView(r)})
}

func (c *ctx) showMacro() {
	if r := c.findRecord(store.KindMacros, "id", 0); r != nil {
		c.ok(obj{"payload": c.macroView(r)})
	}
}

func (c *ctx) updateMacro() {
	if r := c.findRecord(store.KindMacros, "id", 0); r != nil {
		c.updateRecord(r, "macro")
		c.ok(obj{"payload": c.macroView(r)})
	}
}

func (c *ctx) deleteMacro() {
	if r := c.findRecord(store.KindMacros, "id", 0); r != nil {
		c.deleteRecord(store.KindMacros, r)
	}
}

// SLA policies: {"payload": …}.

func slaView(r *store.Record) obj {
	v := recordView(r)
	for _, k := range []string{"description", "first_response_time_threshold", "next_response_time_threshold", "resolution_time_threshold"} {
		if _, ok := v[k]; !ok {
			v[k] = nil
		}
	}
	if _, ok := v["only_during_business_hours"]; !ok {
		v["only_during_business_hours"] = false
	}
	return v
}

func (c *ctx) listSLAs() {
	c.ok(obj{"payload": viewsOf(c.recordsOf(store.KindSLAPolicies, 0), slaView)})
}

func (c *ctx) createSLA() {
	if r := c.createRecord(store.KindSLAPolicies, "sla_policy", 0, "name"); r != nil {
		c.ok(obj{"payload": slaView(r)})
	}
}

func (c *ctx) showSLA() {
	if r := c.findRecord(store.KindSLAPolicies, "id", 0); r != nil {
		c.ok(obj{"payload": slaView(r)})
	}
}

func (c *ctx) updateSLA() {
	if r := c.findRecord(store.KindSLAPolicies, "id", 0); r != nil {
		c.updateRecord(r, "sla_policy")
		c.ok(obj{"payload": slaView(r)})
	}
}

func (c *ctx) deleteSLA() {
	if r := c.findRecord(store.KindSLAPolicies, "id", 0); r != nil {
		c.deleteRecord(store.KindSLAPolicies, r)
	}
}

// Custom roles: bare arrays and objects.

func roleView(r *store.Record) obj {
	v := recordView(r)
	if _, ok := v["permissions"]; !ok {
		v["permissions"] = []any{}
	}
	return v
}

func (c *ctx) listRoles() { c.ok(viewsOf(c.recordsOf(store.KindCustomRoles, 0), roleView)) }

func (c *ctx) createRole() {
	if r := c.createRecord(store.KindCustomRoles, "custom_role", 0, "name"); r != nil {
		c.ok(roleView(r))
	}
}

func (c *ctx) showRole() {
	if r := c.findRecord(store.KindCustomRoles, "id", 0); r != nil {
		c.ok(roleView(r))
	}
}

func (c *ctx) updateRole() {
	if r := c.findRecord(store.KindCustomRoles, "id", 0); r != nil {
		c.updateRecord(r, "custom_role")
		c.ok(roleView(r))
	}
}

func (c *ctx) deleteRole() {
	if r := c.findRecord(store.KindCustomRoles, "id", 0); r != nil {
		c.deleteRecord(store.KindCustomRoles, r)
	}
}
