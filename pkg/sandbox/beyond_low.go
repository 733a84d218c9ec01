package sandbox

import (
	"crypto/sha256"
	"fmt"
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// The low-rated routes woot has commands for: notification settings, SAML
// set-up and the profile's sessions.

func (s *Sandbox) lowRoutes(m *mux) {
	m.user("GET "+acc+"/notification_settings", (*ctx).showNotificationSettings)
	m.user("PATCH|PUT "+acc+"/notification_settings", (*ctx).updateNotificationSettings)
	m.admin("GET "+acc+"/saml_settings", (*ctx).showSAML)
	m.admin("POST "+acc+"/saml_settings", (*ctx).saveSAML)
	m.admin("PATCH|PUT "+acc+"/saml_settings", (*ctx).saveSAML)
	m.admin("DELETE "+acc+"/saml_settings", (*ctx).deleteSAML)
	m.profile("GET /api/v1/profile/sessions", (*ctx).listSessions)
	m.profile("DELETE /api/v1/profile/sessions/{id}", (*ctx).deleteSession)
}

var (
	emailFlags = []string{"email_conversation_creation", "email_conversation_assignment", "email_conversation_mention",
		"email_assigned_conversation_new_message", "email_participating_conversation_new_message", "email_sla_missed"}
	pushFlags = []string{"push_conversation_creation", "push_conversation_assignment", "push_conversation_mention",
		"push_assigned_conversation_new_message", "push_participating_conversation_new_message", "push_sla_missed"}
)

// notificationSettings is the user's row, made with Chatwoot's defaults
// (assignment and mention e-mails and pushes) on first use.
func (c *ctx) notificationSettings() *store.Record {
	for _, r := range c.recordsOf(store.KindNotifySettings, c.actorID()) {
		return r
	}
	return c.st.AddRecord(store.KindNotifySettings, &store.Record{AccountID: c.acct.ID, ParentID: c.actorID(), Attrs: obj{
		"selected_email_flags": []any{"email_conversation_assignment", "email_conversation_mention"},
		"selected_push_flags":  []any{"push_conversation_assignment", "push_conversation_mention"}}}, c.now())
}

func (c *ctx) notificationSettingsView(r *store.Record) obj {
	return obj{"id": r.ID, "user_id": r.ParentID, "account_id": r.AccountID, "all_email_flags": emailFlags,
		"selected_email_flags": r.Attrs["selected_email_flags"], "all_push_flags": pushFlags,
		"selected_push_flags": r.Attrs["selected_push_flags"]}
}

// showNotificationSettings creates the row as Chatwoot does, but only a
// write may keep it: a read answers the defaults without storing them.
func (c *ctx) showNotificationSettings() {
	for _, r := range c.recordsOf(store.KindNotifySettings, c.actorID()) {
		c.ok(c.notificationSettingsView(r))
		return
	}
	c.ok(obj{"id": nil, "user_id": c.actorID(), "account_id": c.acct.ID, "all_email_flags": emailFlags,
		"selected_email_flags": []string{"email_conversation_assignment", "email_conversation_mention"},
		"all_push_flags":       pushFlags, "selected_push_flags": []string{"push_conversation_assignment", "push_conversation_mention"}})
}

func (c *ctx) updateNotificationSettings() {
	p := c.in("notification_settings")
	for key, allowed := range map[string][]string{"selected_email_flags": emailFlags, "selected_push_flags": pushFlags} {
		list, ok := getList(p, key)
		if !ok {
			continue
		}
		for _, f := range list {
			s, _ := f.(string)
			if !contains(allowed, s) {
				c.invalid(fmt.Sprintf("%q is not a notification flag", s), key)
				return
			}
		}
	}
	r := c.notificationSettings()
	for _, key := range []string{"selected_email_flags", "selected_push_flags"} {
		if list, ok := getList(p, key); ok {
			r.Attrs[key] = list
		}
	}
	r.UpdatedAt = c.now()
	c.ok(c.notificationSettingsView(r))
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// SAML settings: one row per account; the certificate is shown only as
// its fingerprint, and the service provider's entity id is derived.

func (c *ctx) samlRow() *store.Record {
	rows := c.recordsOf(store.KindSAMLSettings, 0)
	if len(rows) == 0 {
		return nil
	}
	return rows[0]
}

func (c *ctx) samlView(r *store.Record) obj {
	sum := sha256.Sum256([]byte(str(r.Attrs, "certificate")))
	return obj{"id": r.ID, "account_id": r.AccountID, "sso_url": str(r.Attrs, "sso_url"),
		"idp_entity_id": r.Attrs["idp_entity_id"], "sp_entity_id": fmt.Sprintf("%s/saml/sp/%d", c.s.opts.BaseURL, r.AccountID),
		"certificate_fingerprint": fmt.Sprintf("%X", sum[:20]), "role_mappings": orEmptyAny(r.Attrs["role_mappings"]),
		"created_at": store.ISO(r.CreatedAt), "updated_at": store.ISO(r.UpdatedAt)}
}

// showSAML answers an unsaved, blank set-up when there is none, as the
// controller builds one.
func (c *ctx) showSAML() {
	if r := c.samlRow(); r != nil {
		c.ok(c.samlView(r))
		return
	}
	c.ok(obj{"id": nil, "account_id": c.acct.ID, "sso_url": nil, "idp_entity_id": nil,
		"sp_entity_id": fmt.Sprintf("%s/saml/sp/%d", c.s.opts.BaseURL, c.acct.ID), "certificate_fingerprint": nil,
		"role_mappings": obj{}, "created_at": nil, "updated_at": nil})
}

// saveSAML creates the account's set-up or changes it: create and update
// both save the one row; a new row needs the URL and the certificate.
func (c *ctx) saveSAML() {
	r := c.samlRow()
	if r == nil {
		if r = c.createRecord(store.KindSAMLSettings, "saml_settings", 0, "sso_url", "certificate"); r != nil {
			c.ok(c.samlView(r))
		}
		return
	}
	c.updateRecord(r, "saml_settings")
	for _, f := range []string{"sso_url", "certificate"} {
		if str(r.Attrs, f) == "" {
			c.invalid(humanize(f)+" can't be blank", f)
			return
		}
	}
	c.ok(c.samlView(r))
}

// deleteSAML turns single sign-on off; with none set up there is nothing
// to do, and the answer is the same.
func (c *ctx) deleteSAML() {
	if r := c.samlRow(); r != nil {
		c.deleteRecord(store.KindSAMLSettings, r)
		return
	}
	c.head(http.StatusOK)
}

// Sessions of the signed-in user.

func sessionView(r *store.Record) obj {
	return obj{"id": r.ID, "ip_address": str(r.Attrs, "ip_address"), "user_agent": str(r.Attrs, "user_agent"),
		"current": r.Attrs["current"] == true, "last_active_at": store.ISO(intOf(r.Attrs, "last_active_at")),
		"created_at": store.ISO(r.CreatedAt)}
}

func (c *ctx) userSessions() []*store.Record {
	var out []*store.Record
	for _, r := range c.st.RecordsOf(store.KindSessions) {
		if r.ParentID == c.user.ID {
			out = append(out, r)
		}
	}
	return out
}

func (c *ctx) listSessions() { c.ok(viewsOf(c.userSessions(), sessionView)) }

// deleteSession signs another device out; the session in use cannot end
// itself here (sign out does that).
func (c *ctx) deleteSession() {
	id, ok := c.pathID("id")
	if !ok {
		return
	}
	for _, r := range c.userSessions() {
		if r.ID != id {
			continue
		}
		if r.Attrs["current"] == true {
			c.fail(http.StatusUnprocessableEntity, "The current session cannot be revoked")
			return
		}
		c.deleteRecord(store.KindSessions, r)
		return
	}
	c.notFound()
}
