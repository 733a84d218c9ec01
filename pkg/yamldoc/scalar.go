package yamldoc

import (
	"strings"
	"unicode/utf8"
)

// plainScalar reads the first line of a plain scalar; continuePlain reads
// the lines it may continue on, once the caller knows it is not a key.
func (p *parser) plainScalar(flow bool) *Node {
	p.checkPlainStart(flow)
	n := &Node{Kind: ScalarNode}
	p.place(n, p.mark)
	n.Value = p.plainLine(flow)
	n.Tag = plainTag(n.Value)
	return n
}

// plainTag is the tag of a plain scalar: yaml.v3 marks a plain << as the
// merge key.
func plainTag(value string) string {
	if value == "<<" {
		return "!!merge"
	}
	tag, _ := resolve(value)
	return tag
}

// checkPlainStart rejects an indicator where a plain scalar would start.
func (p *parser) checkPlainStart(flow bool) {
	c := p.peek(0)
	if strings.IndexByte(",[]{}#&*!|>'\"%@`", c) >= 0 {
		p.fail(p.line, "a value cannot start with %q unless it is quoted: write it in quotes", rune(c))
	}
	if c == '-' || c == '?' || c == ':' {
		// yaml.v3 reads [-] as a dash, but takes "?" and ":" before a
		// flow indicator for indicators.
		next := p.pos + 1
		if p.blankOrEndAt(next) || flow && c != '-' && next < len(p.src) && strings.IndexByte(",[]{}", p.src[next]) >= 0 {
			p.fail(p.line, "a value cannot start with %q and a space or a bracket unless it is quoted: write it in quotes", rune(c))
		}
	}
}

// plainLine reads a plain scalar's text up to the end of its line, a
// comment, a ':' and a blank, or (in flow) a flow indicator. It leaves the
// position after the last character taken: trailing blanks are not text.
func (p *parser) plainLine(flow bool) string {
	start, end := p.pos, p.pos
	for !p.atLineEnd() {
		c := p.peek(0)
		if isBlank(c) {
			p.skipBlanks()
			if p.peek(0) == '#' {
				break
			}
			continue
		}
		if c == ':' && p.blankOrEndAt(p.pos+1) || flow && strings.IndexByte(",[]{}", c) >= 0 {
			break
		}
		p.pos++
		end = p.pos
	}
	p.pos = end
	return string(p.src[start:end])
}

// continuePlain adds to a plain scalar the lines it continues on: in
// block context those indented more than the enclosing collection
// (indent), in flow context any. Line breaks fold as in YAML: one becomes
// a space, n become n-1 newlines.
func (p *parser) continuePlain(n *Node, indent int, flow bool) {
	var text strings.Builder
	text.WriteString(n.Value)
	for {
		save := p.mark
		p.skipBlanks()
		if !p.atBreak() {
			p.mark = save
			break
		}
		first := p.takeBreak()
		var more strings.Builder
		for p.skipBlanks(); p.atBreak(); p.skipBlanks() {
			more.WriteString(p.takeBreak())
		}
		if p.eof() || p.atDocumentMarker() || p.peek(0) == '#' || !flow && p.indentation() <= indent {
			p.mark = save
			break
		}
		if !flow {
			p.checkContinuationIndent(indent)
		}
		line := p.plainLine(flow)
		if line == "" {
			p.mark = save
			break
		}
		text.WriteString(fold(first, more.String()))
		text.WriteString(line)
	}
	if text.Len() != len(n.Value) {
		n.Value = text.String()
		n.Tag = plainTag(n.Value)
	}
}

// checkContinuationIndent rejects a tab among the columns a continuation
// line must indent with spaces (more than indent), as yaml.v3 does.
func (p *parser) checkContinuationIndent(indent int) {
	for i := p.lineStart; i < p.pos && i-p.lineStart <= indent; i++ {
		if p.src[i] == '\t' {
			p.fail(p.line, "a tab in the indentation: YAML indents with spaces only")
		}
	}
}

// fold joins two lines of a plain or quoted scalar: first is the break
// that ended the first line, more the breaks of the empty lines after it.
// yaml.v3 folds only a \n (or NEL); LS and PS stay as written.
func fold(first, more string) string {
	switch {
	case first != "\n":
		return first + more
	case more == "":
		return " "
	}
	return more
}

