package sandbox

import (
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Help center: portals (addressed by slug), categories and articles.

var articleStatuses = []string{"draft", "published", "archived"}

// articleStatus accepts the status name or its enum index (the spec's
// integer type, FACTS §10).
func articleStatus(v string) (string, bool) {
	for i, s := range articleStatuses {
		if v == s || v == string(rune('0'+i)) {
			return s, true
		}
	}
	return "", false
}

func (c *ctx) portalView(r *store.Record) obj {
	v := recordView(r)
	delete(v, "created_at")
	delete(v, "updated_at")
	locale := orDefault(str(r.Attrs, "default_locale"), "en")
	var all, archived, published, drafts int
	for _, a := range c.recordsOf(store.KindArticles, r.ID) {
		all++
		switch str(a.Attrs, "status") {
		case "archived":
			archived++
		case "published":
			published++
		default:
			drafts++
		}
	}
	cats := len(c.recordsOf(store.KindCategories, r.ID))
	if _, ok := v["archived"]; !ok {
		v["archived"] = false
	}
	for _, k := range []string{"color", "custom_domain", "header_text", "homepage_link", "page_title"} {
		if s, _ := v[k].(string); s == "" {
			delete(v, k)
		}
	}
	v["config"] = obj{"allowed_locales": []obj{{"code": locale, "articles_count": all, "categories_count": cats}}, "default_locale": locale}
	v["meta"] = obj{"all_articles_count": all, "archived_articles_count": archived, "published_count": published,
		"draft_articles_count": drafts, "categories_count": cats, "default_locale": locale}
	return v
}

func (c *ctx) findPortal(param string) *store.Record {
	slug := c.r.PathValue(param)
	for _, r := range c.recordsOf(store.KindPortals, 0) {
		if str(r.Attrs, "slug") == slug {
			return r
		}
	}
	c.notFound()
	return nil
}

// listPortals follows Chatwoot's app/views/api/v1/accounts/portals/
// index.json.jbuilder: every portal (no paging) and meta.current_page, which
// the controller sets to params[:page] as sent, or 1.
func (c *ctx) listPortals() {
	portals := c.recordsOf(store.KindPortals, 0)
	var page any = 1
	if p, ok := c.params["page"]; ok && p != nil && p != "" {
		page = p
	}
	c.ok(obj{"payload": viewsOf(portals, c.portalView), "meta": obj{"current_page": page, "portals_count": len(portals)}})
}

func (c *ctx) showPortal() {
	if r := c.findPortal("id"); r != nil {
		c.ok(c.portalView(r))
	}
}

func (c *ctx) createPortal() {
	attrs := attrsFrom(c.params, "portal")
	name := str(attrs, "name")
	if name == "" {
		c.invalid("Name can't be blank", "name")
		return
	}
	slug := orDefault(str(attrs, "slug"), store.Slugify(name))
	for _, other := range c.recordsOf(store.KindPortals, 0) {
		if str(other.Attrs, "slug") == slug {
			c.invalid("Slug has already been taken", "slug")
			return
		}
	}
	attrs["slug"] = slug
	r := c.st.AddRecord(store.KindPortals, &store.Record{AccountID: c.acct.ID, Attrs: attrs}, c.now())
	c.ok(c.portalView(r))
}

func (c *ctx) updatePortal() {
	r := c.findPortal("id")
	if r == nil {
		return
	}
	c.updateRecord(r, "portal")
	c.ok(c.portalView(r))
}

func (c *ctx) archivePortal() {
	r := c.findPortal("id")
	if r == nil {
		return
	}
	r.Attrs["archived"] = true
	r.UpdatedAt = c.now()
	c.ok(c.portalView(r))
}

func (c *ctx) deletePortal() {
	r := c.findPortal("id")
	if r == nil {
		return
	}
	c.st.DropRecords(store.KindCategories, func(x *store.Record) bool { return x.ParentID == r.ID })
	c.st.DropRecords(store.KindArticles, func(x *store.Record) bool { return x.ParentID == r.ID })
	c.deleteRecord(store.KindPortals, r)
}

// Categories.

func (c *ctx) categoryView(r *store.Record) obj {
	v := recordView(r)
	delete(v, "created_at")
	delete(v, "updated_at")
	v["portal_id"] = r.ParentID
	for _, k := range []string{"associated_category_id", "parent_category_id"} {
		if n, ok := toInt(v[k]); !ok || n == 0 {
			delete(v, k)
		}
	}
	if _, ok := v["locale"]; !ok {
		v["locale"] = "en"
	}
	if _, ok := v["position"]; !ok {
		v["position"] = r.ID * 10
	}
	articles := 0
	for _, a := range c.recordsOf(store.KindArticles, r.ParentID) {
		if intOf(a.Attrs, "category_id") == r.ID {
			articles++
		}
	}
	v["meta"] = obj{"articles_count": articles}
	return v
}

func (c *ctx) listCategories() {
	if p := c.findPortal("portal_id"); p != nil {
		c.ok(obj{"payload": viewsOf(c.recordsOf(store.KindCategories, p.ID), c.categoryView)})
	}
}

func (c *ctx) createCategory() {
	p := c.findPortal(c.portalParam())
	if p == nil {
		return
	}
	r := c.createRecord(store.KindCategories, "category", p.ID, "name")
	if r == nil {
		return
	}
	if str(r.Attrs, "slug") == "" {
		r.Attrs["slug"] = store.Slugify(str(r.Attrs, "name"))
	}
	c.ok(c.categoryView(r))
}

// portalParam: the spec names the create routes' portal {id}, Rails names
// it {portal_id}; both are registered.
func (c *ctx) portalParam() string {
	if c.r.PathValue("portal_id") != "" {
		return "portal_id"
	}
	return "id"
}

func (c *ctx) findCategory() (*store.Record, *store.Record) {
	p := c.findPortal("portal_id")
	if p == nil {
		return nil, nil
	}
	r := c.findRecord(store.KindCategories, "id", p.ID)
	return p, r
}

func (c *ctx) showCategory() {
	if _, r := c.findCategory(); r != nil {
		c.ok(c.categoryView(r))
	}
}

func (c *ctx) updateCategory() {
	if _, r := c.findCategory(); r != nil {
		c.updateRecord(r, "category")
		c.ok(c.categoryView(r))
	}
}

func (c *ctx) deleteCategory() {
	if _, r := c.findCategory(); r != nil {
		c.deleteRecord(store.KindCategories, r)
	}
}

// Articles.

func (c *ctx) articleView(r *store.Record) obj {
	v := recordView(r)
	v["portal_id"] = r.ParentID
	v["status"] = orDefault(str(r.Attrs, "status"), "draft")
	for _, k := range []string{"category_id", "author_id", "associated_article_id", "folder_id"} {
		if n, ok := toInt(v[k]); !ok || n == 0 {
			delete(v, k)
		}
	}
	if _, ok := v["meta"]; !ok {
		v["meta"] = obj{}
	}
	if _, ok := v["views"]; !ok {
		v["views"] = 0
	}
	if _, ok := v["position"]; !ok {
		v["position"] = r.ID * 10
	}
	if a, ok := renderAgent(c.st, r.AccountID, intOf(r.Attrs, "author_id")); ok {
		v["author"] = a
	}
	return v
}

func (c *ctx) listArticles() {
	p := c.findPortal("portal_id")
	if p == nil {
		return
	}
	status := str(c.params, "status")
	categorySlug := str(c.params, "category_slug")
	q := str(c.params, "query")
	var rows []*store.Record
	for _, r := range c.recordsOf(store.KindArticles, p.ID) {
		if status != "" && str(r.Attrs, "status") != status {
			continue
		}
		if q != "" && !containsFold(str(r.Attrs, "title"), q) && !containsFold(str(r.Attrs, "content"), q) {
			continue
		}
		if categorySlug != "" {
			cat := c.st.Record(store.KindCategories, c.acct.ID, intOf(r.Attrs, "category_id"))
			if cat == nil || str(cat.Attrs, "slug") != categorySlug {
				continue
			}
		}
		rows = append(rows, r)
	}
	meta := c.portalView(p)["meta"].(obj)
	meta["current_page"] = c.page()
	c.ok(obj{"payload": viewsOf(pageOf(rows, c.page(), 25), c.articleView), "meta": meta})
}

func (c *ctx) createArticle() {
	p := c.findPortal(c.portalParam())
	if p == nil {
		return
	}
	attrs := attrsFrom(c.params, "article")
	if s, ok := getStr(attrs, "status"); ok {
		status, valid := articleStatus(s)
		if !valid {
			c.invalid("Status is not included in the list", "status")
			return
		}
		attrs["status"] = status
	}
	if str(attrs, "title") == "" {
		c.invalid("Title can't be blank", "title")
		return
	}
	if str(attrs, "slug") == "" {
		attrs["slug"] = store.Slugify(str(attrs, "title"))
	}
	if _, ok := attrs["author_id"]; !ok {
		attrs["author_id"] = c.actorID()
	}
	r := c.st.AddRecord(store.KindArticles, &store.Record{AccountID: c.acct.ID, ParentID: p.ID, Attrs: attrs}, c.now())
	c.ok(c.articleView(r))
}

func (c *ctx) findArticle() *store.Record {
	p := c.findPortal("portal_id")
	if p == nil {
		return nil
	}
	return c.findRecord(store.KindArticles, "id", p.ID)
}

func (c *ctx) showArticle() {
	if r := c.findArticle(); r != nil {
		c.ok(c.articleView(r))
	}
}

func (c *ctx) updateArticle() {
	r := c.findArticle()
	if r == nil {
		return
	}
	c.updateRecord(r, "article")
	if s, ok := getStr(r.Attrs, "status"); ok {
		if status, valid := articleStatus(s); valid {
			r.Attrs["status"] = status
		}
	}
	c.ok(c.articleView(r))
}

func (c *ctx) deleteArticle() {
	if r := c.findArticle(); r != nil {
		c.deleteRecord(store.KindArticles, r)
	}
}

// articleBulk applies one change to the articles listed in ids.
func articleBulk(apply func(c *ctx, r *store.Record) bool) handler {
	return func(c *ctx) {
		p := c.findPortal("portal_id")
		if p == nil {
			return
		}
		ids, _ := getInts(c.params, "ids")
		for _, id := range ids {
			if r := c.st.Record(store.KindArticles, c.acct.ID, id); r != nil && r.ParentID == p.ID {
				if !apply(c, r) {
					return
				}
				r.UpdatedAt = c.now()
			}
		}
		c.head(http.StatusOK)
	}
}

func bulkArticleStatus(c *ctx, r *store.Record) bool {
	status, ok := articleStatus(str(c.params, "status"))
	if !ok {
		c.invalid("Status is not included in the list", "status")
		return false
	}
	r.Attrs["status"] = status
	return true
}

func bulkArticleCategory(c *ctx, r *store.Record) bool {
	r.Attrs["category_id"] = intOf(c.params, "category_id")
	return true
}

func bulkArticleDelete(c *ctx, r *store.Record) bool {
	c.st.Records[store.KindArticles] = store.RemoveID(c.st.Records[store.KindArticles], r.ID)
	return true
}

func bulkArticleTranslate(c *ctx, r *store.Record) bool { return true }
