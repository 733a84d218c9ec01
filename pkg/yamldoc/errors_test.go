package yamldoc

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Why our line differs from the one accountconf took from yaml.v3.
const (
	// An unclosed quote or bracket: yaml.v3 names the line where it
	// opens, but on line 1 (0 counted from 0, which it takes for unset)
	// it falls back to the line where the input ends.
	line1Context = "we name the line where the quote or bracket opens, as yaml.v3 does when that is not line 1"
	// yaml.v3 gives no line at all (accountconf then said line 1).
	noV3Line = "yaml.v3's message has no line"
	// The broken collection or quote starts here; yaml.v3 points past it.
	startLine = "we name the line where the unclosed collection starts; yaml.v3 the end of the input"
)

// invalidDocuments are rejected by both. line is ours, v3 what
// accountconf's yamlProblem made of yaml.v3's message.
var invalidDocuments = []struct {
	src      string
	line, v3 int
	why      string
}{
	// The cases of accountconf's TestLoadNamesTheLineOfASyntaxError and
	// cmd/accountconf's bad files.
	{"kind: labels\nitems:\n  - title: a\n    color: [x\n", 4, 4, ""},
	{"kind: labels\nitems:\n  - title: a\n   color: b\n", 3, 3, ""},
	{"kind: labels\nitems:\n  - title: a\n    color: \"b\n", 4, 4, ""},
	{"kind: labels\nitems:\n  - title: a\n    color: b\n  title: c\n- d\n", 3, 3, ""},
	{"kind: labels\nitems:\n  - title: billing\n    color: [\"#fff\"\n", 4, 4, ""},
	// Block structure.
	{"a: b: c\n", 1, 1, ""},
	{"--- a: b\n", 1, 1, ""},
	{"--- - a\n", 1, 1, ""},
	{"v: -\n", 1, 1, ""},
	{"a: - b c\n", 1, 1, ""},
	{"a: - \n", 1, 1, ""},
	{"a: 1\n- b\n", 2, 2, ""},
	{"x: 1\ny:\n  a: 1\n  - b\n", 3, 3, ""},
	{"a: 1\n  b: 2\n", 2, 2, ""},
	{"a: b\n  c: d e\n", 2, 2, ""},
	{"a: \"x\"\n  b: 2\n", 2, 2, ""},
	{"x: 1\ny:\n  a: \"x\"\n    b: 2\n", 3, 3, ""},
	{"a:\n  b: 1\n c: 2\n", 3, 3, ""},
	{"x: 1\na:\n  b: 1\n c: 2\n", 4, 4, ""},
	{"a: 1\nfoo\nb: 2\n", 2, 2, ""},
	{"a: 1\nfoo bar\n", 2, 2, ""},
	{"a: 1\n\"b\"\n", 2, 2, ""},
	{"- a\nb: 1\n", 2, 2, ""},
	{"x:\n  - a\n  b: 1\n", 2, 2, ""},
	{"x: 1\nl:\n  - a\n b\n", 4, 4, ""},
	{"a:\n  - b\n  -c: d\n   e: f\n", 2, 2, ""},
	{"- a\n- b\n  c: d\n", 3, 3, ""},
	{"? a\n  b: 1\n c: 2\n", 2, 2, ""},
	{"a: 1\n? b\n  c: d\n  : e\n", 3, 3, ""},
	{"? a\n? b\n: c\n: d\n", 4, 4, ""},
	{": v\n", 1, 1, ""},
	{"a: 1\n|\n  x\n", 2, 2, ""},
	{"\"a\nb\": c\n", 2, 2, ""},
	{"a: |2\n x\n", 2, 2, ""},
	{"a: |\n   \n  x\n", 3, 3, ""},
	// After a value.
	{"\"a\"\nb\n", 2, 2, ""},
	{"[a]\nb\n", 2, 2, ""},
	{"a: \"x\" y\n", 1, 1, ""},
	{"a: 'b'c\n", 1, 1, ""},
	{"a: \"b\"c\n", 1, 1, ""},
	{"a: [x] y\n", 1, 1, ""},
	{"a: [1, 2]]\n", 1, 1, ""},
	{"a: {b: c}}\n", 1, 1, ""},
	// Flow collections.
	{"[a, b\n", 1, 2, line1Context},
	{"{a: 1\n", 1, 2, line1Context},
	{"x: 1\ny: [a,\n  b\n", 2, 2, ""},
	{"a: 1\n---\n[\n", 3, 4, startLine},
	{"- [a,\n---\n]\n", 1, 2, line1Context},
	{"[a, b}\n", 1, 1, ""},
	{"{a: 1]\n", 1, 1, ""},
	{"[a b c\nd: e]\n", 2, 2, ""},
	{"x: 1\ny: [a b c\n  d: e]\n", 2, 2, ""},
	{"a: [a, , b]\n", 1, 1, ""},
	{"a: [,]\n", 1, 1, ""},
	{"a: {,}\n", 1, 1, ""},
	{"{a: 1, : 2}\n", 1, 1, ""},
	{"[- a]\n", 1, 1, ""},
	{"{a\n: b}\n", 2, 2, ""},
	// Quoted scalars and escapes.
	{"a: 'unclosed\n", 1, 2, line1Context},
	{"a: \"unclosed\nb: 1\n", 1, 3, line1Context},
	{"x: 1\na: 'unclosed\nb: 2\n", 2, 2, ""},
	{"a: 'x\n---\ny'\n", 1, 2, line1Context},
	{"a: \"x\n...\n\"\n", 1, 2, line1Context},
	{"a: \"\\q\"\n", 1, 1, ""},
	{"x: 1\na: \"a\\qb\"\n", 2, 2, ""},
	{"a: \"\\x4\"\n", 1, 1, ""},
	{"a: \"\\xZZ\"\n", 1, 1, ""},
	{"a: \"\\uD800\"\n", 1, 1, ""},
	{"a: \"\\U00110000\"\n", 1, 1, ""},
	{"a: \"\\U80000000\"\n", 1, 1, ""},
	{"a: \"\\UFFFFFFFF\"\n", 1, 1, ""},
	// Block scalars.
	{"a: |0\n  x\n", 1, 1, ""},
	{"a: |x\n  x\n", 1, 1, ""},
	{"a: >x\n", 1, 1, ""},
	{"a: |\n  x\n\tb\n", 3, 3, ""},
	{"a: |\n  x\n \ty\n", 3, 3, ""},
	{"a: |2\n \tx\n", 2, 2, ""},
	// Anchors, aliases, tags.
	{"a: *unknown\n", 1, 1, ""},
	{"x: 1\na: *unknown\n", 2, 1, noV3Line},
	{"*unknown\n", 1, 1, ""},
	{"a: [1]\nb:\n  <<: *notdefined\n", 3, 1, noV3Line},
	{"a: &\n", 1, 1, ""},
	{"a: & x\n", 1, 1, ""},
	{"a: &a&b x\n", 1, 1, ""},
	{"x: 1\na: &a.b x\n", 2, 2, ""},
	{"a: &a &b x\n", 1, 1, ""},
	{"a: !!str !!int x\n", 1, 1, ""},
	{"a: !e!foo x\n", 1, 1, ""},
	{"a: *x y\n", 1, 1, ""},
	// Directives.
	{"%FOO bar\n---\na: 1\n", 1, 1, ""},
	{"%YAML 2.0\n---\na: 1\n", 1, 1, ""},
	{"x: 1\n---\n%YAML 2.0\n---\na: 1\n", 3, 2, "yaml.v3 counts this line from 0"},
	{"a: 1\n%x\n", 2, 2, ""},
	{"a: 1\n%YAML 1.1\nb: 2\n", 2, 3, "the directive lacks the --- that must follow it; yaml.v3 complains about the line after"},
	{"%YAML 1.2\na: 1\n", 1, 2, "the directive lacks the --- that must follow it; yaml.v3 complains about the line after"},
	// Tabs.
	{"a:\n\tb: 1\n", 2, 2, ""},
	{"\ta: 1\n", 1, 1, ""},
	{"a: 1\n\tb: 2\n", 2, 2, ""},
	{"- a\n\t- b\n", 2, 2, ""},
	{"a:\n  b\n\tc\n", 3, 2, "we name the line with the tab; yaml.v3 the first line of the text it would continue"},
	// Characters that cannot start a value.
	{"a: @x\n", 1, 1, ""},
	{"a: `x\n", 1, 1, ""},
	{"a: %x\n", 1, 1, ""},
	{", a\n", 1, 1, ""},
	{"] a\n", 1, 1, ""},
	{"a: ]\n", 1, 1, ""},
	{"a: }\n", 1, 1, ""},
	{"x: 1\ny: @x\n", 2, 2, ""},
	// Input that is not text.
	{"a: \x01\n", 1, 1, ""},
	{"x: 1\ny: \x7f\n", 2, 1, noV3Line},
	{"a: b\xff\n", 1, 1, ""},
	{"x: 1\na: \xc3\n", 2, 1, noV3Line},
	// Line breaks yaml.v3 takes from YAML 1.1.
	{"a: x\u0085y\n", 2, 2, ""},
	// Multi-document streams: the line counts from the start.
	{"a: b\n---\nc: d\n  e: f\n", 4, 4, ""},
	{"a: 1\n---\nb: [\n", 3, 4, startLine},
}

