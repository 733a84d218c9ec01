package cmd

import (
	"encoding/json"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/output"
)

// operationRow is one line of `woot api operations`.
type operationRow struct {
	Family  string `json:"family"`
	Method  string `json:"method"`
	Path    string `json:"path"`
	Command string `json:"command"`
	InSpec  bool   `json:"in_spec"`
}

func newAPIOperationsCmd(f *Factory) *cobra.Command {
	var out outputFlags
	c := &cobra.Command{
		Use:   "operations",
		Short: "List every Chatwoot operation woot covers and the command that calls it",
		Long: `Print one row per operation: its API family, method and path template
(exactly as in Chatwoot's published spec), the woot command that calls it, and
whether the spec documents it (routes Chatwoot serves beyond its spec are
in_spec=false). Tooling computes coverage from this table.`,
		Example: `  $ woot api operations
  $ woot api operations -o json --jq '[.[] | select(.in_spec | not)] | length'`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts := out.options([]string{"family", "method", "path", "command", "in_spec"})
			if err := opts.Validate(); err != nil {
				return err
			}
			ios, finish, err := out.streams(f.IOStreams)
			if err != nil {
				return err
			}
			return finish(printRows(ios, opts, operationRows()))
		},
	}
	addOutputFlags(c, &out)
	return c
}

func operationRows() []operationRow {
	var rows []operationRow
	for _, op := range allOperations() {
		rows = append(rows, operationRow{
			Family: string(op.Family), Method: op.Method, Path: op.Path,
			Command: "woot " + op.Command, InSpec: op.InSpec,
		})
	}
	// woot api reaches everything else; it has a row of its own.
	rows = append(rows, operationRow{Family: "any", Method: "ANY", Path: "{path}", Command: "woot api", InSpec: false})
	return rows
}

// printRows prints Go values through the list printer.
func printRows[T any](ios *output.IOStreams, opts output.Options, rows []T) error {
	printer, err := output.New(ios, opts)
	if err != nil {
		return err
	}
	for _, r := range rows {
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if err := printer.Item(data); err != nil {
			return err
		}
	}
	return printer.Close()
}
