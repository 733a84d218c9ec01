// Package accountconf holds `woot config export|diff|apply` and
// `woot portals articles sync`: an account's configuration as files
// (the engine is pkg/accountconf).
package accountconf

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// NewCmd is `woot config`.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	c := operation.GroupCmd("config", "An account's configuration as files: export, diff, apply")
	c.Long = `Keep an account's set-up in files, reviewed like code and applied by a job.

export writes the configuration as YAML, one file per kind, in a stable
order; diff shows what apply would change; apply makes the account match.
Objects are matched by natural keys (label title, team name, agent email,
inbox name, canned response short code, attribute key and model, rule,
macro, bot and SLA name, webhook URL, portal, category and article slug),
never by ids, so the files move between accounts and installations.
References inside rules and macros are written as those keys.

Secrets (webhook and bot secrets, tokens, channel credentials) are never
written. A field that needs one takes ${ENV_VAR} and is read from the
environment on apply.`
	c.GroupID = cmdutil.GroupTools
	c.AddCommand(newExportCmd(f, nil), newDiffCmd(f, nil), newApplyCmd(f, nil))
	return c
}

// NewCmdPortals holds `portals articles sync`, merged under the generated
// "portals" noun.
func NewCmdPortals(f *cmdutil.Factory) *cobra.Command {
	articles := operation.GroupCmd("articles", "Manage articles")
	articles.AddCommand(newSyncCmd(f, nil))
	return operation.NounCmd("portals", articles)
}
