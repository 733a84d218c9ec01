package api

import (
	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// operationRow is one line of `woot api operations`.
type operationRow struct {
	Family  string `json:"family"`
	Method  string `json:"method"`
	Path    string `json:"path"`
	Command string `json:"command"`
	InSpec  bool   `json:"in_spec"`
}

func newAPIOperationsCmd(f *cmdutil.Factory) *cobra.Command {
	var out cmdutil.OutputFlags
	c := &cobra.Command{
		Use:   "operations",
		Short: "List every Chatwoot operation woot covers and the command that calls it",
		Long: `Print one row per operation: its API family, method and path template
(exactly as in Chatwoot's published spec), the woot command that calls it, and
whether the spec documents it (routes Chatwoot serves beyond its spec are
in_spec=false). Tooling computes coverage from this table.`,
		Example: `  $ woot api operations
  $ woot api operations -o json --jq '[.[] | select(.in_spec | not)] | length'`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts := out.Options([]string{"family", "method", "path", "command", "in_spec"})
			if err := opts.Validate(); err != nil {
				return err
			}
			ios, finish, err := out.Streams(f.IOStreams)
			if err != nil {
				return err
			}
			return finish(cmdutil.PrintRows(ios, opts, operationRows()))
		},
	}
	cmdutil.AddOutputFlags(c, &out)
	return c
}

func operationRows() []operationRow {
	var rows []operationRow
	for _, op := range operation.AllOperations() {
		rows = append(rows, operationRow{
			Family: string(op.Family), Method: op.Method, Path: op.Path,
			Command: "woot " + op.Command, InSpec: op.InSpec,
		})
	}
	// woot api reaches everything else; it has a row of its own.
	rows = append(rows, operationRow{Family: "any", Method: "ANY", Path: "{path}", Command: "woot api", InSpec: false})
	return rows
}
