package cmdutil

import (
	"encoding/csv"
	"strings"

	"github.com/spf13/pflag"
)

// listFlag is a repeatable, comma-separated string list flag that behaves
// like pflag's StringSlice (quotes protect commas; the first use replaces
// the default, later uses append). It exists for start-up time: pflag
// renders every StringSlice default through a fresh csv.Writer and its
// 4 KiB buffer, and each list command defines several such flags.
type listFlag struct {
	list    *[]string
	changed bool
}

// StringListVar defines a listFlag bound to p, empty by default.
func StringListVar(fs *pflag.FlagSet, p *[]string, name, usage string) {
	fs.Var(&listFlag{list: p}, name, usage)
}

func (l *listFlag) Set(value string) error {
	var values []string
	if value != "" {
		var err error
		if values, err = csv.NewReader(strings.NewReader(value)).Read(); err != nil {
			return err
		}
	}
	if l.changed {
		*l.list = append(*l.list, values...)
	} else {
		*l.list = values
	}
	l.changed = true
	return nil
}

// Type keeps pflag's name so help and completion treat it as a list.
func (l *listFlag) Type() string { return "stringSlice" }

// String is empty for an empty list (pflag's own slices say "[]") so that
// help does not print a default of nothing.
func (l *listFlag) String() string {
	if len(*l.list) == 0 {
		return ""
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(*l.list)
	w.Flush()
	return "[" + strings.TrimSuffix(b.String(), "\n") + "]"
}
