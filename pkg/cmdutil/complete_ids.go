package cmdutil

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
)

// completionTimeout bounds a live completion: a shell waits on it with
// the cursor frozen, so a slow server yields no candidates, not a hang.
const completionTimeout = 2 * time.Second

// The kinds of server objects that complete command-line values, each
// read from one list endpoint of the account.
const (
	KindConversations = "conversations" // ids, described by contact and status
	KindContacts      = "contacts"      // ids, described by name and e-mail
	KindInboxes       = "inboxes"       // ids, described by name
	KindTeams         = "teams"         // ids, described by name
	KindTeamNames     = "team-names"    // names, described by their description
	KindAgents        = "agents"        // ids, described by name and e-mail
	KindAgentEmails   = "agent-emails"  // e-mails, described by name
	KindLabels        = "labels"        // titles, described by their description
	KindLabelIDs      = "label-ids"     // ids, described by title
	KindPortals       = "portals"       // slugs, described by name
	// Custom attribute keys, described by their display names.
	KindContactAttributes      = "contact-attributes"
	KindConversationAttributes = "conversation-attributes"
)

// CompletionSource is a list endpoint whose items complete a value: Value
// is what goes on the command line, Describe helps pick it.
type CompletionSource struct {
	Path     string // the full path; {account_id} is filled in
	Query    string
	Data     string // the envelope the items are in, as api.Items reads it
	Value    func(CompletionItem) string
	Describe func(CompletionItem) string
}

// CompletionItem holds the fields of a listed object that completion shows.
type CompletionItem struct {
	ID     json.Number `json:"id"`
	Name   string      `json:"name"`
	Title  string      `json:"title"`
	Slug   string      `json:"slug"`
	Email  string      `json:"email"`
	Status string      `json:"status"`
	// Description is a label's; ShortCode a canned response's;
	// AttributeDisplayName a custom attribute's; URL a webhook's;
	// PushMessageTitle a notification's.
	Description          string `json:"description"`
	ShortCode            string `json:"short_code"`
	AttributeDisplayName string `json:"attribute_display_name"`
	URL                  string `json:"url"`
	PushMessageTitle     string `json:"push_message_title"`
	// AttributeKey and AttributeValues are a custom attribute definition's
	// (the values of a list attribute).
	AttributeKey    string   `json:"attribute_key"`
	AttributeValues []string `json:"attribute_values"`
	Meta            struct {
		Sender struct {
			Name string `json:"name"`
		} `json:"sender"`
	} `json:"meta"`
}

// ItemID is the value of most sources: the object's id.
func ItemID(it CompletionItem) string { return it.ID.String() }

// ItemLabel describes an object by the first field that names it.
func ItemLabel(it CompletionItem) string {
	return cmp.Or(it.Name, it.Title, it.ShortCode, it.AttributeDisplayName, it.URL, it.PushMessageTitle)
}

// accountPath is the path of an account's collection.
func accountPath(collection string) string { return "/api/v1/accounts/{account_id}/" + collection }

// KnownSource is the source of one kind. A switch, not a map: a map
// variable is built by package init on every start-up, completion or not.
func KnownSource(kind string) (CompletionSource, bool) {
	nameAndEmail := func(it CompletionItem) string { return joinNonEmpty(" ", it.Name, angle(it.Email)) }
	itemName := func(it CompletionItem) string { return it.Name }
	switch kind {
	case KindConversations:
		return CompletionSource{Path: accountPath("conversations"), Query: "status=all", Data: "data.payload", Value: ItemID,
			Describe: func(it CompletionItem) string { return joinNonEmpty(" · ", it.Meta.Sender.Name, it.Status) }}, true
	case KindContacts:
		return CompletionSource{Path: accountPath("contacts"), Data: "payload", Value: ItemID, Describe: nameAndEmail}, true
	case KindInboxes:
		return CompletionSource{Path: accountPath("inboxes"), Data: "payload", Value: ItemID, Describe: itemName}, true
	case KindTeams:
		return CompletionSource{Path: accountPath("teams"), Value: ItemID, Describe: itemName}, true
	case KindTeamNames:
		return CompletionSource{Path: accountPath("teams"), Value: itemName, Describe: func(it CompletionItem) string { return it.Description }}, true
	case KindAgents:
		return CompletionSource{Path: accountPath("agents"), Value: ItemID, Describe: nameAndEmail}, true
	case KindAgentEmails:
		return CompletionSource{Path: accountPath("agents"), Value: func(it CompletionItem) string { return it.Email }, Describe: itemName}, true
	case KindLabels:
		return CompletionSource{Path: accountPath("labels"), Data: "payload", Value: func(it CompletionItem) string { return it.Title },
			Describe: func(it CompletionItem) string { return it.Description }}, true
	case KindLabelIDs:
		return CompletionSource{Path: accountPath("labels"), Data: "payload", Value: ItemID,
			Describe: func(it CompletionItem) string { return it.Title }}, true
	case KindPortals:
		return CompletionSource{Path: accountPath("portals"), Data: "payload", Value: func(it CompletionItem) string { return it.Slug }, Describe: itemName}, true
	case KindContactAttributes, KindConversationAttributes:
		model := "0" // Chatwoot's enum: conversation_attribute 0, contact_attribute 1
		if kind == KindContactAttributes {
			model = "1"
		}
		return CompletionSource{Path: accountPath("custom_attribute_definitions"), Query: "attribute_model=" + model,
			Value: func(it CompletionItem) string { return it.AttributeKey }, Describe: func(it CompletionItem) string { return it.AttributeDisplayName }}, true
	}
	return CompletionSource{}, false
}

