package yamldoc

import (
	"strings"
	"testing"
)

// divergences are the documents we read differently from yaml.v3, on
// purpose. want is our decoded first document ("error" when we reject it
// as we parse it); the test also checks that yaml.v3 does differ, so the
// list stays true.
var divergences = []struct {
	src  string
	want any
	why  string
}{
	// yaml.v3 rejects what YAML 1.2 allows and people write.
	{"-\ta\n", []any{"a"}, "a tab after an indicator separates like a space (YAML 1.2); yaml.v3 rejects it"},
	{"a: 1\n\t\nb: 2\n", map[string]any{"a": 1, "b": 2}, "a blank line may hold tabs; yaml.v3 rejects them at the start of a line"},
	{"a: 1\n\t# comment\nb: 2\n", map[string]any{"a": 1, "b": 2}, "a comment line may be indented with tabs; yaml.v3 rejects it"},
	{"a: b\n\t\n  c\n", map[string]any{"a": "b\nc"}, "a blank line inside a plain scalar may hold tabs; yaml.v3 rejects them"},
	{"a: \"\\/\"\n", map[string]any{"a": "/"}, `\/ is a YAML 1.2 (and JSON) escape; yaml.v3 does not know it`},
	{"{url: http://x?y=1}\n", map[string]any{"url": "http://x?y=1"}, "a ? inside a plain scalar in flow context is text (YAML 1.2); yaml.v3 ends the scalar there and fails"},
	{"[a?b]\n", []any{"a?b"}, "as above"},
	{"[?a]\n", []any{"?a"}, "?a is a plain scalar (YAML 1.2); yaml.v3 reads an explicit key, {a: null}"},
	{"{?: a}\n", map[string]any{"?": "a"}, "as above: yaml.v3 reads {null: a}"},
	{"[:x]\n", []any{":x"}, ":x is a plain scalar (YAML 1.2); yaml.v3 rejects it"},
	{"{:x}\n", map[string]any{":x": nil}, "as above"},
	{"[!!str]\n", []any{""}, "in a flow collection a tag ends at a flow indicator (YAML 1.2); yaml.v3 takes the ] into the tag and fails"},
	{"%YAML 1.2\n---\na: 1\n", map[string]any{"a": 1}, "yaml.v3 accepts only %YAML 1.1"},
	{"a: |\n  \tx\n  y\n", map[string]any{"a": "\tx\ny\n"}, "a block scalar's first line may start with a tab after its indentation (YAML 1.2); yaml.v3 rejects it, though its encoder writes it for a text that starts with a tab"},
	{"a: >\n  \tx\n  y\n", map[string]any{"a": "\tx\ny\n"}, "as above"},
	{"a\n...\nb\n", "a", "after a ... a document may start without --- (YAML 1.2); yaml.v3 wants the ---"},
	{"...\n", nil, "a stray document end marker is allowed before any document (YAML 1.2); yaml.v3 rejects it"},
	{strings.Repeat("k", 1100) + ": v\n", map[string]any{strings.Repeat("k", 1100): "v"}, "yaml.v3 limits implicit keys to 1024 characters"},
	{"a: &x 1\n---\nb: *x\n", "error", "anchors belong to their document (YAML spec); yaml.v3 lets an alias see an earlier document's anchor"},
	// What we do not support, and say so.
	{"[a, b]: c\n", "error", "a list or mapping as a key (yaml.v3 parses it, then its Decode fails: invalid map key)"},
	{"[]: a\n", "error", "as above"},
	{"{a: 1}: b\n", "error", "as above"},
	{"{? a : b}\n", "error", "explicit keys inside flow collections"},
	{"a: 1\n! : 2\n", "error", "a mapping entry without a key (yaml.v3 takes a tagged empty key, though it rejects \": v\")"},
	{"a:\n|\n  x\n", "error", "a block scalar's | must be indented more than its key (YAML spec); yaml.v3 accepts it at the key's column"},
	{"%TAG !e! tag:example.com,2000:\n---\na: !e!foo x\n", "error", "%TAG directives and named tag handles"},
	{"a: !<tag:yaml.org,2002:str> 1\n", "error", "verbatim tags"},
}

func TestDeliberateDivergences(t *testing.T) {
	for _, tc := range divergences {
		if tc.why == "" {
			t.Errorf("%q: say why", tc.src)
		}
		docs, err := ParseStream([]byte(tc.src))
		var got any = "error"
		if err == nil {
			got = nil
			if len(docs) > 0 {
				got, err = docs[0].Decode()
			}
		}
		if err != nil {
			got = "error"
		}
		if !sameValue(got, tc.want) {
			t.Errorf("%q: got %#v, want %#v (err %v)", tc.src, got, tc.want, err)
		}
		if got == "error" {
			if _, ok := err.(*SyntaxError); !ok {
				t.Errorf("%q: %v is not a *SyntaxError", tc.src, err)
			}
		}
		if sameAsV3(tc.src, got) {
			t.Errorf("%q: yaml.v3 reads it the same way; it is no divergence", tc.src)
		}
	}
}

// sameAsV3 says whether yaml.v3 reads src to want as well; for "error",
// whether it rejects src as we do, when parsing it.
func sameAsV3(src string, want any) bool {
	docs, err := v3Stream(src)
	if want == "error" || err != nil {
		return want == "error" && err != nil
	}
	var v any
	if len(docs) > 0 {
		v, err = v3Decode(docs[0])
	}
	return err == nil && sameValue(v, want)
}
