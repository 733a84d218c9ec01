package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Global search: GET /search answers every kind at once, the per-kind
// routes one of them, each under "payload".

const searchLimit = 15

func (c *ctx) searchTerm() (string, bool) {
	q := strings.TrimSpace(str(c.params, "q"))
	if q == "" {
		c.fail(http.StatusUnprocessableEntity, errSearchNeedsTerm)
		return "", false
	}
	return q, true
}

func (c *ctx) searchContactsPart(q string) []contactView {
	out := []contactView{}
	for _, ct := range matchContacts(c.st, c.acct.ID, q) {
		if len(out) == searchLimit {
			break
		}
		out = append(out, renderContact(c.st, ct, false))
	}
	return out
}

func (c *ctx) searchConversationsPart(q string) []obj {
	out := []obj{}
	for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
		if len(out) == searchLimit {
			break
		}
		if c.st.CanSee(cv, c.actorID(), c.isAdmin()) && conversationMatches(c.st, cv, q) {
			out = append(out, conversationSearchResult(c.st, cv))
		}
	}
	return out
}

func (c *ctx) searchMessagesPart(q string) []messageView {
	out := []messageView{}
	for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
		if !c.st.CanSee(cv, c.actorID(), c.isAdmin()) {
			continue
		}
		for _, m := range cv.Messages {
			if len(out) == searchLimit {
				return out
			}
			if m.MessageType != store.MsgActivity && containsFold(m.Content, q) {
				out = append(out, renderMessage(c.st, cv, m))
			}
		}
	}
	return out
}

func (c *ctx) searchArticlesPart(q string) []obj {
	out := []obj{}
	for _, r := range c.recordsOf(store.KindArticles, 0) {
		if len(out) == searchLimit {
			break
		}
		if containsFold(str(r.Attrs, "title"), q) || containsFold(str(r.Attrs, "content"), q) {
			out = append(out, c.articleView(r))
		}
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
