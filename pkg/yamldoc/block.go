package yamldoc

import "fmt"

// slot says where a block node is read.
type slot struct {
	// indent is the indentation of the enclosing block collection, -1 at
	// the top: the node's lines are indented more.
	indent int
	// seqAtIndent: the node is a mapping's value, whose list may also sit
	// at the mapping's own indentation ("key:\n- a").
	seqAtIndent bool
	// compact: a block collection may start on the current line, as after
	// "- ", "? " and an explicit ": ". After "key: " it may not.
	compact bool
}

// blockNode reads the node that starts at the position (after an
// indicator, or at a line's first character), or returns nil when there
// is none: the caller decides where the absent node is reported.
func (p *parser) blockNode(s slot) *Node {
	p.enter()
	defer p.leave()
	p.skipBlanks()
	if p.atLineEnd() || p.peek(0) == '#' {
		return p.nodeOnLaterLines(s, props{})
	}
	return p.nodeHere(s, props{}, s.compact)
}

// nodeOnLaterLines reads a node that starts on a later line, as in
// "key:\n  value". earlier are properties already read (&anchor !tag
// alone on their line); without a node they tag an empty one.
func (p *parser) nodeOnLaterLines(s slot, earlier props) *Node {
	p.skipSpace()
	if !p.eof() && !p.atDocumentBoundary() {
		p.checkIndentation()
		ind := p.indentation()
		if ind > s.indent || (ind == s.indent && s.seqAtIndent && p.atSequenceEntry()) {
			return p.nodeHere(s, earlier, true)
		}
	}
	if earlier.set {
		return p.emptyScalar(earlier.start, earlier)
	}
	return nil
}

// checkIndentation rejects a tab before a line's content: YAML indents
// with spaces only, and a tab's width would be a guess.
func (p *parser) checkIndentation() {
	for i := p.lineStart; i < p.pos; i++ {
		if p.src[i] == '\t' {
			p.fail(p.line, "a tab in the indentation: YAML indents with spaces only")
		}
	}
}

func (p *parser) atSequenceEntry() bool {
	return p.peek(0) == '-' && p.blankOrEndAt(p.pos+1)
}

// nodeHere reads a node that starts at the position, on this line.
// compact says whether a block collection may start here.
func (p *parser) nodeHere(s slot, earlier props, compact bool) *Node {
	here := p.properties(false)
	if here.set {
		p.skipBlanks()
		if p.atLineEnd() || p.peek(0) == '#' {
			return p.nodeOnLaterLines(s, p.mergeProps(earlier, here))
		}
	}
	// A block collection's indentation is the column its first line
	// starts at, properties included ("&a key: v" aligns on the "&").
	lineStart := p.mark
	if here.set {
		lineStart = here.start
	}
	switch c := p.peek(0); {
	case c == '-' && p.blankOrEndAt(p.pos+1):
		p.needCompact(compact && !here.set, "a list")
		return p.blockSequence(p.column(lineStart), s.indent, p.mergeProps(earlier, here))
	case c == '?' && p.blankOrEndAt(p.pos+1):
		p.needCompact(compact && !here.set, "a mapping with an explicit key (? key)")
		m := p.newCollection(MappingNode, p.mark, p.mergeProps(earlier, here))
		p.blockMapping(m, p.column(lineStart), nil)
		return m
	case c == ':' && p.blankOrEndAt(p.pos+1):
		p.noEmptyKey()
	case c == '|' || c == '>':
		n := p.blockScalar(s.indent)
		p.applyProps(n, p.mergeProps(earlier, here))
		return n
	case c == '[' || c == '{':
		n := p.flowCollection(p.mergeProps(earlier, here))
		p.keyFollows(n) // fails: a collection cannot be a key
		p.lineEnd("the list or mapping")
		return n
	case c == '*' && here.set:
		p.noAliasProps()
	}
	// Should this start a mapping, the earlier properties are its own, and
	// its anchor is defined before its first key, which may refer to it.
	m := p.newCollection(MappingNode, lineStart, earlier)
	key := p.keyCandidate()
	if !p.keyFollows(key) {
		if key.Kind == AliasNode && earlier.set {
			p.noAliasProps()
		}
		n := p.finishValue(key, s.indent)
		p.applyProps(n, p.mergeProps(earlier, here))
		return n
	}
	// A key: properties on its line are the key's.
	p.needCompact(compact, "a mapping")
	p.applyProps(key, here)
	p.blockMapping(m, p.column(lineStart), key)
	return m
}

