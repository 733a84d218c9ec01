package sandbox

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/wootcli/woot/pkg/lazyregexp"
	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Labels: {"payload": […]} lists; titles are lower-case and unique.

var labelTitle = &lazyregexp.Regexp{Expr: `^[\p{L}\p{N}_-]+$`}

func (c *ctx) listLabels() {
	out := []obj{}
	for _, l := range store.OfAccount(c.st.Labels, c.acct.ID) {
		out = append(out, labelView(l))
	}
	c.ok(obj{"payload": out})
}

func (c *ctx) findLabel() *store.Label {
	id, ok := c.pathID("id")
	if !ok {
		return nil
	}
	l := store.FindIn(c.st.Labels, c.acct.ID, id)
	if l == nil {
		c.notFound()
	}
	return l
}

func (c *ctx) showLabel() {
	if l := c.findLabel(); l != nil {
		c.ok(labelView(l))
	}
}

func (c *ctx) createLabel() {
	l := &store.Label{AccountID: c.acct.ID, Color: "#1f93ff", ShowOnSidebar: true}
	if !c.applyLabel(l) {
		return
	}
	l.ID = c.st.Next("labels")
	l.CreatedAt, l.UpdatedAt = c.now(), c.now()
	c.st.Labels = append(c.st.Labels, l)
	c.ok(labelView(l))
}

func (c *ctx) applyLabel(l *store.Label) bool {
	p := c.in("label")
	if v, ok := getStr(p, "title"); ok {
		l.Title = strings.ToLower(strings.TrimSpace(v))
	}
	switch {
	case l.Title == "":
		c.invalid("Title can't be blank", "title")
		return false
	case !labelTitle.MatchString(l.Title):
		c.invalid("Title is invalid", "title")
		return false
	}
	if other := c.st.LabelByTitle(l.AccountID, l.Title); other != nil && other.ID != l.ID {
		c.invalid("Title has already been taken", "title")
		return false
	}
	if v, ok := getStr(p, "description"); ok {
		l.Description = v
	}
	if v, ok := getStr(p, "color"); ok {
		l.Color = v
	}
	if v, ok := getBool(p, "show_on_sidebar"); ok {
		l.ShowOnSidebar = v
	}
	return true
}

func (c *ctx) updateLabel() {
	l := c.findLabel()
	if l == nil {
		return
	}
	draft := *l
	if !c.applyLabel(&draft) {
		return
	}
	*l = draft
	l.UpdatedAt = c.now()
	c.ok(labelView(l))
}

func (c *ctx) deleteLabel() {
	if l := c.findLabel(); l != nil {
		c.st.Labels = store.RemoveID(c.st.Labels, l.ID)
		c.head(http.StatusOK)
	}
}

// Canned responses: bare arrays, searchable by ?search=.

func (c *ctx) listCanned() {
	q := strings.ToLower(str(c.params, "search"))
	out := []obj{}
	for _, cr := range store.OfAccount(c.st.CannedResponses, c.acct.ID) {
		if q == "" || containsFold(cr.ShortCode, q) || containsFold(cr.Content, q) {
			out = append(out, cannedView(cr))
		}
	}
	c.ok(out)
}

func (c *ctx) findCanned() *store.CannedResponse {
	id, ok := c.pathID("id")
	if !ok {
		return nil
	}
	cr := store.FindIn(c.st.CannedResponses, c.acct.ID, id)
	if cr == nil {
		c.notFound()
	}
	return cr
}

func (c *ctx) applyCanned(cr *store.CannedResponse) bool {
	p := c.in("canned_response")
	if v, ok := getStr(p, "short_code"); ok {
		cr.ShortCode = v
	}
	if v, ok := getStr(p, "content"); ok {
		cr.Content = v
	}
	if cr.ShortCode == "" || cr.Content == "" {
		c.invalid("Short code can't be blank, Content can't be blank", "short_code", "content")
		return false
	}
	for _, other := range c.st.CannedResponses {
		if other.AccountID == cr.AccountID && other.ID != cr.ID && other.ShortCode == cr.ShortCode {
			c.invalid("Short code has already been taken", "short_code")
			return false
		}
	}
	return true
}

func (c *ctx) createCanned() {
	cr := &store.CannedResponse{AccountID: c.acct.ID}
	if !c.applyCanned(cr) {
		return
	}
	cr.ID = c.st.Next("canned_responses")
	cr.CreatedAt, cr.UpdatedAt = c.now(), c.now()
	c.st.CannedResponses = append(c.st.CannedResponses, cr)
	c.ok(cannedView(cr))
}

func (c *ctx) updateCanned() {
	cr := c.findCanned()
	if cr == nil {
		return
	}
	draft := *cr
	if !c.applyCanned(&draft) {
		return
	}
	*cr = draft
	cr.UpdatedAt = c.now()
	c.ok(cannedView(cr))
}

func (c *ctx) deleteCanned() {
	if cr := c.findCanned(); cr != nil {
		c.st.CannedResponses = store.RemoveID(c.st.CannedResponses, cr.ID)
		c.head(http.StatusOK)
	}
}

