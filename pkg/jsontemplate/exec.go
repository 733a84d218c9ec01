package jsontemplate

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/template/parse"
)

// maxDepth bounds {{template}} recursion: a template that calls itself
// forever fails instead of exhausting the stack.
const maxDepth = 10000

// errBreak and errContinue carry {{break}} and {{continue}} out of the
// body of a range to the loop.
const (
	errBreak    = execError("break outside range")
	errContinue = execError("continue outside range")
)

// execError is an error that needs no allocation at start-up (a constant).
type execError string

func (e execError) Error() string { return string(e) }

// noValue is what a null or a missing key prints as.
const noValue = "<no value>"

type variable struct {
	name  string
	value any
}

// state is one execution: where output goes, the variables in scope and
// the tree being run (for the positions in errors).
type state struct {
	tmpl  *Template
	tree  *parse.Tree
	w     io.Writer
	vars  []variable
	depth int
}

// piped is the value a pipeline passes on to its next command, if any.
type piped struct {
	value any
	ok    bool
}

func (s *state) errorf(n parse.Node, format string, args ...any) error {
	location, context := s.tree.ErrorContext(n)
	return fmt.Errorf("%s: at <%s>: %s", location, context, fmt.Sprintf(format, args...))
}

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) setVar(name string, v any) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
}

func (s *state) varValue(n parse.Node, name string) (any, error) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value, nil
		}
	}
	return nil, s.errorf(n, "undefined variable: %s", name)
}

func (s *state) walk(dot any, node parse.Node) error {
	switch n := node.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			if err := s.walk(dot, c); err != nil {
				return err
			}
		}
		return nil
	case *parse.TextNode:
		_, err := s.w.Write(n.Text)
		return err
	case *parse.ActionNode:
		v, err := s.evalPipeline(dot, n.Pipe)
		if err != nil || len(n.Pipe.Decl) > 0 { // a declaration prints nothing
			return err
		}
		return s.print(v)
	case *parse.CommentNode:
		return nil
	case *parse.IfNode:
		return s.walkIfOrWith(false, dot, &n.BranchNode)
	case *parse.WithNode:
		return s.walkIfOrWith(true, dot, &n.BranchNode)
	case *parse.RangeNode:
		return s.walkRange(dot, n)
	case *parse.TemplateNode:
		return s.walkTemplate(dot, n)
	case *parse.BreakNode:
		return errBreak
	case *parse.ContinueNode:
		return errContinue
	}
	return s.errorf(node, "unknown node %s", node)
}

// print writes a value as text/template does; null and a missing key
// print "<no value>".
func (s *state) print(v any) error {
	if v == nil {
		_, err := io.WriteString(s.w, noValue)
		return err
	}
	_, err := fmt.Fprint(s.w, v)
	return err
}

func (s *state) walkIfOrWith(with bool, dot any, b *parse.BranchNode) error {
	defer s.pop(len(s.vars))
	v, err := s.evalPipeline(dot, b.Pipe)
	if err != nil {
		return err
	}
	if truth(v) {
		if with {
			return s.walk(v, b.List)
		}
		return s.walk(dot, b.List)
	}
	if b.ElseList != nil {
		return s.walk(dot, b.ElseList)
	}
	return nil
}

