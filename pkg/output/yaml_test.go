package output

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestYAMLList(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"none", nil, "[]\n"},
		{"one", []string{`{"id":1,"name":"Alice"}`}, "- id: 1\n  name: Alice\n"},
		{"many", []string{
			`{"id":42,"labels":["vip","billing"],"meta":{"sender":{"id":7,"name":"Bob"},"assignee":null},"custom_attributes":{},"messages":[]}`,
			`{"id":43,"messages":[{"id":900,"content":"Hello\nthere"}],"matrix":[[1,2],[]]}`,
			`"scalar"`,
		}, `- id: 42
  labels:
    - vip
    - billing
  meta:
    sender:
      id: 7
      name: Bob
    assignee: null
  custom_attributes: {}
  messages: []
- id: 43
  messages:
    - id: 900
      content: |-
        Hello
        there
  matrix:
    - - 1
      - 2
    - []
- scalar
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, _ := testIO(false)
			if err := printList(t, ios, Options{Format: "yaml"}, tt.items...); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
}

func TestYAMLObjectKeepsOrderAndNumbers(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printObject(t, ios, Options{Format: "yaml"}, `{"z":1,"a":12345678901234567,"f":1.50,"e":1E+5,"t":true}`); err != nil {
		t.Fatal(err)
	}
	want := "z: 1\na: 12345678901234567\nf: 1.50\ne: 1E+5\nt: true\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// trickyStrings are values a naive emitter turns into other types or
// breaks the document with.
var trickyStrings = []string{
	"", "true", "no", "Yes", "ON", "y", "null", "Null", "~", "123", "1.5", "0x1F", "0o17", ".5", "+1", "-1",
	".inf", "-.inf", ".nan", "NaN", "2023-11-14", "2023-11-14T22:13:20Z", "1:20", "<<",
	"-", "- a", "a: b", "a #b", "#x", "key:", " lead", "trail ", "tab\there", "quote\"s", "back\\slash",
	"@at", "`tick", "%pct", "*star", "&amp", "!bang", "|pipe", ">gt", "'sq", "{brace", "[br", "]", "?q", ",comma", "=eq",
	"multi\nline", "multi\nline\n", "multi\nline\n\n", "\n", "\n\nlead blank", "  indented\nx", "x\n  indented\n",
	"trailing spaces \nline", "line\n   \nwhite line", "a\r\nb", "ctrl\x01char", "nel\u0085x", "ls\u2028x", "bom\ufeffx",
	"emoji 😀", "中文", "---", "...", "--- x", "plain words, with comma", "ends with colon:", "http://example.com/a#b",
}

func TestYAMLStringsRoundTrip(t *testing.T) {
	for _, s := range trickyStrings {
		raw, _ := json.Marshal(map[string]any{"v": s, "list": []string{s}})
		ios, out, _ := testIO(false)
		if err := printObject(t, ios, Options{Format: "yaml"}, string(raw)); err != nil {
			t.Fatal(err)
		}
		var back struct {
			V    any   `yaml:"v"`
			List []any `yaml:"list"`
		}
		if err := yaml.Unmarshal(out.Bytes(), &back); err != nil {
			t.Errorf("%q: YAML does not parse: %v\n%s", s, err, out)
			continue
		}
		if back.V != s || len(back.List) != 1 || back.List[0] != s {
			t.Errorf("%q came back as %#v / %#v from\n%s", s, back.V, back.List, out)
		}
	}
}

// Keys need the same care as values.
func TestYAMLKeysRoundTrip(t *testing.T) {
	for _, k := range trickyStrings {
		raw, _ := json.Marshal(map[string]string{k: "v"})
		ios, out, _ := testIO(false)
		if err := printObject(t, ios, Options{Format: "yaml"}, string(raw)); err != nil {
			t.Fatal(err)
		}
		var back map[string]any
		if err := yaml.Unmarshal(out.Bytes(), &back); err != nil {
			t.Errorf("key %q: YAML does not parse: %v\n%s", k, err, out)
			continue
		}
		if len(back) != 1 || back[k] != "v" {
			t.Errorf("key %q came back as %#v from\n%s", k, back, out)
		}
	}
}

// Real Chatwoot items read back to the same data they came from.
func TestYAMLFixturesRoundTrip(t *testing.T) {
	items := append([]string{conversation42}, contacts...)
	ios, out, _ := testIO(false)
	if err := printList(t, ios, Options{Format: "yaml"}, items...); err != nil {
		t.Fatal(err)
	}
	var back []any
	if err := yaml.Unmarshal(out.Bytes(), &back); err != nil {
		t.Fatalf("YAML does not parse: %v\n%s", err, out)
	}
	if len(back) != len(items) {
		t.Fatalf("got %d items back, want %d", len(back), len(items))
	}
	for i, it := range items {
		want, err := decodeJSON([]byte(it))
		if err != nil {
			t.Fatal(err)
		}
		if err := sameValue(want, back[i]); err != nil {
			t.Errorf("item %d: %v", i, err)
		}
	}
}

// sameValue compares a JSON value (json.Number) with what a YAML parser
// produced (int, float64, ...).
func sameValue(j, y any) error {
	switch jv := j.(type) {
	case map[string]any:
		ym, ok := y.(map[string]any)
		if !ok || len(ym) != len(jv) {
			return fmt.Errorf("object %v became %#v", jv, y)
		}
		for k, v := range jv {
			if err := sameValue(v, ym[k]); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
	case []any:
		ya, ok := y.([]any)
		if !ok || len(ya) != len(jv) {
			return fmt.Errorf("array %v became %#v", jv, y)
		}
		for i := range jv {
			if err := sameValue(jv[i], ya[i]); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
	case json.Number:
		switch yv := y.(type) {
		case int:
			if jv.String() != strconv.Itoa(yv) {
				return fmt.Errorf("number %s became %d", jv, yv)
			}
		case float64:
			f, _ := jv.Float64()
			if math.Abs(f-yv) > 1e-9 {
				return fmt.Errorf("number %s became %v", jv, yv)
			}
		default:
			return fmt.Errorf("number %s became %#v", jv, y)
		}
	default:
		if j != y {
			return fmt.Errorf("%#v became %#v", j, y)
		}
	}
	return nil
}
