package cmd

import (
	"fmt"
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
	stringListVar(fs, &o.fields, "fields", "Columns for table, csv and tsv output (dotted paths)")
	fs.StringVar(&o.outputFile, "output-file", "", "Write the output to this file instead of stdout")
	_ = c.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return output.Formats, cobra.ShellCompDirectiveNoFileComp
	})
}

func (o *outputFlags) options(columns []string) output.Options {
	return output.Options{Format: o.format, Fields: o.fields, Columns: columns, JQ: o.jq, Template: o.template}
}

// streams returns the IO to print to: stdout, or --output-file (never a
// terminal). The file is written atomically: finish, given the command's
// error, puts the new file in place only when there is none, so a failed
// or interrupted command leaves the previous file as it was.
func (o *outputFlags) streams(ios *output.IOStreams) (*output.IOStreams, func(error) error, error) {
	if o.outputFile == "" {
		return ios, func(err error) error { return err }, nil
	}
	file, err := output.CreateAtomic(o.outputFile)
	if err != nil {
		return nil, nil, flagErrorf("--output-file: %v", err)
	}
	copy := *ios
	copy.Out = file
	copy.SetStdoutTTY(false)
	return &copy, func(err error) error {
		if err != nil {
			file.Abort()
			return err
		}
		if err := file.Commit(); err != nil {
			return fmt.Errorf("write %s: %w (the previous file, if any, is unchanged)", o.outputFile, err)
		}
		return nil
	}, nil
}
