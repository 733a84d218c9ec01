package cmd

// extraTopCommands are the hand-written commands: help topics, realtime,
// sandbox and bulk jobs. A builder named like a generated noun ("contacts")
// adds its subcommands to that noun.
func extraTopCommands() []topCommand {
	var tops []topCommand
	tops = append(tops, helpTopics()...)
	tops = append(tops, topCommand{"sandbox", newSandboxCmd})
	tops = append(tops, bulkTopCommands()...)
	tops = append(tops, topCommand{"listen", newListenCmd}, topCommand{"verify", newVerifyCmd}, topCommand{"webhooks", newWebhooksToolsCmd})
	return tops
}
