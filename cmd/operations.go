package cmd

import (
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/platform"
)

// allOperations is every operation woot has a command for, in help order.
func allOperations() []api.Operation {
	var ops []api.Operation
	ops = append(ops, application.Operations()...)
	ops = append(ops, application.ServerOperations()...)
	ops = append(ops, client.Operations()...)
	ops = append(ops, platform.Operations()...)
	return ops
}

// topLevel memoises the top-level operations: one run needs them twice
// (to pick the noun, then to build it) and building them is not free.
var topLevel struct {
	once sync.Once
	ops  []api.Operation
}

// topLevelOperations are the operations whose commands sit at the top
// level (the Application family and the server routes).
func topLevelOperations() []api.Operation {
	topLevel.once.Do(func() {
		topLevel.ops = append(application.Operations(), application.ServerOperations()...)
	})
	return topLevel.ops
}

// operationNouns lists the top-level nouns of the generated commands.
func operationNouns() []string {
	var nouns []string
	seen := map[string]bool{}
	for _, op := range topLevelOperations() {
		n := strings.Fields(op.Command)[0]
		if !seen[n] {
			seen[n] = true
			nouns = append(nouns, n)
		}
	}
	return nouns
}

// newNounCmd builds one top-level noun with its generated operations.
func newNounCmd(f *Factory, noun string) *cobra.Command {
	c := groupCmd(noun, nounShort(noun))
	c.GroupID = groupApplication
	for _, op := range topLevelOperations() {
		words := strings.Fields(op.Command)
		if words[0] == noun {
			addOperationTree(f, c, words[1:], op)
		}
	}
	return c
}

// newFamilyCmd builds `woot client` or `woot platform`.
func newFamilyCmd(f *Factory, family api.Family) *cobra.Command {
	var ops []api.Operation
	var c *cobra.Command
	switch family {
	case api.FamilyClient:
		ops = client.Operations()
		c = groupCmd("client", "Client API: build a custom chat front end (contacts, conversations, messages)")
		c.Long = `The Client API addresses one contact of one API inbox: --inbox-identifier
(the API inbox's identifier) and --contact-identifier (the contact's source_id,
returned when the contact is created). No access token is sent.`
		bindClientFlags(c, &f.Global)
	case api.FamilyPlatform:
		ops = platform.Operations()
		c = groupCmd("platform", "Platform API: manage accounts, users and agent bots of an installation")
		c.Long = `The Platform API is authenticated with a platform app's token
(CHATWOOT_PLATFORM_TOKEN or the profile's platform token), never a user token.
A platform app sees only the accounts, users and bots it created itself.`
	}
	c.GroupID = groupFamilies
	for _, op := range ops {
		words := strings.Fields(op.Command)
		addOperationTree(f, c, words[1:], op)
	}
	return c
}

func bindClientFlags(c *cobra.Command, g *GlobalOptions) {
	fs := c.PersistentFlags()
	fs.StringVar(&g.InboxIdentifier, "inbox-identifier", "", "API inbox identifier (env CHATWOOT_INBOX_IDENTIFIER)")
	fs.StringVar(&g.ContactIdentifier, "contact-identifier", "", "Contact identifier, the contact's source_id (env CHATWOOT_CONTACT_IDENTIFIER)")
}

// nounDescriptions are the one-line help of nouns whose name alone says too little.
func nounDescriptions() map[string]string {
	return map[string]string{
		"account":           "Show or update the account's settings",
		"agent-bots":        "Manage the account's agent bots",
		"agents":            "Manage the account's agents (users and roles)",
		"applied-slas":      "Read SLA policies applied to conversations and their breaches",
		"audit-logs":        "Read the account's audit log",
		"automation-rules":  "Manage automation rules",
		"bulk-actions":      "Run Chatwoot's bulk actions on conversations and contacts",
		"campaigns":         "Manage campaigns (ongoing and one-off)",
		"canned-responses":  "Manage canned responses (saved replies)",
		"contacts":          "Manage contacts: list, search, create, update, merge, notes, labels",
		"conversations":     "Manage conversations: list, filter, assign, change status, labels",
		"csat-responses":    "Read customer satisfaction survey responses and metrics",
		"custom-attributes": "Manage custom attribute definitions",
		"custom-filters":    "Manage saved conversation and contact filters",
		"custom-roles":      "Manage custom agent roles and their permissions",
		"inboxes":           "Manage inboxes and their members",
		"integrations":      "List integration apps and manage their hooks",
		"labels":            "Manage the account's labels",
		"macros":            "Manage macros and run them on conversations",
		"messages":          "List, send, update and delete messages of a conversation",
		"notifications":     "Read and clear your notifications",
		"portals":           "Manage help center portals, categories and articles",
		"profile":           "Show or update your own user profile",
		"reporting-events":  "Read the account's reporting events",
		"reports":           "Read account, agent, inbox, label and team reports",
		"search":            "Search conversations, messages, contacts and articles at once",
		"server":            "Server version and health",
		"sla-policies":      "Manage SLA policies",
		"surveys":           "Read a conversation's public CSAT survey page",
		"teams":             "Manage teams and their members",
		"webhooks":          "Manage account webhooks; receive, trigger and verify deliveries",
	}
}
