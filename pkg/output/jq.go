package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/itchyny/gojq"
)

// compileJQ parses and compiles expr once; errors are *UsageError and a
// parse error shows where in the expression it went wrong.
func compileJQ(expr string) (*gojq.Code, error) {
	q, err := gojq.Parse(expr)
	if err != nil {
		var pe *gojq.ParseError
		if errors.As(err, &pe) {
			return nil, jqParseError(expr, pe)
		}
		return nil, &UsageError{Msg: fmt.Sprintf("invalid --jq expression: %v", err)}
	}
	code, err := gojq.Compile(q)
	if err != nil {
		return nil, &UsageError{Msg: fmt.Sprintf("invalid --jq expression: %v; check the jq manual for the names gojq supports", err)}
	}
	return code, nil
}

// jqParseError points a caret at the offending token. gojq's Offset is the
// byte just after the token, so the token's start is Offset-len(Token).
func jqParseError(expr string, pe *gojq.ParseError) *UsageError {
	start := min(max(pe.Offset-len(pe.Token), 0), len(expr))
	lineStart := strings.LastIndexByte(expr[:start], '\n') + 1
	lineEnd := len(expr)
	if i := strings.IndexByte(expr[start:], '\n'); i >= 0 {
		lineEnd = start + i
	}
	line := strings.Count(expr[:start], "\n") + 1
	col := utf8.RuneCountInString(expr[lineStart:start]) + 1
	where := fmt.Sprintf("column %d", col)
	if strings.Contains(expr, "\n") {
		where = fmt.Sprintf("line %d, column %d", line, col)
	}
	return &UsageError{Msg: fmt.Sprintf("invalid --jq expression: %v at %s\n    %s\n    %s^",
		pe, where, expr[lineStart:lineEnd], strings.Repeat(" ", col-1))}
}

// jqPrinter runs a compiled expression and prints each result on its own
// line: strings raw (like jq -r), anything else as compact JSON. It sees a
// list whole, or each item with -o ndjson (see scoped).
type jqPrinter struct {
	scoped
	w    io.Writer
	code *gojq.Code
	buf  bytes.Buffer
}

func newJQPrinter(w io.Writer, code *gojq.Code, perItem bool) *jqPrinter {
	p := &jqPrinter{w: w, code: code}
	p.scoped = scoped{name: "jq", perItem: perItem, run: p.run}
	return p
}

func (p *jqPrinter) run(v any) error {
	iter := p.code.Run(v)
	for {
		out, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, isErr := out.(error); isErr {
			var halt *gojq.HaltError
			if errors.As(err, &halt) && halt.Value() == nil {
				return nil // plain `halt`: stop quietly, like jq
			}
			return fmt.Errorf("jq: %w", err)
		}
		if err := p.emit(out); err != nil {
			return err
		}
	}
}

func (p *jqPrinter) emit(v any) error {
	p.buf.Reset()
	if s, ok := v.(string); ok {
		p.buf.WriteString(s)
	} else {
		b, err := gojq.Marshal(v)
		if err != nil {
			return fmt.Errorf("jq: encode result: %w", err)
		}
		p.buf.Write(b)
	}
	p.buf.WriteByte('\n')
	_, err := p.w.Write(p.buf.Bytes())
	return err
}
