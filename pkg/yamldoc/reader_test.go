package yamldoc

import (
	"fmt"
	"strings"
	"testing"
)

// plainScalars are the texts whose resolution differs between YAML
// libraries: each is read as a mapping value, a list item and a flow item.
var plainScalars = []string{
	"yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF",
	"true", "True", "TRUE", "tRue", "false", "False", "FALSE", "fALSE",
	"null", "Null", "NULL", "nUll", "~", "nil", "None",
	"0", "-0", "+0", "00", "007", "08", "09", "0.0", "-0.0",
	"0x1F", "0X1F", "0x1f", "-0x1F", "+0x1F", "0x", "0xG", "0x_1F", "0x7FFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFF", "0x1FFFFFFFFFFFFFFFF",
	"0o17", "0O17", "0o", "0o8", "-0o17", "+0o17", "0o-7", "0o+7",
	"0b101", "0B101", "-0b101", "0b", "0b2", "0b-1", "0b+1", "0b1111111111111111111111111111111111111111111111111111111111111111",
	"017", "-017", "0777", "0778",
	"1_000", "1__0", "_1", "1_", "1_0.5", "1_000_000.000_1", "-1_0", "+_1",
	"1e3", "1E3", "1e+3", "1e-3", "1.e3", "1.", "1.5", "-1.5", "+1.5", ".5", "-.5", "+.5", ".5e3", "1.5e3", "1.5E-3",
	"1e", "e3", ".e3", "1e3.5", "1.5.5", "1e400", "-1e400", "6e-400", "1.7976931348623157e308", "4.9e-324",
	"0x1p-2", "1_e3", "1e_3",
	".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".iNf", "inf", "-inf", "Infinity",
	".nan", ".NaN", ".NAN", ".Nan", "nan", "NaN",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616", "99999999999999999999", "-18446744073709551616",
	"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10",
	"2001-12-14 21:59:43.10 -5", "2001-1-2", "2001-13-01", "20011214", "2001-12-14T21:59:43Z", "2001-12-14T21:59:43+02:00",
	"2001-12-14T21:59:43", "12001-12-14", "2001-12", "2001-12-14 21:59:43",
	"1:20", "1:20:30", "-1:20", "12:30:45.5", "0.1.2", "1,000", "$100", "100%", "1-2", "--1", "+-1",
	"-a", "a-", "-.", "+", "+a", "--", "---a", "...a", "a...",
	"<<", "<", "=", "a=b", "a:b", "a::b", "http://example.com:8080/path?q=1#frag", "a#b", "a #b", "a\t#b", "a b  c",
	"a'b", "a\"b", "a!b", "a&b", "a*b", "a|b", "a>b", "a[b]", "a{b}", "a,b", "a%b", "a@b", "a`b",
	"?a", ":a", "-1", "é", "日本語", "😀", "a\u00a0b", "über", "naïve café",
}

