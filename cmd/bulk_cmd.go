package cmd

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// bulkTopCommands are the hand-written bulk jobs: imports, exports and
// bulk actions, added under the generated "contacts" and "conversations".
func bulkTopCommands() []topCommand {
	return []topCommand{
		{"contacts", func(f *cmdutil.Factory) *cobra.Command {
			return bulkNoun(f, "contacts",
				newContactsImportCmd(f, nil), newContactsExportCmd(f, nil), newBulkCmd(f, bulk.KindContacts, nil))
		}},
		{"conversations", func(f *cmdutil.Factory) *cobra.Command {
			return bulkNoun(f, "conversations",
				newConversationsImportCmd(f, nil), newConversationsExportCmd(f, nil), newBulkCmd(f, bulk.KindConversations, nil))
		}},
	}
}

// bulkNoun is the noun the generated operations are merged into, so it
// reads like the generated one.
func bulkNoun(f *cmdutil.Factory, noun string, subs ...*cobra.Command) *cobra.Command {
	c := groupCmd(noun, nounShort(noun))
	c.GroupID = cmdutil.GroupApplication
	c.AddCommand(subs...)
	return c
}
