package yamldoc

import (
	"strings"
	"unicode/utf8"
)

// Encode writes n as yaml.v3's Encoder with SetIndent(2) writes it (Encode
// then Close): block mappings and sequences indented by two, sequences
// inside mappings indented too, "{}" and "[]" for empty collections, each
// scalar in the style yaml.v3 picks. Keys longer than 128 bytes or on
// several lines are written as explicit "? key" entries, as yaml.v3 does.
//
// Not supported, as nothing here needs them: flow style for non-empty
// collections (written as block) and folded scalars (written as literal).
// Invalid UTF-8, which yaml.v3 refuses, is written with U+FFFD in place.
func Encode(n *Node) []byte {
	e := &emitter{whitespace: true, indention: true}
	if n.Kind == DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	e.node(n, -1, atRoot)
	e.writeIndent(-1) // ends the last line
	return e.buf
}

// place is where a node is written: a simple key allows fewer scalar
// styles than the other places.
type place int

const (
	atRoot      place = iota
	inSequence        // an item of a sequence, after "- "
	asSimpleKey       // a key written as "key:"
	inMapping         // a mapping's value, or an explicit key after "? "
)

// emitter holds what yaml.v3's emitter tracks to decide where to break
// lines and put spaces.
type emitter struct {
	buf        []byte
	column     int
	whitespace bool // the last character written was a space or line break
	indention  bool // only indentation is written on the current line so far
}

func (e *emitter) node(n *Node, indent int, at place) {
	switch n.Kind {
	case AliasNode:
		e.indicator("*", true, false, false)
		e.name(n.Value)
	case ScalarNode:
		e.scalar(n, indent, at)
	case SequenceNode, MappingNode:
		e.collection(n, indent)
	default:
		e.scalar(&Node{Kind: ScalarNode, Value: "null"}, indent, at)
	}
}

// collection writes a sequence or mapping, "[]" or "{}" when empty.
func (e *emitter) collection(n *Node, indent int) {
	e.properties(n.Anchor, collectionTag(n))
	open, close := "[", "]"
	if n.Kind == MappingNode {
		open, close = "{", "}"
	}
	if len(n.Content) == 0 {
		e.indicator(open, true, true, false)
		e.indicator(close, false, false, false)
		return
	}
	if n.Kind == SequenceNode {
		e.blockSequence(n, indent)
	} else {
		e.blockMapping(n, indent)
	}
}

// collectionTag is the tag to write on a collection: none when it is the
// one its kind implies.
func collectionTag(n *Node) string {
	implied := "!!map"
	if n.Kind == SequenceNode {
		implied = "!!seq"
	}
	if n.Tag == implied && n.Style&TaggedStyle == 0 {
		return ""
	}
	return n.Tag
}

// deeper is the indentation of what a collection at indent contains:
// yaml.v3 indents every level by two, and a scalar's block lines by two
// more than its collection (two at the top).
func deeper(indent int, scalar bool) int {
	switch {
	case indent >= 0:
		return indent + 2
	case scalar:
		return 2
	}
	return 0
}

func (e *emitter) blockSequence(n *Node, parentIndent int) {
	indent := deeper(parentIndent, false)
	for _, item := range n.Content {
		e.writeIndent(indent)
		e.indicator("-", true, false, true)
		e.node(item, indent, inSequence)
	}
}

func (e *emitter) blockMapping(n *Node, parentIndent int) {
	indent := deeper(parentIndent, false)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		e.writeIndent(indent)
		if simpleKey(k) {
			e.node(k, indent, asSimpleKey)
			e.indicator(":", false, false, false)
		} else {
			e.indicator("?", true, false, true)
			e.node(k, indent, inMapping)
			e.writeIndent(indent)
			e.indicator(":", true, false, true)
		}
		e.node(v, indent, inMapping)
	}
}

// simpleKey says whether k can be written as "key:": on one line, at most
// 128 bytes with its properties, and not a collection with content.
func simpleKey(k *Node) bool {
	length := len(k.Anchor)
	switch k.Kind {
	case AliasNode:
		length = len(k.Value)
	case ScalarNode:
		value, tag, _ := scalarStyle(k, true)
		if analyze(value).multiline {
			return false
		}
		length += len(tag) + len(value)
	case SequenceNode, MappingNode:
		if len(k.Content) > 0 {
			return false
		}
		length += len(collectionTag(k))
	}
	return length <= 128
}

