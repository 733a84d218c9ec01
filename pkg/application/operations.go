package application

import (
	"slices"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// table is one group of operations and the top-level nouns its commands
// start with. Knowing the nouns up front lets `woot contacts …` build only
// the contacts table at start-up; a test keeps the lists true.
type table struct {
	nouns []string
	ops   func() []api.Operation
}

// tableList lists the Application API groups in help order: everyday
// conversation work first, then contacts, account set-up, automation,
// reporting, help center and administration. Strings and function
// values only, so the compiler lays it out as data: no init code, and
// reading it allocates nothing.
var tableList = []table{
	{[]string{"conversations"}, conversationOperations},
	{[]string{"messages"}, messageOperations},
	{[]string{"contacts"}, contactOperations},
	{[]string{"search"}, searchOperations},
	{[]string{"bulk-actions"}, bulkActionOperations},
	{[]string{"inboxes"}, inboxOperations},
	{[]string{"teams"}, teamOperations},
	{[]string{"agents"}, agentOperations},
	{[]string{"labels"}, labelOperations},
	{[]string{"canned-responses"}, cannedResponseOperations},
	{[]string{"custom-attributes"}, customAttributeOperations},
	{[]string{"custom-filters"}, customFilterOperations},
	{[]string{"macros"}, macroOperations},
	{[]string{"automation-rules"}, automationOperations},
	{[]string{"campaigns"}, campaignOperations},
	{[]string{"reporting-events", "reports"}, reportOperations},
	{[]string{"csat-responses"}, csatOperations},
	{[]string{"applied-slas"}, appliedSLAOperations},
	{[]string{"sla-policies"}, slaPolicyOperations},
	{[]string{"portals"}, helpCenterOperations},
	{[]string{"webhooks"}, webhookOperations},
	{[]string{"integrations"}, integrationOperations},
	{[]string{"agent-bots"}, agentBotOperations},
	{[]string{"custom-roles"}, customRoleOperations},
	{[]string{"account", "audit-logs"}, accountOperations},
	{[]string{"profile"}, profileOperations},
	{[]string{"notifications"}, notificationOperations},
	// Routes beyond the spec rated medium (issue 16); a noun may come
	// back here to extend a resource without editing its first table.
	{[]string{"assignment-policies", "inboxes"}, assignmentPolicyOperations},
	{[]string{"capacity-policies"}, capacityPolicyOperations},
	{[]string{"dashboard-apps"}, dashboardAppOperations},
	{[]string{"data-imports"}, dataImportOperations},
	{[]string{"inboxes"}, inboxExtraOperations},
	{[]string{"conversations"}, conversationExtraOperations},
	{[]string{"messages"}, messageExtraOperations},
	{[]string{"notifications"}, notificationExtraOperations},
	{[]string{"attachments"}, attachmentOperations},
	{[]string{"agents"}, agentExtraOperations},
	{[]string{"contacts"}, contactExtraOperations},
	{[]string{"contact-inboxes"}, contactInboxOperations},
	{[]string{"channels"}, channelOperations},
	{[]string{"integrations"}, integrationExtraOperations},
	{[]string{"portals"}, helpCenterExtraOperations},
	{[]string{"agent-bots"}, agentBotExtraOperations},
	{[]string{"profile"}, profileExtraOperations},
	{[]string{"campaigns"}, campaignExtraOperations},
	{[]string{"csat-responses"}, csatExtraOperations},
	{[]string{"conversations"}, conversationReadOperations},
	{[]string{"notification-settings"}, notificationSettingOperations},
	{[]string{"saml-settings"}, samlOperations},
	{[]string{"profile"}, profileSessionOperations},
	{[]string{"captain"}, captainOperations},
	{[]string{"companies"}, companyOperations},
	{[]string{"monitors"}, monitorOperations},
}

// tables returns tableList; callers only read it.
func tables() []table { return tableList }

// serverNouns are the nouns of ServerOperations that no table has.
var serverNouns = []string{"server", "surveys"}

// Operations returns every Application API operation woot has a command
// for, in help order.
func Operations() []api.Operation {
	var ops []api.Operation
	for _, t := range tables() {
		ops = appendApplication(ops, t.ops())
	}
	return ops
}

func appendApplication(ops, group []api.Operation) []api.Operation {
	for _, op := range group {
		op.Family = api.FamilyApplication
		ops = append(ops, op)
	}
	return ops
}

// Nouns lists the top-level nouns of Operations and ServerOperations in
// help order, without building either.
func Nouns() []string {
	var nouns []string
	for _, t := range tables() {
		for _, n := range t.nouns {
			if !slices.Contains(nouns, n) {
				nouns = append(nouns, n)
			}
		}
	}
	return append(nouns, serverNouns...)
}

// OperationsOf returns the operations of Operations and ServerOperations
// whose command starts with noun, in the same order, building only the
// tables that can hold it.
func OperationsOf(noun string) []api.Operation {
	ofNoun := func(op api.Operation) bool {
		first, _, _ := strings.Cut(op.Command, " ")
		return first == noun
	}
	var ops []api.Operation
	for _, t := range tables() {
		if !slices.Contains(t.nouns, noun) {
			continue
		}
		// Each call builds a fresh table: it is ours to change and keep,
		// which spares copying every operation once more at start-up.
		group := t.ops()
		for i := range group {
			group[i].Family = api.FamilyApplication
		}
		if ops == nil {
			ops = group
		} else {
			ops = append(ops, group...)
		}
	}
	ops = slices.DeleteFunc(ops, func(op api.Operation) bool { return !ofNoun(op) })
	for _, op := range ServerOperations() {
		if ofNoun(op) {
			ops = append(ops, op)
		}
	}
	return ops
}
