// Package labeledit is `woot conversations labels add|remove` and `woot
// contacts labels add|remove`: one label more or less on one object.
// Chatwoot's label route only replaces the whole set, so these read the
// set, change it, write it back, and read it again to tell the user when
// someone else (an agent, an automation rule) changed it meanwhile.
package labeledit

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// target is the kind of object whose labels are edited.
type target struct {
	noun    string // "conversations"
	one     string // "conversation", for messages
	argName string // "CONVERSATION_ID"
	example string // an id the demo sandbox has
	kind    string // what completes its id
}

var (
	conversations = target{noun: "conversations", one: "conversation", argName: "CONVERSATION_ID", example: "1", kind: cmdutil.KindConversations}
	contacts      = target{noun: "contacts", one: "contact", argName: "CONTACT_ID", example: "1", kind: cmdutil.KindContacts}
)

// NewCmdConversations adds `labels add|remove` under `woot conversations`.
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command { return nounCmd(f, conversations) }

// NewCmdContacts adds `labels add|remove` under `woot contacts`.
func NewCmdContacts(f *cmdutil.Factory) *cobra.Command { return nounCmd(f, contacts) }

func nounCmd(f *cmdutil.Factory, t target) *cobra.Command {
	labels := &cobra.Command{Use: "labels"}
	labels.AddCommand(editCmd(f, t, true), editCmd(f, t, false))
	return operation.NounCmd(t.noun, labels)
}

func editCmd(f *cmdutil.Factory, t target, add bool) *cobra.Command {
	verb, short, long := "remove", "Remove labels from a "+t.one+", keeping the others", "Take the labels given off the "+t.one+"; its other labels stay."
	example := fmt.Sprintf("  $ woot %s labels remove %s vip\n  $ woot %s labels remove %s vip,billing -o json", t.noun, t.example, t.noun, t.example)
	if add {
		verb, short = "add", "Add labels to a "+t.one+", keeping the ones it has"
		long = "Put the labels given on the " + t.one + "; the labels it has stay. Each label must\nexist in the account (woot labels create makes one)."
		example = fmt.Sprintf("  $ woot %s labels add %s billing\n  $ woot %s labels add %s billing vip -o json", t.noun, t.example, t.noun, t.example)
	}
	var out cmdutil.OutputFlags
	c := &cobra.Command{
		Use:   verb + " " + t.argName + " LABEL...",
		Short: short,
		Long: long + `

Chatwoot's API only replaces a ` + t.one + `'s whole label set, so woot reads the
set, changes it and writes it back (nothing is written when there is
nothing to change), then reads it again: when someone else changed the set
in between, a notice on stderr says what it is now. The resulting labels are
printed, one per line.`,
		Example: example,
		Args:    cobra.MinimumNArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return cmdutil.FlagErrorf("%s %q is not a positive number", t.argName, args[0])
			}
			ios, finish, err := out.Streams(f.IOStreams)
			if err != nil {
				return err
			}
			e := &editor{f: f, t: t, id: id}
			labels, err := e.run(c.Context(), splitLabels(args[1:]), add)
			if err == nil {
				err = cmdutil.PrintRows(ios, out.Options(nil), labels)
			}
			return finish(err)
		},
	}
	c.ValidArgsFunction = completeArgs(f, t, add)
	cmdutil.AddOutputFlags(c, &out)
	return c
}

// completeArgs completes the object's id, then labels: the account's for
// add, the object's own for remove; neither offers one already given.
func completeArgs(f *cmdutil.Factory, t target, add bool) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return cmdutil.CompleteArgs(f, false, t.kind)(c, args, toComplete)
		}
		src, _ := cmdutil.KnownSource(cmdutil.KindLabels)
		if !add {
			if id, err := strconv.ParseInt(args[0], 10, 64); err != nil || id <= 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			src = cmdutil.CompletionSource{Path: "/api/v1/accounts/{account_id}/" + t.noun + "/" + args[0] + "/labels",
				Data: "payload", Value: func(it cmdutil.CompletionItem) string { return it.Title }}
		}
		return cmdutil.CompleteListWord(c.Context(), f, src, toComplete, splitLabels(args[1:]))
	}
}

