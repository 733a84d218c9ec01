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
	tops = append(tops, topCommand{name: "sandbox", build: sandboxcmd.NewCmd})
	tops = append(tops, topCommand{name: "contacts", build: bulkcmd.NewCmdContacts}, topCommand{name: "conversations", build: bulkcmd.NewCmdConversations})
	tops = append(tops, topCommand{name: "listen", build: listen.NewCmd}, topCommand{name: "verify", build: webhooks.NewCmdVerify}, topCommand{name: "webhooks", build: webhooks.NewCmd})
	tops = append(tops, topCommand{name: "conversations", build: labeledit.NewCmdConversations}, topCommand{name: "contacts", build: labeledit.NewCmdContacts})
	tops = append(tops, topCommand{name: "conversations", build: handoff.NewCmdConversations}, topCommand{name: "conversations", build: triage.NewCmdConversations})
	tops = append(tops, topCommand{name: "open", build: ref.NewCmdOpen}, topCommand{name: "ref", build: ref.NewCmdRef})
	tops = append(tops, topCommand{name: "config", build: accountconfcmd.NewCmd}, topCommand{name: "portals", build: accountconfcmd.NewCmdPortals})
	tops = append(tops, topCommand{name: "conversations", build: transcriptcmd.NewCmdConversations}, topCommand{name: "contacts", build: duplicatescmd.NewCmdContacts})
	// before the generated "reports": its `conversations get` merges under this `reports conversations`
	tops = append(tops, topCommand{name: "reports", build: reportscmd.NewCmd})
	return tops
}
