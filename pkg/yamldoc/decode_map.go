package yamldoc

import "fmt"

// goMap is a mapping being decoded. Like yaml.v3, it is a map[string]any
// when every key of the mapping is a string (or <<), a map[any]any
// otherwise; the keys merged in later get the same key type.
type goMap struct {
	strs map[string]any
	anys map[any]any
}

func (d *decoder) newMap(n *Node) (goMap, error) {
	for i := 0; i < len(n.Content); i += 2 {
		if t := shortTag(n.Content[i]); t != "!!str" && t != "!!merge" {
			return goMap{anys: map[any]any{}}, nil
		}
	}
	return goMap{strs: map[string]any{}}, nil
}

func (m goMap) value() any {
	if m.strs != nil {
		return m.strs
	}
	return m.anys
}

func (m goMap) set(k, v any) {
	if m.strs != nil {
		m.strs[k.(string)] = v
		return
	}
	m.anys[k] = v
}

// fill adds the entries of mapping n to m. seen, when merging, holds the
// keys m has already: the first mapping to give a key wins.
func (d *decoder) fill(m goMap, n *Node, seen map[any]bool) error {
	if err := duplicateKeys(n); err != nil {
		return err
	}
	var merge *Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if isMerge(k) {
			merge = v
			continue
		}
		key, ok, err := d.key(m, k)
		if err != nil {
			return err
		}
		if !ok || seen[key] {
			continue
		}
		if seen != nil {
			seen[key] = true
		}
		val, err := d.value(v)
		if err != nil {
			return err
		}
		m.set(key, val)
	}
	if merge != nil {
		return d.merge(m, n, merge, seen)
	}
	return nil
}

// duplicateKeys rejects a key written twice, as yaml.v3's Decode does: two
// keys are the same when their kind and text are (so "1" and 1 are).
func duplicateKeys(n *Node) error {
	type key struct {
		kind  Kind
		value string
	}
	first := make(map[key]int, len(n.Content)/2)
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i]
		if line, dup := first[key{k.Kind, k.Value}]; dup {
			return &SyntaxError{Line: k.Line, Msg: fmt.Sprintf("mapping key %q is already defined at line %d: keep one", k.Value, line)}
		}
		first[key{k.Kind, k.Value}] = k.Line
	}
	return nil
}

// key decodes a mapping key for m; ok is false for a key yaml.v3 leaves
// out (a null merged into a mapping of strings).
func (d *decoder) key(m goMap, k *Node) (any, bool, error) {
	if m.strs != nil {
		return d.stringKey(k)
	}
	v, err := d.value(k)
	if err != nil {
		return nil, false, err
	}
	switch v.(type) {
	case []any, map[string]any, map[any]any:
		return nil, false, &SyntaxError{Line: k.Line, Msg: "a list or mapping cannot be a key: use a scalar key"}
	}
	return v, true, nil
}

// stringKey is a key of a mapping of strings: a scalar's text (1 stays
// "1"), or what a !!binary key decodes to.
func (d *decoder) stringKey(k *Node) (any, bool, error) {
	for k.Kind == AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != ScalarNode {
		return nil, false, &SyntaxError{Line: k.Line, Msg: fmt.Sprintf("%s cannot be a key of a mapping whose keys are strings", describeNode(k))}
	}
	v, err := scalarValue(k)
	if err != nil || v == nil {
		return nil, false, err
	}
	if s, ok := v.(string); ok {
		return s, true, nil
	}
	return k.Value, true, nil
}

// merge adds what the << key of parent refers to: a mapping, an alias of
// one, or a list of those, earlier ones winning.
func (d *decoder) merge(m goMap, parent, merge *Node, seen map[any]bool) error {
	if seen == nil {
		var err error
		if seen, err = d.keysOf(parent); err != nil {
			return err
		}
	}
	sources := []*Node{merge}
	if merge.Kind == SequenceNode {
		sources = merge.Content
	}
	for _, src := range sources {
		target := src
		if src.Kind == AliasNode && src.Alias != nil {
			target = src.Alias
		}
		if target.Kind != MappingNode {
			return &SyntaxError{Line: src.Line, Msg: "the merge key << needs a mapping, an alias of one, or a list of those"}
		}
		if err := d.mergeFrom(m, src, seen); err != nil {
			return err
		}
	}
	return nil
}

// keysOf is the set of parent's keys, decoded as any.
func (d *decoder) keysOf(parent *Node) (map[any]bool, error) {
	seen := map[any]bool{}
	for i := 0; i < len(parent.Content); i += 2 {
		k, err := d.value(parent.Content[i])
		if err != nil {
			return nil, err
		}
		switch k.(type) {
		case []any, map[string]any, map[any]any:
			return nil, &SyntaxError{Line: parent.Content[i].Line, Msg: "a list or mapping cannot be a key: use a scalar key"}
		}
		seen[k] = true
	}
	return seen, nil
}

// mergeFrom fills m from the mapping src, or the one the alias src names.
func (d *decoder) mergeFrom(m goMap, src *Node, seen map[any]bool) error {
	if src.Kind != AliasNode {
		return d.fill(m, src, seen)
	}
	if d.expanding[src] {
		return &SyntaxError{Line: src.Line, Msg: fmt.Sprintf("the alias *%s is inside the node it refers to, which would make it infinite", src.Value)}
	}
	d.expanding[src] = true
	d.aliasing++
	defer func() {
		delete(d.expanding, src)
		d.aliasing--
	}()
	return d.fill(m, src.Alias, seen)
}
