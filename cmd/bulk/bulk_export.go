package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// exportFormats are the formats an export writes.
var exportFormats = []string{"ndjson", "json", "csv", "tsv"}

// exportFlags are the flags every export shares.
type exportFlags struct {
	format      string
	fields      []string
	outputFile  string
	jq          string
	concurrency int
	shard       string
}

func addExportFlags(c *cobra.Command, o *exportFlags) {
	fs := c.Flags()
	fs.StringVarP(&o.format, "output", "o", "", "Format: "+strings.Join(exportFormats, "|")+" (default: from --output-file's extension, else ndjson)")
	fs.StringVar(&o.outputFile, "output-file", "", "Write the export to this file instead of stdout")
	cmdutil.StringListVar(fs, &o.fields, "fields", "CSV/TSV columns (dotted paths; prefix.* for every key under prefix); default: every column found")
	fs.StringVar(&o.jq, "jq", "", "Filter each item (ndjson) or the whole list (json) with a jq expression")
	fs.IntVar(&o.concurrency, "concurrency", 4, "Pages fetched at once; output keeps the server's order (--rate caps requests per second)")
	fs.StringVar(&o.shard, "shard", "", "Export only share K of N (K/N, e.g. 2/4): pages are dealt round-robin, so N machines split the job")
	_ = c.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return exportFormats, cobra.ShellCompDirectiveNoFileComp
	})
}

// resolve checks the flags and picks the format.
func (o *exportFlags) resolve() (format string, shard bulk.Shard, err error) {
	format = o.format
	if format == "" {
		format = formatFromName(o.outputFile)
	}
	if !operation.Contains(exportFormats, format) {
		return "", shard, cmdutil.FlagErrorf("-o %q: an export writes %s", format, strings.Join(exportFormats, ", "))
	}
	if len(o.fields) > 0 && format != "csv" && format != "tsv" {
		return "", shard, cmdutil.FlagErrorf("--fields chooses CSV and TSV columns; %s keeps every field (use --jq to pick some)", format)
	}
	if o.jq != "" && format != "json" && format != "ndjson" {
		return "", shard, cmdutil.FlagErrorf("--jq works with -o json or ndjson")
	}
	if o.concurrency < 1 {
		return "", shard, cmdutil.FlagErrorf("--concurrency %d: use 1 or more", o.concurrency)
	}
	if o.shard != "" {
		if shard, err = bulk.ParseShard(o.shard); err != nil {
			return "", shard, &cmdutil.FlagError{Err: fmt.Errorf("--shard: %w", err)}
		}
	}
	for _, f := range o.fields {
		if strings.Contains(strings.TrimSuffix(f, "*"), "*") || (strings.HasSuffix(f, "*") && f != "*" && !strings.HasSuffix(f, ".*")) {
			return "", shard, cmdutil.FlagErrorf("--fields %q: a wildcard stands for a whole segment at the end (custom_attributes.*)", f)
		}
	}
	return format, shard, nil
}

func formatFromName(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".tsv":
		return "tsv"
	case ".json":
		return "json"
	}
	return "ndjson"
}

// exporter streams one list to a file or stdout.
type exporter struct {
	f        *cmdutil.Factory
	flags    *exportFlags
	noun     string // "contacts", for progress and the summary
	req      *api.Request
	data     string // where the items are in each page
	pageSize int
	// enrich, when set, reads one more field of each item (a
	// conversation's messages) into a spool; --concurrency items are
	// enriched at once, across the list's pages, and written in order.
	enrich      func(ctx context.Context, c *api.Client, item json.RawMessage) (*bulk.ExportSpool, error)
	enrichField string
}

func (e *exporter) run(ctx context.Context) error {
	format, shard, err := e.flags.resolve()
	if err != nil {
		return err
	}
	if format == "json" || format == "ndjson" {
		if err := (output.Options{Format: format, JQ: e.flags.jq}).Validate(); err != nil {
			return err
		}
	}
	// Spools of exports killed before they could clean up go now.
	bulk.RemoveStaleSpools("", e.f.Now())
	client, _, err := e.f.BulkClient(e.f.Global.Rate)
	if err != nil {
		return err
	}
	ios, closeOut, err := (&cmdutil.OutputFlags{OutputFile: e.flags.outputFile}).Streams(e.f.IOStreams)
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := e.write(ctx, client, ios, format, shard)
	err = closeOut(err)
	if err != nil {
		return err
	}
	e.report(n, shard, time.Since(start))
	return nil
}

