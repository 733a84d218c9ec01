package yamldoc

import (
	"fmt"
	"strings"
)

// maxDepth bounds the nesting of collections, so that a file of a million
// "[" cannot exhaust the stack.
const maxDepth = 1000

type parser struct {
	*input
	anchors map[string]*Node
	depth   int
}

// ParseStream reads every document of a YAML stream. On a syntax error it
// returns the documents before the one with the error, and the error, a
// *SyntaxError. A stream with no content (empty, or only comments) has no
// documents.
func ParseStream(data []byte) (docs []*Node, err error) {
	in, err := newInput(data)
	if err != nil {
		return nil, err
	}
	p := &parser{input: in}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*SyntaxError)
			if !ok {
				panic(r)
			}
			err = se
		}
	}()
	for {
		doc := p.document()
		if doc == nil {
			return docs, nil
		}
		docs = append(docs, doc)
	}
}

// fail stops the parse with a syntax error; ParseStream recovers it. The
// reader's functions stay small without an error check after every call.
func (p *parser) fail(line int, format string, args ...any) {
	panic(&SyntaxError{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// failIn reports a line that breaks the collection c. Like yaml.v3, whose
// lines accountconf's messages keep, it names the line c starts on, the
// message the line at fault; but when c starts on the stream's first line,
// as the root mapping of a file does, yaml.v3 named the line at fault,
// and so does this, rather than draw every report to line 1.
func (p *parser) failIn(c *Node, format string, args ...any) {
	line := c.Line
	if line == 1 {
		line = p.line
	}
	p.fail(line, format, args...)
}

func (p *parser) enter() {
	if p.depth++; p.depth > maxDepth {
		p.fail(p.line, "the document nests lists and mappings more than %d deep", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// place sets where n starts.
func (p *parser) place(n *Node, m mark) {
	n.Line = m.line
	n.Column = p.column(m) + 1
}

// document reads the next document, or returns nil at the end of the
// stream. Anchors belong to their document, as the YAML spec says.
func (p *parser) document() *Node {
	p.anchors = map[string]*Node{}
	directive, ok := p.documentStart()
	if !ok {
		return nil
	}
	doc := &Node{Kind: DocumentNode}
	var root *Node
	if p.atMarker('-') {
		// yaml.v3 places a document at its first directive, or its ---.
		p.place(doc, p.mark)
		if directive.line > 0 {
			p.place(doc, directive)
		}
		p.pos += 3
		root = p.blockNode(slot{indent: -1})
	} else {
		p.checkIndentation()
		root = p.blockNode(slot{indent: -1, compact: true})
	}
	if root == nil {
		p.skipSpace()
		root = p.emptyScalar(p.nextTokenMark(), props{})
	}
	if doc.Line == 0 {
		doc.Line, doc.Column = root.Line, root.Column
	}
	doc.Content = []*Node{root}
	p.documentEnd()
	return doc
}

// documentStart skips what comes before a document's content: comments,
// directives, stray "..." lines. It returns where the first directive is,
// and false at the end of the stream.
func (p *parser) documentStart() (mark, bool) {
	var directive mark
	for {
		p.skipSpace()
		switch {
		case p.eof():
			if directive.line > 0 {
				p.fail(directive.line, "a directive must be followed by a document that starts with ---")
			}
			return directive, false
		case p.pos == p.lineStart && p.peek(0) == '%':
			if directive.line == 0 {
				directive = p.mark
			}
			p.directive()
		case p.atMarker('.') && directive.line == 0:
			p.pos += 3
			p.lineEnd("the ... that ends a document")
		case p.atMarker('-'):
			return directive, true
		case directive.line > 0:
			p.fail(directive.line, "a directive must be followed by a line ---")
		default:
			return directive, true
		}
	}
}

// directive accepts %YAML 1.1 and 1.2, which change nothing here, and
// rejects the rest.
func (p *parser) directive() {
	line := p.line
	start := p.pos
	for !p.blankOrEndAt(p.pos) {
		p.pos++
	}
	name := string(p.src[start:p.pos])
	p.skipBlanks()
	start = p.pos
	for !p.blankOrEndAt(p.pos) {
		p.pos++
	}
	arg := string(p.src[start:p.pos])
	switch {
	case name == "%YAML" && (arg == "1.1" || arg == "1.2"):
	case name == "%YAML":
		p.fail(line, "%%YAML %s is not supported: use 1.2, or remove the line", arg)
	case name == "%TAG":
		p.fail(line, "%%TAG directives are not supported: write tags in full (!!str, !local)")
	default:
		p.fail(line, "unknown directive %s: remove the line", name)
	}
	p.lineEnd("the directive")
}

// documentEnd checks that nothing but a document marker follows the
// document's content, and consumes a "...".
func (p *parser) documentEnd() {
	p.skipSpace()
	switch {
	case p.eof() || p.atMarker('-') || p.pos == p.lineStart && p.peek(0) == '%':
	case p.atMarker('.'):
		p.pos += 3
		p.lineEnd("the ... that ends a document")
	default:
		p.fail(p.line, "%s is not part of the document above: a document has one top-level value (start another with a line ---)", p.describeHere())
	}
}

// lineEnd checks that only blanks and a comment follow what was read on
// this line.
func (p *parser) lineEnd(what string) {
	p.skipBlanks()
	if p.peek(0) == '#' {
		p.skipToLineEnd()
	}
	if !p.atLineEnd() {
		p.fail(p.line, "unexpected %s after %s: only a comment may follow it on the line", p.describeHere(), what)
	}
}

// describeHere quotes the text at the position, for a message.
func (p *parser) describeHere() string {
	end := p.pos
	for end < len(p.src) && p.breakAt(end) == 0 && end-p.pos < 20 {
		end++
	}
	if end == p.pos {
		return "the end of the line"
	}
	return quoteForMessage(strings.TrimRight(string(p.src[p.pos:end]), " \t"))
}

// quoteForMessage quotes a value for a message, shortened if long.
func quoteForMessage(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:37]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

// nextTokenMark is where yaml.v3 reports an absent node that no indicator
// precedes: at the next token, or at the end of the input.
func (p *parser) nextTokenMark() mark {
	if p.eof() {
		return p.endMark()
	}
	return p.mark
}

// emptyScalar is an absent node: null, unless its tag says otherwise.
func (p *parser) emptyScalar(at mark, pr props) *Node {
	n := &Node{Kind: ScalarNode, Tag: "!!null"}
	if pr.set {
		at = pr.start
	}
	p.place(n, at)
	p.applyProps(n, pr)
	return n
}
