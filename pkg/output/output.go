// Package output prints what woot fetched: one IO abstraction and printers
// for every -o format, streaming lists item by item.
//
// A printer prints either a list (Item for each element as pages arrive,
// then Close) or one object (Object, then Close). Printers write each item
// as soon as it is complete, one Write per item, and keep no per-item state,
// except in the documented cases: a table holds its rows to size the
// columns (tablewriter), and --jq/--template over a whole list (any format
// but ndjson) hold the list until Close because the expression sees it as
// one array.
package output

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Formats are the values -o accepts; help text and completion read them.
var Formats = []string{"table", "json", "ndjson", "csv", "tsv", "yaml"}

// Options choose how a command's result is printed.
type Options struct {
	Format   string   // one of Formats; "" = table on a terminal, header-less TSV when piped
	Fields   []string // --fields: columns for table/csv/tsv, the fields kept by json/ndjson/yaml/jq/template; nil = Columns
	Columns  []string // the command's default columns (dotted paths into each item)
	JQ       string   // --jq expression (gojq); applied to the list as a whole, or per item with -o ndjson
	Template string   // --template (Go text/template), same scope rules as JQ
}

// UsageError reports bad output options (unknown format, bad jq with its
// position, bad template); commands map it to exit code 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Printer prints one command result.
type Printer interface {
	// Item prints one list item as it arrives (raw JSON, every field kept).
	Item(raw json.RawMessage) error
	// Object prints a single-object result.
	Object(raw json.RawMessage) error
	// Close ends the output: closing bracket, last table rows, jq over a buffered list.
	Close() error
}

// Validate checks the format, jq expression and template, so that a bad one
// fails before any request is sent.
func (o Options) Validate() error {
	if err := o.validateShape(); err != nil {
		return err
	}
	if o.JQ != "" {
		if _, err := compileJQ(o.JQ); err != nil {
			return err
		}
	}
	if o.Template != "" {
		if _, err := parseTemplate(o.Template, nil); err != nil {
			return err
		}
	}
	return nil
}

// validateShape checks everything that needs no compiling.
func (o Options) validateShape() error {
	if o.Format != "" && !isFormat(o.Format) {
		return &UsageError{Msg: fmt.Sprintf("unknown output format %q: use one of %s",
			o.Format, strings.Join(Formats, ", "))}
	}
	if o.JQ != "" && o.Template != "" {
		return &UsageError{Msg: "--jq and --template cannot be combined: pick one"}
	}
	if (o.JQ != "" || o.Template != "") && o.Format != "" && o.Format != "json" && o.Format != "ndjson" {
		flag := "--jq"
		if o.Template != "" {
			flag = "--template"
		}
		return &UsageError{Msg: fmt.Sprintf("%s cannot be combined with -o %s: it prints its own output; "+
			"drop -o, or use -o json (whole list) or -o ndjson (one item at a time)", flag, o.Format)}
	}
	for _, f := range o.Fields {
		if _, err := parsePath(f); err != nil {
			return &UsageError{Msg: fmt.Sprintf("invalid --fields entry %q: %v", f, err)}
		}
	}
	return nil
}

func isFormat(f string) bool {
	for _, known := range Formats {
		if f == known {
			return true
		}
	}
	return false
}

// New returns the printer for opts writing to ios.Out.
func New(ios *IOStreams, opts Options) (Printer, error) {
	p, err := newPrinter(ios, opts)
	if err != nil || len(opts.Fields) == 0 {
		return p, err
	}
	fields, err := parseColumns(opts.Fields)
	if err != nil {
		return nil, &UsageError{Msg: err.Error()}
	}
	return newFieldsPrinter(p, fields, opts.printsWholeItems()), nil
}

// printsWholeItems is true for the outputs --fields trims items for
// (json, ndjson, yaml, --jq, --template) rather than choosing columns.
func (o Options) printsWholeItems() bool {
	switch {
	case o.JQ != "" || o.Template != "":
		return true
	case o.Format == "json" || o.Format == "ndjson" || o.Format == "yaml":
		return true
	}
	return false
}

func newPrinter(ios *IOStreams, opts Options) (Printer, error) {
	if err := opts.validateShape(); err != nil {
		return nil, err
	}
	// With -o ndjson a jq/template runs per item so the output streams;
	// otherwise it sees the whole list, like jq on the JSON array.
	perItem := opts.Format == "ndjson"
	switch {
	case opts.JQ != "":
		code, err := compileJQ(opts.JQ)
		if err != nil {
			return nil, err
		}
		return newJQPrinter(ios.Out, code, perItem), nil
	case opts.Template != "":
		tmpl, err := parseTemplate(opts.Template, ios.Now)
		if err != nil {
			return nil, err
		}
		return newTemplatePrinter(ios.Out, tmpl, perItem), nil
	}

	cols, err := parseColumns(opts.columnPaths())
	if err != nil {
		return nil, &UsageError{Msg: err.Error()}
	}
	switch opts.Format {
	case "json":
		return newJSONPrinter(ios.Out), nil
	case "ndjson":
		return newNDJSONPrinter(ios.Out), nil
	case "yaml":
		return newYAMLPrinter(ios.Out), nil
	case "csv":
		return newCSVPrinter(ios.Out, cols, rfc3339Cells()), nil
	case "tsv":
		return newTSVPrinter(ios.Out, cols, rfc3339Cells(), true), nil
	case "table":
		return newTablePrinter(ios, cols), nil
	}
	// Auto: what a person sees on a terminal, what `cut -f` wants in a pipe.
	if ios.IsStdoutTTY() {
		return newTablePrinter(ios, cols), nil
	}
	return newTSVPrinter(ios.Out, cols, rfc3339Cells(), false), nil
}

// columnPaths is --fields when given, else the command's defaults.
func (o Options) columnPaths() []string {
	if len(o.Fields) > 0 {
		return o.Fields
	}
	return o.Columns
}
