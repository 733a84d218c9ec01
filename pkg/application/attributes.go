package application

import "github.com/wootcli/woot/pkg/api"

// customAttributeOperations covers the definitions of custom attributes
// (the attributes themselves are set on contacts and conversations).
func customAttributeOperations() []api.Operation {
	cols := []string{"id", "attribute_key", "attribute_display_name", "attribute_display_type", "attribute_model"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "attribute_display_name", Usage: "Name shown to agents"},
			{Name: "attribute_key", Usage: "Key used in custom_attributes, e.g. plan"},
			{Name: "attribute_display_type", Type: api.Int, Usage: "0 text, 1 number, 2 currency, 3 percent, 4 link, 5 date, 6 list, 7 checkbox"},
			{Name: "attribute_model", Type: api.Int, Usage: "0 conversation attribute, 1 contact attribute"},
			{Name: "attribute_description", Usage: "Description"},
			{Name: "attribute_values", Type: api.Strings, Usage: "Allowed values of a list attribute"},
			{Name: "regex_pattern", Usage: "Text attributes: pattern values must match"},
			{Name: "regex_cue", Usage: "Text attributes: hint shown when the pattern does not match"},
		}
	}
	return []api.Operation{
		{
			Command: "custom-attributes list", Method: "GET", Path: acct + "/custom_attribute_definitions", InSpec: true,
			Short:   "List custom attribute definitions",
			Example: "  $ woot custom-attributes list --attribute-model contact_attribute",
			Params: []api.Param{
				// The spec enumerates the numeric codes; the server also takes the names.
				{Name: "attribute_model", In: api.InQuery, Required: true, Enum: []string{"conversation_attribute", "contact_attribute", "0", "1"}, Usage: "Which attributes: conversation_attribute (0) or contact_attribute (1)"},
			},
			List:    &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "custom-attributes get", Method: "GET", Path: acct + "/custom_attribute_definitions/{id}", InSpec: true,
			Short:    "Show a custom attribute definition",
			Example:  "  $ woot custom-attributes get 3",
			ArgNames: []string{"ATTRIBUTE_ID"},
			Columns:  cols,
		},
		{
			Command: "custom-attributes create", Method: "POST", Path: acct + "/custom_attribute_definitions", InSpec: true,
			Short:   "Define a custom attribute",
			Example: "  $ woot custom-attributes create --attribute-display-name Plan --attribute-key plan --attribute-display-type 6 --attribute-model 1 --attribute-values free,pro,enterprise",
			Params:  params(),
			Columns: cols,
		},
		{
			Command: "custom-attributes update", Method: "PATCH", Path: acct + "/custom_attribute_definitions/{id}", InSpec: true,
			Short:    "Change a custom attribute definition",
			Example:  "  $ woot custom-attributes update 3 --attribute-values free,pro,business,enterprise",
			ArgNames: []string{"ATTRIBUTE_ID"},
			Params:   params(),
			Columns:  cols,
		},
		{
			Command: "custom-attributes delete", Method: "DELETE", Path: acct + "/custom_attribute_definitions/{id}", InSpec: true,
			Short:    "Delete a custom attribute definition",
			Example:  "  $ woot custom-attributes delete 3 --yes",
			ArgNames: []string{"ATTRIBUTE_ID"},
			Confirm:  true,
		},
	}
}

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
			Example:  "  $ woot custom-filters get 4 -o json",
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
			Example:  "  $ woot custom-filters update 4 --name 'Open billing (EU)'",
			ArgNames: []string{"FILTER_ID"},
			Params:   params(),
			Columns:  cols,
		},
		{
			Command: "custom-filters delete", Method: "DELETE", Path: acct + "/custom_filters/{custom_filter_id}", InSpec: true,
			Short:    "Delete a saved filter",
			Example:  "  $ woot custom-filters delete 4 --yes",
			ArgNames: []string{"FILTER_ID"},
			Confirm:  true,
		},
	}
}
