package accountconf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/wootcli/woot/pkg/yamldoc"
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
		out = append(out, File{Path: k.Name + ".yaml", Data: renderKind(k, items)})
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
		if b.Len() > 0 {
			b.WriteString("---\n")
		}
		b.Write(renderKind(k, st.Items[k.Name]))
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

func renderKind(k *Kind, items []*Item) []byte {
	seq := &yamldoc.Node{Kind: yamldoc.SequenceNode}
	for _, it := range items {
		seq.Content = append(seq.Content, itemNode(it, nil))
	}
	doc := &yamldoc.Node{Kind: yamldoc.MappingNode}
	addPair(doc, "kind", scalar(k.Name))
	addPair(doc, "items", seq)
	return yamldoc.Encode(doc)
}

// itemNode is an item's fields in the kind's order, leaving out those in skip.
func itemNode(it *Item, skip map[string]bool) *yamldoc.Node {
	m := &yamldoc.Node{Kind: yamldoc.MappingNode}
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
	front := yamldoc.Encode(itemNode(it, map[string]bool{"content": true, "portal": true}))
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

func addPair(m *yamldoc.Node, key string, v *yamldoc.Node) {
	m.Content = append(m.Content, scalar(key), v)
}

func scalar(s string) *yamldoc.Node {
	n := &yamldoc.Node{Kind: yamldoc.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yamldoc.LiteralStyle
	}
	return n
}

// valueNode renders a JSON value; nested objects get sorted keys.
func valueNode(v any) *yamldoc.Node {
	switch x := v.(type) {
	case nil:
		return &yamldoc.Node{Kind: yamldoc.ScalarNode, Tag: "!!null", Value: "null"}
	case string:
		return scalar(x)
	case bool:
		return &yamldoc.Node{Kind: yamldoc.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(x)}
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(x.String(), ".eE") {
			tag = "!!float"
		}
		return &yamldoc.Node{Kind: yamldoc.ScalarNode, Tag: tag, Value: x.String()}
	case int, int64, float64:
		return valueNode(json.Number(fmt.Sprint(x)))
	case []any:
		n := &yamldoc.Node{Kind: yamldoc.SequenceNode}
		for _, e := range x {
			n.Content = append(n.Content, valueNode(e))
		}
		return n
	case map[string]any:
		n := &yamldoc.Node{Kind: yamldoc.MappingNode}
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
