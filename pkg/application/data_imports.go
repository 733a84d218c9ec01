package application

import "github.com/wootcli/woot/pkg/api"

// dataImportOperations covers data imports: moving contacts and
// conversations in from a CSV file or another help desk, run in the
// background and watched here.
func dataImportOperations() []api.Operation {
	cols := []string{"id", "name", "data_type", "source_type", "status", "processed_records", "total_records"}
	imp := []string{"IMPORT_ID"}
	logCols := []string{"id", "row_number", "error_message", "created_at"}
	source := []api.Param{
		{Name: "data_type", Usage: "What is imported (e.g. contacts)"},
		{Name: "source_type", Usage: "Where it comes from (e.g. csv)"},
		{Name: "source_provider", Usage: "The help desk it comes from, for managed imports"},
		{Name: "import_file", Flag: "file", Type: api.File, Usage: "CSV file to import (- for stdin)"},
		{Name: "credentials", Type: api.Map, Usage: "Credentials of the source help desk (key=value)"},
	}
	return []api.Operation{
		{
			Command: "data-imports list", Method: "GET", Path: acct + "/data_imports",
			Short:   "List data imports",
			Example: "  $ woot data-imports list",
			Data:    "payload", List: &api.List{Pager: api.NoPages}, Columns: cols,
		},
		{
			Command: "data-imports get", Method: "GET", Path: acct + "/data_imports/{id}",
			Short:   "Show a data import and its progress",
			Example: "  $ woot data-imports get 1 --jq .allowed_actions", ArgNames: imp, Columns: cols,
		},
		{
			Command: "data-imports create", Method: "POST", Path: acct + "/data_imports",
			Short:   "Start a data import",
			Long:    "For a plain contacts CSV with a rejects file and resume, `woot contacts import` does the work client-side.",
			Example: "  $ woot data-imports create --data-type contacts --source-type csv --name 'Old CRM'",
			Params:  withParams([]api.Param{{Name: "name", Usage: "Name of the import"}}, source), Columns: cols,
		},
		{
			Command: "data-imports validate", Method: "POST", Path: acct + "/data_imports/validate_source",
			Short:   "Check an import source before importing",
			Example: "  $ woot data-imports validate --data-type contacts --source-type csv",
			Params:  source,
		},
		{
			Command: "data-imports start", Method: "POST", Path: acct + "/data_imports/{id}/start",
			Short:   "Start or restart a managed data import",
			Example: "  $ woot data-imports start 1", ArgNames: imp, Columns: cols,
		},
		{
			Command: "data-imports retry", Method: "POST", Path: acct + "/data_imports/{id}/retry",
			Short:   "Resume a stalled data import",
			Example: "  $ woot data-imports retry 1", ArgNames: imp, Columns: cols,
		},
		{
			Command: "data-imports abandon", Method: "POST", Path: acct + "/data_imports/{id}/abandon",
			Short:   "Give up a data import",
			Example: "  $ woot data-imports abandon 1 --yes", ArgNames: imp, Confirm: true, Columns: cols,
		},
		{
			Command: "data-imports errors list", Method: "GET", Path: acct + "/data_imports/{id}/error_logs",
			Short:   "List the rows a data import rejected",
			Example: "  $ woot data-imports errors list 1", ArgNames: imp,
			Data: "payload", List: &api.List{Pager: api.NoPages}, Columns: logCols,
		},
		{
			Command: "data-imports skips list", Method: "GET", Path: acct + "/data_imports/{id}/skip_logs",
			Short:   "List the rows a data import skipped",
			Example: "  $ woot data-imports skips list 1", ArgNames: imp,
			Data: "payload", List: &api.List{Pager: api.NoPages}, Columns: logCols,
		},
	}
}
