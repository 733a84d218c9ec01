package accountconf

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wootcli/woot/pkg/lazyregexp"
	"github.com/wootcli/woot/pkg/yamldoc"
)

// InputError lists what is wrong with the files, each problem with its
// file, line and what to change. Nothing has been sent when it is returned.
type InputError struct{ Problems []string }

func (e *InputError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0]
	}
	return fmt.Sprintf("%d problems in the configuration files:\n  %s", len(e.Problems), strings.Join(e.Problems, "\n  "))
}

// Desired is the configuration the files ask for.
type Desired struct {
	Items map[string][]*Item
	Kinds []*Kind // kinds the files contain, in dependency order: only these are compared and pruned
	// Portal limits the help-center kinds to one portal (articles sync):
	// other portals' articles are neither compared nor pruned.
	Portal string
}

type loader struct {
	getenv   func(string) string
	items    map[string][]*Item
	present  map[string]bool
	problems []string
}

func (l *loader) problem(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, fmt.Sprintf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
}

// Load reads a directory written by export (or a single YAML file with one
// document per kind) and checks it: kinds, fields, keys, ${ENV_VAR}s.
// Paths in messages are relative to dir.
func Load(dir string, getenv func(string) string) (*Desired, error) {
	l := &loader{getenv: getenv, items: map[string][]*Item{}, present: map[string]bool{}}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %v: pass the directory `woot config export --dir` wrote", dir, unwrapPathErr(err))}}
	}
	if !info.IsDir() {
		data, err := os.ReadFile(dir)
		if err != nil {
			return nil, err
		}
		l.yamlFile(filepath.Base(dir), data)
	} else if err := l.walk(dir); err != nil {
		return nil, err
	}
	if len(l.problems) > 0 {
		return nil, &InputError{Problems: l.problems}
	}
	d := &Desired{Items: l.items}
	for _, k := range Kinds {
		if l.present[k.Name] {
			d.Kinds = append(d.Kinds, k)
			sortItems(d.Items[k.Name])
		}
	}
	if err := d.checkDuplicates(); err != nil {
		return nil, err
	}
	if err := d.CheckRefs(nil); err != nil {
		return nil, err
	}
	return d, nil
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (l *loader) walk(dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	sort.Strings(files)
	// An articles/ folder holds the help center's articles, even when it is
	// empty: --prune then deletes every article.
	if info, err := os.Stat(filepath.Join(dir, "articles")); err == nil && info.IsDir() {
		l.present["articles"] = true
	}
	for _, p := range files {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch ext := filepath.Ext(p); {
		case ext == ".yaml" || ext == ".yml":
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			l.yamlFile(rel, data)
		case ext == ".md" && strings.HasPrefix(rel, "articles/"):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			l.markdownFile(rel, data)
		}
	}
	return nil
}

func (l *loader) yamlFile(name string, data []byte) {
	docs, err := yamldoc.ParseStream(data)
	for _, doc := range docs {
		l.document(name, doc)
	}
	if err != nil {
		line, msg := syntaxError(err)
		l.problem(name, line, "not valid YAML: %s; fix the syntax there (or in the list or mapping that starts there)", msg)
	}
}

// syntaxError is the line and message of a yamldoc error. A problem that
// breaks a list or mapping is reported on the line it starts on, with the
// line at fault in the message.
func syntaxError(err error) (int, string) {
	var se *yamldoc.SyntaxError
	if errors.As(err, &se) {
		return se.Line, se.Msg
	}
	return 1, err.Error()
}

