package yamldoc

import (
	"encoding/base64"
	"fmt"
)

// maxAliased bounds the values decoded through aliases, so that a small
// file of nested aliases ("billion laughs") cannot exhaust memory.
const maxAliased = 1_000_000

// Decode is the Go value of n, as yaml.v3's n.Decode(&v) gives it for v of
// type any: nil, bool, int (int64 if int is narrower), uint64 (integers
// past int64), float64, string, time.Time (plain dates and times),
// []any, and map[string]any, or map[any]any when a key is not a string.
// Aliases give their anchor's value, and a << key merges mappings in, its
// own keys winning. A key twice in a mapping is an error. Errors are
// *SyntaxError.
func (n *Node) Decode() (any, error) {
	d := &decoder{expanding: map[*Node]bool{}}
	return d.value(n)
}

type decoder struct {
	expanding map[*Node]bool // the aliases being decoded: meeting one again is a loop
	aliasing  int            // how many of them
	aliased   int            // values decoded inside them
}

func (d *decoder) value(n *Node) (any, error) {
	if d.aliasing > 0 {
		if d.aliased++; d.aliased > maxAliased {
			return nil, &SyntaxError{Line: n.Line, Msg: fmt.Sprintf("the document's aliases expand to more than %d values", maxAliased)}
		}
	}
	switch n.Kind {
	case DocumentNode:
		if len(n.Content) != 1 {
			return nil, nil
		}
		return d.value(n.Content[0])
	case AliasNode:
		return d.alias(n)
	case ScalarNode:
		return scalarValue(n)
	case SequenceNode:
		return d.sequence(n)
	case MappingNode:
		m, err := d.newMap(n)
		if err != nil {
			return nil, err
		}
		return m.value(), d.fill(m, n, nil)
	case 0:
		return nil, nil
	}
	return nil, &SyntaxError{Line: n.Line, Msg: fmt.Sprintf("a node of unknown kind %d", n.Kind)}
}

func (d *decoder) alias(n *Node) (any, error) {
	if d.expanding[n] {
		return nil, &SyntaxError{Line: n.Line, Msg: fmt.Sprintf("the alias *%s is inside the node it refers to, which would make it infinite", n.Value)}
	}
	if n.Alias == nil {
		return nil, &SyntaxError{Line: n.Line, Msg: fmt.Sprintf("unknown anchor %q referenced", n.Value)}
	}
	d.expanding[n] = true
	d.aliasing++
	defer func() {
		delete(d.expanding, n)
		d.aliasing--
	}()
	return d.value(n.Alias)
}

func (d *decoder) sequence(n *Node) (any, error) {
	out := make([]any, 0, len(n.Content))
	for _, item := range n.Content {
		v, err := d.value(item)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// scalarValue is a scalar's Go value: its text when it is a string (a
// quoted or block scalar, or tagged !!str), else what its tag resolves to.
func scalarValue(n *Node) (any, error) {
	if isString(n) {
		return n.Value, nil
	}
	switch n.Tag {
	case "", "!", "!!null", "!!bool", "!!int", "!!float", "!!timestamp":
		return resolveTagged(n)
	case "!!binary":
		data, err := base64.StdEncoding.DecodeString(n.Value)
		if err != nil {
			return nil, &SyntaxError{Line: n.Line, Msg: "the !!binary value is not valid base64"}
		}
		return string(data), nil
	}
	// Other tags (!local, !!map on a scalar) leave the text as it is.
	return n.Value, nil
}

// isString is yaml.v3's "indicated string": tagged !!str, or quoted or
// a block scalar without a tag.
func isString(n *Node) bool {
	if n.Kind != ScalarNode {
		return false
	}
	untagged := n.Tag == "" || n.Tag == "!"
	return n.Tag == "!!str" || untagged && n.Style&(DoubleQuotedStyle|SingleQuotedStyle|LiteralStyle|FoldedStyle) != 0
}

// resolveTagged resolves a plain scalar, or a tagged one, whose value must
// then be of its tag's type (an integer may stand for a float).
func resolveTagged(n *Node) (any, error) {
	tag := n.Tag
	untagged := tag == "" || tag == "!"
	rtag, v := resolveAs(n.Value, untagged || tag == "!!timestamp")
	switch {
	case untagged || rtag == tag:
		return v, nil
	case tag == "!!float" && rtag == "!!int":
		switch i := v.(type) {
		case int:
			return float64(i), nil
		case int64:
			return float64(i), nil
		}
	}
	return nil, &SyntaxError{Line: n.Line, Msg: fmt.Sprintf("%q is %s, which its tag %s does not allow", n.Value, describeTag(rtag), tag)}
}

func describeTag(tag string) string {
	switch tag {
	case "!!int":
		return "an integer"
	case "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "null"
	case "!!timestamp":
		return "a timestamp"
	}
	return "a string"
}

// shortTag is the tag yaml.v3 reports for n (its ShortTag).
func shortTag(n *Node) string {
	switch {
	case n.Kind == AliasNode && n.Alias != nil:
		return shortTag(n.Alias)
	case isString(n):
		return "!!str"
	case n.Tag != "" && n.Tag != "!":
		return n.Tag
	case n.Kind == MappingNode:
		return "!!map"
	case n.Kind == SequenceNode:
		return "!!seq"
	case n.Kind == ScalarNode:
		tag, _ := resolve(n.Value)
		return tag
	}
	return ""
}

// isMerge is a << key that merges mappings in.
func isMerge(k *Node) bool {
	return k.Kind == ScalarNode && k.Value == "<<" && (k.Tag == "" || k.Tag == "!" || k.Tag == "!!merge")
}
