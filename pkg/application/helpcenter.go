package application

import "github.com/wootcli/woot/pkg/api"

// helpCenterOperations covers help-center portals, their categories and
// articles. Portals are addressed by slug.
func helpCenterOperations() []api.Operation {
	var ops []api.Operation
	ops = append(ops, portalOperations()...)
	ops = append(ops, categoryOperations()...)
	return append(ops, articleOperations()...)
}

// portalOperations covers portals.
//
// The spec wraps the created and updated portal in "payload"; the server
// and its dashboard use the bare portal object, so single-portal answers are
// printed whole.
func portalOperations() []api.Operation {
	cols := []string{"id", "slug", "name", "custom_domain", "archived"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Portal name"},
			{Name: "slug", Usage: "Slug used in the portal's URL"},
			{Name: "page_title", Usage: "Browser page title"},
			{Name: "header_text", Usage: "Header text"},
			{Name: "color", Usage: "Brand colour, e.g. #1f93ff"},
			{Name: "custom_domain", Usage: "Custom domain, e.g. help.example.com"},
			{Name: "homepage_link", Usage: "Link back to your site"},
			{Name: "archived", Type: api.Bool, Usage: "Archive the portal"},
			{Name: "config", Type: api.JSON, Usage: "Locales as JSON: {\"default_locale\":\"en\",\"allowed_locales\":[\"en\",\"de\"]}"},
		}
	}
	return []api.Operation{
		{
			Command: "portals list", Method: "GET", Path: acct + "/portals", InSpec: true,
			Short:   "List help-center portals",
			Example: "  $ woot portals list",
			Data:    "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "portals get", Method: "GET", Path: acct + "/portals/{id}",
			Short:    "Show a portal with its article counts",
			Example:  "  $ woot portals get acme-help\n  $ woot portals get acme-help -o json --jq .meta",
			ArgNames: []string{"PORTAL"},
			Params: []api.Param{
				{Name: "locale", In: api.InQuery, Usage: "Count articles of this locale only"},
			},
			Columns: cols,
		},
		{
			Command: "portals create", Method: "POST", Path: acct + "/portals", InSpec: true,
			Short:   "Create a portal",
			Example: "  $ woot portals create --name 'Acme Docs' --slug docs --config '{\"default_locale\":\"en\",\"allowed_locales\":[\"en\"]}'",
			Params:  params(),
			Columns: cols,
		},
		{
			Command: "portals update", Method: "PATCH", Path: acct + "/portals/{id}", InSpec: true,
			Short:    "Change a portal",
			Example:  "  $ woot portals update acme-help --custom-domain acme-help.example.com",
			ArgNames: []string{"PORTAL"},
			Params:   params(),
			Columns:  cols,
		},
		{
			Command: "portals archive", Method: "PATCH", Path: acct + "/portals/{id}/archive",
			Short:    "Archive a portal",
			Example:  "  $ woot portals archive acme-help",
			ArgNames: []string{"PORTAL"},
		},
		{
			Command: "portals delete", Method: "DELETE", Path: acct + "/portals/{id}",
			Short:    "Delete a portal with its categories and articles",
			Example:  "  $ woot portals delete acme-help --yes",
			ArgNames: []string{"PORTAL"},
			Confirm:  true,
		},
	}
}

