package bulk

import (
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
