package application

import "github.com/wootcli/woot/pkg/api"

// companyOperations covers companies: the organisations contacts belong
// to, with their own attributes, contacts, conversations and notes.
func companyOperations() []api.Operation {
	cols := []string{"id", "name", "domain", "contacts_count"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "name", Required: create, Usage: "Company name"},
			{Name: "domain", Usage: "Web domain, e.g. acme.example"},
			{Name: "description", Usage: "Description"},
			{Name: "custom_attributes", Type: api.Map, Usage: "Custom attribute values (key=value, repeatable)"},
			{Name: "additional_attributes", Type: api.Map, Usage: "Additional attributes (key=value, repeatable)"},
		}
	}
	c := acct + "/companies"
	id := []string{"COMPANY_ID"}
	paged := &api.List{Pager: api.PageNumber, PageSize: 25}
	sort := api.Param{Name: "sort", In: api.InQuery, Enum: []string{"name", "-name", "domain", "-domain", "created_at", "-created_at", "contacts_count", "-contacts_count"}, Usage: "Order by this field (- for descending)"}
	contactCols := []string{"id", "name", "email", "phone_number"}
	return []api.Operation{
		{
			Command: "companies list", Method: "GET", Path: c,
			Short:   "List companies",
			Example: "  $ woot companies list --sort -contacts_count",
			Params:  []api.Param{sort},
			Data:    "payload", List: paged, Columns: cols,
		},
		{
			Command: "companies search", Method: "GET", Path: c + "/search",
			Short:   "Find companies by name or domain",
			Example: "  $ woot companies search --q globex",
			Params:  []api.Param{{Name: "q", In: api.InQuery, Required: true, Usage: "Text to look for"}, sort},
			Data:    "payload", List: paged, Columns: cols,
		},
		{
			Command: "companies get", Method: "GET", Path: c + "/{id}",
			Short:    "Show a company",
			Example:  "  $ woot companies get 2",
			ArgNames: id, Data: "payload", Columns: cols,
		},
		{
			Command: "companies create", Method: "POST", Path: c,
			Short:   "Create a company",
			Example: "  $ woot companies create --name 'Globex Corp' --domain globex.example --custom-attributes plan=enterprise",
			Params:  params(true), Data: "payload", Columns: cols,
		},
		{
			Command: "companies update", Method: "PATCH", Path: c + "/{id}",
			Short:    "Change a company",
			Example:  "  $ woot companies update 2 --description 'Key account since 2024'",
			ArgNames: id, Params: params(false), Data: "payload", Columns: cols,
		},
		{
			Command: "companies delete", Method: "DELETE", Path: c + "/{id}",
			Short:    "Delete a company",
			Long:     "Its contacts stay; they just no longer belong to a company.",
			Example:  "  $ woot companies delete 1 --yes",
			ArgNames: id, Confirm: true,
		},
		{
			Command: "companies delete-custom-attributes", Method: "POST", Path: c + "/{id}/destroy_custom_attributes",
			Short:    "Remove custom attributes from a company",
			Example:  "  $ woot companies delete-custom-attributes 2 --custom-attributes plan",
			ArgNames: id,
			Params:   []api.Param{{Name: "custom_attributes", Type: api.Strings, Required: true, Usage: "Attribute keys to remove (repeat or comma-separate)"}},
			Data:     "payload", Columns: cols,
		},
		{
			Command: "companies contacts list", Method: "GET", Path: c + "/{company_id}/contacts",
			Short:    "List a company's contacts",
			Example:  "  $ woot companies contacts list 2",
			ArgNames: id, Data: "payload", List: paged, Columns: contactCols,
		},
		{
			Command: "companies contacts search", Method: "GET", Path: c + "/{company_id}/contacts/search",
			Short:    "Find contacts to add to a company",
			Example:  "  $ woot companies contacts search 2 --q ava",
			ArgNames: id,
			Params:   []api.Param{{Name: "q", In: api.InQuery, Required: true, Usage: "Name, email or phone to look for"}},
			Data:     "payload", List: paged, Columns: contactCols,
		},
		{
			Command: "companies contacts add", Method: "POST", Path: c + "/{company_id}/contacts",
			Short:    "Make a contact part of a company",
			Example:  "  $ woot companies contacts add 2 --contact-id 2",
			ArgNames: id,
			Params:   []api.Param{{Name: "contact_id", Type: api.Int, Required: true, Usage: "Contact to add"}},
			Data:     "payload", Columns: contactCols,
		},
		{
			Command: "companies contacts remove", Method: "DELETE", Path: c + "/{company_id}/contacts/{id}",
			Short:    "Take a contact out of a company",
			Example:  "  $ woot companies contacts remove 2 1 --yes",
			ArgNames: []string{"COMPANY_ID", "CONTACT_ID"}, Confirm: true,
		},
		{
			Command: "companies conversations list", Method: "GET", Path: c + "/{company_id}/conversations",
			Short:    "List the conversations of a company's contacts",
			Example:  "  $ woot companies conversations list 2",
			ArgNames: id, Data: "payload", List: paged,
			Columns: []string{"id", "status", "meta.sender.name", "inbox_id"},
		},
		{
			Command: "companies notes list", Method: "GET", Path: c + "/{company_id}/notes",
			Short:    "List the notes on a company's contacts",
			Example:  "  $ woot companies notes list 2",
			ArgNames: id, Data: "payload", List: &api.List{Pager: api.NoPages},
			Columns: []string{"id", "content", "contact.name", "user.name"},
		},
	}
}