func (e *exporter) write(ctx context.Context, client *api.Client, ios *output.IOStreams, format string, shard bulk.Shard) (int64, error) {
	w, discard, err := e.writer(ios, format)
	if err != nil {
		return 0, err
	}
	bar := e.f.IOStreams.Progress("Exporting " + e.noun)
	defer bar.Done()
	var n int64
	written := func() {
		n++
		bar.Set(n, 0)
	}
	out := func(item json.RawMessage) error {
		if err := w.Item(item); err != nil {
			return err
		}
		written()
		return nil
	}
	closeW := w.Close
	switch {
	case e.enrich == nil:
		err = client.Paginate(ctx, e.req, e.data, e.list(), shardPages(shard, e.flags.concurrency), out)
	case e.streamsEnriched(format):
		spliced := bulk.NewSplicedItems(ios.Out, format == "json")
		closeW = spliced.Close
		err = e.writeEnriched(ctx, client, shard, func(r enrichedItem) error { return e.splice(spliced, r, written) })
	default:
		err = e.writeEnriched(ctx, client, shard, func(r enrichedItem) error { return e.assemble(r, out) })
	}
	if err != nil {
		discard()
		return n, err
	}
	return n, closeW()
}

// streamsEnriched is true when the enriched field can go from its spool
// straight to the output: JSON and NDJSON as printed, with no --jq (which
// needs each item whole) and no CSV cell (a quoted value in memory).
func (e *exporter) streamsEnriched(format string) bool {
	return e.flags.jq == "" && (format == "json" || format == "ndjson")
}

func (e *exporter) list() *api.List {
	return &api.List{Pager: api.PageNumber, PageSize: e.pageSize}
}

// enrichedItem is an item waiting for its turn with its extra field.
type enrichedItem struct {
	item  json.RawMessage
	field *bulk.ExportSpool
}

// writeEnriched feeds every item of the list to --concurrency workers
// that enrich it, and hands the results to emit in the list's order. A
// long history waits in a spool file, not in memory.
func (e *exporter) writeEnriched(ctx context.Context, client *api.Client, shard bulk.Shard, emit func(enrichedItem) error) error {
	enrich := func(ctx context.Context, item json.RawMessage) (enrichedItem, error) {
		spool, err := e.enrich(ctx, client, item)
		return enrichedItem{item, spool}, err
	}
	closing := func(r enrichedItem) error {
		defer r.field.Close()
		return emit(r)
	}
	work := bulk.NewOrderedWork(ctx, e.flags.concurrency, enrich, closing, func(r enrichedItem) { r.field.Close() })
	// The workers, not the list, are the bottleneck: two pages fetched at
	// once and two waiting keep them fed across the pages' boundaries
	// without spending the rate limit on pages read long before use.
	pages := shardPages(shard, min(e.flags.concurrency, 2))
	list := func(ctx context.Context, emit func(json.RawMessage) error) error {
		return client.Paginate(ctx, e.req, e.data, e.list(), pages, emit)
	}
	if err := bulk.FeedAhead(ctx, 2*e.pageSize, list, work.Add); err != nil {
		return work.Abort(err)
	}
	return work.Close()
}

// splice writes one enriched item with its field streamed from the
// spool: the history is never in memory whole.
func (e *exporter) splice(w *bulk.SplicedItems, r enrichedItem, written func()) error {
	head, tail, err := bulk.SplitAtField(r.item, e.enrichField)
	if err != nil {
		return err
	}
	value, err := r.field.Reader()
	if err != nil {
		return err
	}
	if err := w.Item(head, value, tail); err != nil {
		return err
	}
	written()
	return nil
}

// assemble builds one enriched item in memory for a writer that needs it
// whole (--jq, CSV and TSV).
func (e *exporter) assemble(r enrichedItem, out func(json.RawMessage) error) error {
	value, err := r.field.Bytes()
	if err != nil {
		return err
	}
	item, err := setField(r.item, e.enrichField, value)
	if err != nil {
		return err
	}
	return out(item)
}

// writer picks the item writer for format; discard cleans up after a
// failed export.
func (e *exporter) writer(ios *output.IOStreams, format string) (itemWriter, func(), error) {
	noop := func() {}
	switch format {
	case "json", "ndjson":
		p, err := output.New(ios, output.Options{Format: format, JQ: e.flags.jq})
		return p, noop, err
	}
	d := bulk.NewDelimitedExport(ios.Out, e.flags.fields, format == "tsv")
	return d, d.Discard, nil
}

// report is the one line on stderr an export ends with.
func (e *exporter) report(n int64, shard bulk.Shard, d time.Duration) {
	ios := e.f.IOStreams
	what := e.noun
	if shard.N > 0 {
		what += " (shard " + shard.String() + ")"
	}
	dest := ""
	if e.flags.outputFile != "" {
		dest = " to " + e.flags.outputFile
	}
	fmt.Fprintf(ios.ErrOut, "%s exported %d %s%s in %.1fs\n", ios.Green("✓"), n, what, dest, d.Seconds())
}