func (p *parser) noAliasProps() {
	p.fail(p.line, "an alias cannot have an anchor or a tag: remove them, or put them on the anchored node")
}

// noEmptyKey rejects a mapping entry without a key (": value"), which
// YAML allows and nobody means.
func (p *parser) noEmptyKey() {
	if p.peek(0) == ':' && p.blankOrEndAt(p.pos+1) {
		p.fail(p.line, "a ':' without a key before it: write the key (an explicit ? key takes its : value on the next line), or quote the value if the ':' belongs to it")
	}
}

// noBlockScalarHere rejects a block scalar's | or > at the indentation of
// the key or "-" it belongs to (yaml.v3 accepts that, YAML does not).
func (p *parser) noBlockScalarHere(owner, indicator string) {
	if c := p.peek(0); c == '|' || c == '>' {
		p.fail(p.line, "a block scalar's %c must follow its %s (%s %c) or be indented more than it", c, owner, indicator, c)
	}
}

// needCompact rejects a block collection where only a value may start,
// as in "key: a: b" or "key: - a".
func (p *parser) needCompact(ok bool, what string) {
	if !ok {
		p.fail(p.line, "%s cannot start on this line, after a key's ':', a --- or an anchor or tag: put it on the next lines, indented (or quote the value)", what)
	}
}

// keyCandidate reads a node that may be a mapping's implicit key: an
// alias, a quoted scalar, or a plain scalar's first line.
func (p *parser) keyCandidate() *Node {
	switch p.peek(0) {
	case '*':
		return p.alias()
	case '"', '\'':
		return p.quotedScalar()
	case '[', '{':
		p.fail(p.line, "a list or mapping cannot be a key here: use a scalar key")
	}
	return p.plainScalar(false)
}

// keyFollows says whether n, just read, is an implicit key: a ':' and a
// blank follow on its line.
func (p *parser) keyFollows(n *Node) bool {
	save := p.mark
	p.skipBlanks()
	if p.peek(0) == ':' && p.blankOrEndAt(p.pos+1) {
		switch {
		case n.Kind == SequenceNode || n.Kind == MappingNode:
			p.fail(n.Line, "a list or mapping cannot be a key here: use a scalar key")
		case n.Line != p.line:
			p.fail(p.line, "a key must be on one line: the key before this ':' starts on line %d (quote it on one line)", n.Line)
		}
		return true
	}
	p.mark = save
	return false
}

// finishValue completes a node read by keyCandidate that is not a key: a
// plain scalar continues on the lines after, other nodes end their line.
func (p *parser) finishValue(n *Node, indent int) *Node {
	if n.Kind == ScalarNode && n.Style&(DoubleQuotedStyle|SingleQuotedStyle) == 0 {
		p.continuePlain(n, indent, false)
		p.skipBlanks()
		if p.peek(0) == ':' && p.blankOrEndAt(p.pos+1) {
			p.fail(p.line, "a key must be on one line: the text before this ':' starts on line %d (quote it if the ':' belongs to it)", n.Line)
		}
		return n
	}
	p.lineEnd("the value")
	return n
}

// newCollection starts a mapping or sequence at start, with its properties.
func (p *parser) newCollection(kind Kind, start mark, pr props) *Node {
	n := &Node{Kind: kind, Tag: "!!map"}
	if kind == SequenceNode {
		n.Tag = "!!seq"
	}
	p.place(n, start)
	p.applyProps(n, pr)
	return n
}

// blockMapping reads the entries of a block mapping whose keys are at
// column indent; first is its first key when the caller has read it.
func (p *parser) blockMapping(m *Node, indent int, first *Node) {
	p.enter()
	defer p.leave()
	if first != nil {
		p.implicitValue(m, first, indent)
	} else {
		p.mappingEntry(m, indent)
	}
	for p.nextLineAt(m, indent, "keys") {
		if p.atSequenceEntry() {
			p.failIn(m, "line %d starts a list item at the indentation of the keys of the mapping that starts on line %d: indent the list under its key, or write a key", p.line, m.Line)
		}
		p.mappingEntry(m, indent)
	}
}

