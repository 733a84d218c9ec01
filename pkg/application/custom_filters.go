package application

import "github.com/wootcli/woot/pkg/api"

// customFilterOperations covers saved filters (conversation, contact and
// report views).
func customFilterOperations() []api.Operation {
	cols := []string{"id", "name", "type", "created_at"}
	filterTypes := func() []string { return []string{"conversation", "contact", "report"} }
	params := func() []api.Param {
		return []api.Param{
			{Name: "name", Usage: "Filter name"},
			{Name: "type", Enum: filterTypes(), Usage: "What the filter lists"},
			{Name: "query", Type: api.JSON, Usage: "The filter query as JSON (or @file), e.g. {\"payload\":[…]}"},
		}
	}
	return []api.Operation{
		{
			Command: "custom-filters list", Method: "GET", Path: acct + "/custom_filters", InSpec: true,
			Short:   "List saved filters",
			Example: "  $ woot custom-filters list --filter-type conversation",
			Params: []api.Param{
				{Name: "filter_type", In: api.InQuery, Enum: filterTypes(), Usage: "Only filters of this type"},
			},
			List:    &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "custom-filters get", Method: "GET", Path: acct + "/custom_filters/{custom_filter_id}", InSpec: true,
			Short:    "Show a saved filter",
			Example:  "  $ woot custom-filters get 1 -o json",
			ArgNames: []string{"FILTER_ID"},
			Columns:  cols,
		},
		{
			Command: "custom-filters create", Method: "POST", Path: acct + "/custom_filters", InSpec: true,
			Short:   "Save a filter",
			Example: "  $ woot custom-filters create --name 'Open billing' --type conversation --query @billing-filter.json",
			Params:  params(),
			Columns: cols,
		},
		{
			Command: "custom-filters update", Method: "PATCH", Path: acct + "/custom_filters/{custom_filter_id}", InSpec: true,
			Short:    "Change a saved filter",
			Example:  "  $ woot custom-filters update 1 --name 'Open billing (EU)'",
			ArgNames: []string{"FILTER_ID"},
			Params:   params(),
			Columns:  cols,
		},
		{
			Command: "custom-filters delete", Method: "DELETE", Path: acct + "/custom_filters/{custom_filter_id}", InSpec: true,
			Short:    "Delete a saved filter",
			Example:  "  $ woot custom-filters delete 1 --yes",
			ArgNames: []string{"FILTER_ID"},
			Confirm:  true,
		},
	}
}
