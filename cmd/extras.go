package cmd

import (
	bulkcmd "github.com/wootcli/woot/cmd/bulk"
	duplicatescmd "github.com/wootcli/woot/cmd/duplicates"
	handoffcmd "github.com/wootcli/woot/cmd/handoff"
	labelscmd "github.com/wootcli/woot/cmd/labels"
	"github.com/wootcli/woot/cmd/listen"
	refcmd "github.com/wootcli/woot/cmd/ref"
	reportscmd "github.com/wootcli/woot/cmd/reports"
	sandboxcmd "github.com/wootcli/woot/cmd/sandbox"
	transcriptcmd "github.com/wootcli/woot/cmd/transcript"
	triagecmd "github.com/wootcli/woot/cmd/triage"
	"github.com/wootcli/woot/cmd/webhooks"
)

// extraTopCommands are the hand-written commands: help topics, realtime,
// sandbox and bulk jobs. A builder named like a generated noun ("contacts")
// adds its subcommands to that noun.
func extraTopCommands() []topCommand {
	var tops []topCommand
	tops = append(tops, helpTopics()...)
	tops = append(tops, topCommand{"sandbox", sandboxcmd.NewCmd})
	tops = append(tops, topCommand{"contacts", bulkcmd.NewCmdContacts}, topCommand{"conversations", bulkcmd.NewCmdConversations})
	tops = append(tops, topCommand{"listen", listen.NewCmd}, topCommand{"verify", webhooks.NewCmdVerify}, topCommand{"webhooks", webhooks.NewCmd})
	tops = append(tops, topCommand{"conversations", transcriptcmd.NewCmdConversations})
	// before the generated "reports": its `conversations get` merges under this `reports conversations`
	tops = append(tops, topCommand{"reports", reportscmd.NewCmd})
	tops = append(tops, topCommand{"contacts", duplicatescmd.NewCmdContacts})
	tops = append(tops, topCommand{"conversations", labelscmd.NewCmdConversations}, topCommand{"contacts", labelscmd.NewCmdContacts})
	tops = append(tops, topCommand{"conversations", handoffcmd.NewCmdConversations})
	tops = append(tops, topCommand{"ref", refcmd.NewCmdRef}, topCommand{"open", refcmd.NewCmdOpen})
	tops = append(tops, topCommand{"conversations", triagecmd.NewCmdConversations})
	return tops
}
