// Package duplicates is `woot contacts duplicates`: groups of contacts
// that are probably one person, and the merge plan that joins them (the
// matching is pkg/dedupe; applying a plan is `contacts merge-plan apply`
// in cmd/bulk).
package duplicates

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/dedupe"
	"github.com/wootcli/woot/pkg/output"
)

type options struct {
	f           *cmdutil.Factory
	out         cmdutil.OutputFlags
	by          []string
	countryCode string
	plan        string
}

// NewCmdContacts holds `duplicates`, merged under the generated
// "contacts" noun.
func NewCmdContacts(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("contacts", newDuplicatesCmd(f, nil))
}

// columns of the printed groups: one line per contact.
var columns = []string{"group", "id", "survivor", "name", "email", "phone_number", "identifier", "conversations", "matched_by"}

func newDuplicatesCmd(f *cmdutil.Factory, runF func(*options) error) *cobra.Command {
	o := &options{f: f}
	c := &cobra.Command{
		Use:   "duplicates [--by FIELDS] [--plan FILE]",
		Short: "Find contacts that are probably the same person, and plan their merge",
		Long: `Read every contact and group those that share an email, phone number,
identifier or name once normalised: case and surrounding or repeated
whitespace do not count, and phone numbers are brought to E.164 (+ and
digits; "00" becomes "+", spaces, dots, dashes and brackets go, "(0)" after
a country code goes). Contacts tied through each other form one group.

The phone rules are a small normaliser, not a numbering-plan database (no
libphonenumber): a number written without a country code gets
--country-code, else it only matches numbers written with the same digits.

Contacts are read from Chatwoot's contact list, which leaves out contacts
with none of email, phone number and identifier (anonymous website
visitors): --by name compares only the listed ones.

One line per contact is printed, with its group; "survivor" marks the
contact the group would keep: the one with the most conversations, then
the oldest. --plan FILE writes that proposal as an editable JSON merge plan
(change a survivor, take a contact out, delete a group), which
` + "`woot contacts merge-plan apply FILE`" + ` carries out.`,
		Example: `  $ woot contacts duplicates
  $ woot contacts duplicates --by email,phone_number --country-code 1 -o json
  $ woot contacts duplicates --by email,name --plan merges.json && woot contacts merge-plan apply merges.json --dry-run`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := o.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return run(c.Context(), o)
		},
	}
	cmdutil.StringListVar(c.Flags(), &o.by, "by", "Fields to compare: "+strings.Join(dedupe.Fields, ",")+" (default "+strings.Join(dedupe.DefaultFields, ",")+")")
	c.Flags().StringVar(&o.countryCode, "country-code", "", "Calling code for phone numbers written without one (digits: 1, 44, 351)")
	c.Flags().StringVar(&o.plan, "plan", "", "Write the proposed merges to this JSON `FILE`, to edit and then apply with woot contacts merge-plan apply")
	cmdutil.AddOutputFlags(c, &o.out)
	return c
}

func (o *options) validate() error {
	if len(o.by) == 0 {
		o.by = dedupe.DefaultFields
	}
	for _, b := range o.by {
		known := false
		for _, f := range dedupe.Fields {
			known = known || b == f
		}
		if !known {
			return cmdutil.FlagErrorf("--by %q: compare by %s", b, strings.Join(dedupe.Fields, ", "))
		}
	}
	for _, r := range o.countryCode {
		if r < '0' || r > '9' {
			return cmdutil.FlagErrorf("--country-code %q: give the calling code's digits (1, 44, 351), without +", o.countryCode)
		}
	}
	return o.out.Options(columns).Validate()
}

