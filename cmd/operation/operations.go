package operation

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/platform"
)

// allOperations is every operation woot has a command for, in help order.
func AllOperations() []api.Operation {
	var ops []api.Operation
	ops = append(ops, application.Operations()...)
	ops = append(ops, application.ServerOperations()...)
	ops = append(ops, client.Operations()...)
	ops = append(ops, platform.Operations()...)
	return ops
}

// operationNouns lists the top-level nouns of the generated commands.
func OperationNouns() []string { return application.Nouns() }

// newNounCmd builds one top-level noun with its generated operations,
// building only that noun's operation table.
func NewNounCmd(f *cmdutil.Factory, noun string) *cobra.Command {
	c := NounCmd(noun)
	addOperations(f, c, application.OperationsOf(noun), 1)
	return c
}

// newFamilyCmd builds `woot client` or `woot platform`.
func NewFamilyCmd(f *cmdutil.Factory, family api.Family) *cobra.Command {
	var ops []api.Operation
	var c *cobra.Command
	switch family {
	case api.FamilyClient:
		ops = client.Operations()
		c = GroupCmd("client", "Client API: build a custom chat front end (contacts, conversations, messages)")
		c.Long = `The Client API addresses one contact of one API inbox: --inbox-identifier
(the API inbox's identifier) and --contact-identifier (the contact's source_id,
returned when the contact is created). No access token is sent.`
		bindClientFlags(c, &f.Global)
	case api.FamilyPlatform:
		ops = platform.Operations()
		c = GroupCmd("platform", "Platform API: manage accounts, users and agent bots of an installation")
		c.Long = `The Platform API is authenticated with a platform app's token
(CHATWOOT_PLATFORM_TOKEN or the profile's platform token), never a user token.
A platform app sees only the accounts, users and bots it created itself.`
	}
	c.GroupID = cmdutil.GroupFamilies
	addOperations(f, c, ops, 1)
	return c
}

func bindClientFlags(c *cobra.Command, g *cmdutil.GlobalOptions) {
	fs := c.PersistentFlags()
	fs.StringVar(&g.InboxIdentifier, "inbox-identifier", "", "API inbox identifier (env CHATWOOT_INBOX_IDENTIFIER)")
	fs.StringVar(&g.ContactIdentifier, "contact-identifier", "", "Contact identifier, the contact's source_id (env CHATWOOT_CONTACT_IDENTIFIER)")
}

// nounDescription is the one-line help of a noun whose name alone says
// too little ("" for the others). A switch, not a map: it runs at every
// start-up.
func nounDescription(noun string) string {
	switch noun {
	case "account":
		return "Show or update the account's settings"
	case "agent-bots":
		return "Manage the account's agent bots"
	case "agents":
		return "Manage the account's agents (users and roles)"
	case "applied-slas":
		return "Read SLA policies applied to conversations and their breaches"
	case "audit-logs":
		return "Read the account's audit log"
	case "automation-rules":
		return "Manage automation rules"
	case "bulk-actions":
		return "Run Chatwoot's bulk actions on conversations and contacts"
	case "campaigns":
		return "Manage campaigns (ongoing and one-off)"
	case "canned-responses":
		return "Manage canned responses (saved replies)"
	case "contacts":
		return "Manage contacts: list, search, create, update, merge, notes, labels"
	case "conversations":
		return "Manage conversations: list, filter, assign, change status, labels"
	case "csat-responses":
		return "Read customer satisfaction survey responses and metrics"
	case "custom-attributes":
		return "Manage custom attribute definitions"
	case "custom-filters":
		return "Manage saved conversation and contact filters"
	case "custom-roles":
		return "Manage custom agent roles and their permissions"
	case "inboxes":
		return "Manage inboxes and their members"
	case "integrations":
		return "List integration apps and manage their hooks"
	case "labels":
		return "Manage the account's labels"
	case "macros":
		return "Manage macros and run them on conversations"
	case "messages":
		return "List, send, update and delete messages of a conversation"
	case "notifications":
		return "Read and clear your notifications"
	case "portals":
		return "Manage help center portals, categories and articles"
	case "profile":
		return "Show or update your own user profile"
	case "reporting-events":
		return "Read the account's reporting events"
	case "reports":
		return "Read account, agent, inbox, label and team reports"
	case "search":
		return "Search conversations, messages, contacts and articles at once"
	case "server":
		return "Server version and health"
	case "sla-policies":
		return "Manage SLA policies"
	case "surveys":
		return "Read a conversation's public CSAT survey page"
	case "teams":
		return "Manage teams and their members"
	case "webhooks":
		return "Manage account webhooks; receive, trigger and verify deliveries"
	}
	return ""
}
