package jsontemplate

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"text/template" // its escapers only: cobra links the package anyway, and they reach no executor
)

// builtinNames are text/template's predefined functions.
var builtinNames = []string{
	"and", "or", "not", "len", "index", "slice", "print", "println", "printf",
	"eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call",
}

// builtin is a predefined function by name (a switch, not a map: a map
// of functions would be built at every start-up). and/or are not here:
// the executor runs them itself, evaluating their arguments lazily.
func builtin(name string) (Func, bool) {
	switch name {
	case "not":
		return Func{1, func(a []any) (any, error) { return !truth(a[0]), nil }}, true
	case "len":
		return Func{1, length}, true
	case "index":
		return Func{-1, index}, true
	case "slice":
		return Func{-1, slice}, true
	case "print":
		return Func{-1, func(a []any) (any, error) { return fmt.Sprint(a...), nil }}, true
	case "println":
		return Func{-1, func(a []any) (any, error) { return fmt.Sprintln(a...), nil }}, true
	case "printf":
		return Func{-1, printf}, true
	case "eq":
		return Func{-1, eq}, true
	case "ne":
		return Func{2, func(a []any) (any, error) { same, err := equal(a[0], a[1]); return !same, err }}, true
	case "lt":
		return Func{2, ordered(func(c int) bool { return c < 0 })}, true
	case "le":
		return Func{2, ordered(func(c int) bool { return c <= 0 })}, true
	case "gt":
		return Func{2, ordered(func(c int) bool { return c > 0 })}, true
	case "ge":
		return Func{2, ordered(func(c int) bool { return c >= 0 })}, true
	case "html":
		return Func{-1, func(a []any) (any, error) { return template.HTMLEscapeString(sprintArgs(a)), nil }}, true
	case "js":
		return Func{-1, func(a []any) (any, error) { return template.JSEscapeString(sprintArgs(a)), nil }}, true
	case "urlquery":
		return Func{-1, func(a []any) (any, error) { return url.QueryEscape(sprintArgs(a)), nil }}, true
	case "call":
		return Func{-1, func([]any) (any, error) { return nil, execError("decoded JSON holds no functions to call") }}, true
	}
	return Func{}, false
}

// sprintArgs is how html, js and urlquery read their arguments: one
// string as it is, anything else as fmt.Sprint prints it, null as
// "<no value>".
func sprintArgs(a []any) string {
	if len(a) == 1 {
		if s, ok := a[0].(string); ok {
			return s
		}
	}
	printable := make([]any, len(a))
	for i, v := range a {
		printable[i] = v
		if v == nil {
			printable[i] = noValue
		}
	}
	return fmt.Sprint(printable...)
}

func printf(a []any) (any, error) {
	if len(a) == 0 {
		return nil, errors.New("printf needs a format")
	}
	format, ok := a[0].(string)
	if !ok {
		return nil, fmt.Errorf("the format is a %s, not a string", typeName(a[0]))
	}
	return fmt.Sprintf(format, a[1:]...), nil
}

func length(a []any) (any, error) {
	switch x := a[0].(type) {
	case string:
		return len(x), nil
	case []any:
		return len(x), nil
	case map[string]any:
		return len(x), nil
	}
	return nil, fmt.Errorf("len of %s", typeName(a[0]))
}

// index is {{index .labels 0}} or {{index .custom_attributes "plan"}}; a
// key an object lacks gives null, an index out of range an error.
func index(a []any) (any, error) {
	if len(a) == 0 {
		return nil, errors.New("index needs a value to index")
	}
	v := a[0]
	for _, key := range a[1:] {
		switch x := v.(type) {
		case []any:
			i, err := position(key, len(x))
			if err != nil {
				return nil, err
			}
			if i == len(x) {
				return nil, fmt.Errorf("index out of range: %d", i)
			}
			v = x[i]
		case map[string]any:
			k, ok := key.(string)
			if n, isNum := key.(json.Number); isNum {
				k, ok = n.String(), true
			}
			if !ok {
				return nil, fmt.Errorf("an object's keys are strings, not %s", typeName(key))
			}
			v = x[k]
		case string:
			i, err := position(key, len(x))
			if err != nil {
				return nil, err
			}
			if i == len(x) {
				return nil, fmt.Errorf("index out of range: %d", i)
			}
			v = int(x[i])
		case nil:
			return nil, errors.New("index of null")
		default:
			return nil, fmt.Errorf("can't index a %s", typeName(v))
		}
	}
	return v, nil
}

