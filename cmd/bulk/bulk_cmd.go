package bulk

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// NewCmdContacts holds the hand-written bulk jobs on contacts: import,
// export and bulk actions, merged under the generated "contacts" noun.
func NewCmdContacts(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("contacts",
		newContactsImportCmd(f, nil), newContactsExportCmd(f, nil), newBulkCmd(f, bulk.KindContacts, nil),
		newMergePlanCmd(f, nil))
}

// NewCmdConversations holds the hand-written bulk jobs on conversations,
// merged under the generated "conversations" noun.
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("conversations",
		newConversationsImportCmd(f, nil), newConversationsExportCmd(f, nil), newBulkCmd(f, bulk.KindConversations, nil))
}
