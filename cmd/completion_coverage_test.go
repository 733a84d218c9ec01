package cmd

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestEveryObjectArgumentAndFlagCompletes keeps live completion from
// drifting: every Application API command whose arguments or flags name
// conversations, contacts, inboxes, teams, agents, labels or portals
// completes them, whether generated or hand-written.
func TestEveryObjectArgumentAndFlagCompletes(t *testing.T) {
	objectArg := regexp.MustCompile(`\b(ID|CONVERSATION_ID|CONTACT_ID|INBOX_ID|TEAM_ID|AGENT_ID|USER_ID|LABEL|LABEL_ID|PORTAL|PORTAL_SLUG)\b`)
	objectFlag := regexp.MustCompile(`^(ids|inbox|inbox-id|inbox-ids|team|team-id|to-team|agent|to-agent|assignee-id|user-ids|labels|label|add-label|remove-label|contact-id|conversation-id|portal)$`)
	// Ids whose list needs a portal or an assistant that the flag alone
	// does not name.
	exempt := map[string]bool{
		"woot captain bulk-actions create --ids":   true,
		"woot portals articles delete-many --ids":  true,
		"woot portals articles set-category --ids": true,
		"woot portals articles set-status --ids":   true,
		"woot portals articles translate --ids":    true,
	}
	checked := 0
	for _, c := range allCommands(CommandTree()) {
		path := c.CommandPath()
		if !c.Runnable() || c.Hidden || strings.HasPrefix(path, "woot client ") || strings.HasPrefix(path, "woot platform ") {
			continue // the Client and Platform APIs' ids are not the account's
		}
		if objectArg.MatchString(c.Use) {
			checked++
			if c.ValidArgsFunction == nil {
				t.Errorf("%s (%s): its arguments do not complete", path, c.Use)
			}
		}
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			if !objectFlag.MatchString(fl.Name) || fl.Value.Type() == "bool" || exempt[path+" --"+fl.Name] {
				return
			}
			checked++
			if _, ok := c.GetFlagCompletionFunc(fl.Name); !ok {
				t.Errorf("%s --%s does not complete", path, fl.Name)
			}
		})
	}
	if checked < 100 {
		t.Fatalf("only %d arguments and flags checked: the patterns no longer match the command tree", checked)
	}
}
