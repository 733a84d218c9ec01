package bulk

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// newContactsCmd holds the hand-written bulk jobs on contacts: import,
// export and bulk actions, merged under the generated "contacts" noun.
func NewCmdContacts(f *cmdutil.Factory) *cobra.Command {
	return bulkNoun(f, "contacts",
		newContactsImportCmd(f, nil), newContactsExportCmd(f, nil), newBulkCmd(f, bulk.KindContacts, nil),
		newMergePlanCmd(f, nil))
}

// newConversationsCmd holds the hand-written bulk jobs on conversations,
// merged under the generated "conversations" noun.
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command {
	return bulkNoun(f, "conversations",
		newConversationsImportCmd(f, nil), newConversationsExportCmd(f, nil), newBulkCmd(f, bulk.KindConversations, nil))
}

// bulkNoun is the noun the generated operations are merged into, so it
// reads like the generated one.
func bulkNoun(f *cmdutil.Factory, noun string, subs ...*cobra.Command) *cobra.Command {
	c := operation.GroupCmd(noun, operation.NounShort(noun))
	c.GroupID = cmdutil.GroupApplication
	c.AddCommand(subs...)
	return c
}
