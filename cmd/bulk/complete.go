package bulk

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// idKind is what completes the ids of a bulk job's objects.
func idKind(kind string) string {
	if kind == bulk.KindContacts {
		return cmdutil.KindContacts
	}
	return cmdutil.KindConversations
}

// completeObjects makes a bulk command complete its objects from the
// server: ids as arguments (argsAreIDs) and the flags that name ids,
// labels, agents, teams or inboxes.
func completeObjects(c *cobra.Command, f *cmdutil.Factory, kind string, argsAreIDs bool) {
	if argsAreIDs {
		c.ValidArgsFunction = cmdutil.CompleteArgs(f, true, idKind(kind))
	}
	flagKinds := [][2]string{
		{"ids", idKind(kind)}, {"labels", cmdutil.KindLabels}, {"agent", cmdutil.KindAgents},
		{"team", cmdutil.KindTeams}, {"inbox-id", cmdutil.KindInboxes}, {"team-id", cmdutil.KindTeams},
	}
	for _, fk := range flagKinds {
		// `unassign --team` is a switch, not a team id.
		if fl := c.Flags().Lookup(fk[0]); fl != nil && fl.Value.Type() != "bool" {
			cmdutil.CompleteFlag(c, f, fk[0], fk[1])
		}
	}
}

// attributeKind is what completes the custom attribute keys of kind.
func attributeKind(kind string) string {
	if kind == bulk.KindContacts {
		return cmdutil.KindContactAttributes
	}
	return cmdutil.KindConversationAttributes
}

// completeAttributeArgs completes delete-attribute's KEY... from the
// account's attribute definitions, and set-attribute's KEY=VALUE...: the
// key with its "=", then for a list attribute the values it allows.
func completeAttributeArgs(f *cmdutil.Factory, kind string, del bool) cobra.CompletionFunc {
	if del {
		return cmdutil.CompleteArgs(f, true, attributeKind(kind))
	}
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		src, _ := cmdutil.KnownSource(attributeKind(kind))
		defs, err := cmdutil.CompletionItems(c.Context(), f, src)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
		}
		return attributeCandidates(defs, args, toComplete)
	}
}

// attributeCandidates lists "key=" for each attribute not yet set, or,
// once the word has its "=", "key=value" for each value a list allows.
func attributeCandidates(defs []cmdutil.CompletionItem, args []string, word string) ([]string, cobra.ShellCompDirective) {
	var out []string
	if key, _, typed := strings.Cut(word, "="); typed {
		if strings.HasSuffix(key, ":") {
			return nil, cobra.ShellCompDirectiveNoFileComp // KEY:=JSON is free-form
		}
		for _, d := range defs {
			if d.AttributeKey != key {
				continue
			}
			for _, v := range d.AttributeValues {
				out = append(out, key+"="+v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	given := map[string]bool{}
	for _, a := range args {
		k, _, _ := strings.Cut(a, "=")
		given[strings.TrimSuffix(k, ":")] = true
	}
	for _, d := range defs {
		if d.AttributeKey != "" && !given[d.AttributeKey] {
			out = append(out, d.AttributeKey+"=\t"+d.AttributeDisplayName)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}