// categoryOperations covers a portal's categories.
func categoryOperations() []api.Operation {
	cols := []string{"id", "slug", "name", "locale", "position"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Category name"},
			{Name: "slug", Usage: "Slug used in the category's URL"},
			{Name: "description", Usage: "Description"},
			{Name: "locale", Usage: "Locale, e.g. en"},
			{Name: "position", Type: api.Int, Usage: "Position in the portal"},
			{Name: "icon", Usage: "Icon (an emoji)"},
			{Name: "parent_category_id", Type: api.Int, Usage: "Parent category"},
			{Name: "associated_category_id", Type: api.Int, Usage: "Same category in another locale"},
		}
	}
	return []api.Operation{
		{
			Command: "portals categories list", Method: "GET", Path: acct + "/portals/{portal_id}/categories",
			Short:    "List a portal's categories",
			Example:  "  $ woot portals categories list acme-help --locale en",
			ArgNames: []string{"PORTAL"},
			Params: []api.Param{
				{Name: "locale", In: api.InQuery, Usage: "Only this locale"},
			},
			Data: "payload", List: &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "portals categories get", Method: "GET", Path: acct + "/portals/{portal_id}/categories/{id}",
			Short:    "Show a category",
			Example:  "  $ woot portals categories get acme-help 1",
			ArgNames: []string{"PORTAL", "CATEGORY_ID"},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "portals categories create", Method: "POST", Path: acct + "/portals/{id}/categories", InSpec: true,
			Short:    "Create a category",
			Example:  "  $ woot portals categories create acme-help --name Billing --slug billing --locale en",
			ArgNames: []string{"PORTAL"},
			Params:   params(),
			// The spec shows the bare category; the server wraps it in payload
			// as for show (the dashboard reads data.payload).
			Data: "payload", Columns: cols,
		},
		{
			Command: "portals categories update", Method: "PATCH", Path: acct + "/portals/{portal_id}/categories/{id}",
			Short:    "Change a category",
			Example:  "  $ woot portals categories update acme-help 1 --position 1",
			ArgNames: []string{"PORTAL", "CATEGORY_ID"},
			Params:   params(),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "portals categories delete", Method: "DELETE", Path: acct + "/portals/{portal_id}/categories/{id}",
			Short:    "Delete a category",
			Example:  "  $ woot portals categories delete acme-help 1 --yes",
			ArgNames: []string{"PORTAL", "CATEGORY_ID"},
			Confirm:  true,
		},
	}
}