// quotedScalar reads a single- or double-quoted scalar.
func (p *parser) quotedScalar() *Node {
	n := &Node{Kind: ScalarNode, Tag: "!!str", Style: DoubleQuotedStyle}
	p.place(n, p.mark)
	quote := p.peek(0)
	if quote == '\'' {
		n.Style = SingleQuotedStyle
	}
	p.pos++
	var b strings.Builder
	for {
		c := p.peek(0)
		switch {
		case p.eof():
			p.fail(n.Line, "the quoted value that starts here is not closed: add the closing %c", quote)
		case quote == '\'' && c == '\'' && p.peek(1) == '\'':
			b.WriteByte('\'')
			p.pos += 2
		case c == quote:
			p.pos++
			n.Value = b.String()
			return n
		case quote == '"' && c == '\\':
			p.escape(&b, n)
		case isBlank(c) || p.atBreak():
			p.quotedSpace(&b, n)
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
}

// quotedSpace reads blanks and line breaks inside quotes: blanks inside a
// line stay, blanks around a line break go and the break folds.
func (p *parser) quotedSpace(b *strings.Builder, n *Node) {
	start := p.pos
	p.skipBlanks()
	if !p.atBreak() {
		b.Write(p.src[start:p.pos])
		return
	}
	first := p.takeBreak()
	b.WriteString(fold(first, p.quotedEmptyLines(n)))
}

// quotedEmptyLines skips the indentation of the line after a break inside
// quotes, and the empty lines after it, returning their breaks.
func (p *parser) quotedEmptyLines(n *Node) string {
	var more strings.Builder
	for {
		if p.atDocumentMarker() {
			p.fail(n.Line, "line %d has a document marker (--- or ...) inside the quoted value that starts here: close the quote before it", p.line)
		}
		p.skipBlanks()
		if !p.atBreak() {
			return more.String()
		}
		more.WriteString(p.takeBreak())
	}
}

// escape reads a backslash escape of a double-quoted scalar.
func (p *parser) escape(b *strings.Builder, n *Node) {
	c := p.peek(1)
	if p.breakAt(p.pos+1) > 0 {
		// An escaped line break joins the lines without a space.
		p.pos++
		p.takeBreak()
		b.WriteString(p.quotedEmptyLines(n))
		return
	}
	if r, ok := simpleEscape(c); ok {
		b.WriteRune(r)
		p.pos += 2
		return
	}
	digits := 0
	switch c {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		p.fail(p.line, "unknown escape \\%s in a double-quoted value: write \\\\ for a backslash", p.escapeText(1))
	}
	b.WriteRune(p.hexEscape(digits))
}

// escapeText is the character after a backslash, for a message.
func (p *parser) escapeText(offset int) string {
	if p.pos+offset >= len(p.src) {
		return ""
	}
	r, _ := utf8.DecodeRune(p.src[p.pos+offset:])
	return string(r)
}

// simpleEscape is the character a one-letter escape stands for.
func simpleEscape(c byte) (rune, bool) {
	switch c {
	case '0':
		return 0, true
	case 'a':
		return '\a', true
	case 'b':
		return '\b', true
	case 't', '\t':
		return '\t', true
	case 'n':
		return '\n', true
	case 'v':
		return '\v', true
	case 'f':
		return '\f', true
	case 'r':
		return '\r', true
	case 'e':
		return 0x1B, true
	case ' ', '"', '/', '\'', '\\':
		return rune(c), true
	case 'N':
		return 0x85, true
	case '_':
		return 0xA0, true
	case 'L':
		return 0x2028, true
	case 'P':
		return 0x2029, true
	}
	return 0, false
}

// hexEscape reads \x, \u or \U and its digits.
func (p *parser) hexEscape(digits int) rune {
	var r uint32 // eight digits overflow a rune
	for i := 2; i < 2+digits; i++ {
		d, ok := hexDigit(p.peek(i))
		if !ok {
			p.fail(p.line, "the escape \\%c needs %d hexadecimal digits", p.peek(1), digits)
		}
		r = r<<4 | uint32(d)
	}
	if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
		p.fail(p.line, "the escape \\%s is not a Unicode character", string(p.src[p.pos+1:p.pos+2+digits]))
	}
	p.pos += 2 + digits
	return rune(r)
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// blockScalar reads a literal (|) or folded (>) block scalar; parentIndent
// is the indentation of the collection it is in.
func (p *parser) blockScalar(parentIndent int) *Node {
	n := &Node{Kind: ScalarNode, Tag: "!!str", Style: LiteralStyle}
	p.place(n, p.mark)
	literal := p.peek(0) == '|'
	if !literal {
		n.Style = FoldedStyle
	}
	p.pos++
	chomp, increment := p.blockHeader()
	p.lineEnd("the block scalar's indicators (| or > with an indentation digit and + or -)")
	p.takeBreak()
	indent := 0
	if increment > 0 {
		// As in yaml.v3: relative to the enclosing collection, or to
		// column 0 at the top.
		indent = increment + max(parentIndent, 0)
	}
	n.Value = p.blockBody(literal, chomp, indent, parentIndent)
	return n
}

// blockHeader reads the chomping indicator (- strips the final line
// breaks, + keeps them all) and the indentation indicator, in either order.
func (p *parser) blockHeader() (chomp byte, increment int) {
	for range 2 {
		switch c := p.peek(0); {
		case (c == '+' || c == '-') && chomp == 0:
			chomp = c
			p.pos++
		case c >= '1' && c <= '9' && increment == 0:
			increment = int(c - '0')
			p.pos++
		case c == '0' && increment == 0:
			p.fail(p.line, "a block scalar's indentation indicator must be 1 to 9, not 0")
		}
	}
	return chomp, increment
}

// blockBody reads a block scalar's lines, indented by indent (0: as the
// first line that is not empty, at least one more than parentIndent).
func (p *parser) blockBody(literal bool, chomp byte, indent, parentIndent int) string {
	var b strings.Builder
	indent, pending := p.blockEmptyLines(indent, parentIndent)
	lastBreak, prevMoreIndented := "", false
	for !p.eof() && p.pos-p.lineStart == indent {
		// Folding joins two lines with a space, unless either is indented
		// more than the rest or empty lines separate them.
		moreIndented := isBlank(p.peek(0))
		if !literal && lastBreak == "\n" && !prevMoreIndented && !moreIndented {
			if pending == "" {
				b.WriteByte(' ')
			}
		} else {
			b.WriteString(lastBreak)
		}
		b.WriteString(pending)
		prevMoreIndented = moreIndented
		start := p.pos
		p.skipToLineEnd()
		b.Write(p.src[start:p.pos])
		lastBreak = p.takeBreak()
		indent, pending = p.blockEmptyLines(indent, parentIndent)
	}
	if chomp != '-' {
		b.WriteString(lastBreak)
	}
	if chomp == '+' {
		b.WriteString(pending)
	}
	return b.String()
}

// blockEmptyLines skips a block scalar's indentation and its empty lines,
// returning their breaks. With indent 0 it finds the indentation: that of
// the first line with text, or of a longer empty line before it, and at
// least one more than the enclosing collection's.
func (p *parser) blockEmptyLines(indent, parentIndent int) (int, string) {
	var breaks strings.Builder
	longest := 0
	for {
		for (indent == 0 || p.pos-p.lineStart < indent) && p.peek(0) == ' ' {
			p.pos++
		}
		longest = max(longest, p.pos-p.lineStart)
		if p.peek(0) == '\t' {
			if indent == 0 {
				// The indentation is the spaces before the tab, which
				// starts the text (YAML 1.2). yaml.v3 rejects this,
				// though its encoder writes it for a text that starts
				// with a tab.
				break
			}
			if p.pos-p.lineStart < indent {
				p.fail(p.line, "a tab in the indentation of a block scalar (| or >): indent with spaces only")
			}
		}
		if !p.atBreak() {
			break
		}
		breaks.WriteString(p.takeBreak())
	}
	if indent == 0 {
		indent = max(longest, parentIndent+1, 1)
	}
	return indent, breaks.String()
}