func run(ctx context.Context, o *options) error {
	account, err := o.f.AccountID()
	if err != nil {
		return err
	}
	client, err := o.f.APIClient()
	if err != nil {
		return err
	}
	contacts, err := allContacts(ctx, client, account)
	if err != nil {
		return err
	}
	groups := dedupe.Find(contacts, o.by, o.countryCode)
	if err := countConversations(ctx, client, account, groups); err != nil {
		return err
	}
	plan := dedupe.NewPlan(groups)
	if o.plan != "" {
		if err := writePlan(o.plan, plan); err != nil {
			return err
		}
	}
	if err := o.print(plan); err != nil {
		return err
	}
	merges := 0
	for _, g := range plan.Groups {
		merges += len(g.Merge)
	}
	msg := fmt.Sprintf("%d groups of duplicates among %d contacts (%d contacts to merge)", len(plan.Groups), len(contacts), merges)
	if o.plan != "" {
		msg += "; plan written to " + o.plan + ": review it, then `woot contacts merge-plan apply " + o.plan + " --dry-run`"
	}
	fmt.Fprintln(o.f.IOStreams.ErrOut, msg)
	return nil
}

type row struct {
	Group int `json:"group"`
	dedupe.Contact
	Survivor  bool   `json:"survivor"`
	MatchedBy string `json:"matched_by"`
}

func (o *options) print(plan dedupe.Plan) error {
	ios, finish, err := o.out.Streams(o.f.IOStreams)
	if err != nil {
		return err
	}
	var rows []row
	for i, g := range plan.Groups {
		for _, c := range g.Contacts {
			rows = append(rows, row{Group: i + 1, Contact: c, Survivor: c.ID == g.Survivor, MatchedBy: strings.Join(g.Keys, " ")})
		}
	}
	return finish(cmdutil.PrintRows(ios, o.out.Options(columns), rows))
}

func writePlan(path string, plan dedupe.Plan) error {
	file, err := output.CreateAtomic(path)
	if err != nil {
		return cmdutil.FlagErrorf("--plan: %v", err)
	}
	enc := json.NewEncoder(file)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(plan); err != nil {
		file.Abort()
		return fmt.Errorf("write the plan %s: %w", path, err)
	}
	if err := file.Commit(); err != nil {
		return fmt.Errorf("write the plan %s: %w (the previous file, if any, is unchanged)", path, err)
	}
	return nil
}

func allContacts(ctx context.Context, c *api.Client, account int64) ([]dedupe.Contact, error) {
	var out []dedupe.Contact
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: fmt.Sprintf("/api/v1/accounts/%d/contacts", account)}
	err := c.Paginate(ctx, req, "payload", &api.List{Pager: api.PageNumber, PageSize: 15}, api.PageOptions{All: true}, func(raw json.RawMessage) error {
		var ct struct {
			ID          int64   `json:"id"`
			Name        *string `json:"name"`
			Email       *string `json:"email"`
			PhoneNumber *string `json:"phone_number"`
			Identifier  *string `json:"identifier"`
			CreatedAt   int64   `json:"created_at"`
		}
		if err := json.Unmarshal(raw, &ct); err != nil {
			return fmt.Errorf("read a contact: %w", err)
		}
		out = append(out, dedupe.Contact{ID: ct.ID, Name: deref(ct.Name), Email: deref(ct.Email),
			PhoneNumber: deref(ct.PhoneNumber), Identifier: deref(ct.Identifier), CreatedAt: ct.CreatedAt})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	return out, nil
}

// countConversations asks for the conversations of the grouped contacts
// only: the survivor is the one with the most.
func countConversations(ctx context.Context, c *api.Client, account int64, groups []dedupe.Group) error {
	for gi := range groups {
		for ci := range groups[gi].Contacts {
			ct := &groups[gi].Contacts[ci]
			resp, err := c.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET",
				Path: fmt.Sprintf("/api/v1/accounts/%d/contacts/%d/conversations", account, ct.ID)})
			if err != nil {
				return fmt.Errorf("conversations of contact %d: %w", ct.ID, err)
			}
			items, err := api.Items(resp.Body, "payload")
			if err != nil {
				return fmt.Errorf("conversations of contact %d: %w", ct.ID, err)
			}
			ct.Conversations = len(items)
		}
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
