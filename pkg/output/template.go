package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/jsontemplate"
)

// parseTemplate parses a --template; errors are *UsageError. now is the
// clock timeago measures against (nil: the real one).
func parseTemplate(src string, now func() time.Time) (*jsontemplate.Template, error) {
	if now == nil {
		now = time.Now
	}
	t, err := jsontemplate.Parse("--template", src, templateFuncs(now))
	if err != nil {
		return nil, &UsageError{Msg: fmt.Sprintf("invalid --template: %v", err)}
	}
	return t, nil
}

// templateFuncs are the helpers a --template can call, e.g.
// {{range .}}{{.id}}{{"\t"}}{{timeago .created_at}}{{"\n"}}{{end}}.
func templateFuncs(now func() time.Time) map[string]jsontemplate.Func {
	return map[string]jsontemplate.Func{
		"json":   oneArg(func(v any) (any, error) { return encodeJSON(v, "") }),
		"pretty": oneArg(func(v any) (any, error) { return encodeJSON(v, "  ") }),
		"join": {Arity: 2, Call: func(a []any) (any, error) {
			sep, ok := a[0].(string)
			if !ok {
				return nil, fmt.Errorf("join: the separator comes first and is a string, as in {{join \", \" .labels}}")
			}
			return joinValues(sep, a[1])
		}},
		"upper": oneArg(func(v any) (any, error) { return strings.ToUpper(valueText(v)), nil }),
		"lower": oneArg(func(v any) (any, error) { return strings.ToLower(valueText(v)), nil }),
		"timeago": oneArg(func(v any) (any, error) {
			if t, ok := valueTime(v); ok {
				return relativeTime(t, now()), nil
			}
			return valueText(v), nil
		}),
		"time": oneArg(func(v any) (any, error) {
			if t, ok := valueTime(v); ok {
				return t.UTC().Format(time.RFC3339), nil
			}
			return valueText(v), nil
		}),
	}
}

func oneArg(f func(any) (any, error)) jsontemplate.Func {
	return jsontemplate.Func{Arity: 1, Call: func(a []any) (any, error) { return f(a[0]) }}
}

// encodeJSON writes v without HTML escaping (templates print to a
// terminal, not a web page).
func encodeJSON(v any, indent string) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// joinValues is {{join ", " .labels}}.
func joinValues(sep string, v any) (string, error) {
	switch list := v.(type) {
	case nil:
		return "", nil
	case []string:
		return strings.Join(list, sep), nil
	case []any:
		parts := make([]string, len(list))
		for i, e := range list {
			parts[i] = valueText(e)
		}
		return strings.Join(parts, sep), nil
	}
	return "", fmt.Errorf("join: expected a list, got %T", v)
}

// valueText renders a decoded JSON value the way a table cell would.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	case map[string]any, []any:
		s, err := encodeJSON(x, "")
		if err != nil {
			return fmt.Sprint(x)
		}
		return s
	}
	return fmt.Sprint(v)
}

// valueTime reads unix seconds or a time string from a decoded value.
func valueTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case json.Number:
		return parseUnix(x.String())
	case string:
		return parseTimeString(x)
	case float64, int, int64:
		return parseUnix(fmt.Sprint(x))
	}
	return time.Time{}, false
}

// templatePrinter executes a template over the whole list at Close, or
// per item with -o ndjson (see scoped). Over a list the output is exactly
// what the template writes: add {{"\n"}} where lines should end.
type templatePrinter struct {
	scoped
	w    io.Writer
	tmpl *jsontemplate.Template
	buf  bytes.Buffer
}

func newTemplatePrinter(w io.Writer, tmpl *jsontemplate.Template, perItem bool) *templatePrinter {
	p := &templatePrinter{w: w, tmpl: tmpl}
	p.scoped = scoped{name: "template", perItem: perItem, run: p.execute}
	return p
}

// execute renders into a buffer first so a failing template prints
// nothing half-done for that value. Per item (-o ndjson) each item's output
// is one line: a template written for one item ("{{.id}}") must not run
// the items together.
func (p *templatePrinter) execute(v any) error {
	p.buf.Reset()
	if err := p.tmpl.Execute(&p.buf, v); err != nil {
		return fmt.Errorf("running %w", err) // "running --template:1:4: at <…>: …"
	}
	if p.perItem && p.buf.Len() > 0 && !bytes.HasSuffix(p.buf.Bytes(), []byte("\n")) {
		p.buf.WriteByte('\n')
	}
	_, err := p.w.Write(p.buf.Bytes())
	return err
}
