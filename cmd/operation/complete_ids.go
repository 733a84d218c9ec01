package operation

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// completionTimeout bounds a live completion: a shell waits on it with
// the cursor frozen, so a slow server yields no candidates, not a hang.
const completionTimeout = 2 * time.Second

// idSource is a list endpoint whose items complete a value: value is what
// goes on the command line, the description helps pick it.
type idSource struct {
	path     string // under /api/v1/accounts/{account_id}/
	query    string
	data     string // the envelope the items are in
	value    func(completionItem) string
	describe func(completionItem) string
}

// completionItem holds the fields of a listed object that completion shows.
type completionItem struct {
	ID     json.Number `json:"id"`
	Name   string      `json:"name"`
	Title  string      `json:"title"`
	Slug   string      `json:"slug"`
	Email  string      `json:"email"`
	Status string      `json:"status"`
	// Description is a label's.
	Description string `json:"description"`
	Meta        struct {
		Sender struct {
			Name string `json:"name"`
		} `json:"sender"`
	} `json:"meta"`
}

func itemID(it completionItem) string   { return it.ID.String() }
func itemName(it completionItem) string { return it.Name }

// idSources are the lists completions read, by what they complete. The
// tables below are functions, not package variables: a map variable is
// built by package init on every start-up, completion or not.
func idSources() map[string]idSource {
	return map[string]idSource{
		"conversations": {path: "conversations", query: "status=all", data: "data.payload", value: itemID,
			describe: func(it completionItem) string { return joinNonEmpty(" · ", it.Meta.Sender.Name, it.Status) }},
		"contacts": {path: "contacts", data: "payload", value: itemID,
			describe: func(it completionItem) string { return joinNonEmpty(" ", it.Name, angle(it.Email)) }},
		"inboxes": {path: "inboxes", data: "payload", value: itemID, describe: itemName},
		"teams":   {path: "teams", value: itemID, describe: itemName},
		"agents": {path: "agents", value: itemID,
			describe: func(it completionItem) string { return joinNonEmpty(" ", it.Name, angle(it.Email)) }},
		"labels": {path: "labels", data: "payload", value: func(it completionItem) string { return it.Title },
			describe: func(it completionItem) string { return it.Description }},
		"label-ids": {path: "labels", data: "payload", value: itemID, describe: func(it completionItem) string { return it.Title }},
		"portals":   {path: "portals", data: "payload", value: func(it completionItem) string { return it.Slug }, describe: itemName},
	}
}

// argCompletions maps an operation's positional argument names to the
// list that completes them; "ID" goes by the command's noun instead.
func argCompletions() map[string]string {
	return map[string]string{
		"CONVERSATION_ID": "conversations",
		"CONTACT_ID":      "contacts",
		"INBOX_ID":        "inboxes",
		"TEAM_ID":         "teams",
		"AGENT_ID":        "agents",
		"LABEL_ID":        "label-ids",
		"PORTAL":          "portals",
		"PORTAL_SLUG":     "portals",
	}
}

// nounCompletions completes a bare ID argument by the command's noun.
func nounCompletions() map[string]string {
	return map[string]string{
		"conversations": "conversations", "contacts": "contacts", "inboxes": "inboxes",
		"teams": "teams", "agents": "agents", "labels": "label-ids", "portals": "portals",
	}
}

// paramCompletions maps request parameters (wire names) to their list.
func paramCompletions() map[string]string {
	return map[string]string{
		"conversation_id": "conversations", "conversation_ids": "conversations",
		"contact_id": "contacts", "base_contact_id": "contacts", "mergee_contact_id": "contacts",
		"inbox_id": "inboxes", "inbox_ids": "inboxes", "campaign.inbox_id": "inboxes",
		"team_id": "teams", "fields.team_id": "teams",
		"assignee_id": "agents", "fields.assignee_id": "agents", "assigned_agent_id": "agents",
		"user_id": "agents", "user_ids": "agents",
		"labels": "labels", "label_ids": "label-ids",
	}
}

// wireIDCompletion makes an Application API command complete its ID
// arguments and ID flags from the server.
func wireIDCompletion(f *cmdutil.Factory, op api.Operation, c *cobra.Command) {
	if op.Family != api.FamilyApplication {
		return
	}
	names := argNames(op)
	sources := make([]string, len(names))
	wired := false
	for i, n := range names {
		sources[i] = argCompletions()[n]
		if n == "ID" {
			sources[i] = nounCompletions()[strings.Fields(op.Command)[0]]
		}
		wired = wired || sources[i] != ""
	}
	if wired {
		c.ValidArgsFunction = func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) >= len(sources) || sources[len(args)] == "" {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeFrom(c.Context(), f, sources[len(args)])
		}
	}
	for _, p := range op.Params {
		src, ok := paramCompletions()[p.Name]
		if !ok || len(p.Enum) > 0 {
			continue
		}
		_ = c.RegisterFlagCompletionFunc(p.FlagName(), func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
			return completeFrom(c.Context(), f, src)
		})
	}
}

// completeFrom lists one source as "value\tdescription" candidates. Any
// failure (no credentials, a slow or refusing server) completes nothing,
// quietly: a shell has nowhere sensible to show an error.
func completeFrom(ctx context.Context, f *cmdutil.Factory, source string) ([]string, cobra.ShellCompDirective) {
	fail := cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	if ctx == nil {
		ctx = context.Background()
	}
	// One try: a retry's backoff would outlast the timeout anyway.
	f.Global.Retries = 0
	ctx, cancel := context.WithTimeout(ctx, completionTimeout)
	defer cancel()
	src := idSources()[source]
	items, err := fetchCompletionItems(ctx, f, src)
	if err != nil {
		return nil, fail
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		v := src.value(it)
		if v == "" {
			continue
		}
		if d := describeItem(src, it); d != "" {
			v += "\t" + d
		}
		out = append(out, v)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func describeItem(src idSource, it completionItem) string {
	if src.describe == nil {
		return ""
	}
	return strings.ReplaceAll(src.describe(it), "\t", " ")
}

func fetchCompletionItems(ctx context.Context, f *cmdutil.Factory, src idSource) ([]completionItem, error) {
	account, err := f.AccountID()
	if err != nil {
		return nil, err
	}
	client, err := f.APIClient()
	if err != nil {
		return nil, err
	}
	path := fmt.Sprintf("/api/v1/accounts/%d/%s", account, src.path)
	if src.query != "" {
		path += "?" + src.query
	}
	resp, err := client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: http.MethodGet, Path: path})
	if err != nil {
		return nil, err
	}
	raw, err := api.Items(resp.Body, src.data)
	if err != nil {
		return nil, err
	}
	items := make([]completionItem, 0, len(raw))
	for _, r := range raw {
		var it completionItem
		if json.Unmarshal(r, &it) == nil {
			items = append(items, it)
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
