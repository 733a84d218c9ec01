package yamldoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// renderValue builds the tree accountconf's render.go builds for a JSON
// value: strings tagged !!str (literal style with a line break), numbers
// !!int or !!float as written, objects with sorted keys.
func renderValue(v any) *Node {
	switch x := v.(type) {
	case nil:
		return &Node{Kind: ScalarNode, Tag: "!!null", Value: "null"}
	case string:
		return renderString(x)
	case bool:
		return &Node{Kind: ScalarNode, Tag: "!!bool", Value: fmt.Sprint(x)}
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(x.String(), ".eE") {
			tag = "!!float"
		}
		return &Node{Kind: ScalarNode, Tag: tag, Value: x.String()}
	case []any:
		n := &Node{Kind: SequenceNode}
		for _, e := range x {
			n.Content = append(n.Content, renderValue(e))
		}
		return n
	case map[string]any:
		n := &Node{Kind: MappingNode}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.Content = append(n.Content, renderString(k), renderValue(x[k]))
		}
		return n
	}
	panic(fmt.Sprintf("no JSON value: %#v", v))
}

func renderString(s string) *Node {
	n := &Node{Kind: ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = LiteralStyle
	}
	return n
}

// writerStrings are strings with every kind of character that changes how
// YAML must write them.
func writerStrings() []string {
	s := []string{
		"", " ", "  ", "a", "a b", "a  b", " lead", "trail ", " both ", "\ttab", "tab\t", "a\tb", "#x", "x#", "a #b", "a# b", "a#b",
		"a: b", "a:b", "a:", ":a", ": a", "a :b", "?", "?a", "? a", "-", "-a", "- a", "--", "---", "--- a", "...", "... a", "a---", "a...",
		",a", "a,b", "[a", "a]", "{a", "a}", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", "a'b", "a\"b", "a\\b", "a!b",
		"=", "<<", "<", "~", "null", "Null", "NULL", "true", "False", "yes", "no", "on", "y", "n", "1", "-1", "+1", "1.5", "1e3", ".5",
		"0x1F", "0o17", "017", "1_000", ".inf", "-.Inf", ".nan", "2001-12-14", "2001-12-14T21:59:43Z", "1:20", "12:30:45",
		"é", "日本語", "😀", "a😀b", "\u00a0", "a\u00a0b", "\u0085", "a\u0085b", "\u2028", "a\u2028b", "a\u2029b", "\ufeff", "\ufeffab",
		"a\ufeffb", "\ufffd", "\ufffe", "\x7f", "a\x7fb", "\u0080", "\u009f", "\uE000", "\uD7FF", "\U0010FFFF",
		"\n", "\n\n", "a\n", "a\n\n", "a\n\n\n", "\na", "\n\na", "a\nb", "a\nb\n", "a\n\nb", " a\nb", "a \nb", "a\n b", "a\n\tb",
		"a\nb ", "a\nb\n ", "a\n \nb", "\ta\nb", "a\r\nb", "a\rb", "\r", "a\nb\u2028c", "a\n\u0085b", "line1\nline2\nline3\n",
		"# heading\n\ntext\n", "- item\n- item\n", "key: value\nother: x\n", "a\n---\nb", "a\n...\nb", "\"quoted\"\n'single'\n",
		"😀\n😀", "tab\tin\nblock", "trailing space \nline", "x\n\n\n\ny\n\n",
		strings.Repeat("long words ", 20), strings.Repeat("x", 200), strings.Repeat("a ", 100) + "\n" + strings.Repeat("b ", 100),
		strings.Repeat("é", 130),
	}
	for c := rune(0); c < 0x20; c++ {
		s = append(s, string(c), "a"+string(c)+"b")
	}
	for _, c := range "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" {
		s = append(s, string(c), string(c)+"x", "x"+string(c), "x"+string(c)+"x", "x "+string(c)+" x", string(c)+" x")
	}
	s = append(s, plainScalars...)
	return s
}

// writerValues are JSON values as the server sends them.
func writerValues() []any {
	vals := []any{nil, true, false, []any{}, map[string]any{}, []any{nil}, []any{[]any{}}, map[string]any{"a": map[string]any{}}}
	for _, n := range []string{"0", "-1", "7", "1.5", "-0.25", "1e5", "1E+5", "2.5e-3", "100000000000000000000", "1e400", "-0", "0.0", "12345678901234567890"} {
		vals = append(vals, json.Number(n))
	}
	for _, s := range writerStrings() {
		vals = append(vals, s, []any{s}, map[string]any{s: s}, map[string]any{"k": []any{s, map[string]any{s: []any{s}}}})
	}
	vals = append(vals, map[string]any{
		"id": json.Number("42"), "labels": []any{"vip", "billing"},
		"meta":              map[string]any{"sender": map[string]any{"id": json.Number("7"), "name": "Bob"}, "assignee": nil},
		"custom_attributes": map[string]any{}, "messages": []any{map[string]any{"content": "Hello\nthere\n"}},
		"matrix": []any{[]any{json.Number("1"), json.Number("2")}, []any{}}, strings.Repeat("long", 40): "x",
	})
	return vals
}