func TestRejectsWhatYAMLv3Rejects(t *testing.T) {
	differ := 0
	for _, tc := range invalidDocuments {
		_, v3err := v3Stream(tc.src)
		if v3err == nil {
			t.Errorf("%q: yaml.v3 accepts it", tc.src)
			continue
		}
		if got := v3Line(v3err); got != tc.v3 {
			t.Errorf("%q: yaml.v3's error %q gives line %d, the table says %d", tc.src, v3err, got, tc.v3)
		}
		_, err := ParseStream([]byte(tc.src))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: err %v, want a *SyntaxError", tc.src, err)
			continue
		}
		if se.Line != tc.line {
			t.Errorf("%q: %v: line %d, want %d", tc.src, err, se.Line, tc.line)
		}
		if (tc.line != tc.v3) != (tc.why != "") {
			t.Errorf("%q: lines %d and %d: say why they differ, and only then", tc.src, tc.line, tc.v3)
		}
		if tc.line != tc.v3 {
			differ++
		}
	}
	t.Logf("%d invalid documents; %d name another line than yaml.v3, for the reasons given", len(invalidDocuments), differ)
}

// Every message says what is wrong in words, not in parser terms.
func TestSyntaxErrorsExplain(t *testing.T) {
	for _, tc := range invalidDocuments {
		_, err := ParseStream([]byte(tc.src))
		if err == nil {
			continue
		}
		msg := err.(*SyntaxError).Msg
		for _, jargon := range []string{"token", "did not find expected", "event", "context"} {
			if strings.Contains(msg, jargon) {
				t.Errorf("%q: %q speaks of %q", tc.src, msg, jargon)
			}
		}
		if !strings.HasPrefix(err.Error(), fmt.Sprintf("line %d: ", tc.line)) {
			t.Errorf("%q: Error() = %q, want it to start with its line", tc.src, err)
		}
	}
}

