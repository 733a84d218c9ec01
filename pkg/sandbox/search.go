package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Global search: GET /search answers every kind at once, the per-kind
// routes one of them, each under "payload". Each kind pages as
// Chatwoot's SearchService (app/services/search_service.rb) does:
// `.page(params[:page]).per(15)`, so page 2 is the next 15 rows and a page
// past the end is empty; contacts newest activity first, conversations and
// messages newest first (messages of the last three months only),
// articles in their stored order.

const searchLimit = 15

// searchWindow is how far back message search looks (3.months.ago).
const searchWindow = 90 * 24 * 3600

func (c *ctx) searchTerm() (string, bool) {
	q := strings.TrimSpace(str(c.params, "q"))
	if q == "" {
		c.fail(http.StatusUnprocessableEntity, errSearchNeedsTerm)
		return "", false
	}
	return q, true
}

func (c *ctx) searchContactsPart(q string) []contactView {
	rows := matchContacts(c.st, c.acct.ID, q)
	sortContacts(rows, "-last_activity_at")
	out := []contactView{}
	for _, ct := range pageOf(rows, c.page(), searchLimit) {
		out = append(out, renderContact(c.st, ct, false))
	}
	return out
}

func (c *ctx) searchConversationsPart(q string) []obj {
	var rows []*store.Conversation
	for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
		if c.st.CanSee(cv, c.actorID(), c.isAdmin()) && conversationMatches(c.st, cv, q) {
			rows = append(rows, cv)
		}
	}
	slices.SortStableFunc(rows, func(a, b *store.Conversation) int { return cmp.Compare(b.CreatedAt, a.CreatedAt) })
	out := []obj{}
	for _, cv := range pageOf(rows, c.page(), searchLimit) {
		out = append(out, conversationSearchResult(c.st, cv))
	}
	return out
}

func (c *ctx) searchMessagesPart(q string) []messageView {
	type hit struct {
		cv *store.Conversation
		m  *store.Message
	}
	var rows []hit
	since := c.now() - searchWindow
	for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
		if !c.st.CanSee(cv, c.actorID(), c.isAdmin()) {
			continue
		}
		for _, m := range cv.Messages {
			if m.MessageType != store.MsgActivity && m.CreatedAt >= since && containsFold(m.Content, q) {
				rows = append(rows, hit{cv, m})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.m.CreatedAt, a.m.CreatedAt), cmp.Compare(b.m.ID, a.m.ID))
	})
	out := []messageView{}
	for _, h := range pageOf(rows, c.page(), searchLimit) {
		out = append(out, renderMessage(c.st, h.cv, h.m))
	}
	return out
}

func (c *ctx) searchArticlesPart(q string) []obj {
	var rows []*store.Record
	for _, r := range c.recordsOf(store.KindArticles, 0) {
		if containsFold(str(r.Attrs, "title"), q) || containsFold(str(r.Attrs, "content"), q) {
			rows = append(rows, r)
		}
	}
	out := []obj{}
	for _, r := range pageOf(rows, c.page(), searchLimit) {
		out = append(out, c.articleView(r))
	}
	return out
}

func (c *ctx) searchAll() {
	q, ok := c.searchTerm()
	if !ok {
		return
	}
	c.ok(obj{"payload": obj{
		"contacts": c.searchContactsPart(q), "conversations": c.searchConversationsPart(q),
		"messages": c.searchMessagesPart(q), "articles": c.searchArticlesPart(q),
	}})
}

func searchKind(kind string) handler {
	return func(c *ctx) {
		q, ok := c.searchTerm()
		if !ok {
			return
		}
		var v any
		switch kind {
		case "contacts":
			v = c.searchContactsPart(q)
		case "conversations":
			v = c.searchConversationsPart(q)
		case "messages":
			v = c.searchMessagesPart(q)
		default:
			v = c.searchArticlesPart(q)
		}
		c.ok(obj{"payload": obj{kind: v}})
	}
}
