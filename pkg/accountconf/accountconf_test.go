package accountconf

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func noEnv(string) string { return "" }

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func jsonValue(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Items render in natural-key order and fields in the kind's order,
// whatever order the server listed them in.
func TestRenderOrderIsFixed(t *testing.T) {
	labels := KindNamed("labels")
	mk := func(title, color string) *Item {
		return &Item{Kind: labels, Values: map[string]any{"color": color, "show_on_sidebar": true, "title": title}}
	}
	a := &State{Items: map[string][]*Item{"labels": {mk("vip", "#f00"), mk("billing", "#0f0")}}, Skipped: map[string]bool{}}
	b := &State{Items: map[string][]*Item{"labels": {mk("billing", "#0f0"), mk("vip", "#f00")}}, Skipped: map[string]bool{}}
	sortItems(a.Items["labels"])
	sortItems(b.Items["labels"])
	fa, err := Render(a, []*Kind{labels})
	if err != nil {
		t.Fatal(err)
	}
	fb, _ := Render(b, []*Kind{labels})
	want := "kind: labels\nitems:\n  - title: billing\n    color: '#0f0'\n    show_on_sidebar: true\n  - title: vip\n    color: '#f00'\n    show_on_sidebar: true\n"
	if string(fa[0].Data) != want || string(fb[0].Data) != want {
		t.Errorf("rendered\n%s\nand\n%s\nwant\n%s", fa[0].Data, fb[0].Data, want)
	}
}

// Ids in rule conditions and actions become natural keys on export and
// the new account's ids on apply.
func TestRuleReferencesConvertBothWays(t *testing.T) {
	old := newIndex()
	old.add("teams", 1, "sales")
	old.add("agents", 3, "carol@acme.test")
	old.add("inboxes", 2, "Website")
	actions := jsonValue(t, `[{"action_name":"assign_team","action_params":[1]},{"action_name":"assign_agent","action_params":[3]},
		{"action_name":"send_email_to_team","action_params":[{"message":"hi","team_ids":[1]}]},{"action_name":"add_label","action_params":["vip"]}]`)
	conds := jsonValue(t, `[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[2]}]`)
	rule := KindNamed("automation_rules")
	fileActions := fileValue(*rule.field("actions"), actions, nil, old)
	fileConds := fileValue(*rule.field("conditions"), conds, nil, old)
	if got := string(canonical(fileActions)); got != `[{"action_name":"assign_team","action_params":["sales"]},{"action_name":"assign_agent","action_params":["carol@acme.test"]},{"action_name":"send_email_to_team","action_params":[{"message":"hi","team_ids":["sales"]}]},{"action_name":"add_label","action_params":["vip"]}]` {
		t.Errorf("actions in the file: %s", got)
	}
	if got := string(canonical(fileConds)); got != `[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":["Website"]}]` {
		t.Errorf("conditions in the file: %s", got)
	}

	fresh := newIndex()
	fresh.add("teams", 40, "sales")
	fresh.add("agents", 41, "carol@acme.test")
	fresh.add("inboxes", 42, "Website")
	it := &Item{Kind: rule, Values: map[string]any{"name": "r", "actions": fileActions, "conditions": fileConds}}
	body, err := serverBody(it, nil, fresh, true)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(canonical(body["actions"])); got != `[{"action_name":"assign_team","action_params":[40]},{"action_name":"assign_agent","action_params":[41]},{"action_name":"send_email_to_team","action_params":[{"message":"hi","team_ids":[40]}]},{"action_name":"add_label","action_params":["vip"]}]` {
		t.Errorf("actions sent: %s", got)
	}
	if got := string(canonical(body["conditions"])); got != `[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[42]}]` {
		t.Errorf("conditions sent: %s", got)
	}
	delete(fresh.idOf["teams"], "sales")
	if _, err := serverBody(it, nil, fresh, true); err == nil || !strings.Contains(err.Error(), `team "sales" does not exist`) {
		t.Errorf("a missing team: err %v", err)
	}
}

// Each problem names file and line; all problems are reported at once.
func TestLoadReportsEveryProblemWithItsLine(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "labels.yaml", "kind: labels\nitems:\n  - title: a\n    colour: red\n  - description: no title\n")
	write(t, dir, "canned_responses.yaml", "kind: canned_responses\nitems:\n  - short_code: hi\n    content: Hello ${NAME}\n")
	_, err := Load(dir, noEnv)
	var in *InputError
	if !errors.As(err, &in) {
		t.Fatalf("err %v, want an InputError", err)
	}
	want := []string{
		`canned_responses.yaml:4: field "content" needs the environment variable NAME`,
		`labels.yaml:4: unknown field "colour" in labels`,
		`labels.yaml:5: labels item without "title"`,
	}
	if len(in.Problems) != len(want) {
		t.Fatalf("problems %q, want %d", in.Problems, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(in.Problems[i], w) {
			t.Errorf("problem %d is %q, want it to start with %q", i, in.Problems[i], w)
		}
	}

	d, err := Load(dir+"/canned_responses.yaml", func(k string) string { return map[string]string{"NAME": "Ann"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	it := d.Items["canned_responses"][0]
	if it.Values["content"] != "Hello Ann" || it.display("content") != "Hello ${NAME}" {
		t.Errorf("expanded %q, shown as %q", it.Values["content"], it.display("content"))
	}
}

// An article's body survives the round trip through Markdown exactly,
// with or without a trailing newline of its own.
func TestArticleMarkdownRoundTrip(t *testing.T) {
	k := KindNamed("articles")
	for _, body := range []string{"One line", "Two\n\nparagraphs\n", "", "---\nnot front matter\n---"} {
		it := &Item{Kind: k, Values: map[string]any{"portal": "help", "slug": "s", "title": "T", "status": "draft", "content": body}}
		data, err := renderMarkdown(it)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		write(t, dir, "articles/help/s.md", string(data))
		d, err := Load(dir, noEnv)
		if err != nil {
			t.Fatalf("body %q: %v\n%s", body, err, data)
		}
		got := d.Items["articles"][0]
		if got.Values["content"] != body || got.Values["title"] != "T" || got.Key() != "help/s" {
			t.Errorf("body %q came back as %q (title %v, key %q)", body, got.Values["content"], got.Values["title"], got.Key())
		}
	}
}

// Chatwoot versions render an article's category and author as ids or as
// nested objects; both read as the same natural keys.
func TestArticleReferencesReadFromEitherShape(t *testing.T) {
	ix := newIndex()
	ix.add("categories", 4, "help/billing")
	ix.add("agents", 9, "ann@acme.test")
	r := &Remote{}
	k := KindNamed("articles")
	for _, raw := range []string{
		`{"id":1,"slug":"refunds","title":"Refunds","category_id":4,"author_id":9,"portal":"help"}`,
		`{"id":1,"slug":"refunds","title":"Refunds","category":{"id":4,"slug":"billing"},"author":{"id":9,"email":"ann@acme.test"},"portal":"help"}`,
	} {
		it, err := r.fromServer(context.Background(), k, jsonValue(t, raw).(map[string]any), ix)
		if err != nil {
			t.Fatal(err)
		}
		if it.Values["category"] != "billing" || it.Values["author"] != "ann@acme.test" {
			t.Errorf("%s read as category %v, author %v", raw, it.Values["category"], it.Values["author"])
		}
	}
}

// A YAML syntax error is reported on its line, or for errors yaml.v3
// reports by context, on the first line of the list or mapping it breaks.
func TestLoadNamesTheLineOfASyntaxError(t *testing.T) {
	for _, tc := range []struct {
		data string
		line int
	}{
		{"kind: labels\nitems:\n  - title: a\n    color: [x\n", 4},                 // an unclosed flow list
		{"kind: labels\nitems:\n  - title: a\n   color: b\n", 3},                   // bad indentation: the list it breaks
		{"kind: labels\nitems:\n  - title: a\n    color: \"b\n", 4},                // an unclosed quote
		{"kind: labels\nitems:\n  - title: a\n    color: b\n  title: c\n- d\n", 3}, // a key where a list item belongs: the list
	} {
		dir := t.TempDir()
		write(t, dir, "labels.yaml", tc.data)
		_, err := Load(dir, noEnv)
		want := "labels.yaml:" + strconv.Itoa(tc.line) + ": not valid YAML"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want %q", tc.data, err, want)
		}
	}
}
