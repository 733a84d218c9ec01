package jsontemplate

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"text/template"
)

// A conversation as woot's printers hand it to a template: decoded with
// UseNumber, so ids keep all their digits.
const conversationJSON = `{
  "id": 42, "zero": 0, "big": 12345678901234567, "float": 1.5, "neg": -3,
  "name": "Alice", "empty_name": "", "null": null,
  "labels": ["vip", "billing", "urgent"], "none": [], "obj": {},
  "flag": true, "off": false,
  "meta": {"sender": {"name": "Bob", "id": 7}, "assignee": null},
  "custom_attributes": {"seats": 10, "plan": "pro", "region": "eu"},
  "html": "<a href='x'>&\"</a>\u0000", "ctrl": "a\u0001b=c\u2028", "unicode": "陈伟 👨‍👩‍👧"
}`

func decode(t *testing.T, raw string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func run(t *testing.T, src string, data any) (string, error) {
	t.Helper()
	tmpl, err := Parse("t", src, nil)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	err = tmpl.Execute(&out, data)
	return out.String(), err
}

// Over decoded JSON the language is text/template's: every template here
// prints what text/template itself prints for the same data.
func TestSameOutputAsTextTemplate(t *testing.T) {
	data := decode(t, conversationJSON)
	list := decode(t, `[{"id": 1, "name": "Ann"}, {"id": 2, "name": "Ben"}, {"id": 3}]`)
	cases := []struct {
		src  string
		data any
	}{
		{`{{.name}} {{.id}} {{.big}} {{.float}} {{.neg}}`, data},
		{`{{.missing}}|{{.null}}|{{.meta.missing.deeper}}|{{.meta.sender.name}}`, data},
		{`{{.labels}} {{.meta.sender}} {{.none}} {{.obj}} {{.flag}} {{.off}}`, data},
		{`{{range .labels}}{{.}},{{end}}`, data},
		{`{{range $i, $l := .labels}}{{$i}}={{$l}} {{end}}`, data},
		{`{{range $l := .labels}}{{$l}};{{end}}`, data},
		{`{{range $k, $v := .custom_attributes}}{{$k}}:{{$v}} {{end}}`, data},
		{`{{range .none}}x{{else}}none{{end}} {{range .missing}}x{{else}}nothing{{end}}`, data},
		{`{{range .labels}}{{if eq . "billing"}}{{continue}}{{end}}{{.}} {{end}}`, data},
		{`{{range .labels}}{{if eq . "billing"}}{{break}}{{end}}{{.}} {{end}}`, data},
		{`{{range 3}}{{.}}{{end}} {{range $i := 2}}<{{$i}}>{{end}}`, data},
		{`{{range .}}{{.id}} {{.name}}{{"\n"}}{{end}}`, list},
		{`{{range .}}{{$.name}}{{end}}`, data},
		{`{{with .meta.sender}}{{.name}} ({{.id}}){{end}}`, data},
		{`{{with .missing}}x{{else}}y{{end}} {{with .meta.assignee}}a{{else with .meta.sender}}{{.name}}{{end}}`, data},
		{`{{with $n := .name}}{{$n}}{{.}}{{end}}`, data},
		{`{{if .flag}}yes{{else if .off}}no{{else}}neither{{end}} {{if .off}}a{{else if .name}}b{{end}}`, data},
		{`{{if .empty_name}}x{{else}}empty{{end}} {{if .none}}x{{else}}none{{end}} {{if .obj}}x{{else}}no keys{{end}}`, data},
		{`{{and .flag .name}} {{and .flag .off .name}} {{or .missing .empty_name "default"}} {{or .name .flag}} {{not .off}} {{not .labels}}`, data},
		{`{{.name | and .flag}} {{.off | or .empty_name}}`, data},
		{`{{len .labels}} {{len .name}} {{len .custom_attributes}} {{len .unicode}}`, data},
		{`{{index .labels 1}} {{index .custom_attributes "plan"}} {{index .meta "sender" "name"}} {{index .custom_attributes "nope"}}`, data},
		{`{{slice .labels 1}} {{slice .labels 1 2}} {{slice .name 1 3}} {{slice .name}} {{slice .labels 0 1 2}}`, data},
		{`{{printf "%s has %d seats" .name 3}} {{printf "%v|%s" .id .id}} {{printf "%q" .null}}`, data},
		{`{{print .name .id}} {{print "a" "b"}} {{println .name .flag}}`, data},
		{`{{eq .name "Alice"}} {{eq .name "x" "Alice"}} {{ne .name "Bob"}} {{eq .id "42"}} {{eq .flag true}} {{eq .null nil}}`, data},
		{`{{lt 1 2}} {{le 2 2}} {{gt 1.5 2.5}} {{ge "b" "a"}} {{lt .name "Bob"}}`, data},
		{`{{html .html}}|{{js .html}}|{{js .ctrl}}|{{urlquery .name " &="}}|{{html .missing}}|{{js .unicode}}`, data},
		{`{{.name | printf "%q"}} {{.labels | len}} {{"x" | printf "%s-%s" "y"}}`, data},
		{`{{$n := .}}{{$n}} {{$n = "Bea"}}{{$n}} {{$}}`, decode(t, `"root"`)},
		{`{{$n := 1}}{{if true}}{{$n = 2}}{{$m := 3}}{{$m}}{{end}}{{$n}}`, data},
		{`{{define "row"}}[{{.}}]{{end}}{{range .labels}}{{template "row" .}}{{end}}`, data},
		{`{{block "name" .name}}<{{.}}>{{end}} {{template "name" "other"}}`, data},
		{`{{(.meta).sender.name}} {{(index .meta "sender").id}} {{(.meta.sender)}}`, data},
		{`{{1}} {{1.5}} {{'a'}} {{0x10}} {{"s"}} {{true}} {{1e3}} {{-2}} {{0o17}} {{1_000}}`, data},
		{`{{- .name -}}   {{/* a comment */}}  !`, data},
		{`{{.id.String}} {{.float.Float64}} {{.id.Int64}}`, data},
		{`{{.unicode}} {{printf "%-6s|" .name}}`, data},
		{"plain text, no actions\n", data},
		{`{{define "who"}}{{len $}}/{{.}}{{end}}{{template "who" .labels}} {{template "who" .name}}`, data},
		{`{{define "dot"}}[{{.}}]{{end}}{{template "dot"}}`, data},
		{`{{range $k, $v := .custom_attributes}}{{if eq $k "region"}}{{break}}{{end}}{{$k}} {{end}}`, data},
		{`{{range .labels}}{{$x := .}}{{range $.labels}}{{if eq . $x}}={{end}}{{end}}{{end}}`, data},
		{`{{printf "%v %v" .null .missing}} {{print .null}} {{len (slice .labels 1)}} {{index (slice .labels 1) 0}}`, data},
		{`{{range $i, $e := .}}{{if $i}}, {{end}}{{$e.name}}{{end}}`, list},
	}
	for _, c := range cases {
		want, wantErr := textTemplate(t, c.src, c.data)
		got, err := run(t, c.src, c.data)
		if wantErr != nil || err != nil {
			t.Errorf("%s\n  text/template: %q, %v\n  jsontemplate:  %q, %v", c.src, want, wantErr, got, err)
			continue
		}
		if got != want {
			t.Errorf("%s\n  text/template: %q\n  jsontemplate:  %q", c.src, want, got)
		}
	}
}

// Both refuse these, and the message says where.
func TestErrorsLikeTextTemplate(t *testing.T) {
	data := decode(t, conversationJSON)
	cases := []struct{ src, mentions string }{
		{`{{index .labels 5}}`, "index out of range: 5"},
		{`{{.name.first}}`, "can't evaluate field first"},
		{`{{template "nope" .}}`, `no such template "nope"`},
		{`{{index .labels "a"}}`, "index"},
		{`{{range .name}}x{{end}}`, "range can't iterate over Alice"},
		{`{{lt .flag .off}}`, "comparison"},
		{`{{eq .labels .labels}}`, "comparison"},
		{`{{printf}}`, "printf"},
		{`{{.name | .id}}`, "id"},
		{`{{"a" | 1}}`, "non executable command"},
		{`{{len .flag}}`, "len"},
		{`{{slice .labels 2 1}}`, "slice"},
		{`{{call .name}}`, "call"},
	}
	for _, c := range cases {
		if _, wantErr := textTemplate(t, c.src, data); wantErr == nil {
			t.Errorf("%s: text/template accepts it; the case tests nothing", c.src)
		}
		_, err := run(t, c.src, data)
		if err == nil {
			t.Errorf("%s: no error", c.src)
			continue
		}
		at := strings.HasPrefix(err.Error(), "t:1:") || strings.HasPrefix(err.Error(), "template: t:1:") // running, parsing
		if !strings.Contains(err.Error(), c.mentions) || !at {
			t.Errorf("%s: error %q should start at its position (t:1:) and mention %q", c.src, err, c.mentions)
		}
	}
}

// Where text/template is surprising on decoded JSON, a template does what
// a reader of the JSON means; text/template's own answer is checked too,
// so that the case keeps showing a real difference.
func TestJSONMeaningsWhereTextTemplateSurprises(t *testing.T) {
	data := decode(t, conversationJSON)
	cases := []struct{ src, want, why string }{
		{`{{if .zero}}true{{else}}false{{end}}`, "false", "a count of 0 is false (to text/template a json.Number is a non-empty string)"},
		{`{{.meta.assignee.name}}`, "<no value>", "a field of null is null, like a field of a missing key"},
		{`{{eq .id 42}} {{eq .zero 0}} {{lt .float 2}} {{gt .big 12345678901234566}}`, "true true true true", "numbers compare by value, also with literals, exactly beyond 2^53"},
		{`{{eq 1 1.0}} {{lt 1 1.5}}`, "true true", "an int and a float literal are both numbers"},
		{`{{range .custom_attributes.seats}}{{.}}{{end}}`, "0123456789", "range over a whole number from the data counts, as over an int literal"},
		{`{{index .labels .zero}}`, "vip", "a number from the data is an index"},
	}
	for _, c := range cases {
		got, err := run(t, c.src, data)
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q (%s)", c.src, got, err, c.want, c.why)
		}
		if same, err := textTemplate(t, c.src, data); err == nil && same == c.want {
			t.Errorf("%s: text/template also prints %q; the case shows no difference", c.src, same)
		}
	}
}

