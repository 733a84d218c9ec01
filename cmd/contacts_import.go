package cmd

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/bulk"
)

type contactsImportOptions struct {
	f          *Factory
	input      string
	format     string
	match      []string
	onConflict string
	extra      string
	inboxID    int64
	job        jobFlags
}

func newContactsImportCmd(f *Factory, runF func(*contactsImportOptions) error) *cobra.Command {
	o := &contactsImportOptions{f: f}
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "Create or update contacts from a CSV or NDJSON file, resumably",
		Long: `Import contacts from a CSV file with a header row, or NDJSON (one object per
line); FILE "-" reads stdin. Columns: ` + strings.Join(bulk.ContactColumns, ", ") + `
(labels separated by ";"), custom_attributes.<key> and additional_attributes.<key>.
An unknown column stops the import before anything is sent, unless
--extra custom makes unknown columns custom attributes.

Every row is checked first (an email's shape, a phone number in E.164 form,
labels that exist in the account, an --inbox-id that exists), and --dry-run
makes the same checks: it reads the account's labels and inboxes, and
changes nothing. Without --match every valid row creates a
contact; with --match the row is looked up by those keys (first match wins)
and --on-conflict says what a match does: update it, skip the row, or reject
it as an error.

The job is safe to interrupt: a journal (default FILE.journal) records every
row's outcome before the next, so running the same command again resumes
where it stopped, creating no contact twice. Rows that fail validation or
that Chatwoot refuses go to the rejects file (default FILE's name with
.rejects before the extension) with the reason, in the input's own format:
fix them and import that file. Transient server failures are retried; 429s
slow the job down to the server's limit.

A summary goes to stderr (-o json prints it on stdout). Exit 0 when every row
was done or skipped, 5 when rows were rejected.`,
		Example: `  $ woot contacts import contacts.csv
  $ woot contacts import contacts.csv --match email,phone_number --on-conflict skip
  $ woot contacts import crm-export.csv --extra custom --dry-run
  $ cat signups.ndjson | woot contacts import - --match identifier -o json`,
		Args: exactArgs([]string{"FILE"}),
		RunE: func(c *cobra.Command, args []string) error {
			o.input = args[0]
			o.job.pace = jobPace(c, f)
			if err := o.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return contactsImportRun(c.Context(), o)
		},
	}
	fs := c.Flags()
	stringListVar(fs, &o.match, "match", "Look rows up by these keys, first match wins: identifier, email, phone_number")
	fs.StringVar(&o.onConflict, "on-conflict", bulk.ConflictUpdate, "What a matched row does: update, skip or error")
	fs.StringVar(&o.extra, "extra", "", "custom: import unknown columns as custom attributes instead of failing")
	fs.Int64Var(&o.inboxID, "inbox-id", 0, "Add each new contact to this inbox")
	fs.StringVar(&o.format, "format", "", "Input format: csv or ndjson (default: from the file name, else the content)")
	addJobFlags(c, &o.job, "next to FILE")
	for flag, values := range map[string][]string{
		"on-conflict": {bulk.ConflictUpdate, bulk.ConflictSkip, bulk.ConflictError},
		"extra":       {"custom"},
		"format":      {"csv", "ndjson"},
		"match":       {"identifier", "email", "phone_number"},
	} {
		values := values
		_ = c.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return values, cobra.ShellCompDirectiveNoFileComp
		})
	}
	c.Flags().SortFlags = false
	return c
}

func (o *contactsImportOptions) validate() error {
	if err := bulk.ValidateMatch(o.match); err != nil {
		return &FlagError{Err: err}
	}
	switch o.onConflict {
	case bulk.ConflictUpdate, bulk.ConflictSkip, bulk.ConflictError:
	default:
		return flagErrorf("--on-conflict %q: use update, skip or error", o.onConflict)
	}
	if o.extra != "" && o.extra != "custom" {
		return flagErrorf("--extra %q: the one choice is custom (unknown columns become custom attributes)", o.extra)
	}
	if o.format != "" && o.format != "csv" && o.format != "ndjson" {
		return flagErrorf("--format %q: use csv or ndjson", o.format)
	}
	return o.job.validate()
}

func contactsImportRun(ctx context.Context, o *contactsImportOptions) error {
	j, account, client, err := newJob(o.f, &o.job, "contacts import")
	if err != nil {
		return err
	}
	in, err := bulk.OpenInput(o.input, o.f.IOStreams.In)
	if err != nil {
		return err
	}
	defer in.Close()
	rows, err := bulk.ReadContacts(in, o.format, o.extra == "custom")
	if err != nil {
		return err
	}
	j.setPaths(bulk.DefaultPaths(o.input, "contacts", rows.Format()))
	imp := bulk.ContactImport{Match: o.match, OnConflict: o.onConflict, ExtraCustom: o.extra == "custom", InboxID: o.inboxID}
	sum, plan, err := bulk.ImportContacts(ctx, client, account, rows, imp, j.options("Importing contacts"))
	return j.finish(sum, plan, err)
}
