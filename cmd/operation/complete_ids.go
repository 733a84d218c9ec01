package operation

import (
	"net/url"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// argKind names the kind of a positional argument whose list is not the
// collection its path segment sits under (a conversation's labels, say),
// or whose candidates are better described than a generic list's.
func argKind(name string) string {
	switch name {
	case "CONVERSATION_ID":
		return cmdutil.KindConversations
	case "CONTACT_ID":
		return cmdutil.KindContacts
	case "INBOX_ID":
		return cmdutil.KindInboxes
	case "TEAM_ID":
		return cmdutil.KindTeams
	case "AGENT_ID", "USER_ID":
		return cmdutil.KindAgents
	case "LABEL_ID":
		return cmdutil.KindLabelIDs
	case "PORTAL", "PORTAL_SLUG":
		return cmdutil.KindPortals
	}
	return ""
}

// paramKind maps request parameters (wire names) to the kind of their values.
func paramKind(name string) string {
	switch name {
	case "conversation_id", "conversation_ids":
		return cmdutil.KindConversations
	case "contact_id", "base_contact_id", "mergee_contact_id":
		return cmdutil.KindContacts
	case "inbox_id", "inbox_ids", "campaign.inbox_id", "inbox.inbox_id":
		return cmdutil.KindInboxes
	case "team_id", "fields.team_id":
		return cmdutil.KindTeams
	case "assignee_id", "fields.assignee_id", "assigned_agent_id", "user_id", "user_ids", "author_id", "sender_id":
		return cmdutil.KindAgents
	case "labels", "label", "labels.add", "labels.remove":
		return cmdutil.KindLabels
	case "label_ids":
		return cmdutil.KindLabelIDs
	}
	return ""
}

// wireIDCompletion makes an Application API command complete its ID
// arguments and ID flags from the server. An argument without a known
// kind completes from the list operation of the collection it indexes
// (macros get MACRO_ID from macros list), filled with the arguments
// before it (captain scenarios get ASSISTANT_ID SCENARIO_ID).
func wireIDCompletion(f *cmdutil.Factory, op api.Operation, c *cobra.Command) {
	if op.Family != api.FamilyApplication && op.Credentials != api.FamilyApplication {
		return
	}
	names := argNames(op)
	if len(names) > 0 {
		c.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) >= len(names) {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			src, ok := argSource(op, names[len(args)], args)
			if !ok {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return cmdutil.CompleteFrom(c.Context(), f, src, "", nil)
		}
	}
	for _, p := range op.Params {
		kind := paramKind(p.Name)
		if p.Name == "ids" && slices.ContainsFunc(op.Params, func(q api.Param) bool { return q.Name == "type" }) {
			completeIDsOfType(c, f, p.FlagName())
		}
		if kind == "" || len(p.Enum) > 0 {
			continue
		}
		cmdutil.CompleteFlag(c, f, p.FlagName(), kind)
	}
}

// completeIDsOfType completes the ids of Chatwoot's bulk actions, which
// are conversations' or contacts' as --type says.
func completeIDsOfType(c *cobra.Command, f *cmdutil.Factory, flag string) {
	_ = c.RegisterFlagCompletionFunc(flag, func(c *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		kind := cmdutil.KindConversations
		if t := c.Flags().Lookup("type"); t != nil && t.Value.String() == "Contact" {
			kind = cmdutil.KindContacts
		}
		src, _ := cmdutil.KnownSource(kind)
		return cmdutil.CompleteListWord(c.Context(), f, src, toComplete, nil)
	})
}

// argSource is where the candidates for the argument named name come
// from, given the arguments before it.
func argSource(op api.Operation, name string, before []string) (cmdutil.CompletionSource, bool) {
	if kind := argKind(name); kind != "" {
		return cmdutil.KnownSource(kind)
	}
	params := argParams(op)
	i := len(before)
	collection, ok := collectionOf(op.Path, params[i])
	if !ok {
		return cmdutil.CompletionSource{}, false
	}
	list, ok := listOperation(collection)
	if !ok {
		return cmdutil.CompletionSource{}, false
	}
	if known, ok := knownSourceAt(list.Path); ok {
		return known, true
	}
	filled := expandPath(list.Path, func(p string) string {
		if p == "account_id" {
			return "{account_id}"
		}
		for j, q := range params[:i] {
			if q == p {
				return url.PathEscape(before[j]) // a word typed so far, not a path
			}
		}
		return "{" + p + "}"
	})
	if strings.Contains(strings.ReplaceAll(filled, "{account_id}", ""), "{") {
		return cmdutil.CompletionSource{}, false // a parameter no argument before this one gives
	}
	return cmdutil.CompletionSource{Path: filled, Data: list.Data, Value: cmdutil.ItemID, Describe: cmdutil.ItemLabel}, true
}

// collectionOf is the path template of the collection that the path
// parameter param indexes: ".../macros" for ".../macros/{id}/execute".
func collectionOf(path, param string) (string, bool) {
	before, _, ok := strings.Cut(path, "/{"+param+"}")
	return before, ok && before != ""
}

// listOperation is the Application API operation that lists the
// collection at path, if there is one.
func listOperation(path string) (api.Operation, bool) {
	for _, op := range application.Operations() {
		if op.Method == "GET" && op.List != nil && op.Path == path {
			return op, true
		}
	}
	return api.Operation{}, false
}

// knownSourceAt is the kind listing path, for its better descriptions
// (and a portal's slug, which is what its {id} takes).
func knownSourceAt(path string) (cmdutil.CompletionSource, bool) {
	for _, kind := range []string{cmdutil.KindConversations, cmdutil.KindContacts, cmdutil.KindInboxes,
		cmdutil.KindTeams, cmdutil.KindAgents, cmdutil.KindLabelIDs, cmdutil.KindPortals} {
		if src, _ := cmdutil.KnownSource(kind); src.Path == path {
			return src, true
		}
	}
	return cmdutil.CompletionSource{}, false
}