// Custom attribute definitions.

var attributeTypes = []string{"text", "number", "currency", "percent", "link", "date", "list", "checkbox"}

// attributeModel names the attribute_model given by its name or its enum
// value (Chatwoot's app/models/custom_attribute_definition.rb:
// conversation_attribute 0, contact_attribute 1); "" for anything else.
func attributeModel(v string) string {
	switch v {
	case "0", "conversation_attribute":
		return "conversation_attribute"
	case "1", "contact_attribute":
		return "contact_attribute"
	}
	return ""
}

// attributeType accepts Chatwoot's enum by index (the spec's integer) or
// by name.
func attributeType(v string) (string, bool) {
	for i, name := range attributeTypes {
		if v == name || v == string(rune('0'+i)) {
			return name, true
		}
	}
	return "", false
}

func (c *ctx) listAttributeDefs() {
	model := attributeModel(str(c.params, "attribute_model"))
	out := []obj{}
	for _, d := range store.OfAccount(c.st.AttributeDefs, c.acct.ID) {
		if model == "" || d.Model == model {
			out = append(out, attributeDefView(d))
		}
	}
	c.ok(out)
}

func (c *ctx) findAttributeDef() *store.AttributeDef {
	id, ok := c.pathID("id")
	if !ok {
		return nil
	}
	d := store.FindIn(c.st.AttributeDefs, c.acct.ID, id)
	if d == nil {
		c.notFound()
	}
	return d
}

func (c *ctx) showAttributeDef() {
	if d := c.findAttributeDef(); d != nil {
		c.ok(attributeDefView(d))
	}
}

func (c *ctx) applyAttributeDef(d *store.AttributeDef) bool {
	p := c.in("custom_attribute_definition")
	for key, dst := range map[string]*string{"attribute_display_name": &d.DisplayName, "attribute_description": &d.Description,
		"attribute_key": &d.Key, "regex_pattern": &d.RegexPattern, "regex_cue": &d.RegexCue} {
		if v, ok := getStr(p, key); ok {
			*dst = v
		}
	}
	if v, ok := getStr(p, "attribute_model"); ok {
		if d.Model = attributeModel(v); d.Model == "" {
			c.invalid("Attribute model is not included in the list", "attribute_model")
			return false
		}
	}
	if v, ok := getStr(p, "attribute_display_type"); ok {
		t, valid := attributeType(v)
		if !valid {
			c.invalid("Attribute display type is not included in the list", "attribute_display_type")
			return false
		}
		d.DisplayType = t
	}
	if list, ok := getList(p, "attribute_values"); ok {
		d.Values = list
	}
	if v, ok := p["default_value"]; ok {
		d.DefaultValue = v
	}
	if d.DisplayName == "" || d.Key == "" {
		c.invalid("Attribute display name can't be blank, Attribute key can't be blank", "attribute_display_name", "attribute_key")
		return false
	}
	for _, other := range c.st.AttributeDefs {
		if other.AccountID == d.AccountID && other.ID != d.ID && other.Key == d.Key && other.Model == d.Model {
			c.invalid("Attribute key has already been taken", "attribute_key")
			return false
		}
	}
	return true
}

func (c *ctx) createAttributeDef() {
	d := &store.AttributeDef{AccountID: c.acct.ID, Model: "contact_attribute", DisplayType: "text"}
	if !c.applyAttributeDef(d) {
		return
	}
	d.ID = c.st.Next("custom_attribute_definitions")
	d.CreatedAt, d.UpdatedAt = c.now(), c.now()
	c.st.AttributeDefs = append(c.st.AttributeDefs, d)
	c.ok(attributeDefView(d))
}

func (c *ctx) updateAttributeDef() {
	d := c.findAttributeDef()
	if d == nil {
		return
	}
	draft := *d
	if !c.applyAttributeDef(&draft) {
		return
	}
	*d = draft
	d.UpdatedAt = c.now()
	c.ok(attributeDefView(d))
}

func (c *ctx) deleteAttributeDef() {
	if d := c.findAttributeDef(); d != nil {
		c.st.AttributeDefs = store.RemoveID(c.st.AttributeDefs, d.ID)
		c.head(http.StatusOK)
	}
}

// Custom filters belong to the user who saved them.

func (c *ctx) listCustomFilters() {
	kind := orDefault(str(c.params, "filter_type"), "conversation")
	out := []obj{}
	for _, f := range store.OfAccount(c.st.CustomFilters, c.acct.ID) {
		if f.UserID == c.actorID() && f.Type == kind {
			out = append(out, customFilterView(f))
		}
	}
	c.ok(out)
}

func (c *ctx) findCustomFilter() *store.CustomFilter {
	id, ok := c.pathID("custom_filter_id")
	if !ok {
		return nil
	}
	f := store.FindIn(c.st.CustomFilters, c.acct.ID, id)
	if f == nil || f.UserID != c.actorID() {
		c.notFound()
		return nil
	}
	return f
}

func (c *ctx) showCustomFilter() {
	if f := c.findCustomFilter(); f != nil {
		c.ok(customFilterView(f))
	}
}

