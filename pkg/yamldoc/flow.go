package yamldoc

import "strings"

// flowCollection reads [ ... ] or { ... }, which may span lines.
func (p *parser) flowCollection(pr props) *Node {
	p.enter()
	defer p.leave()
	if p.peek(0) == '[' {
		return p.flowSequence(pr)
	}
	return p.flowMapping(pr)
}

func (p *parser) flowSequence(pr props) *Node {
	seq := p.newCollection(SequenceNode, p.mark, pr)
	seq.Style |= FlowStyle
	p.pos++ // '['
	for {
		p.flowSpace(seq)
		if p.peek(0) == ']' {
			p.pos++
			return seq
		}
		seq.Content = append(seq.Content, p.flowSequenceItem(seq))
		if !p.flowNext(seq, ']') {
			return seq
		}
	}
}

// flowSequenceItem reads an item of a flow sequence, which may be a
// single "key: value" pair: a mapping of one entry.
func (p *parser) flowSequenceItem(seq *Node) *Node {
	p.noExplicitKey()
	item := p.flowNode(seq)
	if !p.flowKeyFollows(item) {
		return item
	}
	pair := &Node{Kind: MappingNode, Tag: "!!map", Style: FlowStyle, Line: item.Line, Column: item.Column}
	colon := p.mark
	p.pos++ // ':'
	p.flowSpace(seq)
	var v *Node
	if c := p.peek(0); c == ',' || c == ']' {
		// yaml.v3 puts an absent value of a pair at its ':'.
		v = p.emptyScalar(colon, props{})
	} else {
		v = p.flowNode(seq)
	}
	pair.Content = []*Node{item, v}
	return pair
}

func (p *parser) flowMapping(pr props) *Node {
	m := p.newCollection(MappingNode, p.mark, pr)
	m.Style |= FlowStyle
	p.pos++ // '{'
	for {
		p.flowSpace(m)
		if p.peek(0) == '}' {
			p.pos++
			return m
		}
		p.noExplicitKey()
		key := p.flowNode(m)
		var v *Node
		if p.flowKeyFollows(key) {
			p.pos++ // ':'
			p.flowSpace(m)
			if c := p.peek(0); c == ',' || c == '}' {
				v = p.emptyScalar(p.mark, props{})
			} else {
				v = p.flowNode(m)
			}
		} else {
			p.flowSpace(m)
			v = p.emptyScalar(p.mark, props{})
		}
		m.Content = append(m.Content, key, v)
		if !p.flowNext(m, '}') {
			return m
		}
	}
}

// noExplicitKey rejects "? key" inside a flow collection.
func (p *parser) noExplicitKey() {
	if p.peek(0) == '?' && p.blankOrEndAt(p.pos+1) {
		p.fail(p.line, "explicit keys (? key) are not supported inside [ ] or { }: write key: value")
	}
}

// flowKeyFollows says whether a ':' follows n on the line it starts on,
// making it a key. In flow context a ':' right after a quoted key or a
// collection counts too, as in JSON's {"a":1}.
func (p *parser) flowKeyFollows(n *Node) bool {
	save := p.mark
	p.skipBlanks()
	if p.peek(0) != ':' || p.line != n.Line {
		p.mark = save
		return false
	}
	if n.Kind == SequenceNode || n.Kind == MappingNode {
		p.fail(n.Line, "a list or mapping cannot be a key: use a scalar key")
	}
	return true
}

// flowNext reads the ',' or closing bracket after an entry of c; it
// returns false when c is closed.
func (p *parser) flowNext(c *Node, closing byte) bool {
	p.flowSpace(c)
	switch p.peek(0) {
	case ',':
		p.pos++
		return true
	case closing:
		p.pos++
		return false
	}
	p.failIn(c, "expected ',' or '%c' on line %d after an entry of the %s that starts on line %d, found %s", closing, p.line, flowName(c), c.Line, p.describeHere())
	return false
}

func flowName(c *Node) string {
	if c.Kind == SequenceNode {
		return "list [ ]"
	}
	return "mapping { }"
}

// flowSpace skips blanks, comments and line breaks inside the collection
// c, which must be closed before the document ends.
func (p *parser) flowSpace(c *Node) {
	p.skipSpace()
	if p.eof() {
		p.fail(c.Line, "the %s that starts here is not closed: add its closing bracket", flowName(c))
	}
	if p.atDocumentMarker() {
		p.fail(c.Line, "the %s that starts here is not closed before the document marker on line %d", flowName(c), p.line)
	}
}

// flowNode reads a node inside the flow collection c.
func (p *parser) flowNode(c *Node) *Node {
	pr := p.properties(true)
	if pr.set {
		p.flowSpace(c)
	}
	var n *Node
	switch ch := p.peek(0); {
	case ch == '[' || ch == '{':
		return p.flowCollection(pr)
	case ch == '*':
		if pr.set {
			p.noAliasProps()
		}
		return p.alias()
	case ch == '"' || ch == '\'':
		n = p.quotedScalar()
	case strings.IndexByte(",]}", ch) >= 0 || ch == ':' && p.blankOrEndAt(p.pos+1):
		if !pr.set {
			p.fail(p.line, "expected a value in the %s that starts on line %d, found %s", flowName(c), c.Line, p.describeHere())
		}
		return p.emptyScalar(pr.start, pr)
	default:
		n = p.plainScalar(true)
		p.continuePlain(n, -1, true)
	}
	p.applyProps(n, pr)
	return n
}
