package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Conversation monitors (Enterprise): a plain-words condition evaluated on
// conversations. The sandbox runs no model: a new monitor matches nothing
// until seeded, a preview is answered pending and is complete when read.
// Only administrators may change monitors; agents who may view reports
// may read them.

const monitorPageSize = 20

func (s *Sandbox) monitorRoutes(m *mux) {
	p := acc + "/monitors"
	m.admin("GET "+p, (*ctx).listMonitors)
	m.admin("POST "+p, (*ctx).createMonitor)
	m.admin("POST "+p+"/preview", (*ctx).previewMonitor)
	m.admin("GET "+p+"/{id}", (*ctx).showMonitor)
	m.admin("PATCH|PUT "+p+"/{id}", (*ctx).updateMonitor)
	m.admin("DELETE "+p+"/{id}", (*ctx).deleteMonitor)
	// preview/{token} and {id}/timeseries overlap for ServeMux (neither
	// is more specific), so one pattern serves the three GETs.
	m.admin("GET "+p+"/{id}/{part}", (*ctx).monitorPart)
	m.admin("POST "+p+"/{id}/retry_evaluations", (*ctx).retryMonitor)
	m.admin("POST "+p+"/{id}/resume", (*ctx).resumeMonitor)
}

func monitorView(r *store.Record) obj {
	status := "collecting"
	if r.Attrs["paused_at"] != nil {
		status = "paused"
	}
	return obj{"id": r.ID, "account_id": r.AccountID, "name": str(r.Attrs, "name"), "condition": str(r.Attrs, "condition"),
		"icon": r.Attrs["icon"], "icon_color": r.Attrs["icon_color"], "status": status, "paused_at": r.Attrs["paused_at"],
		"user_id": r.Attrs["user_id"], "collection_version": intOf(r.Attrs, "collection_version"),
		"data_revision": intOf(r.Attrs, "data_revision"), "matched_count": len(listOr(r.Attrs, "matched")),
		"created_at": r.CreatedAt, "updated_at": r.UpdatedAt}
}

func (c *ctx) monitorUsage() obj {
	return obj{"monitors": len(c.recordsOf(store.KindMonitors, 0)), "max_monitors": 10}
}

func (c *ctx) listMonitors() {
	rows := c.recordsOf(store.KindMonitors, 0)
	newest := make([]*store.Record, 0, len(rows))
	for i := len(rows) - 1; i >= 0; i-- {
		newest = append(newest, rows[i])
	}
	c.ok(obj{"payload": viewsOf(pageOf(newest, c.page(), monitorPageSize), monitorView),
		"meta": obj{"total_count": len(rows), "page": c.page(), "configured": true, "usage": c.monitorUsage()}})
}

func (c *ctx) showMonitor() {
	if r := c.findRecord(store.KindMonitors, "id", 0); r != nil {
		v := monitorView(r)
		v["usage"] = c.monitorUsage()
		c.ok(v)
	}
}

// monitorText checks a name or condition the way the server does: a
// non-blank string within the limit.
func (c *ctx) monitorText(key string, limit int) (string, bool) {
	s, ok := c.params[key].(string)
	s = strings.TrimSpace(s)
	return s, ok && s != "" && len(s) <= limit
}

func (c *ctx) invalidMonitor() {
	c.json(http.StatusUnprocessableEntity, obj{"error": "invalid_parameters"})
}

func (c *ctx) createMonitor() {
	name, okName := c.monitorText("name", 100)
	cond, okCond := c.monitorText("condition", 2000)
	if !okName || !okCond {
		c.invalidMonitor()
		return
	}
	if len(c.recordsOf(store.KindMonitors, 0)) >= 10 {
		c.json(http.StatusUnprocessableEntity, obj{"error": "monitor_limit"})
		return
	}
	r := c.st.AddRecord(store.KindMonitors, &store.Record{AccountID: c.acct.ID, Attrs: obj{
		"name": name, "condition": cond, "icon": c.params["icon"], "icon_color": c.params["icon_color"],
		"user_id": c.actorID(), "collection_version": 1, "data_revision": 1, "matched": []any{}}}, c.now())
	c.json(http.StatusCreated, monitorView(r))
}

// updateMonitor: changing the condition needs the collection_version the
// client read, and bumps it; pausing only takes true (resume undoes it).
func (c *ctx) updateMonitor() {
	r := c.findRecord(store.KindMonitors, "id", 0)
	if r == nil {
		return
	}
	changed := false
	for key, limit := range map[string]int{"name": 100, "condition": 2000} {
		if _, sent := c.params[key]; !sent {
			continue
		}
		v, ok := c.monitorText(key, limit)
		if !ok {
			c.invalidMonitor()
			return
		}
		if key == "condition" {
			if intOf(c.params, "collection_version") != intOf(r.Attrs, "collection_version") {
				c.json(http.StatusConflict, obj{"error": "monitor_changed"})
				return
			}
			r.Attrs["collection_version"], r.Attrs["matched"] = intOf(r.Attrs, "collection_version")+1, []any{}
			r.Attrs["data_revision"] = intOf(r.Attrs, "data_revision") + 1
		}
		r.Attrs[key], changed = v, true
	}
	if p, sent := c.params["paused"]; sent {
		if p != true {
			c.invalidMonitor()
			return
		}
		r.Attrs["paused_at"], changed = c.now(), true
	}
	for _, key := range []string{"icon", "icon_color"} {
		if v, sent := c.params[key]; sent {
			r.Attrs[key], changed = v, true
		}
	}
	if !changed {
		c.invalidMonitor()
		return
	}
	r.UpdatedAt = c.now()
	c.ok(monitorView(r))
}