// properties writes an anchor and a tag.
func (e *emitter) properties(anchor, tag string) {
	if anchor != "" {
		e.indicator("&", true, false, false)
		e.name(anchor)
	}
	if tag != "" {
		e.tag(tag)
	}
}

// name writes an anchor's name after & or *.
func (e *emitter) name(s string) {
	e.write(s)
	e.whitespace, e.indention = false, false
}

// tag writes a tag as !!name, !name, or !<tag> when it has no handle,
// escaping characters a tag cannot hold as yaml.v3 does.
func (e *emitter) tag(tag string) {
	handle, suffix := "", tag
	if strings.HasPrefix(tag, "!!") {
		handle, suffix = "!!", tag[2:]
	} else if strings.HasPrefix(tag, "!") {
		handle, suffix = "!", tag[1:]
	}
	if handle == "" {
		e.indicator("!<", true, false, false)
		e.write(escapeTag(suffix))
		e.indicator(">", false, false, false)
		return
	}
	if !e.whitespace {
		e.put(' ')
	}
	e.write(handle + escapeTag(suffix))
	e.whitespace, e.indention = false, false
}

// escapeTag writes as %XX the bytes a tag's name cannot hold.
func escapeTag(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; isAnchorChar(c) || strings.IndexByte(";/?:@&=+$,.~*'()[]", c) >= 0 {
			b.WriteByte(c)
		} else {
			const hex = "0123456789ABCDEF"
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// scalar writes a scalar in the style yaml.v3 picks for it.
func (e *emitter) scalar(n *Node, indent int, at place) {
	value, tag, style := scalarStyle(n, at == asSimpleKey)
	e.properties(n.Anchor, tag)
	blockIndent := deeper(indent, true)
	switch style {
	case plainStyle:
		e.plain(value)
	case SingleQuotedStyle:
		e.singleQuoted(value, blockIndent)
	case DoubleQuotedStyle:
		e.doubleQuoted(value)
	default:
		e.literal(value, blockIndent)
	}
}

// plainStyle is the absence of a quoting style.
const plainStyle Style = 0

// scalarStyle is the text, the tag to write and the style yaml.v3 uses for
// a scalar. A tag is written only when the text would not resolve to it;
// a string that would read as another type is double-quoted.
func scalarStyle(n *Node, simpleKey bool) (string, string, Style) {
	value := strings.ToValidUTF8(n.Value, "\uFFFD")
	tag, forceQuotes := n.Tag, false
	if tag != "" && n.Style&TaggedStyle == 0 {
		if rtag, _ := resolve(value); tag == "!!str" && n.Style&(DoubleQuotedStyle|SingleQuotedStyle|LiteralStyle|FoldedStyle) != 0 || rtag == tag {
			tag = ""
		} else if tag == "!!str" {
			tag, forceQuotes = "", true
		}
	}
	style := requestedStyle(n, value, forceQuotes)
	a := analyze(value)
	if simpleKey && a.multiline {
		style = DoubleQuotedStyle
	}
	if style == plainStyle && (!a.blockPlain || value == "" && simpleKey) {
		style = SingleQuotedStyle
	}
	if style == SingleQuotedStyle && !a.singleQuoted {
		style = DoubleQuotedStyle
	}
	if style == LiteralStyle && (!a.block || simpleKey) {
		style = DoubleQuotedStyle
	}
	return value, tag, style
}

// requestedStyle is the style the node asks for, before the emitter checks
// that the text can be written so.
func requestedStyle(n *Node, value string, forceQuotes bool) Style {
	switch {
	case n.Style&DoubleQuotedStyle != 0:
		return DoubleQuotedStyle
	case n.Style&SingleQuotedStyle != 0:
		return SingleQuotedStyle
	case n.Style&(LiteralStyle|FoldedStyle) != 0, strings.Contains(value, "\n"):
		return LiteralStyle
	case forceQuotes:
		return DoubleQuotedStyle
	}
	return plainStyle
}

// analysis is what a scalar's text allows.
type analysis struct {
	multiline    bool // it has a line break
	blockPlain   bool // it can be written plain
	singleQuoted bool // it can be single-quoted
	block        bool // it can be a literal block
}

// analyze applies yaml.v3's rules: indicators, surrounding spaces and line
// breaks rule out plain style; tabs, characters that need escapes and
// spaces next to line breaks rule out single quotes; characters that need
// escapes and trailing spaces rule out a block.
func analyze(s string) analysis {
	if s == "" {
		return analysis{blockPlain: true, singleQuoted: true}
	}
	var f scalarFeatures
	f.indicators = strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...")
	f.scan(s)
	a := analysis{multiline: f.breaks, blockPlain: true, singleQuoted: true, block: true}
	if f.leadingSpace || f.leadingBreak || f.trailingSpace || f.trailingBreak || f.breaks || f.indicators {
		a.blockPlain = false
	}
	if f.breakSpace || f.spaceBreak || f.tabs || f.special {
		a.blockPlain, a.singleQuoted = false, false
	}
	if f.trailingSpace || f.spaceBreak || f.special {
		a.block = false
	}
	return a
}

type scalarFeatures struct {
	indicators, breaks, special, tabs        bool
	leadingSpace, leadingBreak               bool
	trailingSpace, trailingBreak             bool
	breakSpace, spaceBreak                   bool // a space after / before a line break
	afterWhitespace, lastSpace, lastWasBreak bool
}

func (f *scalarFeatures) scan(s string) {
	f.afterWhitespace = true
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		last := next == len(s)
		beforeWhitespace := last || s[next] == ' ' || s[next] == '\t'
		f.indicators = f.indicators || isIndicator(r, i == 0, beforeWhitespace, f.afterWhitespace)
		if r == '\t' {
			f.tabs = true
		} else if !printable(r) {
			f.special = true
		}
		f.spacing(r, i == 0, last)
		f.afterWhitespace = r == ' ' || r == '\t' || r == 0 || isBreakRune(r)
	}
}

// isIndicator says whether r, where it is, keeps the text from being plain.
func isIndicator(r rune, first, beforeWhitespace, afterWhitespace bool) bool {
	if first {
		switch r {
		case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
			return true
		case '?', ':', '-':
			return beforeWhitespace
		}
		return false
	}
	return r == ':' && beforeWhitespace || r == '#' && afterWhitespace
}

func (f *scalarFeatures) spacing(r rune, first, last bool) {
	switch {
	case r == ' ':
		f.leadingSpace = f.leadingSpace || first
		f.trailingSpace = f.trailingSpace || last
		f.breakSpace = f.breakSpace || f.lastWasBreak
		f.lastSpace, f.lastWasBreak = true, false
	case isBreakRune(r):
		f.breaks = true
		f.leadingBreak = f.leadingBreak || first
		f.trailingBreak = f.trailingBreak || last
		f.spaceBreak = f.spaceBreak || f.lastSpace
		f.lastSpace, f.lastWasBreak = false, true
	default:
		f.lastSpace, f.lastWasBreak = false, false
	}
}

// printable is what yaml.v3 writes as is: the rest is escaped in double
// quotes. It leaves out characters beyond U+FFFF, emoji included.
func printable(r rune) bool {
	switch {
	case r == '\n', r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return r != 0xFEFF
	}
	return false
}

// isBreakRune is a line break for yaml.v3: \n, \r, NEL, LS, PS.
func isBreakRune(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func (e *emitter) plain(s string) {
	if s != "" && !e.whitespace {
		e.put(' ')
	}
	e.write(s)
	if s != "" {
		e.whitespace = false
	}
	e.indention = false
}

func (e *emitter) singleQuoted(s string, indent int) {
	e.indicator("'", true, false, false)
	breaks := false
	for _, r := range s {
		if isBreakRune(r) {
			if !breaks && r == '\n' {
				e.putBreak()
			}
			e.writeBreak(r)
			breaks = true
			continue
		}
		if breaks {
			e.writeIndent(indent)
		}
		if r == '\'' {
			e.put('\'')
		}
		e.writeRune(r)
		e.indention, breaks = false, false
	}
	e.indicator("'", false, false, false)
	e.whitespace, e.indention = false, false
}

func (e *emitter) doubleQuoted(s string) {
	e.indicator("\"", true, false, false)
	// yaml.v3 escapes every character of a value that starts with a BOM.
	escapeAll := strings.HasPrefix(s, "\uFEFF")
	for _, r := range s {
		if escapeAll || !printable(r) || isBreakRune(r) || r == '"' || r == '\\' {
			e.write(escapeRune(r))
		} else {
			e.writeRune(r)
		}
	}
	e.indicator("\"", false, false, false)
	e.whitespace, e.indention = false, false
}

// escapeRune is r as a double-quoted escape, in yaml.v3's spelling.
func escapeRune(r rune) string {
	switch r {
	case 0:
		return `\0`
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\v':
		return `\v`
	case '\f':
		return `\f`
	case '\r':
		return `\r`
	case 0x1B:
		return `\e`
	case '"':
		return `\"`
	case '\\':
		return `\\`
	case 0x85:
		return `\N`
	case 0xA0:
		return `\_`
	case 0x2028:
		return `\L`
	case 0x2029:
		return `\P`
	}
	const hex = "0123456789ABCDEF"
	prefix, digits := `\x`, 2
	if r > 0xFFFF {
		prefix, digits = `\U`, 8
	} else if r > 0xFF {
		prefix, digits = `\u`, 4
	}
	b := []byte(prefix)
	for shift := (digits - 1) * 4; shift >= 0; shift -= 4 {
		b = append(b, hex[(r>>shift)&15])
	}
	return string(b)
}

// literal writes a literal block scalar: | with an indentation indicator
// when the text starts with a space or a break, and the chomping
// indicator that keeps its final line breaks: - none, (none) one, + more.
func (e *emitter) literal(s string, indent int) {
	e.indicator("|", true, false, false)
	if s[0] == ' ' || isBreakRune(firstRune(s)) {
		e.indicator("2", false, false, false)
	}
	if chomp := chomping(s); chomp != "" {
		e.indicator(chomp, false, false, false)
	}
	e.putBreak()
	e.whitespace = true
	breaks := true
	for _, r := range s {
		if isBreakRune(r) {
			e.writeBreak(r)
			breaks = true
			continue
		}
		if breaks {
			e.writeIndent(indent)
		}
		e.writeRune(r)
		e.indention, breaks = false, false
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func chomping(s string) string {
	last, size := utf8.DecodeLastRuneInString(s)
	if !isBreakRune(last) {
		return "-"
	}
	rest := s[:len(s)-size]
	if rest == "" {
		return "+"
	}
	if before, _ := utf8.DecodeLastRuneInString(rest); isBreakRune(before) {
		return "+"
	}
	return ""
}

// writeIndent starts a line at indent, unless the line holds nothing but
// indentation up to there already.
func (e *emitter) writeIndent(indent int) {
	indent = max(indent, 0)
	if !e.indention || e.column > indent || e.column == indent && !e.whitespace {
		e.putBreak()
	}
	for e.column < indent {
		e.put(' ')
	}
	e.whitespace = true
}

// indicator writes an indicator (: - ? | a quote...), after a space if it
// needs one.
func (e *emitter) indicator(s string, needSpace, isWhitespace, isIndentation bool) {
	if needSpace && !e.whitespace {
		e.put(' ')
	}
	e.write(s)
	e.whitespace = isWhitespace
	e.indention = e.indention && isIndentation
}

func (e *emitter) putBreak() {
	e.buf = append(e.buf, '\n')
	e.column = 0
	e.indention = true
}

// writeBreak writes a line break of the text: \n as a newline, the others
// as they are, which starts a line as well.
func (e *emitter) writeBreak(r rune) {
	if r == '\n' {
		e.putBreak()
		return
	}
	e.buf = utf8.AppendRune(e.buf, r)
	e.column = 0
	e.indention = true
}

func (e *emitter) put(c byte) {
	e.buf = append(e.buf, c)
	e.column++
}

func (e *emitter) writeRune(r rune) {
	e.buf = utf8.AppendRune(e.buf, r)
	e.column++
}

func (e *emitter) write(s string) {
	e.buf = append(e.buf, s...)
	e.column += utf8.RuneCountInString(s)
}
