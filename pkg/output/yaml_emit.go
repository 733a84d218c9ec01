package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// yamlEmitter writes block-style YAML 1.2 for values from decodeOrdered:
// mappings keep the server's key order, numbers are written as the server
// spelled them, strings are quoted only when plain style would change
// their meaning, and multi-line strings become literal blocks.
type yamlEmitter struct{ b *bytes.Buffer }

// document writes v as a whole YAML document (a mapping for an object).
func (e yamlEmitter) document(v any) {
	switch x := v.(type) {
	case orderedObject:
		if len(x) == 0 {
			e.b.WriteString("{}\n")
			return
		}
		e.mapping(x, 0, false)
	case []any:
		if len(x) == 0 {
			e.b.WriteString("[]\n")
			return
		}
		e.sequence(x, 0, false)
	default:
		e.b.WriteString(e.inlineOrBlock(v, 2))
	}
}

// sequenceEntry writes v as one "- " entry of a top-level sequence.
func (e yamlEmitter) sequenceEntry(v any) { e.sequence([]any{v}, 0, false) }

// mapping writes an object's members at indent; inline means the first
// key continues a line already started (after "- ").
func (e yamlEmitter) mapping(obj orderedObject, indent int, inline bool) {
	for i, m := range obj {
		if i > 0 || !inline {
			e.indent(indent)
		}
		e.b.WriteString(yamlKey(m.key))
		e.b.WriteByte(':')
		e.nested(m.val, indent)
	}
}

// sequence writes an array's elements at indent.
func (e yamlEmitter) sequence(arr []any, indent int, inline bool) {
	for i, v := range arr {
		if i > 0 || !inline {
			e.indent(indent)
		}
		e.b.WriteByte('-')
		switch x := v.(type) {
		case orderedObject:
			if len(x) > 0 {
				e.b.WriteByte(' ')
				e.mapping(x, indent+2, true)
				continue
			}
		case []any:
			if len(x) > 0 {
				e.b.WriteByte(' ')
				e.sequence(x, indent+2, true)
				continue
			}
		}
		e.b.WriteByte(' ')
		e.b.WriteString(e.inlineOrBlock(v, indent+2))
	}
}

// nested writes a mapping value after "key:".
func (e yamlEmitter) nested(v any, indent int) {
	switch x := v.(type) {
	case orderedObject:
		if len(x) > 0 {
			e.b.WriteByte('\n')
			e.mapping(x, indent+2, false)
			return
		}
	case []any:
		if len(x) > 0 {
			e.b.WriteByte('\n')
			e.sequence(x, indent+2, false)
			return
		}
	}
	e.b.WriteByte(' ')
	e.b.WriteString(e.inlineOrBlock(v, indent+2))
}

// inlineOrBlock renders a scalar or empty collection, ending in a newline;
// a multi-line string becomes a literal block indented by contentIndent.
func (e yamlEmitter) inlineOrBlock(v any, contentIndent int) string {
	switch x := v.(type) {
	case nil:
		return "null\n"
	case bool:
		if x {
			return "true\n"
		}
		return "false\n"
	case json.Number:
		return x.String() + "\n"
	case orderedObject:
		return "{}\n"
	case []any:
		return "[]\n"
	case string:
		if strings.Contains(x, "\n") && literalOK(x) {
			return literalBlock(x, contentIndent)
		}
		return yamlString(x) + "\n"
	}
	return yamlString(fmt.Sprint(v)) + "\n"
}

func (e yamlEmitter) indent(n int) {
	for ; n > 0; n-- {
		e.b.WriteByte(' ')
	}
}

// literalBlock writes s as "|" with the chomping indicator that restores
// its trailing newlines exactly: "|-" none, "|" one, "|+" more.
func literalBlock(s string, indent int) string {
	body := strings.TrimRight(s, "\n")
	trailing := len(s) - len(body)
	var b strings.Builder
	switch trailing {
	case 0:
		b.WriteString("|-\n")
	case 1:
		b.WriteString("|\n")
	default:
		b.WriteString("|+\n")
	}
	pad := strings.Repeat(" ", indent)
	for _, line := range strings.Split(body, "\n") {
		if line != "" {
			b.WriteString(pad)
			b.WriteString(line)
		}
		b.WriteByte('\n')
	}
	for i := 1; i < trailing; i++ {
		b.WriteByte('\n')
	}
	return b.String()
}

// literalOK reports whether s survives a literal block unchanged: no
// characters that need escapes, and a first line that fixes the
// indentation (not blank, not starting with white space). Lines made only
// of spaces are avoided: parsers disagree about them.
func literalOK(s string) bool {
	body := strings.TrimRight(s, "\n")
	if body == "" || body[0] == ' ' || body[0] == '\t' {
		return false
	}
	for _, line := range strings.Split(body, "\n") {
		if line != "" && strings.TrimLeft(line, " \t") == "" {
			return false
		}
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			// Trailing blanks are legal but invisible; quoting shows them.
			return false
		}
	}
	for _, r := range body {
		if r != '\n' && r != '\t' && needsEscape(r) {
			return false
		}
	}
	return true
}

// yamlKey renders a mapping key; keys are never literal blocks.
func yamlKey(k string) string { return yamlString(k) }

// yamlString renders s plain when that reads back as the same string,
// double-quoted otherwise.
func yamlString(s string) string {
	if plainOK(s) {
		return s
	}
	return quoteYAML(s)
}

// plainOK is deliberately conservative: anything that a YAML 1.1 or 1.2
// reader could take for a number, boolean, null, date, or structure is
// quoted.
func plainOK(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~", "<<":
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`=.+0123456789", rune(s[0])) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	for _, r := range s {
		if r == '\t' || needsEscape(r) {
			return false
		}
	}
	return true
}

// needsEscape is true for characters YAML cannot carry unescaped:
// controls, line breaks of any kind, the BOM and invalid UTF-8.
func needsEscape(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029, r == 0xfeff, r == utf8.RuneError:
		return true
	}
	return false
}

// quoteYAML writes a double-quoted scalar with YAML escapes.
func quoteYAML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if needsEscape(r) {
				if r <= 0xff {
					fmt.Fprintf(&b, `\x%02x`, r)
				} else {
					fmt.Fprintf(&b, `\u%04x`, r)
				}
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