func (c *ctx) deleteMonitor() {
	if r := c.findRecord(store.KindMonitors, "id", 0); r != nil {
		c.dropRecord(store.KindMonitors, r)
	}
}

func (c *ctx) previewMonitor() {
	cond, ok := c.monitorText("condition", 2000)
	if !ok {
		c.invalidMonitor()
		return
	}
	token := strings.ReplaceAll(c.st.NewUUID(), "-", "")
	c.st.AddRecord(store.KindMonitorPreviews, &store.Record{AccountID: c.acct.ID, Attrs: obj{
		"handle": token, "user_id": c.actorID(), "condition": cond, "status": "complete", "conversation_ids": []any{}}}, c.now())
	c.json(http.StatusAccepted, obj{"token": token, "status": "pending", "retry_after": 30})
}

func (c *ctx) monitorPart() {
	switch part := c.r.PathValue("part"); {
	case c.r.PathValue("id") == "preview":
		c.monitorPreviewStatus(part)
	case part == "timeseries":
		c.monitorTimeseries()
	case part == "conversations":
		c.monitorConversations()
	default:
		c.notFound()
	}
}

func (c *ctx) monitorPreviewStatus(token string) {
	for _, r := range c.recordsOf(store.KindMonitorPreviews, 0) {
		if str(r.Attrs, "handle") == token && intOf(r.Attrs, "user_id") == c.actorID() {
			c.ok(obj{"status": str(r.Attrs, "status"), "payload": c.matchedRows(listOr(r.Attrs, "conversation_ids"))})
			return
		}
	}
	c.head(http.StatusNotFound)
}

func (c *ctx) matchedRows(ids []any) []obj {
	out := []obj{}
	for _, id := range ids {
		n, _ := toInt(id)
		if cv := c.st.Conversation(c.acct.ID, n); cv != nil {
			out = append(out, c.drilldownRow(cv))
		}
	}
	return out
}

// monitorTimeseries buckets the matched conversations by day of creation.
func (c *ctx) monitorTimeseries() {
	r := c.findRecord(store.KindMonitors, "id", 0)
	if r == nil {
		return
	}
	since, until := intOf(c.params, "since"), intOf(c.params, "until")
	byDay := map[int64]int{}
	for _, id := range listOr(r.Attrs, "matched") {
		n, _ := toInt(id)
		cv := c.st.Conversation(c.acct.ID, n)
		if cv == nil || since != 0 && cv.CreatedAt < since || until != 0 && cv.CreatedAt > until {
			continue
		}
		byDay[cv.CreatedAt/86400*86400]++
	}
	points := []obj{}
	for day, n := range byDay {
		points = append(points, obj{"timestamp": day, "value": n})
	}
	slices.SortFunc(points, func(a, b obj) int { return cmp.Compare(intOf(a, "timestamp"), intOf(b, "timestamp")) })
	c.ok(obj{"timeseries": points, "monitor": monitorView(r), "usage": c.monitorUsage()})
}

// monitorConversations answers 409 when the client's data_revision is not
// the monitor's: what it counted has changed since it read.
func (c *ctx) monitorConversations() {
	r := c.findRecord(store.KindMonitors, "id", 0)
	if r == nil {
		return
	}
	if intOf(c.params, "data_revision") != intOf(r.Attrs, "data_revision") {
		c.json(http.StatusConflict, obj{"error": "data_changed"})
		return
	}
	rows := c.matchedRows(listOr(r.Attrs, "matched"))
	c.ok(obj{"payload": rows, "meta": obj{"count": len(rows), "data_revision": intOf(r.Attrs, "data_revision")}})
}

func (c *ctx) retryMonitor() {
	r := c.findRecord(store.KindMonitors, "id", 0)
	if r == nil {
		return
	}
	if r.Attrs["paused_at"] != nil {
		c.json(http.StatusUnprocessableEntity, obj{"error": "monitor_paused"})
		return
	}
	c.head(http.StatusAccepted)
}

func (c *ctx) resumeMonitor() {
	r := c.findRecord(store.KindMonitors, "id", 0)
	if r == nil {
		return
	}
	if v, sent := c.params["collection_version"]; sent {
		if n, _ := toInt(v); n != intOf(r.Attrs, "collection_version") {
			c.json(http.StatusConflict, obj{"error": "monitor_changed"})
			return
		}
	}
	delete(r.Attrs, "paused_at")
	r.UpdatedAt = c.now()
	c.ok(monitorView(r))
}
