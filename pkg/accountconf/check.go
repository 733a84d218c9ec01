package accountconf

import (
	"fmt"
	"strings"
)

type reference struct {
	kind, key, field string
	line             int
}

// referencesOf lists the natural keys an item refers to.
func referencesOf(it *Item) []reference {
	var out []reference
	collect := func(field string) func(kind string, v any) (any, error) {
		return func(kind string, v any) (any, error) {
			if s, ok := v.(string); ok && !(kind == "agents" && s == "self") {
				out = append(out, reference{kind: kind, key: s, field: field, line: it.fieldLine(field)})
			}
			return v, nil
		}
	}
	for _, f := range it.Kind.Fields {
		v, ok := it.Values[f.Name]
		if !ok || v == nil {
			continue
		}
		switch {
		case f.conv == "conditions" || f.conv == "actions":
			convertRules(f.conv, v, collect(f.Name))
		case f.conv == "category":
			collect(f.Name)("categories", scalarString(it.Values["portal"])+"/"+scalarString(v))
		case f.Ref != "":
			mapList(v, func(x any) (any, error) { return collect(f.Name)(f.Ref, x) })
		}
	}
	return out
}

// CheckRefs finds references to keys that neither the files nor (when
// live is known) the server have. With live nil, only references to kinds
// the files contain are checked, so this runs before any request.
func (d *Desired) CheckRefs(live *State) error {
	inFiles := map[string]map[string]bool{}
	for _, k := range d.Kinds {
		inFiles[k.Name] = map[string]bool{}
		for _, it := range d.Items[k.Name] {
			inFiles[k.Name][it.Key()] = true
		}
	}
	var problems []string
	for _, k := range d.Kinds {
		for _, it := range d.Items[k.Name] {
			for _, r := range referencesOf(it) {
				if inFiles[r.kind][r.key] {
					continue
				}
				if live != nil && live.find(r.kind, r.key) != nil {
					continue
				}
				if live == nil && inFiles[r.kind] == nil {
					continue // not in the files: checked against the server before anything is sent
				}
				shown := r.key
				if r.kind == "categories" {
					shown = r.key[strings.Index(r.key, "/")+1:]
				}
				problems = append(problems, fmt.Sprintf("%s:%d: %s %q refers in %q to %s %q, which does not exist: add it to %s or correct the name",
					it.File, r.line, singular(k.Name), it.Key(), r.field, singular(r.kind), shown, fileOf(r.kind)))
			}
		}
	}
	if len(problems) > 0 {
		return &InputError{Problems: problems}
	}
	return nil
}

func fileOf(kind string) string {
	if kind == "articles" {
		return "articles/PORTAL/"
	}
	return kind + ".yaml"
}
