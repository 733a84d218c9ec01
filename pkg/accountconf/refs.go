package accountconf

import (
	"fmt"
	"strings"
)

// index maps ids to natural keys and back, per kind, for the references
// inside objects (team members, rule conditions and actions, authors).
type index struct {
	keyOf   map[string]map[int64]string
	idOf    map[string]map[string]int64
	planned map[string]map[string]bool // keys a dry-run plan would create
}

func newIndex() *index {
	return &index{keyOf: map[string]map[int64]string{}, idOf: map[string]map[string]int64{}, planned: map[string]map[string]bool{}}
}

func (ix *index) add(kind string, id int64, key string) {
	if ix.keyOf[kind] == nil {
		ix.keyOf[kind], ix.idOf[kind] = map[int64]string{}, map[string]int64{}
	}
	ix.keyOf[kind][id], ix.idOf[kind][key] = key, id
}

// refKinds are the kinds the value of a rule condition refers to, by its
// attribute_key. Labels are referred to by title already.
func conditionRefs() map[string]string {
	return map[string]string{
		"inbox_id": "inboxes", "team_id": "teams", "assignee_id": "agents", "labels": "labels",
	}
}

// actionRefs() are the kinds an action's parameters refer to, by action.
func actionRefs() map[string]string {
	return map[string]string{
		"assign_team": "teams", "assign_agent": "agents", "add_sla": "sla_policies",
		"add_label": "labels", "remove_label": "labels", "send_email_to_team": "teams",
	}
}

// refTargets lists every kind a kind's objects may refer to.
func refTargets(k *Kind) []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for _, f := range k.Fields {
		switch {
		case f.Ref != "":
			add(f.Ref)
		case f.conv == "conditions":
			add("inboxes")
			add("teams")
			add("agents")
			add("labels")
		case f.conv == "actions":
			add("teams")
			add("agents")
			add("labels")
			add("sla_policies")
		case f.conv == "category":
			add("categories")
		}
	}
	return out
}

// toKey turns one id into the natural key it stands for; labels (already
// titles) and values such as "self" pass through.
func (ix *index) toKey(kind string, v any) any {
	if kind == "labels" {
		return v
	}
	id, ok := idOf(v)
	if !ok {
		return v
	}
	if key, ok := ix.keyOf[kind][id]; ok {
		return key
	}
	return v
}

// toID turns a natural key back into the id of the object; a missing key
// is a dangling reference.
func (ix *index) toID(kind string, v any) (any, error) {
	if kind == "labels" {
		return v, nil
	}
	key, ok := v.(string)
	if !ok {
		return v, nil // a raw id, or a number the file kept as is
	}
	if kind == "agents" && key == "self" {
		return v, nil
	}
	id, ok := ix.idOf[kind][key]
	if !ok {
		return nil, fmt.Errorf("%s %q does not exist", singular(kind), key)
	}
	return id, nil
}

func singular(kind string) string {
	switch kind {
	case "inboxes":
		return "inbox"
	case "categories":
		return "category"
	case "sla_policies":
		return "SLA policy"
	}
	return strings.TrimSuffix(kind, "s")
}

// mapList applies fn to a value or to each element of a list.
func mapList(v any, fn func(any) (any, error)) (any, error) {
	list, ok := v.([]any)
	if !ok {
		return fn(v)
	}
	out := make([]any, len(list))
	for i, e := range list {
		m, err := fn(e)
		if err != nil {
			return nil, err
		}
		out[i] = m
	}
	return out, nil
}

// convertRules rewrites the references in conditions or actions with fn
// (kind, value) → value, in either direction.
func convertRules(conv string, v any, fn func(kind string, v any) (any, error)) (any, error) {
	list, ok := v.([]any)
	if !ok {
		return v, nil
	}
	out := make([]any, len(list))
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			out[i] = e
			continue
		}
		c := make(map[string]any, len(m))
		for k, x := range m {
			c[k] = x
		}
		var err error
		switch conv {
		case "conditions":
			if kind, ok := conditionRefs()[scalarString(m["attribute_key"])]; ok {
				c["values"], err = mapList(m["values"], func(x any) (any, error) { return fn(kind, x) })
			}
		case "actions":
			c["action_params"], err = convertActionParams(scalarString(m["action_name"]), m["action_params"], fn)
		}
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

func convertActionParams(action string, params any, fn func(kind string, v any) (any, error)) (any, error) {
	kind, ok := actionRefs()[action]
	if !ok || params == nil {
		return params, nil
	}
	if action == "send_email_to_team" { // [{"team_ids": [...], "message": "..."}]
		return mapList(params, func(x any) (any, error) {
			m, ok := x.(map[string]any)
			if !ok {
				return x, nil
			}
			c := make(map[string]any, len(m))
			for k, e := range m {
				c[k] = e
			}
			ids, err := mapList(m["team_ids"], func(y any) (any, error) { return fn(kind, y) })
			c["team_ids"] = ids
			return c, err
		})
	}
	return mapList(params, func(x any) (any, error) { return fn(kind, x) })
}