// readerDocuments are whole documents: every construct the reader
// supports, in the shapes people write.
var readerDocuments = []string{
	// Empty and near-empty streams.
	"", "\n", "# only a comment\n", "---\n", "--- # c\n\n", "---\n...\n", "\n\n---", "---\n---\n", "--- \n...\n",
	"a: 1\n...\n", "a: 1\n...\n---\nb: 2\n", "a: 1\n---\nb: 2\n---\n- c\n", "- a\n---\n", "---\na\n---\nb\n...\n",
	"%YAML 1.1\n---\na: 1\n", "- a\n%YAML 1.1\n---\nb\n", "a: 1\n%YAML 1.1\n--- x\n", "---\n# c\n...\n# d\n---\nx\n",
	// Block mappings.
	"a: 1\n", "a: 1\nb: 2\n", "a:\n", "a:\nb:\n", "a:   # c\nb:", "a: b\nc: d\ne: f\n", "key with spaces: value with spaces\n",
	"a:\n  b:\n    c: d\n  e: f\ng: h\n", "a:\n    b: 1\n    c: 2\n", "a:\n b: 1\n", " a: 1\n b: 2\n", "a:\n  b: 1\n\n\n  c: 2\n",
	"'a': 1\n\"b\": 2\n", "'a b': 1\n\"c\\td\": 2\n", "a: 'b'\n", "a: \"b\"\n", "? a\n: b\n", "? a\n", "? a\nb: 1\n",
	"? |\n  x\n: - a\n  - b\n", "? a\n: b\n? c\n: d\n", "? a : b\n", "? - a\n  - b\n: c\n", "?\n: a\n", "? a\n:\n", "? a\n: b: c\n",
	"a: 1 # comment\nb: 2 #\n", "# head\na: 1\n# foot\n", "a: 1\n  # indented comment\nb: 2\n", "a: b#c\n", "a: b #c\n", "a: 'b'#c\n",
	"a: \"x\"#c\n", "a: [1]#c\n", "a:\tb\n", "a: \tb\n", "a: b\t\n", "a :  b\n", "a  : b\n", "1: a\n", "~: a\n", "true: a\n",
	"1.5: a\n", "null: a\nNULL: b\n", "0x1: a\n1: b\n", "2001-12-14: a\n", "a: 1\n\"1\": b\n",
	// Sequences.
	"- a\n", "- a\n- b\n", "-\n", "- \n- a\n", "- \n-", "- - a\n  - b\n- c\n", "- - - a\n", "-\n  - a\n", "- a: 1\n  b: 2\n- c: 3\n",
	"- a: 1\n  b:\n    - x\n    - y\n", "items:\n- a\n- b\nnext: 1\n", "items:\n  - a\n  - b\nnext: 1\n", "a:\n- b\n c\n",
	"a:\n- x\n", "a:\n-\n- b\n", "a:\n  - b:\n    - c\n", "- |\n  x\n- >\n  y\n", "- 'a'\n- \"b\"\n", "- [a, b]\n- {c: d}\n",
	"-   a\n-   b\n", "- a\n\n\n- b\n", "- # c\n  a\n", "seq:\n- a: 1\n  b: 2\n- c\n",
	// Flow collections.
	"[a, b]\n", "[a, b, ]\n", "[]\n", "{}\n", "{a: 1, b: [x, y]}\n", "[a,\nb,\n  c]\n", "a: [b,\nc]\n", "a: {b: 1,\n  c: 2}\n",
	"[a: b, c]\n", "[a: ]\n", "[a: b]\n", "{a: , b}\n", "{a}\n", "{a: b, c}\n", "{a:1}\n", "[a:b]\n", "{\"a\":1}\n", "['a':1]\n",
	"{a: {b: {c: [1, [2, [3]]]}}}\n", "[[], {}, [[]]]\n", "[a, # comment\n b]\n", "[\n  a,\n  b\n]\n", "{\n  a: 1,\n  b: 2,\n}\n",
	"[\"a\", 'b', c d, 'e''f']\n", "[a\n  b, c]\n", "[1, 1.5, true, null, ~, 0x1F]\n", "{a: [b, {c: d}], e: f}\n",
	"a: [b]\nc: {d: e}\n", "[a:]\n", "[&x a, *x]\n", "[!!str 1, !!int '2']\n", "{a: !!str , b: &x }\n",
	"[a: b, c: d]\n", "[a:b: c]\n", "{a: b:c}\n", "{a:b: c}\n", "[a :b]\n", "[a : b]\n", "{a : b}\n", "{\"a\" : b}\n", "[\"a\":b]\n",
	"{a: [b: c]}\n", "{a: b, c: [d, e: f]}\n", "[a, b: c, d]\n", "{ a : b , c : d }\n", "{a: !!str b}\n", "[!!str a, !!int 1]\n",
	"[!!str , a]\n", "{!!str a: b}\n", "[&a x, *a]\n", "{&a a: b, c: *a}\n", "[a:\n b]\n", "{a:\n b}\n", "[a: {b: c}]\n", "[-a, -]\n",
	"[a-, --]\n", "{-: a}\n", "[a:]\n", "{a:}\n", "[\"a\":]\n", "{\"a\":}\n", "[a#b]\n", "[a #b\n ]\n", "{a: \"b\"#c\n}\n",
	"[a, {b: c}, [d]]\n", "[ ]\n", "{ }\n", "[a ,b]\n", "[a , b , ]\n", "[\"a\" , 'b']\n", "{\"a\" : 1}\n",
	// Plain scalars over several lines.
	"a b\nc d\n", "a: b\n  c\n  d\n", "a: b\n\n  c\n", "a: b\n\n\n  c\n", "- a\n  b\n", "a:\n  b\n  c\n", "a:\n  b\n c\n",
	"a: b   \n  c   \n", "a: b\n  # c\n", "top\nlevel\nscalar\n", "a: x\n  y\nb: z\n",
	"- a\n - b\n",
	// Single-quoted scalars.
	"a: 'it''s'\n", "a: ''\n", "a: ''''\n", "a: 'x\ny'\n", "a: 'x\n\ny'\n", "a: 'x  \n   y'\n", "a: 'x\n\n\n  y'\n",
	"a: ' lead'\n", "a: 'trail '\n", "a: 'tab\there'\n", "a: '#x'\n", "a: 'x\\ny'\n", "a: '\"'\n", "a: 'x\n  \n  y'\n",
	// Double-quoted scalars.
	"a: \"\"\n", "a: \"x\\ny\"\n", "a: \"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\\\\\N\\_\\L\\P\"\n", "a: \"\\x41\\x7e\\xff\"\n",
	"a: \"\\u00e9\\u263A\\uFFFD\"\n", "a: \"\\U0001F600\\U0010FFFF\"\n", "a: \"x\\\ny\"\n", "a: \"x\\\n  y\"\n", "a: \"x\\\n\n  y\"\n",
	"a: \"x\ny\"\n", "a: \"x\n\n  y\"\n", "a: \"x  \n  y\"\n", "a: \"\\'\"\n", "a: \"a\\tb\"\n", "a: \"  \"\n", "a: \"x\\ \"\n",
	"a: \"line1\\nline2\\n\"\n", "a: \"\\x00\"\n", "a: \"caf\\u00e9\"\n", "a: \"x\ty\"\n", "a: \"x\t\n\ty\"\n",
	// Block scalars.
	"a: |\n  x\n", "a: |\n  x\n  y\n", "a: |\n  x\n\n", "a: |-\n  x\n", "a: |+\n  x\n\n", "a: |\n  x", "a: |-\n  x", "a: |+\n  x",
	"a: |\n\n  x\n", "a: |\n  x\n\n  y\n", "a: |\n  x\n   y\n  z\n", "a: |2\n   x\n", "a: |1\n  x\n", "a: |-2\n    x\n", "a: |2-\n    x\n",
	"a: |\n", "a: |\nb: 1\n", "a: |-\nb: 1\n", "a: |+\n\n\nb: 1\n", "a: |\n  x\nb: 1\n", "a: | # c\n  x\n", "a: |#c\n  x\n",
	"a: >\n  x\n  y\n", "a: >\n  x\n\n  y\n", "a: >\n  x\n   y\n  z\n", "a: >\n  x\n  y\n\n  z\n   w\n  v\n", "a: >-\n  x\n  y\n",
	"a: >+\n  x\n\n", "a: >\n\n  x\n", "a: >\n   x\n  \n   y\n", "- |\n  a\n- |-\n  b\n", "a:\n  - |\n    x\n  - y\n",
	"a: |\n  # not a comment\n", "a: |\n  x\n# a comment\n", "a: |\n    x\n  \n    y\n",
	"--- |\n  x\n", "--- >\n  x\n  y\n", "--- |1\n  x\n", "a: |\n  x\n  \n", "a: |\n  x\n    \n", "a:\n  |\n    x\n",
	"- a: |\n    x\n  b: 1\n", "a: |3\n    x\n", "a: |\n  x\n ", "a: |\n  x\n\n\n", "a: |+\n  x\n\n\n",
	// Anchors, aliases and merges.
	"a: &x 1\nb: *x\n", "a: &x\n  b: 1\nc: *x\n", "- &x a\n- *x\n- *x\n", "a: &x [1, 2]\nb: *x\n", "&a key: v\nkey2: *a\n",
	"&a a: 1\n*a : 2\n", "a: &x\nb: *x\n", "a: &x b\na2: &x c\nd: *x\n", "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n",
	"a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n", "<<: {a: 1}\nb: 2\n", "a: &a {x: 1}\nb:\n  <<: *a\n  x: 2\n",
	"a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: [*a, *b]\n", "a:\n  <<: {b: 1, c: 2}\n  c: 3\n", "a: {<<: {b: 1}}\n", "'<<': 1\n",
	"a: &a {x: 1}\nb: {<<: *a, <<z: 2}\n", "a: <<\n", "- <<\n", "a: &a {1: x}\nb:\n  <<: *a\n  c: 2\n", "&x\na: 1\n", "a:\n  &x\n  b: 1\n",
	"a: !!str &x 1\nb: *x\n", "a: &x !!str 1\nb: *x\n", "&x [a]\n", "a: &long-name_1 v\nb: *long-name_1\n",
	"a: &a\n  <<: {x: 1}\n  y: 2\nb:\n  <<: *a\n", "? &k a\n: *k\n", "&a\n&b k: v\n", "!!map\n!!str k: v\n", "- &a\n  &b k: *b\n", "&a\n*a : 1\n", "x: &a\n  *a : 1\n", "?\n- a\n- b\n: c\n",
	// Tags.
	"a: !!str 1\n", "a: !!int '12'\n", "a: !!int \"0x10\"\n", "a: !!float 1\n", "a: !!float '1.5'\n", "a: !!bool true\n",
	"a: !!null ''\n", "a: !!null\n", "a: !!str\n", "a: !!str\nb: 1\n", "a: ! 12\n", "a: ! '12'\n", "a: !foo x\n", "a: !!foo x\n",
	"a: !!map {b: 1}\n", "a: !!seq [1]\n", "a: !!map x\n", "a: !!timestamp 2001-12-14\n", "a: !!str 2001-12-14\n",
	"a: !!binary aGVsbG8=\n", "a: !!binary |\n  aGVs\n  bG8=\n", "a: !!str |\n  x\n", "!!map\na: 1\n", "--- !!str\nfoo\n",
	"a: !!str [1]\n", "!local {a: 1}\n", "a: !!int -0x10\n", "a: !!float .inf\n", "a: !!int 1_000\n", "a: !!str ~\n",
	"- !!str\n- !!int 3\n", "a: !!str 'x'\n", "a: !!merge <<\n",
	// Strings that look like other things.
	"a: \"2001-12-14\"\n", "a: '123'\n", "a: \"true\"\n", "a: 'null'\n", "a: \"~\"\n", "a: ''\nb: \"\"\n",
	// Line ends, BOM, unicode, positions.
	"a: 1\r\nb: 2\r\n", "a: |\r\n  x\r\n  y\r\n", "a: 'x\r\n  y'\r\n", "\ufeffa: 1\n", "a: 1\n\ufeffb: 2\n", "a: é\nü: [é, ö]\n",
	"日本: 語\n", "a: x\u2028b: 2\n", "# c\u2028a: 1\n", "a: 'x\u2028  y'\n", "a: \"x\u2029 y\"\n", "a: |\n  x\u2028  y\n",
	"a: \u0085\n", "a: 1\rb: 2\r", "key: 😀 emoji\n", "😀: a\n", "a: \"😀\"\n",
	"\n\n# c\n  a: 1\n", "   - a\n   - b\n", "  a: 1\n  b: 2\n",
	// Real files.
	"kind: labels\nitems:\n  - title: billing\n    color: '#ffffff'\n    description: Billing questions\n    show_on_sidebar: true\n",
	"kind: labels\nitems: []\n", "kind: labels\nitems:\n", "kind: teams\nitems:\n  - name: sales\n    members:\n      - ann@acme.test\n      - bob@acme.test\n",
	"kind: macros\nitems:\n  - name: Escalate\n    actions:\n      - action_name: assign_team\n        action_params: [escalations]\n",
	"kind: webhooks\nitems:\n  - url: ${HOOK_URL}\n    name: Hook\n    subscriptions: [conversation_created, message_created]\n",
	"kind: canned_responses\nitems:\n- short_code: hi\n  content: |\n    Hello!\n\n    Thanks for writing.\n- short_code: bye\n  content: \"Bye\\n\"\n",
	"kind: automation_rules\nitems:\n  - name: rule\n    conditions:\n      - attribute_key: status\n        filter_operator: equal_to\n        values: [open]\n        query_operator: null\n    active: yes\n",
	"title: T\nslug: s\ncategory: billing\nlocale: en\nstatus: published\nposition: 3\nauthor: ann@acme.test\n",
	"kind: inboxes\nitems:\n  - name: Mail\n    channel_type: email\n    imap_password: ${IMAP_PASSWORD}\n    settings: {a: 1}\n",
	"kind: agents\n# the team\nitems:\n  - email: ann@acme.test   # admin\n    name: Ann\n    role: administrator\n\n  - email: bob@acme.test\n    name: Bob\n    role: agent\n",
}

func TestReaderMatchesYAMLv3(t *testing.T) {
	var corpus []string
	for _, s := range plainScalars {
		corpus = append(corpus, "v: "+s+"\n", "- "+s+"\n", s+"\n")
		if !strings.ContainsAny(s, ",[]{}#") && !strings.HasPrefix(s, ":") && !strings.HasPrefix(s, "?") && !strings.Contains(s, ": ") {
			corpus = append(corpus, "["+s+"]\n")
		}
	}
	corpus = append(corpus, readerDocuments...)
	for i, src := range corpus {
		t.Run(fmt.Sprint(i), func(t *testing.T) { compareWithV3(t, src) })
	}
	t.Logf("%d documents (%d plain scalars in several places)", len(corpus), len(plainScalars))
}
