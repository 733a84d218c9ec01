package accountconf

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// Doer is the transport (pkg/api's client, or a test's).
type Doer interface {
	Do(ctx context.Context, req *api.Request) (*api.Response, error)
}

// Remote is one account on one Chatwoot installation.
type Remote struct {
	Client  Doer
	Account int64
	// Notice receives what the user should know but is not an error
	// (a kind the server does not have).
	Notice func(string)
}

func (r *Remote) path(rel string) string {
	p := fmt.Sprintf("/api/v1/accounts/%d", r.Account)
	if rel != "" {
		p += "/" + rel
	}
	return p
}

func (r *Remote) do(ctx context.Context, method, rel string, query url.Values, body any) (any, error) {
	req := &api.Request{Family: api.FamilyApplication, Method: method, Path: r.path(rel), Query: query}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		req.Body = b
	}
	resp, err := r.Client.Do(ctx, req)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader(resp.Body))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("%s %s: the answer is not JSON: %w", method, req.Path, err)
	}
	return v, nil
}

// unwrap finds the list in Chatwoot's envelopes: a bare array,
// {"payload": [...]}, {"payload": {"webhooks": [...]}}, {"data": {"payload": [...]}}.
func unwrap(v any) []map[string]any {
	var list []any
	switch x := v.(type) {
	case []any:
		list = x
	case map[string]any:
		if p, ok := x["payload"]; ok {
			return unwrap(p)
		}
		if d, ok := x["data"]; ok {
			return unwrap(d)
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if l, ok := x[k].([]any); ok {
				list = l
				break
			}
		}
	}
	out := make([]map[string]any, 0, len(list))
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// unwrapOne finds the object in an answer ({"payload": {...}} or bare).
func unwrapOne(v any) map[string]any {
	m, _ := v.(map[string]any)
	if p, ok := m["payload"].(map[string]any); ok {
		return p
	}
	return m
}

// State is what the account holds now, in the file's form.
type State struct {
	Items   map[string][]*Item // by kind
	Skipped map[string]bool    // kinds the server does not have (404)
	idx     *index
	portals []string // slugs of live portals
}

func (s *State) find(kind, key string) *Item {
	for _, it := range s.Items[kind] {
		if it.Key() == key {
			return it
		}
	}
	return nil
}

// withTargets adds the kinds that the wanted kinds refer to, and returns
// them all in dependency order.
func withTargets(want []*Kind) []*Kind {
	need := map[string]bool{}
	for _, k := range want {
		need[k.Name] = true
		for _, t := range refTargets(k) {
			need[t] = true
		}
		if k.Parent != "" {
			need[k.Parent] = true
		}
	}
	if need["categories"] {
		need["portals"] = true
	}
	var out []*Kind
	for _, k := range Kinds {
		if need[k.Name] {
			out = append(out, k)
		}
	}
	return out
}

// Fetch reads the wanted kinds (and those they refer to) from the server.
func (r *Remote) Fetch(ctx context.Context, want []*Kind) (*State, error) {
	st := &State{Items: map[string][]*Item{}, Skipped: map[string]bool{}, idx: newIndex()}
	for _, k := range withTargets(want) {
		raws, err := r.list(ctx, k, st)
		var apiErr *api.Error
		if errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound && k.Enterprise {
			st.Skipped[k.Name] = true
			if r.Notice != nil {
				r.Notice(fmt.Sprintf("skipping %s: this server does not have them (HTTP 404; an Enterprise feature)", k.Name))
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", k.Name, err)
		}
		for _, raw := range raws {
			if k.skip != nil && k.skip(raw) {
				continue
			}
			it, err := r.fromServer(ctx, k, raw, st.idx)
			if err != nil {
				return nil, err
			}
			st.Items[k.Name] = append(st.Items[k.Name], it)
			st.idx.add(k.Name, it.ID, it.Key())
			if k.Name == "portals" {
				st.portals = append(st.portals, it.Key())
			}
		}
		sortItems(st.Items[k.Name])
	}
	return st, nil
}

func sortItems(items []*Item) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].Key() < items[j].Key() })
}

// list reads every object of a kind, page by page where Chatwoot pages.
func (r *Remote) list(ctx context.Context, k *Kind, st *State) ([]map[string]any, error) {
	if k.Path == "" {
		v, err := r.do(ctx, http.MethodGet, "", nil, nil)
		if err != nil {
			return nil, err
		}
		return []map[string]any{unwrapOne(v)}, nil
	}
	if k.query != "" {
		var out []map[string]any
		for _, v := range k.queryValues {
			raws, err := r.pagesQuery(ctx, k.Path, url.Values{k.query: {v}}, false)
			if err != nil {
				return nil, err
			}
			out = append(out, raws...)
		}
		return out, nil
	}
	if k.Parent == "" {
		return r.pages(ctx, k.Path, k.Name == "portals")
	}
	var out []map[string]any
	for _, slug := range st.portals {
		raws, err := r.pages(ctx, "portals/"+url.PathEscape(slug)+"/"+k.Path, true)
		if err != nil {
			return nil, err
		}
		for _, raw := range raws {
			raw["portal"] = slug
		}
		out = append(out, raws...)
	}
	return out, nil
}

