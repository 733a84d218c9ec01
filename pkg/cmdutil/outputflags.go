package cmdutil

import (
	"fmt"
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

// Streams returns the IO to print to: stdout, or --output-file (never a
// terminal). The file is written atomically: finish, given the command's
// error, puts the new file in place only when there is none, so a failed
// or interrupted command leaves the previous file as it was.
func (o *OutputFlags) Streams(ios *output.IOStreams) (*output.IOStreams, func(error) error, error) {
	if o.OutputFile == "" {
		return ios, func(err error) error { return err }, nil
	}
	file, err := output.CreateAtomic(o.OutputFile)
	if err != nil {
		return nil, nil, FlagErrorf("--output-file: %v", err)
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
			return fmt.Errorf("write %s: %w (the previous file, if any, is unchanged)", o.OutputFile, err)
		}
		return nil
	}, nil
}
