package output

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// yamlEmitter writes block-style YAML 1.2 for a jsonTree: mappings keep
// the server's key order, numbers are written as the server spelled them,
// strings are quoted only when plain style would change their meaning, and
// multi-line strings become literal blocks.
type yamlEmitter struct {
	b    *bytes.Buffer
	tree *jsonTree
}

// document writes v as a whole YAML document (a mapping for an object).
func (e yamlEmitter) document(v int32) {
	switch n := e.tree.node(v); {
	case n.kind == jsonObject && !e.tree.empty(v):
		e.mapping(v, 0, false)
	case n.kind == jsonArray && !e.tree.empty(v):
		e.sequence(v, 0, false)
	default:
		e.scalar(v, 2)
	}
}

// sequenceEntry writes v as one "- " entry of a top-level sequence.
func (e yamlEmitter) sequenceEntry(v int32) {
	e.b.WriteByte('-')
	e.afterDash(v, 0)
}

// mapping writes an object's members at indent; inline means the first
// key continues a line already started (after "- ").
func (e yamlEmitter) mapping(obj int32, indent int, inline bool) {
	for m := e.tree.node(obj).first; m >= 0; m = e.tree.node(m).next {
		if m != e.tree.node(obj).first || !inline {
			e.indent(indent)
		}
		yamlString(e.b, jsonText(e.tree.node(m).key))
		e.b.WriteByte(':')
		e.nested(m, indent)
	}
}

// sequence writes an array's elements at indent.
func (e yamlEmitter) sequence(arr int32, indent int, inline bool) {
	for v := e.tree.node(arr).first; v >= 0; v = e.tree.node(v).next {
		if v != e.tree.node(arr).first || !inline {
			e.indent(indent)
		}
		e.b.WriteByte('-')
		e.afterDash(v, indent)
	}
}

// afterDash writes a sequence element after its "-".
func (e yamlEmitter) afterDash(v int32, indent int) {
	e.b.WriteByte(' ')
	switch n := e.tree.node(v); {
	case n.kind == jsonObject && !e.tree.empty(v):
		e.mapping(v, indent+2, true)
	case n.kind == jsonArray && !e.tree.empty(v):
		e.sequence(v, indent+2, true)
	default:
		e.scalar(v, indent+2)
	}
}

// nested writes a mapping value after "key:".
func (e yamlEmitter) nested(v int32, indent int) {
	switch n := e.tree.node(v); {
	case n.kind == jsonObject && !e.tree.empty(v):
		e.b.WriteByte('\n')
		e.mapping(v, indent+2, false)
	case n.kind == jsonArray && !e.tree.empty(v):
		e.b.WriteByte('\n')
		e.sequence(v, indent+2, false)
	default:
		e.b.WriteByte(' ')
		e.scalar(v, indent+2)
	}
}

// scalar writes a scalar or empty collection and ends the line; a
// multi-line string becomes a literal block indented by contentIndent.
func (e yamlEmitter) scalar(v int32, contentIndent int) {
	n := e.tree.node(v)
	switch n.kind {
	case jsonObject:
		e.b.WriteString("{}")
	case jsonArray:
		e.b.WriteString("[]")
	case jsonString:
		s := jsonText(n.raw)
		if bytes.IndexByte(s, '\n') >= 0 && literalOK(s) {
			literalBlock(e.b, s, contentIndent)
			return
		}
		yamlString(e.b, s)
	default: // null, true, false, numbers: as the server wrote them
		e.b.Write(n.raw)
	}
	e.b.WriteByte('\n')
}

func (e yamlEmitter) indent(n int) {
	for ; n > 0; n-- {
		e.b.WriteByte(' ')
	}
}

// literalBlock writes s as "|" with the chomping indicator that restores
// its trailing newlines exactly: "|-" none, "|" one, "|+" more.
func literalBlock(b *bytes.Buffer, s []byte, indent int) {
	body := bytes.TrimRight(s, "\n")
	trailing := len(s) - len(body)
	switch trailing {
	case 0:
		b.WriteString("|-\n")
	case 1:
		b.WriteString("|\n")
	default:
		b.WriteString("|+\n")
	}
	for line := range bytes.SplitSeq(body, []byte("\n")) {
		if len(line) > 0 {
			for i := 0; i < indent; i++ {
				b.WriteByte(' ')
			}
			b.Write(line)
		}
		b.WriteByte('\n')
	}
	for i := 1; i < trailing; i++ {
		b.WriteByte('\n')
	}
}

// literalOK reports whether s survives a literal block unchanged: no
// characters that need escapes, and a first line that fixes the
// indentation (not blank, not starting with white space). Lines made only
// of spaces are avoided: parsers disagree about them.
func literalOK(s []byte) bool {
	body := bytes.TrimRight(s, "\n")
	if len(body) == 0 || body[0] == ' ' || body[0] == '\t' {
		return false
	}
	for line := range bytes.SplitSeq(body, []byte("\n")) {
		if len(line) > 0 && len(bytes.TrimLeft(line, " \t")) == 0 {
			return false
		}
		if bytes.HasSuffix(line, []byte(" ")) || bytes.HasSuffix(line, []byte("\t")) {
			// Trailing blanks are legal but invisible; quoting shows them.
			return false
		}
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r != '\n' && r != '\t' && needsEscape(r) {
			return false
		}
		i += size
	}
	return true
}

// yamlString writes s plain when that reads back as the same string,
// double-quoted otherwise. Keys and values alike.
func yamlString(b *bytes.Buffer, s []byte) {
	if plainOK(s) {
		b.Write(s)
		return
	}
	quoteYAML(b, s)
}

// yamlKeywords read as something other than a string in YAML 1.1 or 1.2.
var yamlKeywords = [...]string{"true", "false", "yes", "no", "y", "n", "on", "off", "null", "~", "<<"}

// plainOK is deliberately conservative: anything that a YAML 1.1 or 1.2
// reader could take for a number, boolean, null, date, or structure is
// quoted.
func plainOK(s []byte) bool {
	if len(s) == 0 || len(bytes.TrimSpace(s)) != len(s) {
		return false
	}
	if len(s) <= len("false") {
		for _, k := range yamlKeywords {
			if bytes.EqualFold(s, []byte(k)) {
				return false
			}
		}
	}
	if bytes.IndexByte([]byte("-?:,[]{}#&*!|>'\"%@`=.+0123456789"), s[0]) >= 0 {
		return false
	}
	if bytes.Contains(s, []byte(": ")) || bytes.Contains(s, []byte(" #")) || s[len(s)-1] == ':' {
		return false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == '\t' || needsEscape(r) {
			return false
		}
		i += size
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
func quoteYAML(b *bytes.Buffer, s []byte) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		i += size
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
				writeEscape(b, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// writeEscape writes r as \xXX or \uXXXX.
func writeEscape(b *bytes.Buffer, r rune) {
	digits, prefix := 4, `\u`
	if r <= 0xff {
		digits, prefix = 2, `\x`
	}
	hex := strconv.FormatInt(int64(r), 16)
	b.WriteString(prefix)
	for i := len(hex); i < digits; i++ {
		b.WriteByte('0')
	}
	b.WriteString(hex)
}
