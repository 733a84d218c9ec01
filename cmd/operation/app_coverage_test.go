package operation_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/application"
)

// allAppCases gathers the whole-command cases of every resource group.
func allAppCases() []appCase {
	var cases []appCase
	for _, group := range [][]appCase{
		appContactCases(), appConversationCases(), appMessageCases(),
		appInboxCases(), appTeamCases(), appAgentCases(),
		appAccountCases(), appProfileCases(), appServerCases(), appSettingsCases(), appIntegrationCases(),
		appAutomationCases(), appSearchCases(),
		appReportCases(), appCSATAndSLACases(),
		appPortalCases(), appArticleCases(), appBeyondCases(),
	} {
		cases = append(cases, group...)
	}
	return cases
}

// TestAppEveryOperationHasAWholeCommandTest maps the request of every case
// back to the operation whose path template it matches, and fails listing
// each Application or server operation no case requests, and each list
// operation without a test of how it pages. Each case's stub route accepts
// exactly its one request and fails when it is not made, so the requests
// matched here are the requests the commands send.
func TestAppEveryOperationHasAWholeCommandTest(t *testing.T) {
	ops := append(application.Operations(), application.ServerOperations()...)
	requested := map[string]bool{}
	paged := map[string]bool{}
	match := func(command string, args []string, method, path string) (string, bool) {
		op, ok := operationFor(ops, method, path)
		if !ok {
			t.Errorf("case %q requests %s %s, which matches no operation", command, method, path)
			return "", false
		}
		if op.Command != command {
			t.Errorf("case %q requests %s %s, which is `woot %s`", command, method, path, op.Command)
		}
		if words := strings.Fields(op.Command); len(args) < len(words) || strings.Join(args[:len(words)], " ") != op.Command {
			t.Errorf("case %q runs `woot %s`", command, strings.Join(args, " "))
		}
		return op.Method + " " + op.Path, true
	}
	for _, tc := range allAppCases() {
		if key, ok := match(tc.command, tc.args, tc.method, tc.path); ok {
			requested[key] = true
		}
	}
	for _, sc := range allSandboxCases() {
		if key, ok := match(sc.command, sc.args, sc.method, sc.path); ok {
			requested[key] = true
		}
	}
	for _, pc := range append(append(append(pagedListCases(), unpagedListCases()...), captainPageCases()...), beyondListCases()...) {
		if key, ok := match(pc.command, pc.args, pc.method, pc.path); ok {
			paged[key] = true
		}
	}
	var missing, unpaged []string
	for _, op := range ops {
		key := op.Method + " " + op.Path
		if !requested[key] {
			missing = append(missing, "woot "+op.Command+" ("+key+")")
		}
		if op.List != nil && !paged[key] {
			unpaged = append(unpaged, "woot "+op.Command+" ("+key+")")
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d operations have no whole-command test:\n  %s", len(missing), len(ops), strings.Join(missing, "\n  "))
	}
	if len(unpaged) > 0 {
		t.Errorf("%d list operations have no paging test:\n  %s", len(unpaged), strings.Join(unpaged, "\n  "))
	}
	t.Logf("%d operations requested by %d cases; %d list operations paged", len(requested), len(allAppCases()), len(paged))
}

// TestAppErrataOnlyExemptSpecOperations keeps the spec exemptions honest:
// only an operation of the spec can need one. (That the spec really rejects
// the request is checked where the request is made: errataNeeded.)
func TestAppErrataOnlyExemptSpecOperations(t *testing.T) {
	ops := appOperations()
	for _, tc := range allAppCases() {
		if tc.errata == "" {
			continue
		}
		if op := ops[tc.command]; !op.InSpec {
			t.Errorf("case %q carries errata %q, but its operation is beyond the spec anyway", tc.name(), tc.errata)
		}
	}
	for _, pc := range append(append(pagedListCases(), unpagedListCases()...), beyondListCases()...) {
		if op := ops[pc.command]; pc.errata != "" && !op.InSpec {
			t.Errorf("paging case %q carries errata, but its operation is beyond the spec anyway", pc.command)
		}
		if ops[pc.command].List == nil {
			t.Errorf("paging case %q is for an operation that is no list", pc.command)
		}
	}
}