// renderKindTree is renderKind's document for one item holding v.
func renderKindTree(v any) *Node {
	item := &Node{Kind: MappingNode, Content: []*Node{renderString("name"), renderString("n"), renderString("value"), renderValue(v)}}
	return &Node{Kind: MappingNode, Content: []*Node{
		renderString("kind"), renderString("labels"),
		renderString("items"), {Kind: SequenceNode, Content: []*Node{item}},
	}}
}

func TestWriterMatchesYAMLv3(t *testing.T) {
	trees := 0
	for _, v := range writerValues() {
		for _, tree := range []*Node{renderValue(v), renderKindTree(v), renderValue(map[string]any{"v": v})} {
			trees++
			got, want := Encode(tree), v3Encode(t, toV3(tree))
			if !bytes.Equal(got, want) {
				t.Errorf("%#v:\n got %q\nwant %q", v, got, want)
			}
		}
	}
	t.Logf("%d trees of %d values", trees, len(writerValues()))
}

// Trees render.go never builds, from a seeded generator: other tags,
// requested quoting, anchors and aliases, deep nesting, empty scalars.
func TestWriterMatchesYAMLv3OnRandomTrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	strs := writerStrings()
	for i := range 3000 {
		tree := randomTree(rng, strs, 0)
		got, want := Encode(tree), v3Encode(t, toV3(tree))
		if !bytes.Equal(got, want) {
			t.Errorf("tree %d:\n got %q\nwant %q", i, got, want)
		}
	}
}

func randomTree(rng *rand.Rand, strs []string, depth int) *Node {
	switch k := rng.IntN(10); {
	case depth < 4 && k < 3:
		n := &Node{Kind: MappingNode, Tag: pick(rng, "", "!!map"), Anchor: pick(rng, "", "", "", "", "a1")}
		for range rng.IntN(4) {
			n.Content = append(n.Content, randomScalar(rng, strs), randomTree(rng, strs, depth+1))
		}
		return n
	case depth < 4 && k < 6:
		n := &Node{Kind: SequenceNode, Tag: pick(rng, "", "!!seq"), Anchor: pick(rng, "", "", "", "", "s-2")}
		for range rng.IntN(4) {
			n.Content = append(n.Content, randomTree(rng, strs, depth+1))
		}
		return n
	case k == 6:
		return &Node{Kind: AliasNode, Value: pick(rng, "a1", "s-2", "x_y")}
	}
	return randomScalar(rng, strs)
}

func randomScalar(rng *rand.Rand, strs []string) *Node {
	n := &Node{Kind: ScalarNode, Value: strs[rng.IntN(len(strs))]}
	n.Tag = pick(rng, "!!str", "!!str", "!!str", "", "!!int", "!!float", "!!bool", "!!null", "!local", "!!binary", "!!timestamp")
	n.Style = []Style{0, 0, 0, LiteralStyle, DoubleQuotedStyle, SingleQuotedStyle, TaggedStyle}[rng.IntN(7)]
	if rng.IntN(8) == 0 {
		n.Anchor = "k9"
	}
	return n
}

func pick(rng *rand.Rand, choices ...string) string { return choices[rng.IntN(len(choices))] }

// What Encode writes reads back as the value rendered: export, then apply.
func TestWriterRoundTrip(t *testing.T) {
	for _, v := range writerValues() {
		if !roundTrips(v) {
			continue
		}
		for i, tree := range []*Node{renderValue(v), renderKindTree(v)} {
			out := Encode(tree)
			docs, err := ParseStream(out)
			if err != nil || len(docs) != 1 {
				t.Errorf("%#v: %q reads as %d documents, %v", v, out, len(docs), err)
				continue
			}
			got, err := docs[0].Decode()
			want := decodedJSON(v)
			if i == 1 {
				want = map[string]any{"kind": "labels", "items": []any{map[string]any{"name": "n", "value": want}}}
			}
			if err != nil || !sameValue(got, want) {
				t.Errorf("%#v: %q reads back as %#v, %v", v, out, got, err)
			}
		}
	}
}

// roundTrips leaves out the values yaml.v3's encoding does not bring back,
// with either reader: integers past uint64 and floats past float64
// (written with a tag they cannot be read as), and a key "<<" (written
// plain, so read as the merge key).
func roundTrips(v any) bool {
	switch x := v.(type) {
	case json.Number:
		_, ok := decodedJSON(x).(json.Number)
		return !ok
	case []any:
		for _, e := range x {
			if !roundTrips(e) {
				return false
			}
		}
	case map[string]any:
		for k, e := range x {
			if k == "<<" || !roundTrips(e) {
				return false
			}
		}
	}
	return true
}

// decodedJSON is v as the reader gives it back: a number as its text
// resolves, when that agrees with the tag render.go gives it (else it
// stays a json.Number, which cannot be read back).
func decodedJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(x.String(), ".eE") {
			tag = "!!float"
		}
		if rtag, n := resolve(x.String()); rtag == tag {
			return n
		}
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = decodedJSON(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = decodedJSON(e)
		}
		return out
	}
	return v
}
