package accountconf

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// ApplyOptions tune an apply.
type ApplyOptions struct {
	FailFast bool
	Journal  *Journal        // nil records nothing
	Progress func(c Change)  // called as each change is sent
	Failed   func(f Failure) // called for each rejected change
}

// Failure is a change the server rejected.
type Failure struct {
	Change Change
	Err    error
}

func (f Failure) Error() string {
	msg := fmt.Sprintf("%s: %v", f.Change, f.Err)
	var apiErr *api.Error
	if errors.As(f.Err, &apiErr) && len(apiErr.Fields) > 0 {
		msg += "; fix " + strings.Join(apiErr.Fields, ", ") + " in " + where(f.Change)
	}
	return msg
}

func (f Failure) Unwrap() error { return f.Err }

func where(c Change) string {
	if c.want != nil && c.want.File != "" {
		return fmt.Sprintf("%s:%d", c.want.File, c.want.Line)
	}
	return fileOf(c.Kind)
}

// Result counts what an apply did.
type Result struct {
	Done     int
	Failures []Failure
}

// Request is one request a change sends, as --dry-run prints it.
type Request struct {
	Method string         `json:"method"`
	Path   string         `json:"path"`
	Body   map[string]any `json:"body,omitempty"`
}

// Apply carries out the plan in order against the account whose state
// is live. Ids of objects it creates are learned as it goes, so a rule
// created after its team refers to the team's new id. A 422 is recorded
// and the rest continues unless FailFast.
func (r *Remote) Apply(ctx context.Context, p *Plan, live *State, opts ApplyOptions) (*Result, error) {
	res := &Result{}
	for _, c := range p.Changes {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if opts.Progress != nil {
			opts.Progress(c)
		}
		err := r.applyOne(ctx, c, live, opts.Journal)
		if err == nil {
			res.Done++
			continue
		}
		var apiErr *api.Error
		if errors.As(err, &apiErr) && apiErr.Status == http.StatusUnprocessableEntity {
			f := Failure{Change: c, Err: err}
			res.Failures = append(res.Failures, f)
			if opts.Failed != nil {
				opts.Failed(f)
			}
			if opts.FailFast {
				return res, f
			}
			continue
		}
		return res, fmt.Errorf("%s: %w", c, err)
	}
	return res, nil
}

func (r *Remote) applyOne(ctx context.Context, c Change, live *State, j *Journal) error {
	reqs, err := Requests(c, live.idx)
	if err != nil {
		return err
	}
	step := c.step()
	if err := j.Intent(step); err != nil {
		return err
	}
	var id int64
	for i, req := range reqs {
		if i > 0 && id != 0 { // the members of an object just created
			req.Path = strings.ReplaceAll(req.Path, pendingID, itoa(id))
			replaceID(req.Body, id)
		}
		v, err := r.do(ctx, req.Method, req.Path, nil, req.Body)
		if err != nil {
			return err
		}
		if i == 0 && c.Op == OpCreate {
			id, _ = idOf(unwrapOne(v)["id"])
			item := *c.want
			item.ID = id
			live.Items[c.Kind] = append(live.Items[c.Kind], &item)
			live.idx.add(c.Kind, id, c.Key)
		}
	}
	if c.Op == OpDelete {
		live.remove(c.Kind, c.Key)
	}
	return j.Done(step, id)
}

func (s *State) remove(kind, key string) {
	items := s.Items[kind][:0]
	for _, it := range s.Items[kind] {
		if it.Key() != key {
			items = append(items, it)
		}
	}
	s.Items[kind] = items
}

func (c Change) step() string { return string(c.Op) + " " + c.Kind + " " + c.Key }

// pendingID stands for the id of an object a create has not answered yet
// (in --dry-run output and in the follow-up member request).
const pendingID = "{id}"

func replaceID(body map[string]any, id int64) {
	if v, ok := body["inbox_id"]; ok && v == pendingID {
		body["inbox_id"] = itoa(id)
	}
}

// Requests are what a change sends, in order, with references resolved
// to ids through ix. References to objects the plan creates earlier
// show as "{id of team "sales"}" until they exist.
func Requests(c Change, ix *index) ([]Request, error) {
	k := KindNamed(c.Kind)
	switch c.Op {
	case OpDelete:
		return []Request{{Method: http.MethodDelete, Path: itemPath(k, c.live)}}, nil
	case OpCreate:
		body, err := serverBody(c.want, nil, ix, true)
		if err != nil {
			return nil, err
		}
		reqs := []Request{{Method: http.MethodPost, Path: collectionPath(k, c.want), Body: body}}
		if k.members != nil {
			if _, ok := c.want.Values["members"]; ok {
				m, err := memberRequest(k, 0, c.want, ix)
				if err != nil {
					return nil, err
				}
				reqs = append(reqs, m)
			}
		}
		return reqs, nil
	}
	changed := map[string]bool{}
	for _, f := range c.Fields {
		changed[f.Field] = true
	}
	var reqs []Request
	body, err := serverBody(c.want, changed, ix, false)
	if err != nil {
		return nil, err
	}
	if len(body) > 0 {
		method := http.MethodPatch
		reqs = append(reqs, Request{Method: method, Path: itemPath(k, c.live), Body: body})
	}
	if changed["members"] && k.members != nil {
		m, err := memberRequest(k, c.live.ID, c.want, ix)
		if err != nil {
			return nil, err
		}
		reqs = append(reqs, m)
	}
	return reqs, nil
}

