package cmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/output"
)

// outputFlags are the printing flags of every command that prints data.
type outputFlags struct {
	format     string
	jq         string
	template   string
	fields     []string
	outputFile string
}

func addOutputFlags(c *cobra.Command, o *outputFlags) {
	fs := c.Flags()
	fs.StringVarP(&o.format, "output", "o", "", "Output format: "+strings.Join(output.Formats, "|")+" (default: table on a terminal, tsv when piped)")
	fs.StringVar(&o.jq, "jq", "", "Filter JSON output with a jq expression")
	fs.StringVar(&o.template, "template", "", "Format JSON output with a Go template")
	stringListVar(fs, &o.fields, "fields", "Fields to print (dotted paths): the table, csv and tsv columns, or the only keys json, ndjson and yaml keep")
	fs.StringVar(&o.outputFile, "output-file", "", "Write the output to this file instead of stdout")
	_ = c.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return output.Formats, cobra.ShellCompDirectiveNoFileComp
	})
}

func (o *outputFlags) options(columns []string) output.Options {
	return output.Options{Format: o.format, Fields: o.fields, Columns: columns, JQ: o.jq, Template: o.template}
}

// streams returns the IO to print to: stdout, or --output-file (never a terminal).
// The returned func closes the file.
func (o *outputFlags) streams(ios *output.IOStreams) (*output.IOStreams, func() error, error) {
	if o.outputFile == "" {
		return ios, func() error { return nil }, nil
	}
	file, err := os.OpenFile(o.outputFile, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, nil, flagErrorf("--output-file: %v", err)
	}
	copy := *ios
	copy.Out = file
	copy.SetStdoutTTY(false)
	return &copy, func() error {
		if err := file.Close(); err != nil {
			return fmt.Errorf("write %s: %w", o.outputFile, err)
		}
		return nil
	}, nil
}
