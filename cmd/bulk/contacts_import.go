package bulk

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type contactsImportOptions struct {
	f          *cmdutil.Factory
	input      string
	format     string
	match      []string
	onConflict string
	extra      string
	inboxID    int64
	delimiter  string
	maxRow     string
	job        jobFlags
}

func newContactsImportCmd(f *cmdutil.Factory, runF func(*contactsImportOptions) error) *cobra.Command {
	o := &contactsImportOptions{f: f}
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "Create or update contacts from a CSV or NDJSON file, resumably",
		Long: `Import contacts from a CSV file with a header row, or NDJSON (one object per
line); FILE "-" reads stdin. Columns: ` + strings.Join(bulk.ContactColumns, ", ") + `
(labels separated by ";"), custom_attributes.<key> and additional_attributes.<key>.
An unknown column stops the import before anything is sent, unless
--extra custom makes unknown columns custom attributes; so does a first line
that is a row rather than a header, or a header without a name, email,
phone_number or identifier column. The CSV delimiter (comma, semicolon or tab)
is detected from the header row; --delimiter sets another.

A row longer than --max-row-size (1 MiB) is rejected without being read into
memory, and copied whole into a file of its own beside the rejects file
(people.rejects.row7.csv) when FILE is a file. A quote that does not close on its line and would swallow the rows
after it rejects that line alone, naming it; the rows after it are read as
rows of their own (a quoted value spanning lines, in a row of the right
width, is read as a value).

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
  $ woot contacts import excel-export.csv --delimiter ';' --max-row-size 4MiB
  $ cat signups.ndjson | woot contacts import - --match identifier -o json`,
		Args: operation.ExactArgs([]string{"FILE"}),
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
	cmdutil.StringListVar(fs, &o.match, "match", "Look rows up by these keys, first match wins: identifier, email, phone_number")
	fs.StringVar(&o.onConflict, "on-conflict", bulk.ConflictUpdate, "What a matched row does: update, skip or error")
	fs.StringVar(&o.extra, "extra", "", "custom: import unknown columns as custom attributes instead of failing")
	fs.Int64Var(&o.inboxID, "inbox-id", 0, "Add each new contact to this inbox")
	fs.StringVar(&o.format, "format", "", "Input format: csv or ndjson (default: from the file name, else the content)")
	fs.StringVar(&o.delimiter, "delimiter", "", "CSV field separator: one character, or tab (default: a comma, semicolon or tab, detected from the header row)")
	fs.StringVar(&o.maxRow, "max-row-size", "1MiB", "Reject rows longer than this, without reading them into memory (bytes, KiB or MiB)")
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
	completeObjects(c, f, bulk.KindContacts, false)
	return c
}

func (o *contactsImportOptions) validate() error {
	if err := bulk.ValidateMatch(o.match); err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	switch o.onConflict {
	case bulk.ConflictUpdate, bulk.ConflictSkip, bulk.ConflictError:
	default:
		return cmdutil.FlagErrorf("--on-conflict %q: use update, skip or error", o.onConflict)
	}
	if o.extra != "" && o.extra != "custom" {
		return cmdutil.FlagErrorf("--extra %q: the one choice is custom (unknown columns become custom attributes)", o.extra)
	}
	if o.format != "" && o.format != "csv" && o.format != "ndjson" {
		return cmdutil.FlagErrorf("--format %q: use csv or ndjson", o.format)
	}
	if _, err := o.readOptions(); err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	return o.job.validate()
}

func (o *contactsImportOptions) readOptions() (bulk.ReadOptions, error) {
	ro := bulk.ReadOptions{Format: o.format, ExtraCustom: o.extra == "custom"}
	var err error
	if o.delimiter != "" {
		if ro.Delimiter, err = bulk.ParseDelimiter(o.delimiter); err != nil {
			return ro, err
		}
	}
	if ro.MaxRowBytes, err = bulk.ParseSize(o.maxRow); err != nil {
		return ro, fmt.Errorf("--max-row-size: %w", err)
	}
	return ro, nil
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
	ro, _ := o.readOptions() // checked by validate
	rows, err := bulk.ReadContactsWith(in, ro)
	if err != nil {
		return err
	}
	j.setPaths(bulk.DefaultPaths(o.input, "contacts", rows.Format()))
	imp := bulk.ContactImport{Match: o.match, OnConflict: o.onConflict, ExtraCustom: o.extra == "custom", InboxID: o.inboxID}
	sum, plan, err := bulk.ImportContacts(ctx, client, account, rows, imp, j.options("Importing contacts"))
	return j.finish(sum, plan, err)
}
