package cmdutil

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/output"
)

// OutputFlags are the printing flags of every command that prints data.
type OutputFlags struct {
	Format     string
	JQ         string
	Template   string
	Fields     []string
	OutputFile string
}

func AddOutputFlags(c *cobra.Command, o *OutputFlags) {
	fs := c.Flags()
	fs.StringVarP(&o.Format, "output", "o", "", "Output format: "+strings.Join(output.Formats, "|")+" (default: table on a terminal, tsv when piped)")
	fs.StringVar(&o.JQ, "jq", "", "Filter JSON output with a jq expression")
	fs.StringVar(&o.Template, "template", "", "Format JSON output with a Go template")
	StringListVar(fs, &o.Fields, "fields", "Fields to print (dotted paths): the table, csv and tsv columns, or the only keys json, ndjson and yaml keep")
	fs.StringVar(&o.OutputFile, "output-file", "", "Write the output to this file instead of stdout")
	_ = c.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return output.Formats, cobra.ShellCompDirectiveNoFileComp
	})
}

func (o *OutputFlags) Options(columns []string) output.Options {
	return output.Options{Format: o.Format, Fields: o.Fields, Columns: columns, JQ: o.JQ, Template: o.Template}
}

// Streams returns the IO to print to: stdout, or --output-file (never a terminal).
// The returned func closes the file.
func (o *OutputFlags) Streams(ios *output.IOStreams) (*output.IOStreams, func() error, error) {
	if o.OutputFile == "" {
		return ios, func() error { return nil }, nil
	}
	file, err := os.OpenFile(o.OutputFile, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, nil, FlagErrorf("--output-file: %v", err)
	}
	copy := *ios
	copy.Out = file
	copy.SetStdoutTTY(false)
	return &copy, func() error {
		if err := file.Close(); err != nil {
			return fmt.Errorf("write %s: %w", o.OutputFile, err)
		}
		return nil
	}, nil
}
