package application

import "github.com/wootcli/woot/pkg/api"

// Operations returns every Application API operation woot has a command
// for, grouped in help order: everyday conversation work first, then
// contacts, account set-up, automation, reporting, help center and
// administration.
func Operations() []api.Operation {
	groups := [][]api.Operation{
		conversationOperations(),
		messageOperations(),
		contactOperations(),
		searchOperations(),
		bulkActionOperations(),
		inboxOperations(),
		teamOperations(),
		agentOperations(),
		labelOperations(),
		cannedResponseOperations(),
		customAttributeOperations(),
		customFilterOperations(),
		macroOperations(),
		automationOperations(),
		campaignOperations(),
		reportOperations(),
		csatOperations(),
		appliedSLAOperations(),
		slaPolicyOperations(),
		helpCenterOperations(),
		webhookOperations(),
		integrationOperations(),
		agentBotOperations(),
		customRoleOperations(),
		accountOperations(),
		profileOperations(),
		notificationOperations(),
	}
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	ops := make([]api.Operation, 0, n)
	for _, g := range groups {
		for _, op := range g {
			op.Family = api.FamilyApplication
			ops = append(ops, op)
		}
	}
	return ops
}