func memberRequest(k *Kind, id int64, want *Item, ix *index) (Request, error) {
	var ids []int64
	list, _ := want.Values["members"].([]any)
	for _, e := range list {
		v, err := ix.toID("agents", e)
		if err != nil {
			return Request{}, fmt.Errorf("members: %w", err)
		}
		n, _ := idOf(v)
		ids = append(ids, n)
	}
	if ids == nil {
		ids = []int64{}
	}
	method, path, body := k.members.set(id, ids)
	if v, ok := body["inbox_id"].(int64); ok {
		body["inbox_id"] = itoa(v) // the spec types it a string here (FACTS §10; the server takes either)
	}
	if id == 0 {
		path = strings.ReplaceAll(path, "/0/", "/"+pendingID+"/")
		if _, ok := body["inbox_id"]; ok {
			body["inbox_id"] = pendingID
		}
	}
	return Request{Method: method, Path: path, Body: body}, nil
}

func collectionPath(k *Kind, it *Item) string {
	if k.Parent != "" {
		return "portals/" + url.PathEscape(scalarString(it.Values["portal"])) + "/" + k.Path
	}
	return k.Path
}

func itemPath(k *Kind, it *Item) string {
	switch {
	case k.Path == "":
		return ""
	case k.Name == "portals":
		return "portals/" + url.PathEscape(it.Key())
	}
	return collectionPath(k, it) + "/" + itoa(it.ID)
}

// serverBody is the request body for the fields of want (all, or those in
// only), with natural keys turned back into ids.
func serverBody(want *Item, only map[string]bool, ix *index, create bool) (map[string]any, error) {
	body := map[string]any{}
	k := want.Kind
	for _, f := range k.Fields {
		v, ok := want.Values[f.Name]
		if !ok || f.Name == "members" || (k.Parent != "" && f.Name == "portal") {
			continue
		}
		if !create && (f.secret || f.createOnly || (only != nil && !only[f.Name])) {
			continue
		}
		if create && v == nil {
			continue // unset: the spec's create payloads take no nulls
		}
		sv, err := serverValue(f, v, want, ix)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		dst := f.Dst
		if dst == "" {
			dst = f.Name
		}
		put(body, dst, sv)
		if f.alsoDst != "" {
			put(body, f.alsoDst, sv)
		}
	}
	return body, nil
}

func serverValue(f Field, v any, want *Item, ix *index) (any, error) {
	resolve := func(kind string, x any) (any, error) {
		id, err := ix.toID(kind, x)
		if err != nil && ix.pending(kind, x) {
			return fmt.Sprintf("{id of %s %q}", singular(kind), x), nil
		}
		return id, err
	}
	switch {
	case v == nil:
		return nil, nil
	case f.enum != nil:
		for i, name := range f.enum {
			if v == name {
				return i, nil
			}
		}
		return v, nil
	case f.conv == "category":
		return resolve("categories", scalarString(want.Values["portal"])+"/"+scalarString(v))
	case f.conv == "conditions" || f.conv == "actions":
		return convertRules(f.conv, v, resolve)
	case f.Ref != "":
		return mapList(v, func(x any) (any, error) { return resolve(f.Ref, x) })
	}
	return v, nil
}

// pending reports a key the plan will create (dry runs show a placeholder).
func (ix *index) pending(kind string, v any) bool {
	key, _ := v.(string)
	return ix.planned[kind][key]
}

// Plan marks the objects the plan creates, so that a dry run can show
// references to them.
func (p *Plan) markPlanned(ix *index) {
	for _, c := range p.Changes {
		if c.Op == OpCreate {
			if ix.planned[c.Kind] == nil {
				ix.planned[c.Kind] = map[string]bool{}
			}
			ix.planned[c.Kind][c.Key] = true
		}
	}
}

// DryRun lists every request the plan would send, without sending any.
func (p *Plan) DryRun(live *State, account int64) ([]Request, error) {
	p.markPlanned(live.idx)
	defer func() { live.idx.planned = map[string]map[string]bool{} }()
	var out []Request
	for _, c := range p.Changes {
		reqs, err := Requests(c, live.idx)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c, err)
		}
		for _, r := range reqs {
			r.Path = (&Remote{Account: account}).path(r.Path)
			out = append(out, r)
		}
	}
	return out, nil
}
