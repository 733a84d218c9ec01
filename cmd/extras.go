package cmd

import (
	accountconfcmd "github.com/wootcli/woot/cmd/accountconf"
	bulkcmd "github.com/wootcli/woot/cmd/bulk"
	duplicatescmd "github.com/wootcli/woot/cmd/duplicates"
	"github.com/wootcli/woot/cmd/handoff"
	"github.com/wootcli/woot/cmd/labeledit"
	"github.com/wootcli/woot/cmd/listen"
	"github.com/wootcli/woot/cmd/ref"
	reportscmd "github.com/wootcli/woot/cmd/reports"
	sandboxcmd "github.com/wootcli/woot/cmd/sandbox"
	transcriptcmd "github.com/wootcli/woot/cmd/transcript"
	"github.com/wootcli/woot/cmd/triage"
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
	tops = append(tops, topCommand{"conversations", labeledit.NewCmdConversations}, topCommand{"contacts", labeledit.NewCmdContacts})
	tops = append(tops, topCommand{"conversations", handoff.NewCmdConversations}, topCommand{"conversations", triage.NewCmdConversations})
	tops = append(tops, topCommand{"open", ref.NewCmdOpen}, topCommand{"ref", ref.NewCmdRef})
	tops = append(tops, topCommand{"config", accountconfcmd.NewCmd}, topCommand{"portals", accountconfcmd.NewCmdPortals})
	tops = append(tops, topCommand{"conversations", transcriptcmd.NewCmdConversations}, topCommand{"contacts", duplicatescmd.NewCmdContacts})
	// before the generated "reports": its `conversations get` merges under this `reports conversations`
	tops = append(tops, topCommand{"reports", reportscmd.NewCmd})
	return tops
}
