// Package labels is `woot conversations labels add|remove` and `woot
// contacts labels add|remove`: additive label changes on one object.
// Chatwoot's label routes only replace the whole set, so these read it,
// merge, write it, and read it back to tell when it changed meanwhile.
package labels

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type options struct {
	f      *cmdutil.Factory
	noun   string // conversations or contacts
	remove bool
	id     int64
	labels []string
}

// NewCmdConversations holds `labels add|remove` for conversations.
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command { return nounCmd(f, "conversations") }

// NewCmdContacts holds `labels add|remove` for contacts.
func NewCmdContacts(f *cmdutil.Factory) *cobra.Command { return nounCmd(f, "contacts") }

func nounCmd(f *cmdutil.Factory, noun string) *cobra.Command {
	c := operation.GroupCmd(noun, operation.NounShort(noun))
	c.GroupID = cmdutil.GroupApplication
	one := strings.TrimSuffix(noun, "s")
	g := operation.GroupCmd("labels", "Read and change a "+one+"'s labels")
	g.AddCommand(newCmd(f, noun, false, nil), newCmd(f, noun, true, nil))
	c.AddCommand(g)
	return c
}

func newCmd(f *cmdutil.Factory, noun string, remove bool, runF func(*options) error) *cobra.Command {
	o := &options{f: f, noun: noun, remove: remove}
	one := strings.TrimSuffix(noun, "s")
	verb, prep := "add", "to"
	if remove {
		verb, prep = "remove", "from"
	}
	c := &cobra.Command{
		Use:   verb + " ID LABEL...",
		Short: strings.ToUpper(verb[:1]) + verb[1:] + " labels " + prep + " a " + one + ", keeping the others",
		Long: `Chatwoot's label route replaces a ` + one + `'s whole set (` + "`labels set`" + `), so this reads
the set, ` + verb + `s the given labels, writes the result and reads it back. When
the set read back is not the one written, someone changed it meanwhile:
that is reported on stderr with the labels as they are now. The labels
are printed on stdout, one a line.`,
		Example: fmt.Sprintf("  $ woot %s labels %s 1 vip billing", noun, verb),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) < 2 {
				return cmdutil.FlagErrorf("%s needs the %s id and at least one label: %s ID LABEL...", c.CommandPath(), one, verb)
			}
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return cmdutil.FlagErrorf("%q is not a %s id", args[0], one)
			}
			o.id = id
			for _, a := range args[1:] {
				for _, l := range strings.Split(a, ",") {
					if l = strings.TrimSpace(l); l != "" {
						o.labels = append(o.labels, l)
					}
				}
			}
			if runF != nil {
				return runF(o)
			}
			return run(c.Context(), o)
		},
	}
	return c
}

// Merge is the set after adding or removing labels, in the set's order
// with additions at the end; Chatwoot compares labels case-insensitively.
func Merge(current, labels []string, remove bool) []string {
	has := func(list []string, l string) bool {
		for _, x := range list {
			if strings.EqualFold(x, l) {
				return true
			}
		}
		return false
	}
	out := []string{}
	for _, l := range current {
		if !(remove && has(labels, l)) {
			out = append(out, l)
		}
	}
	if !remove {
		for _, l := range labels {
			if !has(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

func same(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, l := range a {
		seen[strings.ToLower(l)]++
	}
	for _, l := range b {
		seen[strings.ToLower(l)]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func run(ctx context.Context, o *options) error {
	account, err := o.f.AccountID()
	if err != nil {
		return err
	}
	client, err := o.f.APIClient()
	if err != nil {
		return err
	}
	one := strings.TrimSuffix(o.noun, "s")
	path := fmt.Sprintf("/api/v1/accounts/%d/%s/%d/labels", account, o.noun, o.id)
	current, err := readLabels(ctx, client, "GET", path, nil)
	if err != nil {
		return fmt.Errorf("read the labels of %s %d: %w", one, o.id, err)
	}
	want := Merge(current, o.labels, o.remove)
	ios := o.f.IOStreams
	final := current
	if same(want, current) {
		fmt.Fprintf(ios.ErrOut, "%s %d already has %s: nothing sent\n", one, o.id, describe(current))
	} else {
		body, _ := json.Marshal(map[string]any{"labels": want})
		if _, err := readLabels(ctx, client, "POST", path, body); err != nil {
			return fmt.Errorf("write the labels of %s %d: %w", one, o.id, err)
		}
		if final, err = readLabels(ctx, client, "GET", path, nil); err != nil {
			return fmt.Errorf("read back the labels of %s %d: %w", one, o.id, err)
		}
		if same(final, want) {
			fmt.Fprintf(ios.ErrOut, "%s %s %d: %s\n", ios.Green("✓"), one, o.id, describe(final))
		} else {
			fmt.Fprintf(ios.ErrOut, "%s the labels of %s %d changed while this ran: wrote %s, now %s; check them with `woot %s labels list %d`\n",
				ios.Yellow("!"), one, o.id, describe(want), describe(final), o.noun, o.id)
		}
	}
	for _, l := range final {
		fmt.Fprintln(ios.Out, l)
	}
	return nil
}

func describe(labels []string) string {
	if len(labels) == 0 {
		return "no labels"
	}
	return "labels " + strings.Join(labels, ", ")
}

func readLabels(ctx context.Context, c *api.Client, method, path string, body []byte) ([]string, error) {
	resp, err := c.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: method, Path: path, Body: body})
	if err != nil {
		return nil, err
	}
	raw, err := api.Extract(resp.Body, "payload")
	if err != nil {
		return nil, err
	}
	var labels []string
	if err := json.Unmarshal(raw, &labels); err != nil {
		return nil, &api.ShapeError{What: "payload is not a list of labels"}
	}
	return labels, nil
}