// pages reads a list; a paged one until a page brings nothing new (an
// empty page, or the same items again from a server that ignores page).
func (r *Remote) pages(ctx context.Context, rel string, paged bool) ([]map[string]any, error) {
	return r.pagesQuery(ctx, rel, nil, paged)
}

func (r *Remote) pagesQuery(ctx context.Context, rel string, base url.Values, paged bool) ([]map[string]any, error) {
	var out []map[string]any
	seen := map[string]bool{}
	for page := 1; ; page++ {
		q := url.Values{}
		for k, v := range base {
			q[k] = v
		}
		if paged {
			q.Set("page", fmt.Sprint(page))
		}
		v, err := r.do(ctx, http.MethodGet, rel, q, nil)
		if err != nil {
			return nil, err
		}
		fresh := 0
		for _, raw := range unwrap(v) {
			id := scalarString(raw["id"])
			if seen[id] {
				continue
			}
			seen[id] = true
			fresh++
			out = append(out, raw)
		}
		if !paged || fresh == 0 || page >= 1000 {
			return out, nil
		}
	}
}

// fromServer projects a server object onto the kind's configuration fields.
func (r *Remote) fromServer(ctx context.Context, k *Kind, raw map[string]any, ix *index) (*Item, error) {
	it := &Item{Kind: k, Values: map[string]any{}}
	it.ID, _ = idOf(raw["id"])
	for _, f := range k.Fields {
		if f.secret {
			continue
		}
		if f.Name == "members" && k.members != nil {
			emails, err := r.members(ctx, k, it.ID)
			if err != nil {
				return nil, err
			}
			it.Values["members"] = emails
			continue
		}
		src := f.Src
		if src == "" {
			src = f.Name
		}
		v, ok := digAny(raw, src)
		if !ok {
			continue
		}
		it.Values[f.Name] = fileValue(f, v, raw, ix)
	}
	return it, nil
}

// digAny reads the first of the "|"-separated paths the view has (Chatwoot
// versions render an article's category as category_id or category.id).
func digAny(raw map[string]any, paths string) (any, bool) {
	for _, p := range strings.Split(paths, "|") {
		if v, ok := dig(raw, p); ok && v != nil {
			return v, true
		}
	}
	return dig(raw, paths[strings.LastIndex(paths, "|")+1:])
}

func fileValue(f Field, v any, raw map[string]any, ix *index) any {
	switch {
	case f.conv == "channel_type":
		return channelName(scalarString(v))
	case f.conv == "portal_config":
		return portalConfig(v)
	case f.conv == "sorted":
		return sortedStrings(v)
	case f.conv == "category":
		if v == nil {
			return nil
		}
		key := scalarString(ix.toKey("categories", v))
		return strings.TrimPrefix(key, scalarString(raw["portal"])+"/")
	case f.conv == "conditions" || f.conv == "actions":
		out, _ := convertRules(f.conv, v, func(kind string, x any) (any, error) { return ix.toKey(kind, x), nil })
		return out
	case f.Ref != "":
		out, _ := mapList(v, func(x any) (any, error) { return ix.toKey(f.Ref, x), nil })
		if _, isList := v.([]any); isList {
			return sortedStrings(out)
		}
		return out
	}
	return v
}

func (r *Remote) members(ctx context.Context, k *Kind, id int64) ([]any, error) {
	v, err := r.do(ctx, http.MethodGet, fmt.Sprintf(k.members.list, id), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("list members of %s %d: %w", singular(k.Name), id, err)
	}
	out := []any{}
	for _, a := range unwrap(v) {
		out = append(out, a["email"])
	}
	return sortedStrings(out).([]any), nil
}

func channelNames() map[string]string {
	return map[string]string{
		"Channel::Api": "api", "Channel::WebWidget": "web_widget", "Channel::Email": "email",
	}
}

func channelName(class string) string {
	if n, ok := channelNames()[class]; ok {
		return n
	}
	return strings.ToLower(strings.TrimPrefix(class, "Channel::"))
}

// portalConfig keeps the locales of a portal's config: the server adds
// article and category counts to each allowed locale.
func portalConfig(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	if d, ok := m["default_locale"]; ok {
		out["default_locale"] = d
	}
	if list, ok := m["allowed_locales"].([]any); ok {
		codes := []any{}
		for _, l := range list {
			if lm, ok := l.(map[string]any); ok {
				codes = append(codes, lm["code"])
			} else {
				codes = append(codes, l)
			}
		}
		out["allowed_locales"] = codes
	}
	return out
}
