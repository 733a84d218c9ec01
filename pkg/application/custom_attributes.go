package application

import "github.com/wootcli/woot/pkg/api"

// attributeModels() are the names of Chatwoot's attribute_model enum
// (CustomAttributeDefinition: conversation_attribute 0, contact_attribute 1).
func attributeModels() map[string]int64 {
	return map[string]int64{"conversation_attribute": 0, "contact_attribute": 1}
}

// customAttributeOperations covers the definitions of custom attributes
// (the attributes themselves are set on contacts and conversations).
func customAttributeOperations() []api.Operation {
	cols := []string{"id", "attribute_key", "attribute_display_name", "attribute_display_type", "attribute_model"}
	params := func() []api.Param {
		return []api.Param{
			{Name: "attribute_display_name", Usage: "Name shown to agents"},
			{Name: "attribute_key", Usage: "Key used in custom_attributes, e.g. plan"},
			{Name: "attribute_display_type", Type: api.Int, Usage: "0 text, 1 number, 2 currency, 3 percent, 4 link, 5 date, 6 list, 7 checkbox"},
			{Name: "attribute_model", Type: api.Int, Names: attributeModels(), Usage: "What the attribute describes"},
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
				// The spec enumerates the numeric codes, so the names are sent as numbers.
				{Name: "attribute_model", In: api.InQuery, Type: api.Int, Required: true, Names: attributeModels(), Usage: "Which attributes"},
			},
			List:    &api.List{Pager: api.NoPages},
			Columns: cols,
		},
		{
			Command: "custom-attributes get", Method: "GET", Path: acct + "/custom_attribute_definitions/{id}", InSpec: true,
			Short:    "Show a custom attribute definition",
			Example:  "  $ woot custom-attributes get 1",
			ArgNames: []string{"ATTRIBUTE_ID"},
			Columns:  cols,
		},
		{
			Command: "custom-attributes create", Method: "POST", Path: acct + "/custom_attribute_definitions", InSpec: true,
			Short:   "Define a custom attribute",
			Example: "  $ woot custom-attributes create --attribute-display-name Tier --attribute-key tier --attribute-display-type 6 --attribute-model contact_attribute --attribute-values free,pro,enterprise",
			Params:  params(),
			Columns: cols,
		},
		{
			Command: "custom-attributes update", Method: "PATCH", Path: acct + "/custom_attribute_definitions/{id}", InSpec: true,
			Short:    "Change a custom attribute definition",
			Example:  "  $ woot custom-attributes update 1 --attribute-values free,pro,business,enterprise",
			ArgNames: []string{"ATTRIBUTE_ID"},
			Params:   params(),
			Columns:  cols,
		},
		{
			Command: "custom-attributes delete", Method: "DELETE", Path: acct + "/custom_attribute_definitions/{id}", InSpec: true,
			Short:    "Delete a custom attribute definition",
			Example:  "  $ woot custom-attributes delete 1 --yes",
			ArgNames: []string{"ATTRIBUTE_ID"},
			Confirm:  true,
		},
	}
}
