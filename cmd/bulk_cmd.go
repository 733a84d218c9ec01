package cmd

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/bulk"
)

// bulkTopCommands are the hand-written bulk jobs: imports, exports and
// bulk actions, added under the generated "contacts" and "conversations".
func bulkTopCommands() []topCommand {
	return []topCommand{
		{"contacts", func(f *Factory) *cobra.Command {
			return bulkNoun(f, "contacts",
				newContactsImportCmd(f, nil), newContactsExportCmd(f, nil), newBulkCmd(f, bulk.KindContacts, nil))
		}},
		{"conversations", func(f *Factory) *cobra.Command {
			return bulkNoun(f, "conversations",
				newConversationsImportCmd(f, nil), newConversationsExportCmd(f, nil), newBulkCmd(f, bulk.KindConversations, nil))
		}},
	}
}

// bulkNoun is the noun the generated operations are merged into, so it
// reads like the generated one.
func bulkNoun(f *Factory, noun string, subs ...*cobra.Command) *cobra.Command {
	c := groupCmd(noun, nounShort(noun))
	c.GroupID = groupApplication
	c.AddCommand(subs...)
	return c
}
