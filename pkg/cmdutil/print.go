package cmdutil

import (
	"encoding/json"

	"github.com/wootcli/woot/pkg/output"
)

// PrintRows prints Go values through the list printer.
func PrintRows[T any](ios *output.IOStreams, opts output.Options, rows []T) error {
	printer, err := output.New(ios, opts)
	if err != nil {
		return err
	}
	for _, r := range rows {
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if err := printer.Item(data); err != nil {
			return err
		}
	}
	return printer.Close()
}

// PrintObject prints one JSON object through the printer opts choose.
func PrintObject(ios *output.IOStreams, opts output.Options, raw json.RawMessage) error {
	printer, err := output.New(ios, opts)
	if err != nil {
		return err
	}
	if err := printer.Object(raw); err != nil {
		return err
	}
	return printer.Close()
}
