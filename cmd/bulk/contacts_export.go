package bulk

import (
	"context"
	"fmt"
	"net/url"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// contactsPageSize is Chatwoot's fixed RESULTS_PER_PAGE for contacts.
const contactsPageSize = 15

type contactsExportOptions struct {
	f      *cmdutil.Factory
	sort   string
	labels []string
	export exportFlags
}

func newContactsExportCmd(f *cmdutil.Factory, runF func(*contactsExportOptions) error) *cobra.Command {
	o := &contactsExportOptions{f: f}
	c := &cobra.Command{
		Use:   "export",
		Short: "Stream every contact to NDJSON, JSON, CSV or TSV",
		Long: `Export every contact of the account, in flat memory however many there are.

NDJSON (the default) and JSON keep every field the server sent. CSV and TSV
flatten each contact: nested objects become dotted columns
(additional_attributes.city, custom_attributes.plan), lists of values are
joined with ";" (as woot contacts import reads them) and lists of objects
are kept as JSON text. Without --fields the columns are every column any
contact has, in the server's field order: the export is written to a
temporary file first so that a custom attribute found on the last contact
still gets its column. With --fields the rows stream at once;
"custom_attributes.*" stands for every custom attribute found.

Chatwoot serves contacts 15 a page. --concurrency fetches that many pages at
once (the output stays in order; --rate caps requests per second and a 429
slows the export down). --shard K/N exports every N-th page starting at
page K, so N processes or CI machines share one export and their outputs
together hold every contact once.`,
		Example: `  $ woot contacts export > contacts.ndjson
  $ woot contacts export --output-file contacts.csv --concurrency 8
  $ woot contacts export -o csv --fields 'name,email,phone_number,identifier,custom_attributes.*'
  $ woot contacts export --shard 2/4 --output-file part-2.ndjson`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return contactsExportRun(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.sort, "sort", "", "Sort key (name, email, phone_number, last_activity_at; - prefix for descending)")
	cmdutil.StringListVar(c.Flags(), &o.labels, "labels", "Only contacts with these labels")
	addExportFlags(c, &o.export)
	c.Flags().SortFlags = false
	completeObjects(c, f, bulk.KindContacts, false)
	return c
}

func contactsExportRun(ctx context.Context, o *contactsExportOptions) error {
	account, err := o.f.AccountID()
	if err != nil {
		return err
	}
	q := url.Values{}
	if o.sort != "" {
		q.Set("sort", o.sort)
	}
	for _, l := range o.labels {
		q.Add("labels[]", l)
	}
	e := &exporter{
		f: o.f, flags: &o.export, noun: "contacts", data: "payload", pageSize: contactsPageSize,
		req: &api.Request{Family: api.FamilyApplication, Method: "GET", Path: fmt.Sprintf("/api/v1/accounts/%d/contacts", account), Query: q},
	}
	return e.run(ctx)
}