// decodeErrors parse, but their values cannot be decoded: both refuse
// them. line is the line our error names (yaml.v3 names one only for
// duplicate keys: v3).
var decodeErrors = []struct {
	src      string
	line, v3 int
}{
	{"a: 1\na: 2\n", 2, 2},
	{"b:\n  x: 1\n  y: 2\n  x: 3\n", 4, 4},
	{"\"1\": a\n1: b\n", 2, 2},
	{"<<: {a: 1}\n<<: {b: 2}\n", 2, 2},
	{"- {a: 1, a: 2}\n", 1, 1},
	{"base: &b {x: 1, x: 2}\nd:\n  <<: *b\n", 1, 1},
	{"a: !!int abc\n", 1, 0},
	{"a: !!int 1.5\n", 1, 0},
	{"a: !!bool yes\n", 1, 0},
	{"a: !!null x\n", 1, 0},
	{"a: !!float 0x1_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0\n", 1, 0},
	{"a: !!float 18446744073709551615\n", 1, 0},
	{"a: !!timestamp 2001-13-01\n", 1, 0},
	{"a: !!binary \"!!\"\n", 1, 0},
	{"a: &x [*x]\n", 1, 0},
	{"a: &x {b: *x}\n", 1, 0},
	{"a: {x: 1}\nb:\n  <<: 1\n", 3, 0},
	{"l: &l [1]\nb:\n  <<: *l\n", 3, 0},
	{"a: &a [x]\nb: {<<: [*a]}\n", 2, 0},
	{"b: {<<: [1]}\n", 1, 0},
	{"b:\n  <<:\n", 2, 0},
}

func TestDecodeErrorsMatchYAMLv3(t *testing.T) {
	for _, tc := range decodeErrors {
		docs, err := ParseStream([]byte(tc.src))
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		v3docs, v3err := v3Stream(tc.src)
		if v3err != nil {
			t.Errorf("%q: yaml.v3 cannot parse it: %v", tc.src, v3err)
			continue
		}
		if _, v3err = v3Decode(v3docs[0]); v3err == nil {
			t.Errorf("%q: yaml.v3 decodes it", tc.src)
		} else if tc.v3 > 0 && !strings.Contains(v3err.Error(), fmt.Sprintf("line %d:", tc.v3)) {
			t.Errorf("%q: yaml.v3 says %q, not line %d", tc.src, v3err, tc.v3)
		}
		if err == nil {
			_, err = docs[0].Decode()
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: Decode error %v, want a *SyntaxError", tc.src, err)
		} else if se.Line != tc.line {
			t.Errorf("%q: %v names line %d, want %d", tc.src, err, se.Line, tc.line)
		}
	}
}