func (l *loader) document(name string, doc *yamldoc.Node) {
	root := doc
	if root.Kind == yamldoc.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yamldoc.MappingNode {
		l.problem(name, root.Line, "expected a mapping with `kind:` and `items:`, as `woot config export` writes")
		return
	}
	var kind *Kind
	var items *yamldoc.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "kind":
			if kind = KindNamed(val.Value); kind == nil {
				l.problem(name, val.Line, "unknown kind %q: use one of %s", val.Value, strings.Join(yamlKindNames(), ", "))
				return
			}
		case "items":
			items = val
		default:
			l.problem(name, key.Line, "unknown top-level field %q: a file has only `kind:` and `items:`", key.Value)
		}
	}
	if kind == nil {
		l.problem(name, root.Line, "missing `kind:`: add one of %s", strings.Join(yamlKindNames(), ", "))
		return
	}
	l.present[kind.Name] = true
	if items == nil || (items.Kind == yamldoc.ScalarNode && items.Tag == "!!null") {
		return
	}
	if items.Kind != yamldoc.SequenceNode {
		l.problem(name, items.Line, "`items:` must be a list")
		return
	}
	if kind.NoDelete && len(items.Content) > 1 {
		l.problem(name, items.Line, "the account has one set of settings: keep one item")
	}
	for _, n := range items.Content {
		if it := l.item(name, kind, n, nil); it != nil {
			l.items[kind.Name] = append(l.items[kind.Name], it)
		}
	}
}

func yamlKindNames() []string {
	var out []string
	for _, k := range Kinds {
		out = append(out, k.Name)
	}
	return out
}

// item reads one object, checking its fields against the kind.
func (l *loader) item(name string, k *Kind, n *yamldoc.Node, preset map[string]any) *Item {
	if n.Kind != yamldoc.MappingNode {
		l.problem(name, n.Line, "each item of %s must be a mapping of fields", k.Name)
		return nil
	}
	it := &Item{Kind: k, Values: map[string]any{}, File: name, Line: n.Line, lines: map[string]int{}, templates: map[string]string{}}
	for f, v := range preset {
		it.Values[f] = v
	}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		f := k.field(key.Value)
		if f == nil || (preset != nil && preset[key.Value] != nil) {
			l.problem(name, key.Line, "unknown field %q in %s: the fields are %s", key.Value, k.Name, strings.Join(k.fieldNames(), ", "))
			ok = false
			continue
		}
		if _, dup := it.lines[f.Name]; dup {
			l.problem(name, key.Line, "field %q appears twice: keep one", f.Name)
			ok = false
			continue
		}
		it.lines[f.Name] = key.Line
		v, err := val.Decode()
		if err != nil {
			l.problem(name, val.Line, "field %q: %v", f.Name, err)
			ok = false
			continue
		}
		if f.secret {
			s, isStr := v.(string)
			if !isStr || !envOnly.MatchString(s) {
				l.problem(name, val.Line, "field %q is a secret: write ${ENV_VAR} and set that variable when you apply, never the value itself", f.Name)
				ok = false
				continue
			}
		}
		expanded, missing := l.expand(v)
		if len(missing) > 0 {
			l.problem(name, val.Line, "field %q needs the environment variable %s: set it (export %s=…) before running woot", f.Name, strings.Join(missing, ", "), missing[0])
			ok = false
			continue
		}
		if s, isStr := v.(string); isStr && envRef.MatchString(s) {
			it.templates[f.Name] = s
		}
		it.Values[f.Name] = expanded
	}
	for _, key := range k.Key {
		if scalarString(it.Values[key]) == "" {
			l.problem(name, n.Line, "%s item without %q: every %s needs its %s, the natural key", k.Name, key, singular(k.Name), strings.Join(k.Key, " and "))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return it
}

var (
	envRef  = &lazyregexp.Regexp{Expr: `\$\{([A-Za-z_][A-Za-z0-9_]*)\}`}
	envOnly = &lazyregexp.Regexp{Expr: `^\$\{[A-Za-z_][A-Za-z0-9_]*\}$`}
)

// expand replaces ${ENV_VAR} in every string of v; it returns the
// variables that are not set.
func (l *loader) expand(v any) (any, []string) {
	var missing []string
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case string:
			return envRef.Compiled().ReplaceAllStringFunc(x, func(m string) string {
				name := envRef.FindStringSubmatch(m)[1]
				val := l.getenv(name)
				if val == "" {
					missing = append(missing, name)
				}
				return val
			})
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = walk(e)
			}
			return out
		case map[string]any:
			out := make(map[string]any, len(x))
			for k, e := range x {
				out[k] = walk(e)
			}
			return out
		}
		return v
	}
	out := walk(v)
	return out, missing
}