// splitLabels accepts labels as separate words or comma-separated.
func splitLabels(args []string) []string {
	var out []string
	for _, a := range args {
		for _, l := range strings.Split(a, ",") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

// editor edits the labels of one object.
type editor struct {
	f      *cmdutil.Factory
	t      target
	id     int64
	client *api.Client
	path   string
}

func (e *editor) run(ctx context.Context, given []string, add bool) ([]string, error) {
	account, err := e.f.AccountID()
	if err != nil {
		return nil, err
	}
	if e.client, err = e.f.APIClient(); err != nil {
		return nil, err
	}
	e.path = fmt.Sprintf("/api/v1/accounts/%d/%s/%d/labels", account, e.t.noun, e.id)
	if add {
		if given, err = e.accountSpelling(ctx, account, given); err != nil {
			return nil, err
		}
	}
	before, err := e.read(ctx)
	if err != nil {
		return nil, err
	}
	want := changed(before, given, add)
	if slices.Equal(want, before) {
		e.notice("✓ %s %d already %s; nothing was written", capital(e.t.one), e.id, describe(given, add))
		return before, nil
	}
	if _, err := e.write(ctx, want); err != nil {
		return nil, err
	}
	after, err := e.read(ctx)
	if err != nil {
		return nil, err
	}
	if !sameSet(after, want) {
		e.notice("! the labels of %s %d changed while woot wrote them (another agent or an automation rule): they are now %s", e.t.one, e.id, list(after))
	}
	return after, nil
}

// accountSpelling checks that every label exists in the account and
// returns them as the account spells them (Chatwoot keeps titles in lower case).
func (e *editor) accountSpelling(ctx context.Context, account int64, given []string) ([]string, error) {
	resp, err := e.client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: fmt.Sprintf("/api/v1/accounts/%d/labels", account)})
	if err != nil {
		return nil, err
	}
	items, err := api.Items(resp.Body, "payload")
	if err != nil {
		return nil, err
	}
	titles := map[string]string{}
	for _, raw := range items {
		var l struct {
			Title string `json:"title"`
		}
		if json.Unmarshal(raw, &l) == nil {
			titles[strings.ToLower(l.Title)] = l.Title
		}
	}
	out := make([]string, 0, len(given))
	for _, g := range given {
		title, ok := titles[strings.ToLower(g)]
		if !ok {
			return nil, cmdutil.FlagErrorf("label %q does not exist in the account: create it first (woot labels create --title %s) or check the spelling (woot labels list)", g, strings.ToLower(g))
		}
		out = append(out, title)
	}
	return out, nil
}

func (e *editor) read(ctx context.Context) ([]string, error) {
	resp, err := e.client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: e.path})
	if err != nil {
		return nil, err
	}
	return labelSet(resp.Body)
}

func (e *editor) write(ctx context.Context, labels []string) ([]string, error) {
	body, err := json.Marshal(map[string][]string{"labels": labels})
	if err != nil {
		return nil, err
	}
	resp, err := e.client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "POST", Path: e.path, Body: body})
	if err != nil {
		return nil, err
	}
	return labelSet(resp.Body)
}

func (e *editor) notice(format string, args ...any) {
	fmt.Fprintf(e.f.IOStreams.ErrOut, format+"\n", args...)
}

// labelSet reads Chatwoot's {"payload": ["a", "b"]} answer.
func labelSet(body []byte) ([]string, error) {
	raw, err := api.Extract(body, "payload")
	if err != nil {
		return nil, err
	}
	var labels []string
	if err := json.Unmarshal(raw, &labels); err != nil {
		return nil, &api.ShapeError{What: "the labels are not a list of strings"}
	}
	return labels, nil
}

// changed is the set after adding or removing the given labels: the
// labels kept in their order, added ones after them.
func changed(current, given []string, add bool) []string {
	out := []string{}
	for _, l := range current {
		if add || !slices.Contains(given, l) {
			out = append(out, l)
		}
	}
	if add {
		for _, l := range given {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func describe(given []string, add bool) string {
	if add {
		return "has " + list(given)
	}
	return "lacks " + list(given)
}

func list(labels []string) string {
	if len(labels) == 0 {
		return "no labels"
	}
	return strings.Join(labels, ", ")
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
