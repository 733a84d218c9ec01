package application

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/spectest"
)

// allOperations is everything this package declares.
func allOperations() []api.Operation {
	return append(Operations(), ServerOperations()...)
}

// positionalParams are the path parameters a command takes as arguments:
// all but {account_id}, which comes from configuration for every family
// this package declares.
func positionalParams(op api.Operation) []string {
	var out []string
	for _, p := range spectest.PathParams(op.Path) {
		if p != "account_id" {
			out = append(out, p)
		}
	}
	return out
}

func opKey(method, path string) string { return method + " " + path }

// specOp returns the spec operation for an in-spec table entry.
func specOp(doc *openapi3.T, op api.Operation) (*openapi3.PathItem, *openapi3.Operation) {
	item := doc.Paths.Value(op.Path)
	if item == nil {
		return nil, nil
	}
	return item, item.GetOperation(op.Method)
}

// properties collects a schema's properties through allOf, oneOf and anyOf.
func properties(s *openapi3.Schema) map[string]*openapi3.Schema {
	out := map[string]*openapi3.Schema{}
	var walk func(*openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil {
			return
		}
		for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			for _, r := range group {
				walk(r.Value)
			}
		}
		for k, r := range s.Properties {
			if r != nil && r.Value != nil {
				out[k] = r.Value
			}
		}
	}
	walk(s)
	return out
}

// requiredFields collects a schema's required names through allOf.
func requiredFields(s *openapi3.Schema) []string {
	if s == nil {
		return nil
	}
	out := append([]string(nil), s.Required...)
	for _, r := range s.AllOf {
		out = append(out, requiredFields(r.Value)...)
	}
	sort.Strings(out)
	return out
}

// types is the set of JSON types a schema allows, through composition.
// An empty result means any type.
func types(s *openapi3.Schema) map[string]bool {
	out := map[string]bool{}
	if s == nil {
		return out
	}
	for _, t := range s.Type.Slice() {
		out[t] = true
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, r := range group {
			for t := range types(r.Value) {
				out[t] = true
			}
		}
	}
	if len(out) == 0 && len(properties(s)) > 0 {
		out["object"] = true
	}
	return out
}

func itemSchema(s *openapi3.Schema) *openapi3.Schema {
	if s == nil {
		return nil
	}
	if s.Items != nil {
		return s.Items.Value
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, r := range group {
			if it := itemSchema(r.Value); it != nil {
				return it
			}
		}
	}
	return nil
}

// enumValues are the values a schema (or, for an array, its items)
// enumerates, as strings.
func enumValues(s *openapi3.Schema) []string {
	if s == nil {
		return nil
	}
	vals := s.Enum
	if len(vals) == 0 {
		if it := itemSchema(s); it != nil {
			vals = it.Enum
		}
	}
	var out []string
	for _, v := range vals {
		if v == nil {
			continue
		}
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// typeFits says whether a parameter type can carry values of the schema.
func typeFits(t api.Type, s *openapi3.Schema) bool {
	ts := types(s)
	if len(ts) == 0 || t == api.JSON {
		return true
	}
	itemFits := func(want ...string) bool {
		it := types(itemSchema(s))
		if len(it) == 0 {
			return true
		}
		for _, w := range want {
			if it[w] {
				return true
			}
		}
		return false
	}
	switch t {
	case api.String:
		return ts["string"]
	case api.Int:
		return ts["integer"] || ts["number"]
	case api.Float:
		return ts["number"] || ts["integer"]
	case api.Bool:
		return ts["boolean"]
	case api.Strings:
		return ts["array"] && itemFits("string")
	case api.Ints:
		return ts["array"] && itemFits("integer", "number")
	case api.Map:
		return ts["object"]
	case api.File:
		return ts["string"] || (ts["array"] && itemFits("string"))
	}
	return false
}

// bodySchema is the operation's JSON request schema, or the first one.
func bodySchema(op *openapi3.Operation) *openapi3.Schema {
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	content := op.RequestBody.Value.Content
	if mt := content.Get("application/json"); mt != nil && mt.Schema != nil {
		return mt.Schema.Value
	}
	keys := make([]string, 0, len(content))
	for k := range content {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if mt := content[k]; mt.Schema != nil {
			return mt.Schema.Value
		}
	}
	return nil
}

// bodySchemas are all of an operation's request schemas (JSON, multipart…).
func bodySchemas(op *openapi3.Operation) []*openapi3.Schema {
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	var out []*openapi3.Schema
	for _, mt := range op.RequestBody.Value.Content {
		if mt.Schema != nil && mt.Schema.Value != nil {
			out = append(out, mt.Schema.Value)
		}
	}
	return out
}

// fieldPath splits a body parameter name into its nesting: "profile.name"
// and "profile[avatar]" nest, "attachments[]" is one multipart field name.
func fieldPath(name string) []string {
	if strings.HasSuffix(name, "[]") {
		return []string{name}
	}
	name = strings.NewReplacer("[", ".", "]", "").Replace(name)
	return strings.Split(name, ".")
}

// bodyField finds a (possibly nested) property in any of the request
// schemas.
func bodyField(op *openapi3.Operation, name string) *openapi3.Schema {
	for _, s := range bodySchemas(op) {
		cur := s
		for _, seg := range fieldPath(name) {
			cur = properties(cur)[seg]
			if cur == nil {
				break
			}
		}
		if cur != nil {
			return cur
		}
	}
	return nil
}

// queryParam finds a query parameter of a spec operation, including the
// path item's shared parameters.
func queryParam(item *openapi3.PathItem, op *openapi3.Operation, name string) *openapi3.Parameter {
	for _, group := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, r := range group {
			if r.Value != nil && r.Value.In == "query" && r.Value.Name == name {
				return r.Value
			}
		}
	}
	return nil
}

func paramSchema(p *openapi3.Parameter) *openapi3.Schema {
	if p == nil || p.Schema == nil {
		return nil
	}
	return p.Schema.Value
}

// successSchema is the JSON schema of an operation's first 2xx answer.
func successSchema(op *openapi3.Operation) *openapi3.Schema {
	if op == nil || op.Responses == nil {
		return nil
	}
	codes := op.Responses.Keys()
	sort.Strings(codes)
	for _, code := range codes {
		if !strings.HasPrefix(code, "2") {
			continue
		}
		r := op.Responses.Value(code)
		if r == nil || r.Value == nil {
			continue
		}
		if mt := r.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
			return mt.Schema.Value
		}
	}
	return nil
}