// markdownFile reads an article: YAML front matter between --- lines, then
// the body. The portal is the directory's name, the slug defaults to the
// file's.
func (l *loader) markdownFile(rel string, data []byte) {
	parts := strings.Split(rel, "/")
	if len(parts) != 3 {
		l.problem(rel, 1, "articles live in articles/PORTAL-SLUG/ARTICLE-SLUG.md: move the file there")
		return
	}
	l.article(rel, parts[1], data)
}

func (l *loader) article(name, portal string, data []byte) {
	k := KindNamed("articles")
	l.present[k.Name] = true
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		l.problem(name, 1, "an article starts with YAML front matter between two --- lines (title, slug, category, locale, status, position, author)")
		return
	}
	end := strings.Index(text[4:], "\n---\n")
	if end < 0 {
		if strings.HasSuffix(text, "\n---") {
			end = len(text) - 4 - 4
		} else {
			l.problem(name, 1, "the front matter is not closed: add a line --- after it")
			return
		}
	}
	front, body := text[4:4+end+1], ""
	if rest := 4 + end + 5; rest <= len(text) {
		body = strings.TrimSuffix(text[rest:], "\n")
	}
	// The front matter is its first document, as yaml.Unmarshal read it.
	docs, err := yamldoc.ParseStream([]byte(front))
	if len(docs) == 0 && err != nil {
		line, msg := syntaxError(err)
		l.problem(name, line+1, "front matter is not valid YAML: %s", msg) // +1: the opening ---
		return
	}
	root := &yamldoc.Node{}
	if len(docs) > 0 {
		root = docs[0]
	}
	if root.Kind == yamldoc.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	shiftLines(root, 1)
	preset := map[string]any{"portal": portal, "content": body}
	if !hasKey(root, "slug") {
		preset["slug"] = strings.TrimSuffix(filepath.Base(name), ".md")
	}
	if it := l.item(name, k, root, preset); it != nil {
		l.items[k.Name] = append(l.items[k.Name], it)
	}
}

func hasKey(m *yamldoc.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

func shiftLines(n *yamldoc.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// LoadArticles reads a folder of Markdown articles for one portal (the
// `portals articles sync` layout: DIR/*.md).
func LoadArticles(dir, portal string, getenv func(string) string) (*Desired, error) {
	l := &loader{getenv: getenv, items: map[string][]*Item{}, present: map[string]bool{"articles": true}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %v: pass a folder of Markdown articles", dir, unwrapPathErr(err))}}
	}
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".md" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		l.article(e.Name(), portal, data)
	}
	if len(l.problems) > 0 {
		return nil, &InputError{Problems: l.problems}
	}
	d := &Desired{Items: l.items, Kinds: []*Kind{KindNamed("articles")}, Portal: portal}
	sortItems(d.Items["articles"])
	if err := d.checkDuplicates(); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Desired) checkDuplicates() error {
	var problems []string
	for _, k := range d.Kinds {
		seen := map[string]*Item{}
		for _, it := range d.Items[k.Name] {
			if prev, ok := seen[it.Key()]; ok {
				problems = append(problems, fmt.Sprintf("%s:%d: %s %q is also defined at %s:%d: natural keys are unique, keep one",
					it.File, it.Line, singular(k.Name), it.Key(), prev.File, prev.Line))
			}
			seen[it.Key()] = it
		}
	}
	if len(problems) > 0 {
		return &InputError{Problems: problems}
	}
	return nil
}
