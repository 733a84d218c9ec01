package yamldoc

// Helpers that compare yamldoc with go.yaml.in/yaml/v3, the reference it
// replaces: tests may link yaml.v3, woot may not.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// v3Stream parses src as accountconf did: a yaml.v3 Decoder, one
// document at a time until io.EOF.
func v3Stream(src string) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(src))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, err
		}
		docs = append(docs, &n)
	}
}

var (
	v3LineRE   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	v3ParserRE = regexp.MustCompile(`^did not find expected (key|node content|<document start>|'-' indicator|',' or '\]'|',' or '\}')`)
)

// v3Line is the line accountconf's yamlProblem took from a yaml.v3 error:
// the "line N" of the message, plus one for the parser's messages, whose N
// is 0-based; 1 when there is none.
func v3Line(err error) int {
	m := v3LineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return 1
	}
	line, _ := strconv.Atoi(m[1])
	if v3ParserRE.MatchString(m[2]) {
		line++
	}
	return line
}

func v3Kind(k yaml.Kind) Kind {
	switch k {
	case yaml.DocumentNode:
		return DocumentNode
	case yaml.SequenceNode:
		return SequenceNode
	case yaml.MappingNode:
		return MappingNode
	case yaml.ScalarNode:
		return ScalarNode
	case yaml.AliasNode:
		return AliasNode
	}
	return 0
}

// diffNodes describes the first difference between two trees, or "".
func diffNodes(path string, got *Node, want *yaml.Node) string {
	switch {
	case got.Kind != v3Kind(want.Kind):
		return fmt.Sprintf("%s: kind %d, yaml.v3 %d", path, got.Kind, want.Kind)
	case got.Tag != want.Tag:
		return fmt.Sprintf("%s: tag %q, yaml.v3 %q", path, got.Tag, want.Tag)
	case got.Value != want.Value:
		return fmt.Sprintf("%s: value %q, yaml.v3 %q", path, got.Value, want.Value)
	case got.Line != want.Line || got.Column != want.Column:
		return fmt.Sprintf("%s (%q): at %d:%d, yaml.v3 %d:%d", path, got.Value, got.Line, got.Column, want.Line, want.Column)
	case int(got.Style) != int(want.Style):
		return fmt.Sprintf("%s (%q): style %b, yaml.v3 %b", path, got.Value, got.Style, want.Style)
	case got.Anchor != want.Anchor:
		return fmt.Sprintf("%s: anchor %q, yaml.v3 %q", path, got.Anchor, want.Anchor)
	case (got.Alias == nil) != (want.Alias == nil):
		return fmt.Sprintf("%s: alias %v, yaml.v3 %v", path, got.Alias != nil, want.Alias != nil)
	case got.Alias != nil && (got.Alias.Line != want.Alias.Line || got.Alias.Column != want.Alias.Column):
		return fmt.Sprintf("%s: alias to %d:%d, yaml.v3 to %d:%d", path, got.Alias.Line, got.Alias.Column, want.Alias.Line, want.Alias.Column)
	case len(got.Content) != len(want.Content):
		return fmt.Sprintf("%s: %d children, yaml.v3 %d", path, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := diffNodes(fmt.Sprintf("%s/%d", path, i), got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// sameValue is reflect.DeepEqual, except that NaN equals NaN.
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && (x == y || math.IsNaN(x) && math.IsNaN(y))
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) || (x == nil) != (y == nil) {
			return false
		}
		for i := range x {
			if !sameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		return ok && sameMap(x, y)
	case map[any]any:
		y, ok := b.(map[any]any)
		return ok && sameMap(x, y)
	}
	return reflect.DeepEqual(a, b)
}

func sameMap[K comparable](x, y map[K]any) bool {
	if len(x) != len(y) {
		return false
	}
	for k, v := range x {
		if w, ok := y[k]; !ok || !sameValue(v, w) {
			return false
		}
	}
	return true
}

// v3Decode is yaml.v3's n.Decode(&v) for v of type any.
func v3Decode(n *yaml.Node) (any, error) {
	var v any
	err := n.Decode(&v)
	return v, err
}

// compareWithV3 parses src with both and reports every difference: the
// documents, their trees and their decoded values.
func compareWithV3(t *testing.T, src string) {
	t.Helper()
	want, wantErr := v3Stream(src)
	if wantErr != nil {
		t.Fatalf("yaml.v3 rejects %q: %v", src, wantErr)
	}
	got, err := ParseStream([]byte(src))
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	if len(got) != len(want) {
		t.Fatalf("%q: %d documents, yaml.v3 %d", src, len(got), len(want))
	}
	for i := range got {
		if d := diffNodes(fmt.Sprintf("doc%d", i), got[i], want[i]); d != "" {
			t.Errorf("%q: %s", src, d)
		}
		gv, gerr := got[i].Decode()
		wv, werr := v3Decode(want[i])
		switch {
		case (gerr != nil) != (werr != nil):
			t.Errorf("%q: Decode error %v, yaml.v3 %v", src, gerr, werr)
		case !sameValue(gv, wv):
			t.Errorf("%q: Decode gives %#v, yaml.v3 %#v", src, gv, wv)
		}
	}
}

// v3Encode is what render.go did: an Encoder with SetIndent(2), Encode
// and Close.
func v3Encode(t *testing.T, n *yaml.Node) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		t.Fatalf("yaml.v3 cannot encode: %v", err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// toV3 copies a tree into yaml.v3's nodes.
func toV3(n *Node) *yaml.Node {
	out := &yaml.Node{Style: yaml.Style(n.Style), Tag: n.Tag, Value: n.Value, Anchor: n.Anchor}
	switch n.Kind {
	case DocumentNode:
		out.Kind = yaml.DocumentNode
	case SequenceNode:
		out.Kind = yaml.SequenceNode
	case MappingNode:
		out.Kind = yaml.MappingNode
	case ScalarNode:
		out.Kind = yaml.ScalarNode
	case AliasNode:
		out.Kind = yaml.AliasNode
	}
	for _, c := range n.Content {
		out.Content = append(out.Content, toV3(c))
	}
	return out
}