// mappingEntry reads one "key: value" or "? key\n: value" at the position.
func (p *parser) mappingEntry(m *Node, indent int) {
	if p.peek(0) == '?' && p.blankOrEndAt(p.pos+1) {
		p.explicitEntry(m, indent)
		return
	}
	pr := p.properties(false)
	p.skipBlanks()
	p.noEmptyKey()
	p.noBlockScalarHere("key", "key:")
	if pr.set && p.peek(0) == '*' {
		p.noAliasProps()
	}
	key := p.keyCandidate()
	if !p.keyFollows(key) {
		p.fail(key.Line, "expected a mapping key followed by ':' (key: value), found %s", describeNode(key))
	}
	p.applyProps(key, pr)
	p.implicitValue(m, key, indent)
}

// implicitValue reads the value after key's ':'.
func (p *parser) implicitValue(m, key *Node, indent int) {
	p.skipBlanks()
	p.pos++ // ':'
	after := p.mark
	v := p.blockNode(slot{indent: indent, seqAtIndent: true})
	if v == nil {
		v = p.emptyScalar(after, props{})
	}
	m.Content = append(m.Content, key, v)
}

// explicitEntry reads "? key" and the ": value" that may follow at the
// mapping's indentation.
func (p *parser) explicitEntry(m *Node, indent int) {
	p.pos++ // '?'
	after := p.mark
	key := p.blockNode(slot{indent: indent, seqAtIndent: true, compact: true})
	if key == nil {
		key = p.emptyScalar(after, props{})
	}
	p.skipSpace()
	var v *Node
	if !p.eof() && !p.atDocumentBoundary() && p.indentation() == indent && p.peek(0) == ':' && p.blankOrEndAt(p.pos+1) {
		p.checkIndentation()
		p.pos++
		after = p.mark
		v = p.blockNode(slot{indent: indent, seqAtIndent: true, compact: true})
		if v == nil {
			v = p.emptyScalar(after, props{})
		}
	} else {
		// yaml.v3 puts this absent value at the next token, except when
		// the mapping ends with it: then right after the key, or at a
		// comment. That only this does not follow.
		v = p.emptyScalar(p.nextTokenMark(), props{})
	}
	m.Content = append(m.Content, key, v)
}

// blockSequence reads the items of a block sequence whose "- " are at
// column indent; parentIndent is the enclosing collection's.
func (p *parser) blockSequence(indent, parentIndent int, pr props) *Node {
	p.enter()
	defer p.leave()
	seq := p.newCollection(SequenceNode, p.mark, pr)
	// A list at its key's indentation ends at the next key.
	atKeyIndent := indent == parentIndent
	for {
		p.pos++ // '-'
		after := p.mark
		item := p.blockNode(slot{indent: indent, compact: true})
		if item == nil {
			item = p.emptyScalar(after, props{})
		}
		seq.Content = append(seq.Content, item)
		if !p.nextLineAt(seq, indent, "items") {
			return seq
		}
		if !p.atSequenceEntry() {
			if atKeyIndent {
				return seq
			}
			p.noBlockScalarHere("-", "-")
			p.failIn(seq, "line %d is at the indentation of the items of the list that starts on line %d, but is not an item: start it with '- ', or indent it under the item above", p.line, seq.Line)
		}
	}
}

// nextLineAt moves to the next line with content and says whether it
// continues the collection c, whose entries are at column indent. A line
// indented more than that, which no entry has taken, fits nowhere.
func (p *parser) nextLineAt(c *Node, indent int, entries string) bool {
	p.skipSpace()
	if p.eof() || p.atDocumentBoundary() {
		return false
	}
	p.checkIndentation()
	ind := p.indentation()
	if ind > indent {
		p.failIn(c, "line %d is indented %s, more than the %s (%s) of the %s that starts on line %d, yet it belongs to none of them: align it with the lines it goes with", p.line, spaces(ind), entries, spaces(indent), kindName(c), c.Line)
	}
	return ind == indent
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

func kindName(n *Node) string {
	if n.Kind == SequenceNode {
		return "list"
	}
	return "mapping"
}

// describeNode names a node for a message.
func describeNode(n *Node) string {
	switch n.Kind {
	case SequenceNode:
		return "a list"
	case MappingNode:
		return "a mapping"
	case AliasNode:
		return "*" + n.Value
	}
	if n.Value == "" {
		return "nothing"
	}
	return quoteForMessage(n.Value)
}