// descend follows a dotted path through a schema's properties; ok is
// false when a segment is not declared.
func descend(s *openapi3.Schema, path string) (*openapi3.Schema, bool) {
	if path == "" {
		return s, true
	}
	cur := s
	for _, seg := range strings.Split(path, ".") {
		next := properties(cur)[seg]
		if next == nil {
			return nil, false
		}
		cur = next
	}
	return cur, true
}

// shellWords splits an example command line the way a POSIX shell would
// for the simple quoting examples use, stopping at a pipe, redirection or
// command separator.
func shellWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	quote := byte(0)
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '\'' || c == '"':
			quote = c
			inWord = true
		case c == '\\' && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
			inWord = true
		case c == ' ' || c == '\t':
			flush()
		case c == '|' || c == '>' || c == '<' || c == ';' || c == '&':
			flush()
			return words, nil
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote", quote)
	}
	flush()
	return words, nil
}

// globalFlags are the flags the command builder adds to every command;
// the value says whether the flag takes a value.
func globalFlags() map[string]bool {
	return map[string]bool{
		"output": true, "o": true, "jq": true, "template": true, "fields": true,
		"page": true, "limit": true, "concurrency": true, "input": true, "output-file": true,
		"account": true, "profile": true, "url": true, "timeout": true, "retries": true, "rate": true,
		"all": false, "yes": false, "dry-run": false, "debug": false, "sandbox": false, "help": false,
	}
}

// exampleCall is one parsed `$ woot …` line of an Example.
type exampleCall struct {
	line  string
	args  []string
	flags map[string][]string // flag name → values as given ("" for a bare boolean)
}

// parseExample checks that every invocation in op.Example calls op's own
// command with flags it has, and returns the invocations.
func parseExample(op api.Operation) ([]exampleCall, error) {
	params := map[string]api.Param{}
	for _, p := range op.Params {
		params[p.FlagName()] = p
	}
	globals := globalFlags()
	cmdWords := strings.Fields(op.Command)
	var calls []exampleCall
	for _, raw := range strings.Split(op.Example, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, "$ ") {
			return nil, fmt.Errorf("line %q does not start with \"$ \"", line)
		}
		words, err := shellWords(strings.TrimPrefix(line, "$ "))
		if err != nil {
			return nil, fmt.Errorf("%q: %v", line, err)
		}
		want := append([]string{"woot"}, cmdWords...)
		if len(words) < len(want) || strings.Join(words[:len(want)], " ") != strings.Join(want, " ") {
			return nil, fmt.Errorf("%q does not call `woot %s`", line, op.Command)
		}
		call := exampleCall{line: line, flags: map[string][]string{}}
		rest := words[len(want):]
		for i := 0; i < len(rest); i++ {
			w := rest[i]
			if !strings.HasPrefix(w, "-") || w == "-" {
				call.args = append(call.args, w)
				continue
			}
			name, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
			takesValue, global := globals[name]
			p, own := params[name]
			switch {
			case own:
				takesValue = p.Type != api.Bool
			case global:
			default:
				return nil, fmt.Errorf("%q uses unknown flag --%s", line, name)
			}
			if takesValue && !hasValue {
				if i+1 >= len(rest) {
					return nil, fmt.Errorf("%q: flag --%s needs a value", line, name)
				}
				i++
				value = rest[i]
			}
			call.flags[name] = append(call.flags[name], value)
		}
		calls = append(calls, call)
	}
	if len(calls) == 0 {
		return nil, fmt.Errorf("no `$ woot %s` invocation", op.Command)
	}
	return calls, nil
}