func (s *state) walkRange(dot any, r *parse.RangeNode) error {
	defer s.pop(len(s.vars))
	v, err := s.evalPipeline(dot, r.Pipe)
	if err != nil {
		return err
	}
	mark := len(s.vars) // the range's own variables are below it
	iterations := 0
	// each runs the body once; done says the loop is over (break or error).
	each := func(index, elem any) (done bool, err error) {
		iterations++
		s.setRangeVars(r.Pipe, index, elem)
		err = s.walk(elem, r.List)
		s.pop(mark)
		switch err {
		case nil, errContinue:
			return false, nil
		case errBreak:
			return true, nil
		}
		return true, err
	}
	switch x := v.(type) {
	case nil:
	case []any:
		for i, e := range x {
			if done, err := each(i, e); done {
				return err
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if done, err := each(k, x[k]); done {
				return err
			}
		}
	default:
		n, ok := wholeNumber(v)
		if !ok {
			return s.errorf(r, "range can't iterate over %v", v)
		}
		if len(r.Pipe.Decl) > 1 {
			return s.errorf(r, "can't use %v to iterate over more than one variable", v)
		}
		for i := int64(0); i < n; i++ {
			if done, err := each(int(i), int(i)); done {
				return err
			}
		}
	}
	if iterations == 0 && r.ElseList != nil {
		return s.walk(dot, r.ElseList)
	}
	return nil
}

// setRangeVars gives the range's variables this iteration's values: with
// one variable the element, with two the index (or key) and the element.
func (s *state) setRangeVars(pipe *parse.PipeNode, index, elem any) {
	switch len(pipe.Decl) {
	case 0:
		return
	case 1:
		s.setVar(pipe.Decl[0].Ident[0], elem)
	default:
		s.setVar(pipe.Decl[0].Ident[0], index)
		s.setVar(pipe.Decl[1].Ident[0], elem)
	}
}

func (s *state) walkTemplate(dot any, t *parse.TemplateNode) error {
	tree := s.tmpl.trees[t.Name]
	if tree == nil {
		return s.errorf(t, "no such template %q", t.Name)
	}
	if s.depth >= maxDepth {
		return s.errorf(t, "exceeded the maximum template depth (%d)", maxDepth)
	}
	v, err := s.evalPipeline(dot, t.Pipe)
	if err != nil {
		return err
	}
	called := &state{tmpl: s.tmpl, tree: tree, w: s.w, vars: []variable{{"$", v}}, depth: s.depth + 1}
	return called.walk(v, tree.Root)
}

// evalPipeline runs the commands in turn, each one's result the next one's
// last argument, and declares or assigns the pipeline's variables.
func (s *state) evalPipeline(dot any, pipe *parse.PipeNode) (any, error) {
	if pipe == nil {
		return nil, nil
	}
	var in piped
	for _, cmd := range pipe.Cmds {
		v, err := s.evalCommand(dot, cmd, in)
		if err != nil {
			return nil, err
		}
		in = piped{v, true}
	}
	for _, v := range pipe.Decl {
		if pipe.IsAssign {
			s.setVar(v.Ident[0], in.value)
		} else {
			s.vars = append(s.vars, variable{v.Ident[0], in.value})
		}
	}
	return in.value, nil
}

func (s *state) evalCommand(dot any, cmd *parse.CommandNode, in piped) (any, error) {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return s.evalFieldChain(dot, n, n.Ident, cmd.Args, in)
	case *parse.ChainNode:
		return s.evalChain(dot, n, cmd.Args, in)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, cmd, n, cmd.Args, in)
	case *parse.VariableNode:
		return s.evalVariable(dot, n, cmd.Args, in)
	case *parse.NilNode:
		return nil, s.errorf(n, "nil is not a command")
	}
	if len(cmd.Args) > 1 || in.ok {
		return nil, s.errorf(cmd, "can't give argument to non-function %s", cmd.Args[0])
	}
	return s.evalArg(dot, cmd.Args[0])
}

// evalArg evaluates one argument of a function or of a command.
func (s *state) evalArg(dot any, n parse.Node) (any, error) {
	switch a := n.(type) {
	case *parse.DotNode:
		return dot, nil
	case *parse.NilNode:
		return nil, nil
	case *parse.BoolNode:
		return a.True, nil
	case *parse.StringNode:
		return a.Text, nil
	case *parse.NumberNode:
		return s.constant(a)
	case *parse.FieldNode:
		return s.evalFieldChain(dot, a, a.Ident, nil, piped{})
	case *parse.VariableNode:
		return s.evalVariable(dot, a, nil, piped{})
	case *parse.ChainNode:
		return s.evalChain(dot, a, nil, piped{})
	case *parse.PipeNode:
		return s.evalPipeline(dot, a)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, a, a, nil, piped{})
	}
	return nil, s.errorf(n, "can't evaluate %s", n)
}

// constant is a number literal: an int when it is written as one, a
// float64 when it has a point or an exponent, as in text/template.
func (s *state) constant(n *parse.NumberNode) (any, error) {
	switch {
	case n.IsComplex:
		return nil, s.errorf(n, "complex constant %s: JSON has no complex numbers", n.Text)
	case n.IsFloat && !isHexInt(n.Text) && !strings.HasPrefix(n.Text, "'") && strings.ContainsAny(n.Text, ".eEpP"):
		return n.Float64, nil
	case n.IsInt && int64(int(n.Int64)) == n.Int64:
		return int(n.Int64), nil
	}
	return nil, s.errorf(n, "%s overflows int", n.Text)
}

func isHexInt(text string) bool {
	return len(text) > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && !strings.ContainsAny(text, "pP")
}

