// Package dashref reads Chatwoot dashboard URLs: the address an agent
// copies from the browser (…/app/accounts/1/conversations/42) becomes
// what it refers to and the woot command that shows it.
//
// The shapes follow the dashboard's own router (app/javascript/dashboard/
// routes in Chatwoot): every page lives under /app/accounts/:accountId/,
// a conversation is …/conversations/:id wherever it is opened from (an
// inbox, a label, a team, a folder, mentions), a contact …/contacts/:id,
// an inbox …/settings/inboxes/:id, and a help-center article
// …/portals/:slug/:locale/…/articles/…/:id (the edit page). A bare
// …/inbox/:id is left out: the router gives that shape both to the inbox
// view of a conversation and to an inbox's list, so it names neither surely.
package dashref

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Kinds of objects a dashboard URL can name.
const (
	Conversation = "conversation"
	Contact      = "contact"
	Inbox        = "inbox"
	Article      = "article"
)

// Ref is what a dashboard URL refers to.
type Ref struct {
	Kind    string `json:"kind"`
	Account int64  `json:"account_id"`
	ID      int64  `json:"id"`
	Portal  string `json:"portal,omitempty"` // articles: the portal's slug
	Locale  string `json:"locale,omitempty"`
	Host    string `json:"host"` // scheme://host[:port] of the installation
	Command string `json:"command"`
}

// Args are the words of the woot command that shows the object, after
// "woot" and without --account.
func (r Ref) Args() []string {
	id := strconv.FormatInt(r.ID, 10)
	switch r.Kind {
	case Conversation:
		return []string{"conversations", "get", id}
	case Contact:
		return []string{"contacts", "get", id}
	case Inbox:
		return []string{"inboxes", "get", id}
	default:
		return []string{"portals", "articles", "get", r.Portal, id}
	}
}

// Parse reads a dashboard URL. The error says what was expected.
func Parse(raw string) (Ref, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return Ref{}, fmt.Errorf("%q is not a Chatwoot dashboard URL: expected one like https://chat.example.com/app/accounts/1/conversations/42", raw)
	}
	segs := splitPath(u.Path)
	app := indexOf(segs, "app")
	if app < 0 || len(segs) < app+4 || segs[app+1] != "accounts" {
		return Ref{}, fmt.Errorf("%s is not a dashboard page: its path has no /app/accounts/ID/", raw)
	}
	account, err := strconv.ParseInt(segs[app+2], 10, 64)
	if err != nil || account <= 0 {
		return Ref{}, fmt.Errorf("%s: %q is not an account id", raw, segs[app+2])
	}
	ref, ok := page(segs[app+3:])
	if !ok {
		return Ref{}, fmt.Errorf("%s names no conversation, contact, inbox or article woot can show", raw)
	}
	ref.Account = account
	ref.Host = u.Scheme + "://" + u.Host
	ref.Command = "woot " + strings.Join(ref.Args(), " ") + " --account " + strconv.FormatInt(account, 10)
	return ref, nil
}

// page reads the part of the path after /app/accounts/:accountId/.
func page(segs []string) (Ref, bool) {
	last := len(segs) - 1
	id, err := strconv.ParseInt(segs[last], 10, 64)
	if err != nil || id <= 0 || last == 0 {
		return Ref{}, false
	}
	switch {
	case segs[0] == "portals" && len(segs) >= 5 && indexOf(segs, "articles") > 0:
		return Ref{Kind: Article, ID: id, Portal: segs[1], Locale: segs[2]}, true
	case segs[last-1] == "conversations":
		return Ref{Kind: Conversation, ID: id}, true
	case segs[last-1] == "contacts":
		return Ref{Kind: Contact, ID: id}, true
	case last == 2 && segs[0] == "settings" && segs[1] == "inboxes":
		return Ref{Kind: Inbox, ID: id}, true
	}
	return Ref{}, false
}

func splitPath(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func indexOf(segs []string, s string) int {
	for i, v := range segs {
		if v == s {
			return i
		}
	}
	return -1
}