func (c *ctx) applyCustomFilter(f *store.CustomFilter) bool {
	p := c.in("custom_filter")
	if v, ok := getStr(p, "name"); ok {
		f.Name = v
	}
	if v, ok := getStr(p, "type"); ok {
		f.Type = v
	}
	if q, ok := getObj(p, "query"); ok {
		f.Query = copyObj(q)
	}
	switch {
	case f.Name == "":
		c.invalid("Name can't be blank", "name")
		return false
	case f.Type != "conversation" && f.Type != "contact" && f.Type != "report":
		c.invalid("Filter type is not included in the list", "filter_type")
		return false
	}
	return true
}

func (c *ctx) createCustomFilter() {
	f := &store.CustomFilter{AccountID: c.acct.ID, UserID: c.actorID(), Type: orDefault(str(c.params, "filter_type"), "conversation"), Query: obj{}}
	if !c.applyCustomFilter(f) {
		return
	}
	f.ID = c.st.Next("custom_filters")
	f.CreatedAt, f.UpdatedAt = c.now(), c.now()
	c.st.CustomFilters = append(c.st.CustomFilters, f)
	c.ok(customFilterView(f))
}

func (c *ctx) updateCustomFilter() {
	f := c.findCustomFilter()
	if f == nil {
		return
	}
	draft := *f
	if !c.applyCustomFilter(&draft) {
		return
	}
	*f = draft
	f.UpdatedAt = c.now()
	c.ok(customFilterView(f))
}

func (c *ctx) deleteCustomFilter() {
	if f := c.findCustomFilter(); f != nil {
		c.st.CustomFilters = store.RemoveID(c.st.CustomFilters, f.ID)
		c.head(http.StatusOK)
	}
}

// Webhooks: a bare array (FACTS §5); each carries its signing secret.

var webhookEvents = []string{"conversation_created", "conversation_status_changed", "conversation_updated",
	"contact_created", "contact_updated", "message_created", "message_updated", "webwidget_triggered",
	"conversation_typing_on", "conversation_typing_off"}

func (c *ctx) listWebhooks() {
	out := []obj{}
	for _, w := range store.OfAccount(c.st.Webhooks, c.acct.ID) {
		out = append(out, webhookView(w))
	}
	// Chatwoot's jbuilder views wrap webhooks ({"payload":{"webhooks":[…]}}),
	// whatever the spec's bare array says.
	c.ok(obj{"payload": obj{"webhooks": out}})
}

func (c *ctx) findWebhook() *store.Webhook {
	id, ok := c.pathID("webhook_id")
	if !ok {
		return nil
	}
	w := store.FindIn(c.st.Webhooks, c.acct.ID, id)
	if w == nil {
		c.notFound()
	}
	return w
}

func (c *ctx) applyWebhook(w *store.Webhook) bool {
	p := c.in("webhook")
	if v, ok := getStr(p, "url"); ok {
		w.URL = strings.TrimSpace(v)
	}
	if v, ok := getStr(p, "name"); ok {
		w.Name = v
	}
	if subs, ok := getStrs(p, "subscriptions"); ok {
		for _, s := range subs {
			if !store.ContainsStr(webhookEvents, s) {
				c.invalid("Subscriptions Invalid events", "subscriptions")
				return false
			}
		}
		w.Subscriptions = dedupe(subs)
	}
	if u, err := url.Parse(w.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		c.invalid("Url is invalid", "url")
		return false
	}
	for _, other := range c.st.Webhooks {
		if other.AccountID == w.AccountID && other.ID != w.ID && other.URL == w.URL {
			c.invalid("Url has already been taken", "url")
			return false
		}
	}
	return true
}

func (c *ctx) createWebhook() {
	w := &store.Webhook{AccountID: c.acct.ID, Secret: c.st.NewToken(32),
		Subscriptions: []string{"conversation_created", "conversation_status_changed", "conversation_updated", "message_created", "message_updated", "contact_created", "contact_updated"}}
	if !c.applyWebhook(w) {
		return
	}
	w.ID = c.st.Next("webhooks")
	w.CreatedAt, w.UpdatedAt = c.now(), c.now()
	c.st.Webhooks = append(c.st.Webhooks, w)
	c.audit("Webhook", w.ID, "create", obj{"url": w.URL})
	c.ok(obj{"payload": obj{"webhook": webhookView(w)}})
}

func (c *ctx) updateWebhook() {
	w := c.findWebhook()
	if w == nil {
		return
	}
	draft := *w
	if !c.applyWebhook(&draft) {
		return
	}
	*w = draft
	w.UpdatedAt = c.now()
	c.audit("Webhook", w.ID, "update", obj{"url": w.URL})
	c.ok(obj{"payload": obj{"webhook": webhookView(w)}})
}

func (c *ctx) deleteWebhook() {
	if w := c.findWebhook(); w != nil {
		c.st.Webhooks = store.RemoveID(c.st.Webhooks, w.ID)
		c.audit("Webhook", w.ID, "destroy", obj{"url": w.URL})
		c.head(http.StatusOK)
	}
}