// CompleteArgs completes positional arguments: argument i from kinds[i]
// ("" for one that does not complete). With repeat, the last kind also
// completes every further argument (ID..., LABEL..., or comma-separated
// in one), leaving out the values already on the line.
func CompleteArgs(f *Factory, repeat bool, kinds ...string) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		i := len(args)
		if i >= len(kinds) {
			if !repeat || len(kinds) == 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			i = len(kinds) - 1
		}
		src, ok := KnownSource(kinds[i])
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var given []string
		for _, a := range args[i:] {
			given = append(given, strings.Split(a, ",")...)
		}
		return CompleteListWord(c.Context(), f, src, toComplete, given)
	}
}

// CompleteFlag makes flag complete from kind. A list flag's word completes
// after its last comma (--labels vip,<TAB>), without the values before it.
func CompleteFlag(c *cobra.Command, f *Factory, flag, kind string) {
	_ = c.RegisterFlagCompletionFunc(flag, func(c *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		src, ok := KnownSource(kind)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return CompleteListWord(c.Context(), f, src, toComplete, nil)
	})
}

// CompleteListWord completes the last comma-separated value of word from
// src, leaving out the values before it and those in given.
func CompleteListWord(ctx context.Context, f *Factory, src CompletionSource, word string, given []string) ([]string, cobra.ShellCompDirective) {
	cut := strings.LastIndexByte(word, ',') + 1
	if cut > 0 {
		given = append(slices.Clip(given), strings.Split(word[:cut-1], ",")...)
	}
	return CompleteFrom(ctx, f, src, word[:cut], given)
}

// CompleteFrom lists src as "value\tdescription" candidates, each after
// prefix, without the values in skip. Any failure (no credentials, a slow
// or refusing server) completes nothing, quietly: a shell has nowhere
// sensible to show an error.
func CompleteFrom(ctx context.Context, f *Factory, src CompletionSource, prefix string, skip []string) ([]string, cobra.ShellCompDirective) {
	items, err := CompletionItems(ctx, f, src)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		v := src.Value(it)
		if v == "" || slices.Contains(skip, v) {
			continue
		}
		v = prefix + v
		if d := describeItem(src, it); d != "" {
			v += "\t" + d
		}
		out = append(out, v)
	}
	directive := cobra.ShellCompDirectiveNoFileComp
	if prefix != "" {
		directive |= cobra.ShellCompDirectiveNoSpace // the list may go on after another comma
	}
	return out, directive
}

// CompletionItems reads src's items within the completion time limit,
// trying once: a retry's backoff would outlast the limit anyway.
func CompletionItems(ctx context.Context, f *Factory, src CompletionSource) ([]CompletionItem, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	f.Global.Retries = 0
	ctx, cancel := context.WithTimeout(ctx, completionTimeout)
	defer cancel()
	return fetchCompletionItems(ctx, f, src)
}

func describeItem(src CompletionSource, it CompletionItem) string {
	if src.Describe == nil {
		return ""
	}
	return strings.ReplaceAll(src.Describe(it), "\t", " ")
}

func fetchCompletionItems(ctx context.Context, f *Factory, src CompletionSource) ([]CompletionItem, error) {
	account, err := f.AccountID()
	if err != nil {
		return nil, err
	}
	client, err := f.APIClient()
	if err != nil {
		return nil, err
	}
	path := strings.ReplaceAll(src.Path, "{account_id}", fmt.Sprint(account))
	if src.Query != "" {
		path += "?" + src.Query
	}
	resp, err := client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: http.MethodGet, Path: path})
	if err != nil {
		return nil, err
	}
	raw, err := api.Items(resp.Body, src.Data)
	if err != nil {
		return nil, err
	}
	items := make([]CompletionItem, 0, len(raw))
	for _, r := range raw {
		var it CompletionItem
		if json.Unmarshal(r, &it) == nil {
			items = append(items, it)
		} else if json.Unmarshal(r, &it.Title) == nil {
			items = append(items, it) // a list of names: a conversation's labels
		}
	}
	return items, nil
}

func joinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

func angle(email string) string {
	if email == "" {
		return ""
	}
	return "<" + email + ">"
}