func TestFuncsGetTheirArgumentsAndPipedValueLast(t *testing.T) {
	var calls [][]any
	funcs := map[string]Func{
		"pair": {Arity: 2, Call: func(a []any) (any, error) { calls = append(calls, a); return "ok", nil }},
	}
	tmpl, err := Parse("t", `{{pair .a 1}} {{.b | pair "x"}}`, funcs)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tmpl.Execute(&out, decode(t, `{"a": "A", "b": true}`)); err != nil {
		t.Fatal(err)
	}
	if out.String() != "ok ok" || len(calls) != 2 {
		t.Fatalf("got %q after %d calls", out.String(), len(calls))
	}
	if calls[0][0] != "A" || calls[0][1] != 1 || calls[1][0] != "x" || calls[1][1] != true {
		t.Errorf("arguments: %#v", calls)
	}
	bad, _ := Parse("t", `{{pair 1}}`, funcs)
	if err := bad.Execute(&out, nil); err == nil || !strings.Contains(err.Error(), "wrong number of args for pair: want 2 got 1") {
		t.Errorf("arity: %v", err)
	}
	if _, err := Parse("t", `{{nosuch 1}}`, funcs); err == nil || !strings.Contains(err.Error(), `"nosuch" not defined`) {
		t.Errorf("unknown function at parse time: %v", err)
	}
}

func TestRecursionIsBounded(t *testing.T) {
	_, err := run(t, `{{define "loop"}}{{template "loop" .}}{{end}}{{template "loop" .}}`, nil)
	if err == nil || !strings.Contains(err.Error(), "maximum template depth") {
		t.Errorf("got %v", err)
	}
}

// textTemplate runs src with text/template (in this test only: woot does
// not link its executor).
func textTemplate(t *testing.T, src string, data any) (string, error) {
	t.Helper()
	tmpl, err := template.New("t").Parse(src)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	err = tmpl.Execute(&out, data)
	return out.String(), err
}
