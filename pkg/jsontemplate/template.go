// Package jsontemplate runs Go templates (text/template's language, parsed
// by text/template/parse) over decoded JSON: nil, bool, string,
// json.Number, []any and map[string]any, plus the ints and floats a
// template writes as literals.
//
// Why not text/template's own executor: it looks methods up by name while
// it runs (reflect.Value.MethodByName). A binary that can do that keeps
// every exported method of every type it links, since the linker can no
// longer tell which are unused. For woot that was 2.2 MB of code and a
// dozen page faults at every start-up, for data that has no methods.
//
// The language is text/template's: actions, pipelines, variables, if,
// with, range (with break and continue), define, template, block, and
// the built-in functions. Where decoded JSON makes text/template surprising,
// this package does what a reader of JSON expects (see truth, fieldOf and
// compare):
//   - a number is false when it is zero ({{if .unread_count}});
//   - a field of null is null, like a field of a missing key;
//   - numbers compare by value with each other and with literals (eq .id 42).
package jsontemplate

import (
	"fmt"
	"io"
	"text/template/parse"
)

// Func is a function a template can call. Arity is the number of
// arguments it takes, or -1 for any number; Call gets them evaluated.
type Func struct {
	Arity int
	Call  func(args []any) (any, error)
}

// Template is a parsed template and the templates it defines.
type Template struct {
	name  string
	trees map[string]*parse.Tree
	funcs map[string]Func
}

// Parse parses src, which may call funcs and the built-in functions.
// Errors name the line and column, as text/template's do.
func Parse(name, src string, funcs map[string]Func) (*Template, error) {
	known := map[string]any{}
	for _, n := range builtinNames {
		known[n] = true
	}
	for n := range funcs {
		known[n] = true
	}
	trees, err := parse.Parse(name, src, "", "", known)
	if err != nil {
		return nil, err
	}
	return &Template{name: name, trees: trees, funcs: funcs}, nil
}

// Execute writes the template applied to data to w. On an error, what was
// written before it stays written.
func (t *Template) Execute(w io.Writer, data any) error {
	tree := t.trees[t.name]
	if tree == nil || tree.Root == nil {
		return fmt.Errorf("template %q is empty", t.name)
	}
	s := &state{tmpl: t, tree: tree, w: w, vars: []variable{{"$", data}}}
	err := s.walk(data, tree.Root)
	if err == errBreak || err == errContinue { // the parser allows them only in range
		return nil
	}
	return err
}
