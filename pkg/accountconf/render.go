package accountconf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// File is one file of an export, its path relative to the export directory.
type File struct {
	Path string
	Data []byte
}

// Render turns the state of the given kinds into files: one YAML file per
// kind, articles as Markdown with front matter under articles/PORTAL/.
// The order is fixed (kinds, then natural keys, then the kind's fields),
// so two exports of the same account are byte-identical.
func Render(st *State, kinds []*Kind) ([]File, error) {
	var out []File
	for _, k := range kinds {
		if st.Skipped[k.Name] {
			continue
		}
		items := st.Items[k.Name]
		if k.Markdown {
			for _, it := range items {
				data, err := renderMarkdown(it)
				if err != nil {
					return nil, err
				}
				out = append(out, File{Path: markdownPath(it), Data: data})
			}
			continue
		}
		data, err := renderKind(k, items)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: k.Name + ".yaml", Data: data})
	}
	return out, nil
}

// RenderStream is every kind in one YAML stream, one document per kind
// (articles with their content as a field), for -o yaml.
func RenderStream(st *State, kinds []*Kind) ([]byte, error) {
	var b bytes.Buffer
	for _, k := range kinds {
		if st.Skipped[k.Name] {
			continue
		}
		data, err := renderKind(k, st.Items[k.Name])
		if err != nil {
			return nil, err
		}
		if b.Len() > 0 {
			b.WriteString("---\n")
		}
		b.Write(data)
	}
	return b.Bytes(), nil
}

func markdownPath(it *Item) string {
	return path.Join("articles", safeName(scalarString(it.Values["portal"])), safeName(scalarString(it.Values["slug"]))+".md")
}

// safeName keeps a slug usable as a file name.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 {
			return '_'
		}
		return r
	}, s)
	if s == "" || s == "." || s == ".." {
		return "_" + s
	}
	return s
}

func renderKind(k *Kind, items []*Item) ([]byte, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, it := range items {
		seq.Content = append(seq.Content, itemNode(it, nil))
	}
	doc := &yaml.Node{Kind: yaml.MappingNode}
	addPair(doc, "kind", scalar(k.Name))
	addPair(doc, "items", seq)
	return encode(doc)
}

// itemNode is an item's fields in the kind's order, leaving out those in skip.
func itemNode(it *Item, skip map[string]bool) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range it.Kind.Fields {
		v, ok := it.Values[f.Name]
		if !ok || skip[f.Name] {
			continue
		}
		addPair(m, f.Name, valueNode(v))
	}
	return m
}

func renderMarkdown(it *Item) ([]byte, error) {
	front, err := encode(itemNode(it, map[string]bool{"content": true, "portal": true}))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(front)
	b.WriteString("---\n")
	// One newline ends the body; the reader takes it off again, so a body
	// with or without its own trailing newline survives the round trip.
	b.WriteString(scalarString(it.Values["content"]))
	b.WriteString("\n")
	return b.Bytes(), nil
}

func encode(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, fmt.Errorf("encode YAML: %w", err)
	}
	enc.Close()
	return b.Bytes(), nil
}

func addPair(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, scalar(key), v)
}

func scalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// valueNode renders a JSON value; nested objects get sorted keys.
func valueNode(v any) *yaml.Node {
	switch x := v.(type) {
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case string:
		return scalar(x)
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(x)}
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(x.String(), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: x.String()}
	case int, int64, float64:
		return valueNode(json.Number(fmt.Sprint(x)))
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range x {
			n.Content = append(n.Content, valueNode(e))
		}
		return n
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			addPair(n, k, valueNode(x[k]))
		}
		return n
	}
	return scalar(fmt.Sprint(v))
}
