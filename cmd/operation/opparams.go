package operation

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// paramFlag is one operation parameter bound to a flag.
type paramFlag struct {
	param api.Param
	str   string
	num   int64
	float float64
	bool  bool
	list  []string
	ints  []int64
	flag  *pflag.Flag
}

func bindParam(c *cobra.Command, p api.Param) *paramFlag {
	pf := &paramFlag{param: p}
	fs := c.Flags()
	name, usage := p.FlagName(), paramUsage(p)
	switch p.Type {
	case api.Int:
		if len(p.Names) > 0 {
			fs.Var(&namedInt{n: &pf.num, names: p.Names}, name, usage)
			break
		}
		fs.Int64Var(&pf.num, name, 0, usage)
	case api.Float:
		fs.Float64Var(&pf.float, name, 0, usage)
	case api.Bool:
		fs.BoolVar(&pf.bool, name, false, usage)
	case api.Strings:
		cmdutil.StringListVar(fs, &pf.list, name, usage)
	case api.Ints:
		fs.Int64SliceVar(&pf.ints, name, nil, usage)
	case api.Map:
		fs.StringArrayVar(&pf.list, name, nil, usage)
	default: // String, JSON, File
		fs.StringVar(&pf.str, name, "", usage)
	}
	pf.flag = fs.Lookup(name)
	if p.Required {
		pf.flag.Annotations = map[string][]string{"woot_required": {"true"}}
	}
	if enum := completions(p); len(enum) > 0 {
		_ = c.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return enum, cobra.ShellCompDirectiveNoFileComp
		})
	}
	return pf
}

func paramUsage(p api.Param) string {
	u := p.Usage
	if u == "" {
		u = strings.ReplaceAll(p.Name, "_", " ")
	}
	if len(p.Enum) > 0 {
		u += " {" + strings.Join(p.Enum, "|") + "}"
	}
	if len(p.Names) > 0 {
		u += " {" + strings.Join(sortedNames(p.Names), "|") + "}"
	}
	switch p.Type {
	case api.Map:
		if !strings.Contains(u, "repeatable") { // the table's own words may say so already
			u += " (key=value, repeatable)"
		}
	case api.JSON:
		u += " (JSON, or @file)"
	case api.File:
		u += " (file path, - for stdin)"
	case api.Strings, api.Ints:
		u += " (comma-separated or repeated)"
	}
	if p.Required {
		u += " (required)"
	}
	return u
}

func (pf *paramFlag) set() bool { return pf.flag.Changed }

// check enforces required flags and enum values.
func (pf *paramFlag) check() error {
	p := pf.param
	if !pf.set() {
		if p.Required {
			return cmdutil.FlagErrorf("--%s is required", p.FlagName())
		}
		return nil
	}
	if len(p.Enum) == 0 {
		return nil
	}
	var values []string
	switch p.Type {
	case api.Strings:
		values = pf.list
	case api.Int:
		values = []string{strconv.FormatInt(pf.num, 10)}
	case api.Ints:
		for _, n := range pf.ints {
			values = append(values, strconv.FormatInt(n, 10))
		}
	default:
		values = []string{pf.str}
	}
	for _, v := range values {
		if !Contains(p.Enum, v) {
			return cmdutil.FlagErrorf("--%s %q is not one of: %s", p.FlagName(), v, strings.Join(p.Enum, ", "))
		}
	}
	return nil
}

// jsonValue is the parameter's value for a JSON body.
func (pf *paramFlag) jsonValue(stdin func() ([]byte, error)) (any, error) {
	p := pf.param
	switch p.Type {
	case api.Int:
		return pf.num, nil
	case api.Float:
		return pf.float, nil
	case api.Bool:
		return pf.bool, nil
	case api.Strings:
		return nonNil(pf.list), nil
	case api.Ints:
		if pf.ints == nil {
			return []int64{}, nil
		}
		return pf.ints, nil
	case api.Map:
		return parseKeyValues(p.FlagName(), pf.list, stdin)
	case api.JSON:
		raw, err := ReadValueArg(pf.str, stdin)
		if err != nil {
			return nil, cmdutil.FlagErrorf("--%s: %v", p.FlagName(), err)
		}
		if !json.Valid(raw) {
			return nil, cmdutil.FlagErrorf("--%s is not valid JSON", p.FlagName())
		}
		return json.RawMessage(raw), nil
	}
	return pf.str, nil
}

// queryValues adds the parameter to q the way Rails reads it: arrays as name[].
func (pf *paramFlag) queryValues(q url.Values) {
	p := pf.param
	switch p.Type {
	case api.Int:
		q.Set(p.Name, strconv.FormatInt(pf.num, 10))
	case api.Float:
		q.Set(p.Name, strconv.FormatFloat(pf.float, 'f', -1, 64))
	case api.Bool:
		q.Set(p.Name, strconv.FormatBool(pf.bool))
	case api.Strings:
		key := arrayKey(p.Name)
		for _, v := range pf.list {
			q.Add(key, v)
		}
	case api.Ints:
		key := arrayKey(p.Name)
		for _, v := range pf.ints {
			q.Add(key, strconv.FormatInt(v, 10))
		}
	default:
		q.Set(p.Name, pf.str)
	}
}

func arrayKey(name string) string {
	if strings.HasSuffix(name, "[]") {
		return name
	}
	return name + "[]"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// parseKeyValues reads repeated key=value flags into an object, typing
// each value like `woot api -F`.
func parseKeyValues(flag string, pairs []string, stdin func() ([]byte, error)) (map[string]any, error) {
	out := map[string]any{}
	for _, kv := range pairs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, cmdutil.FlagErrorf("--%s %q: expected key=value", flag, kv)
		}
		typed, err := TypedValue(v, stdin)
		if err != nil {
			return nil, cmdutil.FlagErrorf("--%s %s: %v", flag, k, err)
		}
		out[k] = typed
	}
	return out, nil
}

// typedValue turns a command-line string into a JSON value: true, false,
// null and numbers become their JSON types, @file reads a file (@- stdin),
// anything else stays a string.
func TypedValue(v string, stdin func() ([]byte, error)) (any, error) {
	switch v {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	if strings.HasPrefix(v, "@") {
		data, err := ReadValueArg(v, stdin)
		if err != nil {
			return nil, err
		}
		return string(data), nil
	}
	// A number only when it reads back exactly as typed: a zip code
	// "01234", a phone "+4915…" or a version "1.10" stay strings.
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && strconv.FormatInt(n, 10) == v {
		return n, nil
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) && strconv.FormatFloat(f, 'f', -1, 64) == v {
		return f, nil
	}
	return v, nil
}

// readValueArg returns v, or the contents of the file it names with @.
func ReadValueArg(v string, stdin func() ([]byte, error)) ([]byte, error) {
	if !strings.HasPrefix(v, "@") {
		return []byte(v), nil
	}
	return ReadFileArg(v[1:], stdin)
}

func ReadFileArg(path string, stdin func() ([]byte, error)) ([]byte, error) {
	if path == "-" {
		return stdin()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

func Contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