// evalFieldChain follows .a.b.c from receiver; args and in are the
// arguments of the last, which a JSON value cannot take.
func (s *state) evalFieldChain(receiver any, n parse.Node, ident []string, args []parse.Node, in piped) (any, error) {
	for i, name := range ident {
		if i == len(ident)-1 && (len(args) > 1 || in.ok) {
			return nil, s.errorf(n, "%s is a field, not a function: it takes no arguments", name)
		}
		v, err := fieldOf(receiver, name)
		if err != nil {
			return nil, s.errorf(n, "%v", err)
		}
		receiver = v
	}
	return receiver, nil
}

// fieldOf is .name of v. A field of null is null, as is a missing key:
// {{.meta.sender.name}} prints "<no value>" where the sender is null,
// where text/template stops with "nil pointer evaluating".
func fieldOf(v any, name string) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return x[name], nil
	case json.Number: // its methods, which text/template would call
		switch name {
		case "String":
			return x.String(), nil
		case "Int64":
			return x.Int64()
		case "Float64":
			return x.Float64()
		}
	}
	return nil, fmt.Errorf("can't evaluate field %s in type %s", name, typeName(v))
}

func (s *state) evalVariable(dot any, n *parse.VariableNode, args []parse.Node, in piped) (any, error) {
	v, err := s.varValue(n, n.Ident[0])
	if err != nil {
		return nil, err
	}
	if len(n.Ident) == 1 {
		if len(args) > 1 || in.ok {
			return nil, s.errorf(n, "can't give argument to non-function %s", n)
		}
		return v, nil
	}
	return s.evalFieldChain(v, n, n.Ident[1:], args, in)
}

func (s *state) evalChain(dot any, n *parse.ChainNode, args []parse.Node, in piped) (any, error) {
	if _, isNil := n.Node.(*parse.NilNode); isNil {
		return nil, s.errorf(n, "indirection through explicit nil in %s", n)
	}
	v, err := s.evalArg(dot, n.Node)
	if err != nil {
		return nil, err
	}
	return s.evalFieldChain(v, n, n.Field, args, in)
}

// evalFunction calls a function with its arguments and, last, the value
// piped in. and/or evaluate their arguments only as far as they must.
// Errors show the call, at.
func (s *state) evalFunction(dot any, at parse.Node, n *parse.IdentifierNode, args []parse.Node, in piped) (any, error) {
	if len(args) > 0 {
		args = args[1:] // the function's own name
	}
	if n.Ident == "and" || n.Ident == "or" {
		return s.andOr(dot, at, n, args, in)
	}
	fn, ok := s.tmpl.funcs[n.Ident]
	if !ok {
		if fn, ok = builtin(n.Ident); !ok {
			return nil, s.errorf(at, "%q is not a defined function", n.Ident)
		}
	}
	argv := make([]any, 0, len(args)+1)
	for _, a := range args {
		v, err := s.evalArg(dot, a)
		if err != nil {
			return nil, err
		}
		argv = append(argv, v)
	}
	if in.ok {
		argv = append(argv, in.value)
	}
	if fn.Arity >= 0 && len(argv) != fn.Arity {
		return nil, s.errorf(at, "wrong number of args for %s: want %d got %d", n.Ident, fn.Arity, len(argv))
	}
	v, err := fn.Call(argv)
	if err != nil {
		return nil, s.errorf(at, "error calling %s: %v", n.Ident, err)
	}
	return v, nil
}

// andOr returns the first argument that decides (false for and, true for
// or), or the last one.
func (s *state) andOr(dot any, at parse.Node, n *parse.IdentifierNode, args []parse.Node, in piped) (any, error) {
	if len(args) == 0 && !in.ok {
		return nil, s.errorf(at, "wrong number of args for %s: want at least 1 got 0", n.Ident)
	}
	var v any
	for i := 0; i < len(args) || (i == len(args) && in.ok); i++ {
		if i < len(args) {
			var err error
			if v, err = s.evalArg(dot, args[i]); err != nil {
				return nil, err
			}
		} else {
			v = in.value
		}
		if truth(v) == (n.Ident == "or") {
			return v, nil
		}
	}
	return v, nil
}

// truth is what if, with, and, or and not test. A number is false when it
// is zero, as a reader of JSON expects; text/template would call any
// json.Number true, zero too, since it is a string underneath.
func truth(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case json.Number, int, float64:
		f, _ := number(x)
		return f != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// typeName names a value's JSON type in errors.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number, int, float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}