// articleOperations covers a portal's articles, one at a time and in bulk.
func articleOperations() []api.Operation {
	cols := []string{"id", "title", "status", "category_id", "author.name", "updated_at"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "title", Required: create, Usage: "Title"},
			{Name: "content", Usage: "Body (Markdown)"},
			{Name: "description", Usage: "Short description"},
			{Name: "slug", Usage: "Slug used in the article's URL"},
			{Name: "category_id", Type: api.Int, Usage: "Category"},
			{Name: "author_id", Type: api.Int, Usage: "Author (an agent id)"},
			{Name: "position", Type: api.Int, Usage: "Position in its category"},
			{Name: "locale", Usage: "Locale, e.g. en"},
			// The spec types status as an integer; the server takes the names.
			{Name: "status", Enum: articleStatuses(), Usage: "draft, published or archived"},
			{Name: "associated_article_id", Type: api.Int, Usage: "Same article in another locale"},
			{Name: "meta", Type: api.JSON, Usage: "SEO data as JSON: {\"title\":…,\"description\":…,\"tags\":[…]}"},
		}
	}
	return []api.Operation{
		{
			Command: "portals articles list", Method: "GET", Path: acct + "/portals/{portal_id}/articles",
			Short:    "List a portal's articles",
			Example:  "  $ woot portals articles list acme-help --status published --all\n  $ woot portals articles list acme-help --category-slug getting-started --locale en",
			ArgNames: []string{"PORTAL"},
			Params: []api.Param{
				{Name: "locale", In: api.InQuery, Usage: "Only this locale"},
				{Name: "category_slug", In: api.InQuery, Usage: "Only this category"},
				{Name: "status", In: api.InQuery, Enum: articleStatuses(), Usage: "Only this status"},
				{Name: "author_id", In: api.InQuery, Type: api.Int, Usage: "Only this author"},
				{Name: "query", In: api.InQuery, Usage: "Text to look for"},
			},
			// Page size unknown here: the end is the first empty page.
			Data: "payload", List: &api.List{Pager: api.PageNumber},
			Columns: cols,
		},
		{
			Command: "portals articles get", Method: "GET", Path: acct + "/portals/{portal_id}/articles/{id}",
			Short:    "Show an article",
			Example:  "  $ woot portals articles get acme-help 1 -o json --jq .content",
			ArgNames: []string{"PORTAL", "ARTICLE_ID"},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "portals articles create", Method: "POST", Path: acct + "/portals/{id}/articles", InSpec: true,
			Short:    "Write an article",
			Long:     "New articles start as drafts; publish with --status published on update or `set-status`.",
			Example:  "  $ woot portals articles create acme-help --title 'Getting a refund' --content \"$(cat refund.md)\" --category-id 4 --author-id 7",
			ArgNames: []string{"PORTAL"},
			Params:   params(true),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "portals articles update", Method: "PATCH", Path: acct + "/portals/{portal_id}/articles/{id}",
			Short:    "Change an article",
			Example:  "  $ woot portals articles update acme-help 1 --status published",
			ArgNames: []string{"PORTAL", "ARTICLE_ID"},
			Params:   params(false),
			Data:     "payload", Columns: cols,
		},
		{
			Command: "portals articles delete", Method: "DELETE", Path: acct + "/portals/{portal_id}/articles/{id}",
			Short:    "Delete an article",
			Example:  "  $ woot portals articles delete acme-help 1 --yes",
			ArgNames: []string{"PORTAL", "ARTICLE_ID"},
			Confirm:  true,
		},
		{
			Command: "portals articles set-status", Method: "PATCH", Path: acct + "/portals/{portal_id}/articles/bulk_actions/update_status",
			Short:    "Publish, archive or unpublish several articles",
			Example:  "  $ woot portals articles set-status acme-help --ids 1,2 --status published",
			ArgNames: []string{"PORTAL"},
			Params: []api.Param{
				{Name: "ids", Type: api.Ints, Required: true, Usage: "Article ids (repeat or comma-separate)"},
				{Name: "status", Required: true, Enum: articleStatuses(), Usage: "New status"},
			},
		},
		{
			Command: "portals articles set-category", Method: "PATCH", Path: acct + "/portals/{portal_id}/articles/bulk_actions/update_category",
			Short:    "Move several articles to a category",
			Example:  "  $ woot portals articles set-category acme-help --ids 1,2 --category-id 1",
			ArgNames: []string{"PORTAL"},
			Params: []api.Param{
				{Name: "ids", Type: api.Ints, Required: true, Usage: "Article ids (repeat or comma-separate)"},
				{Name: "category_id", Type: api.Int, Required: true, Usage: "Target category"},
			},
		},
		{
			Command: "portals articles delete-many", Method: "DELETE", Path: acct + "/portals/{portal_id}/articles/bulk_actions/delete_articles",
			Short:    "Delete several articles",
			Example:  "  $ woot portals articles delete-many acme-help --ids 1,2 --yes",
			ArgNames: []string{"PORTAL"},
			Params: []api.Param{
				{Name: "ids", Type: api.Ints, Required: true, Usage: "Article ids (repeat or comma-separate)"},
			},
			Confirm: true,
		},
		{
			Command: "portals articles translate", Method: "POST", Path: acct + "/portals/{portal_id}/articles/bulk_actions/translate",
			Short: "Translate articles into another locale with Captain",
			Long: "Enterprise (Captain). Chatwoot translates in the background into drafts in the given\n" +
				"category. Existing translations are reported (409) unless --force is given.",
			Example:  "  $ woot portals articles translate acme-help --ids 1,2 --locale de --category-id 9",
			ArgNames: []string{"PORTAL"},
			Params: []api.Param{
				{Name: "ids", Type: api.Ints, Required: true, Usage: "Article ids (repeat or comma-separate)"},
				{Name: "locale", Required: true, Usage: "Target locale (one of the portal's locales)"},
				{Name: "category_id", Type: api.Int, Required: true, Usage: "Category of the target locale"},
				{Name: "force", Type: api.Bool, Usage: "Translate again where a translation exists"},
			},
		},
	}
}
