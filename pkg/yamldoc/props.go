package yamldoc

import (
	"strings"
	"unicode/utf8"
)

// props are a node's properties: its &anchor and !tag.
type props struct {
	set    bool
	start  mark // where the first property starts: the node's position
	anchor string
	tag    string // as written; "" if none
}

// properties reads the anchor and tag at the position, in either order,
// each followed by blanks.
func (p *parser) properties(flow bool) props {
	var pr props
	for {
		c := p.peek(0)
		if c != '&' && c != '!' {
			return pr
		}
		if !pr.set {
			pr.set, pr.start = true, p.mark
		}
		if c == '&' {
			if pr.anchor != "" {
				p.fail(p.line, "a node has one anchor, and this one has two")
			}
			p.pos++
			pr.anchor = p.anchorName("&")
		} else {
			if pr.tag != "" {
				p.fail(p.line, "a node has one tag, and this one has two")
			}
			pr.tag = p.tagHere(flow)
		}
		p.skipBlanks()
	}
}

// mergeProps joins the properties written on a line of their own with
// those before the node on its line.
func (p *parser) mergeProps(earlier, here props) props {
	switch {
	case !earlier.set:
		return here
	case !here.set:
		return earlier
	case earlier.anchor != "" && here.anchor != "":
		p.fail(here.start.line, "a node has one anchor, and this one has two (&%s on line %d)", earlier.anchor, earlier.start.line)
	case earlier.tag != "" && here.tag != "":
		p.fail(here.start.line, "a node has one tag, and this one has two (%s on line %d)", earlier.tag, earlier.start.line)
	}
	if here.anchor != "" {
		earlier.anchor = here.anchor
	}
	if here.tag != "" {
		earlier.tag = here.tag
	}
	return earlier
}

// applyProps gives n its properties: the position of the first, the
// anchor (which aliases after it then refer to) and the tag. The
// non-specific tag "!" changes nothing, as in yaml.v3.
func (p *parser) applyProps(n *Node, pr props) {
	if !pr.set {
		return
	}
	p.place(n, pr.start)
	if pr.anchor != "" {
		n.Anchor = pr.anchor
		p.anchors[pr.anchor] = n
	}
	if pr.tag != "" && pr.tag != "!" {
		n.Tag = pr.tag
		n.Style |= TaggedStyle
	}
}

// anchorName reads the name after & or *. yaml.v3 allows letters, digits,
// '-' and '_', and only some characters right after the name.
func (p *parser) anchorName(indicator string) string {
	start := p.pos
	for isAnchorChar(p.peek(0)) {
		p.pos++
	}
	name := string(p.src[start:p.pos])
	if name == "" {
		p.fail(p.line, "%s must be followed by a name of letters, digits, '-' or '_'", indicator)
	}
	if !p.blankOrEndAt(p.pos) && !strings.ContainsRune("?:,]}%@`", rune(p.peek(0))) {
		p.fail(p.line, "the name %s%s is followed by %s: names are letters, digits, '-' and '_', then a space", indicator, name, p.describeHere())
	}
	return name
}

func isAnchorChar(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_'
}

// alias reads *name, which refers to the last node anchored &name before
// it in the document.
func (p *parser) alias() *Node {
	n := &Node{Kind: AliasNode}
	p.place(n, p.mark)
	p.pos++ // '*'
	n.Value = p.anchorName("*")
	if n.Alias = p.anchors[n.Value]; n.Alias == nil {
		p.fail(n.Line, "unknown anchor %q referenced: define &%s before *%s, in the same document", n.Value, n.Value, n.Value)
	}
	return n
}

// tagHere reads a tag: !!name (a core tag such as !!str), !name (a local
// tag) or ! alone. Named handles (!e!name) and verbatim tags (!<...>)
// need %TAG and are not supported.
func (p *parser) tagHere(flow bool) string {
	line, start := p.line, p.pos
	p.pos++ // '!'
	if p.peek(0) == '<' {
		p.fail(line, "verbatim tags (!<...>) are not supported: write the tag as !!name or !name")
	}
	if p.peek(0) == '!' {
		p.pos++
	}
	tag := append([]byte(nil), p.src[start:p.pos]...)
	for !p.blankOrEndAt(p.pos) && !(flow && strings.IndexByte(",[]{}", p.peek(0)) >= 0) {
		switch c := p.peek(0); {
		case c == '!':
			p.fail(line, "named tag handles (!name!suffix) are not supported: write the tag as !!name or !name")
		case c == '%':
			tag = append(tag, p.tagEscape(line))
			continue
		case !isTagChar(c):
			p.fail(line, "the tag %s is followed by %q, which a tag cannot contain: put a space after the tag", string(p.src[start:p.pos]), p.escapeText(0))
		}
		tag = append(tag, p.src[p.pos])
		p.pos++
	}
	if !utf8.Valid(tag) {
		p.fail(line, "the tag %s has %%-escapes that are not UTF-8", string(p.src[start:p.pos]))
	}
	if string(tag) == "!!" {
		p.fail(line, "!! must be followed by a tag name, as in !!str")
	}
	return string(tag)
}

// tagEscape reads a %XX escape in a tag: the byte it stands for.
func (p *parser) tagEscape(line int) byte {
	hi, ok1 := hexDigit(p.peek(1))
	lo, ok2 := hexDigit(p.peek(2))
	if !ok1 || !ok2 {
		p.fail(line, "%% in a tag must be followed by two hexadecimal digits")
	}
	p.pos += 3
	return hi<<4 | lo
}

// isTagChar is an ASCII character that may appear in a tag's name (YAML's
// URI characters).
func isTagChar(c byte) bool {
	return isAnchorChar(c) || strings.IndexByte(";/?:@&=+$,.~*'()[]%", c) >= 0
}