// position reads an index into something of length n: 0 to n inclusive
// (n is valid as the end of a slice, not as an index).
func position(key any, n int) (int, error) {
	i, ok := wholeNumber(key)
	if !ok {
		return 0, fmt.Errorf("cannot index with a %s", typeName(key))
	}
	if i < 0 || i > int64(n) {
		return 0, fmt.Errorf("index out of range: %d", i)
	}
	return int(i), nil
}

// slice is {{slice .labels 1 3}}, as Go's x[1:3] (and x[i:j:k] on arrays).
func slice(a []any) (any, error) {
	if len(a) == 0 {
		return nil, errors.New("slice needs a value to slice")
	}
	var n int
	switch x := a[0].(type) {
	case string:
		n = len(x)
	case []any:
		n = len(x)
	case nil:
		return nil, errors.New("slice of null")
	default:
		return nil, fmt.Errorf("can't slice a %s", typeName(a[0]))
	}
	bounds := []int{0, n, n}
	if len(a)-1 > 3 || (len(a)-1 == 3 && !isArray(a[0])) {
		return nil, fmt.Errorf("too many slice indexes: %d", len(a)-1)
	}
	for i, key := range a[1:] {
		p, err := position(key, n)
		if err != nil {
			return nil, err
		}
		bounds[i] = p
	}
	if bounds[0] > bounds[1] || bounds[1] > bounds[2] {
		return nil, fmt.Errorf("invalid slice index: %d > %d", bounds[0], bounds[1])
	}
	if s, ok := a[0].(string); ok {
		return s[bounds[0]:bounds[1]], nil
	}
	return a[0].([]any)[bounds[0]:bounds[1]:bounds[2]], nil
}

func isArray(v any) bool { _, ok := v.([]any); return ok }

// eq is true when its first argument equals any of the others.
func eq(a []any) (any, error) {
	if len(a) < 2 {
		return nil, errors.New("missing argument for comparison")
	}
	for _, other := range a[1:] {
		same, err := equal(a[0], other)
		if err != nil || same {
			return same, err
		}
	}
	return false, nil
}

const (
	errIncompatible  = execError("incompatible types for comparison")
	errNotComparable = execError("invalid type for comparison")
)

// equal compares as JSON does: numbers by value, strings (and a number
// with a string, by its text, as text/template would) by their text; null
// equals only null; arrays and objects are not comparable.
func equal(x, y any) (bool, error) {
	if x == nil || y == nil {
		if isContainer(x) || isContainer(y) {
			return false, errNotComparable
		}
		return x == nil && y == nil, nil
	}
	if bx, ok := x.(bool); ok {
		by, ok := y.(bool)
		if !ok {
			return false, errIncompatible
		}
		return bx == by, nil
	}
	c, err := compare(x, y)
	return c == 0, err
}

func isContainer(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

func ordered(ok func(int) bool) func([]any) (any, error) {
	return func(a []any) (any, error) {
		c, err := compare(a[0], a[1])
		return ok(c), err
	}
}

// compare orders two strings or two numbers. A json.Number against a
// string compares as text, as text/template does (both are strings to
// it); against a number, by value.
func compare(x, y any) (int, error) {
	xs, xIsText := text(x)
	ys, yIsText := text(y)
	_, xIsLiteral := x.(string)
	_, yIsLiteral := y.(string)
	if xIsText && yIsText && (xIsLiteral || yIsLiteral) {
		return strings.Compare(xs, ys), nil
	}
	if xi, ok := exactInt(x); ok {
		if yi, ok := exactInt(y); ok {
			return cmpInt(xi, yi), nil
		}
	}
	xf, xok := number(x)
	yf, yok := number(y)
	switch {
	case xok && yok:
		if xf < yf {
			return -1, nil
		} else if xf > yf {
			return 1, nil
		}
		return 0, nil
	case isContainer(x) || isContainer(y) || x == nil || y == nil || isBool(x) || isBool(y):
		return 0, errNotComparable
	}
	return 0, errIncompatible
}

func isBool(v any) bool { _, ok := v.(bool); return ok }

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// text is the text of a string or of a json.Number.
func text(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	}
	return "", false
}

// exactInt is an integer value exactly, beyond float64's 2^53 too (ids of
// 17 digits compare right).
func exactInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case json.Number:
		i, err := strconv.ParseInt(x.String(), 10, 64)
		return i, err == nil
	}
	return 0, false
}

// number is a numeric value as a float64.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// wholeNumber is a number without a fractional part, as an index or a
// count.
func wholeNumber(v any) (int64, bool) {
	if i, ok := exactInt(v); ok {
		return i, true
	}
	f, ok := number(v)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}
