package accountconf

import (
	"fmt"
	"io"
	"strings"
)

// Op is what a change does.
type Op string

const (
	OpCreate Op = "create"
	OpUpdate Op = "update"
	OpDelete Op = "delete"
)

// Change is one step of a plan.
type Change struct {
	Op     Op            `json:"op"`
	Kind   string        `json:"kind"`
	Key    string        `json:"key"`
	Fields []FieldChange `json:"fields,omitempty"`

	want *Item // the file's object (create, update)
	live *Item // the server's object (update, delete)
}

// FieldChange is one field that differs: From is the server's value
// (absent on create), To the file's.
type FieldChange struct {
	Field string `json:"field"`
	From  any    `json:"from,omitempty"`
	To    any    `json:"to"`
}

// Plan is what apply would do, in the order it would do it.
type Plan struct {
	Changes []Change `json:"changes"`
	Skipped []string `json:"skipped,omitempty"` // kinds the server does not have
}

// Diff compares the files with the account. Only kinds the files contain
// are compared; with prune, objects of those kinds that the files do not
// have are deleted.
func Diff(d *Desired, live *State, prune bool) *Plan {
	p := &Plan{}
	for _, k := range d.Kinds {
		if live.Skipped[k.Name] {
			p.Skipped = append(p.Skipped, k.Name)
			continue
		}
		for _, want := range d.Items[k.Name] {
			have := live.find(k.Name, want.Key())
			if have == nil {
				p.Changes = append(p.Changes, Change{Op: OpCreate, Kind: k.Name, Key: want.Key(), Fields: createFields(want), want: want})
				continue
			}
			if fields := changedFields(want, have); len(fields) > 0 {
				p.Changes = append(p.Changes, Change{Op: OpUpdate, Kind: k.Name, Key: want.Key(), Fields: fields, want: want, live: have})
			}
		}
	}
	if prune {
		for i := len(d.Kinds) - 1; i >= 0; i-- {
			k := d.Kinds[i]
			if k.NoDelete || live.Skipped[k.Name] {
				continue
			}
			wanted := map[string]bool{}
			for _, it := range d.Items[k.Name] {
				wanted[it.Key()] = true
			}
			for _, have := range live.Items[k.Name] {
				if d.Portal != "" && k.Parent != "" && scalarString(have.Values["portal"]) != d.Portal {
					continue
				}
				if !wanted[have.Key()] {
					p.Changes = append(p.Changes, Change{Op: OpDelete, Kind: k.Name, Key: have.Key(), live: have})
				}
			}
		}
	}
	return p
}

func createFields(want *Item) []FieldChange {
	var out []FieldChange
	for _, f := range want.Kind.Fields {
		if _, ok := want.Values[f.Name]; ok && !want.Kind.isKey(f.Name) {
			out = append(out, FieldChange{Field: f.Name, To: want.display(f.Name)})
		}
	}
	return out
}

// changedFields are the fields the file sets to something else than the
// server has. Fields the file leaves out are not managed.
func changedFields(want, have *Item) []FieldChange {
	var out []FieldChange
	for _, f := range want.Kind.Fields {
		v, ok := want.Values[f.Name]
		if !ok || f.secret || f.createOnly || want.Kind.isKey(f.Name) {
			continue
		}
		cur := have.Values[f.Name]
		if f.Ref != "" || f.conv == "sorted" {
			v, cur = sortedStrings(v), sortedStrings(cur)
		}
		if !equalValues(v, cur) {
			to := want.display(f.Name)
			if f.Ref != "" {
				to = v
			}
			out = append(out, FieldChange{Field: f.Name, From: cur, To: to})
		}
	}
	return out
}

// String names the change: `update label "billing"`, `update account`.
func (c Change) String() string {
	if c.Key == "" {
		return fmt.Sprintf("%s %s", c.Op, singular(c.Kind))
	}
	return fmt.Sprintf("%s %s %q", c.Op, singular(c.Kind), c.Key)
}

// Empty reports a plan with nothing to do.
func (p *Plan) Empty() bool { return len(p.Changes) == 0 }

// Summary counts the changes: "2 to create, 1 to update, 0 to delete".
func (p *Plan) Summary() string {
	n := map[Op]int{}
	for _, c := range p.Changes {
		n[c.Op]++
	}
	return fmt.Sprintf("%d to create, %d to update, %d to delete", n[OpCreate], n[OpUpdate], n[OpDelete])
}

// Print writes the plan for people: one line per object, one indented
// line per field.
func (p *Plan) Print(w io.Writer) {
	for _, c := range p.Changes {
		sign := map[Op]string{OpCreate: "+", OpUpdate: "~", OpDelete: "-"}[c.Op]
		fmt.Fprintf(w, "%s %s\n", sign, c)
		for _, f := range c.Fields {
			if c.Op == OpCreate {
				fmt.Fprintf(w, "    %s: %s\n", f.Field, show(f.To))
				continue
			}
			fmt.Fprintf(w, "    %s: %s → %s\n", f.Field, show(f.From), show(f.To))
		}
	}
	if p.Empty() {
		fmt.Fprintln(w, "No changes: the account matches the files.")
		return
	}
	fmt.Fprintf(w, "Plan: %s.\n", p.Summary())
}

func show(v any) string {
	s := string(canonical(v))
	if len(s) > 200 {
		s = s[:197] + "..."
	}
	return strings.ReplaceAll(s, "\n", `\n`)
}
