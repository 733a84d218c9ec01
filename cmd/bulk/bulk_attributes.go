package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// Custom attributes in bulk: one journaled step per contact or
// conversation, so an interrupted run resumes where it stopped and the
// object it was working on is checked, not changed twice.

type attributeOptions struct {
	f       *cmdutil.Factory
	kind    string // bulk.KindContacts or bulk.KindConversations
	del     bool   // delete-attribute
	args    []string
	ids     []string
	filters []string
	job     jobFlags

	set  map[string]any
	keys []string
}

// filterKeys() are the list route's query parameters --filter accepts.
func filterKeys() map[string][]string {
	return map[string][]string{
		bulk.KindConversations: {"status", "inbox_id", "team_id", "labels", "assignee_type"},
		bulk.KindContacts:      {"q", "labels"},
	}
}

func newAttributeCmds(f *cmdutil.Factory, kind string) []*cobra.Command {
	return []*cobra.Command{newAttributeCmd(f, kind, false, nil), newAttributeCmd(f, kind, true, nil)}
}

func newAttributeCmd(f *cmdutil.Factory, kind string, del bool, runF func(*attributeOptions) error) *cobra.Command {
	o := &attributeOptions{f: f, kind: kind, del: del}
	one := strings.TrimSuffix(kind, "s")
	c := &cobra.Command{
		Use:   "set-attribute KEY=VALUE...",
		Short: "Set custom attributes on many " + kind + ", resumably",
		RunE: func(c *cobra.Command, args []string) error {
			o.args = args
			o.job.pace = jobPace(c, f)
			if err := o.prepare(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return attributeRun(c.Context(), o)
		},
	}
	sample := map[string][2]string{bulk.KindContacts: {"plan=enterprise", "--filter q=smith"}, bulk.KindConversations: {"order_id=ORD-1", "--filter status=open --filter inbox_id=1"}}[kind]
	how := "each " + one + "'s attributes are updated in place (" + routeOf(kind, false) + ")"
	if kind == bulk.KindConversations {
		how = "Chatwoot replaces a conversation's whole set, so each is read first and its\nother attributes are sent back unchanged (" + routeOf(kind, false) + ")"
	}
	c.Long = `Set custom attributes on many ` + kind + `: KEY=VALUE sets a string, KEY:=JSON a
typed value (seats:=5, vip:=true). ` + strings.ToUpper(how[:1]) + how[1:] + `.`
	c.Example = fmt.Sprintf("  $ woot %s bulk set-attribute %s --ids 1,2\n  $ woot %s bulk set-attribute %s %s --dry-run", kind, sample[0], kind, sample[0], sample[1])
	if del {
		c.Use = "delete-attribute KEY..."
		c.Short = "Remove custom attributes from many " + kind + ", resumably"
		c.Long = "Remove the named custom attributes from many " + kind + " (" + routeOf(kind, true) + ")."
		key := strings.SplitN(sample[0], "=", 2)[0]
		c.Example = fmt.Sprintf("  $ woot %s bulk delete-attribute %s --ids 1,2\n  $ woot %s bulk delete-attribute %s %s --dry-run", kind, key, kind, key, sample[1])
	}
	c.Long += `

The ` + kind + ` come from --ids, from --filter (the list route's parameters: ` + strings.Join(filterKeys()[kind], ", ") + `),
or, without either, one id per line on stdin. A journal records each ` + one + ` done, so
the same command run again after an interruption does only the rest; one it
was working on when interrupted is read and left alone if the change is
already there. Exit 5 when Chatwoot refused some (see the rejects file).`
	cmdutil.StringListVar(c.Flags(), &o.ids, "ids", "Ids of the "+kind+" (repeat or comma-separate)")
	c.Flags().StringArrayVar(&o.filters, "filter", nil, "KEY=VALUE of the list route selecting the "+kind+" (repeat): "+strings.Join(filterKeys()[kind], ", "))
	addJobFlags(c, &o.job, "in the config directory's jobs/")
	c.Flags().SortFlags = false
	completeObjects(c, f, kind, false)
	c.ValidArgsFunction = completeAttributeArgs(f, kind, del)
	return c
}

func routeOf(kind string, del bool) string {
	switch {
	case kind == bulk.KindContacts && del:
		return "POST contacts/{id}/destroy_custom_attributes"
	case kind == bulk.KindContacts:
		return "PUT contacts/{id}"
	case del:
		return "POST conversations/{id}/destroy_custom_attributes"
	}
	return "POST conversations/{id}/custom_attributes"
}

func (o *attributeOptions) prepare() error {
	if err := o.job.validate(); err != nil {
		return err
	}
	if len(o.args) == 0 {
		if o.del {
			return cmdutil.FlagErrorf("name the attributes to remove: delete-attribute KEY...")
		}
		return cmdutil.FlagErrorf("give the attributes to set: set-attribute KEY=VALUE...")
	}
	if len(o.ids) > 0 && len(o.filters) > 0 {
		return cmdutil.FlagErrorf("--ids and --filter: give one")
	}
	if o.del {
		o.keys = append([]string(nil), o.args...)
		return nil
	}
	o.set = map[string]any{}
	for _, a := range o.args {
		if k, raw, ok := strings.Cut(a, ":="); ok && k != "" && !strings.Contains(k, "=") {
			var v any
			if err := json.Unmarshal([]byte(raw), &v); err != nil {
				return cmdutil.FlagErrorf("%s: the value after := must be JSON (5, true, \"text\"): %v", a, err)
			}
			o.set[k] = v
			continue
		}
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return cmdutil.FlagErrorf("%q: write KEY=VALUE (or KEY:=JSON for a number or boolean)", a)
		}
		o.set[k] = v
	}
	for _, fl := range o.filters {
		k, _, ok := strings.Cut(fl, "=")
		if !ok || !contains(filterKeys()[o.kind], k) {
			return cmdutil.FlagErrorf("--filter %q: use KEY=VALUE with KEY one of %s", fl, strings.Join(filterKeys()[o.kind], ", "))
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// selection reads the ids: --ids, --filter's list, or stdin.
func (o *attributeOptions) selection(ctx context.Context, client *api.Client, account int64) ([]int64, error) {
	if len(o.filters) > 0 {
		return o.filtered(ctx, client, account)
	}
	b := bulkActionOptions{f: o.f, args: o.ids}
	return b.ids()
}

func (o *attributeOptions) filtered(ctx context.Context, client *api.Client, account int64) ([]int64, error) {
	q := url.Values{}
	for _, fl := range o.filters {
		k, v, _ := strings.Cut(fl, "=")
		if k == "labels" {
			for _, l := range strings.Split(v, ",") {
				q.Add("labels[]", l)
			}
			continue
		}
		q.Set(k, v)
	}
	path, data, list := fmt.Sprintf("/api/v1/accounts/%d/conversations", account), "data.payload", &api.List{Pager: api.PageNumber, PageSize: 25}
	if o.kind == bulk.KindContacts {
		path, data, list = fmt.Sprintf("/api/v1/accounts/%d/contacts", account), "payload", &api.List{Pager: api.PageNumber, PageSize: 15}
		if q.Has("q") {
			path += "/search"
		}
	}
	var ids []int64
	req := &api.Request{Family: api.FamilyApplication, Method: http.MethodGet, Path: path, Query: q}
	err := client.Paginate(ctx, req, data, list, api.PageOptions{All: true}, func(raw json.RawMessage) error {
		var v struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		ids = append(ids, v.ID)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--filter: list %s: %w", o.kind, err)
	}
	if len(ids) == 0 {
		return nil, cmdutil.FlagErrorf("--filter %s matches no %s", strings.Join(o.filters, " "), o.kind)
	}
	return ids, nil
}

// steps are one step per object.
func (o *attributeOptions) steps(ids []int64) []bulk.Step {
	seen := map[int64]bool{}
	var steps []bulk.Step
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		steps = append(steps, o.step(id))
	}
	return steps
}

func (o *attributeOptions) step(id int64) bulk.Step {
	read := bulk.AttrRead{Path: fmt.Sprintf("/conversations/%d", id), Field: "custom_attributes"}
	base := fmt.Sprintf("/conversations/%d", id)
	if o.kind == bulk.KindContacts {
		read = bulk.AttrRead{Path: fmt.Sprintf("/contacts/%d", id), Field: "payload.custom_attributes"}
		base = fmt.Sprintf("/contacts/%d", id)
	}
	one := strings.TrimSuffix(o.kind, "s")
	if o.del {
		keys := append([]string(nil), o.keys...)
		return bulk.Step{Label: fmt.Sprintf("remove %s from %s %d", strings.Join(keys, ", "), one, id),
			Requests: []bulk.StepRequest{{Method: http.MethodPost, Path: base + "/destroy_custom_attributes", Body: map[string]any{"custom_attributes": keys}}},
			Check:    &bulk.AttrCheck{AttrRead: read, Lacks: keys}}
	}
	var names []string
	for k := range o.set {
		names = append(names, k)
	}
	sort.Strings(names)
	st := bulk.Step{Label: fmt.Sprintf("set %s on %s %d", strings.Join(names, ", "), one, id),
		Check: &bulk.AttrCheck{AttrRead: read, Has: o.set}}
	if o.kind == bulk.KindContacts {
		st.Requests = []bulk.StepRequest{{Method: http.MethodPut, Path: base, Body: map[string]any{"custom_attributes": o.set}}}
		return st
	}
	// merge: true keeps the other keys on servers that know it; the read
	// (MergeAttrs) keeps them on those that do not.
	st.Requests = []bulk.StepRequest{{Method: http.MethodPost, Path: base + "/custom_attributes", Body: map[string]any{"custom_attributes": o.set, "merge": true}}}
	st.MergeAttrs = &read
	return st
}

func attributeRun(ctx context.Context, o *attributeOptions) error {
	verb := "set-attribute"
	if o.del {
		verb = "delete-attribute"
	}
	what := o.kind + " bulk " + verb
	j, account, client, err := newJob(o.f, &o.job, what)
	if err != nil {
		return err
	}
	ids, err := o.selection(ctx, client, account)
	if err != nil {
		return err
	}
	steps := o.steps(ids)
	journal, rejects, err := stepJobPaths(o.f, &o.job, o.kind+"-"+verb, steps)
	if err != nil {
		return err
	}
	j.setPaths(journal, rejects)
	opts := j.options(strings.ToUpper(verb[:1]) + verb[1:] + " " + o.kind)
	sum, plan, err := bulk.RunSteps(ctx, client, account, what, steps, opts)
	return j.finish(sum, plan, err)
}
