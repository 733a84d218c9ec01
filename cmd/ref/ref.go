// Package ref is `woot ref URL` and `woot open URL`: a Chatwoot dashboard
// link (a conversation, contact, inbox or help-center article) becomes
// the matching `get` command, which `open` runs.
package ref

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// Ref is what a dashboard URL points at.
type Ref struct {
	Kind      string   `json:"kind"` // conversation, contact, inbox, article
	AccountID int64    `json:"account_id"`
	ID        int64    `json:"id"`
	Portal    string   `json:"portal,omitempty"` // an article's portal slug
	Command   []string `json:"command"`          // the get command: ["woot","conversations","get","42"]
	Path      string   `json:"path"`             // the API path the command reads
	Host      string   `json:"host"`
}

// Parse reads a dashboard URL:
//
//	/app/accounts/1/conversations/42 (also under inbox/3/, label/x/, team/2/, …)
//	/app/accounts/1/contacts/42
//	/app/accounts/1/settings/inboxes/3, /app/accounts/1/inbox/3
//	/app/accounts/1/portals/help/en/articles/edit/31 (or …/articles/31)
func Parse(raw string) (Ref, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return Ref{}, fmt.Errorf("%q is not a URL: copy it from the browser's address bar (https://…/app/accounts/1/conversations/42)", raw)
	}
	seg := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(seg) < 4 || seg[0] != "app" || seg[1] != "accounts" {
		return Ref{}, fmt.Errorf("%s is not a Chatwoot dashboard link: its path should start /app/accounts/ID/", raw)
	}
	account, err := positive(seg[2])
	if err != nil {
		return Ref{}, fmt.Errorf("%s: account %q is not an id", raw, seg[2])
	}
	r := Ref{AccountID: account, Host: u.Host}
	rest := seg[3:]
	idAfter := func(word string) (int64, bool) {
		for i := len(rest) - 2; i >= 0; i-- {
			if rest[i] == word {
				if id, err := positive(rest[i+1]); err == nil {
					return id, true
				}
			}
		}
		return 0, false
	}
	if id, ok := idAfter("conversations"); ok {
		r.Kind, r.ID = "conversation", id
	} else if id, ok := idAfter("contacts"); ok {
		r.Kind, r.ID = "contact", id
	} else if rest[0] == "portals" && len(rest) >= 2 {
		if id, ok := idAfter("edit"); ok && contains(rest, "articles") {
			r.Kind, r.ID, r.Portal = "article", id, rest[1]
		} else if id, ok := idAfter("articles"); ok {
			r.Kind, r.ID, r.Portal = "article", id, rest[1]
		}
	} else if id, ok := idAfter("inboxes"); ok && rest[0] == "settings" {
		r.Kind, r.ID = "inbox", id
	} else if id, ok := idAfter("inbox"); ok {
		r.Kind, r.ID = "inbox", id
	}
	if r.Kind == "" {
		return Ref{}, fmt.Errorf("%s: not a link to a conversation, contact, inbox or article", raw)
	}
	words := map[string][]string{"conversation": {"conversations", "get"}, "contact": {"contacts", "get"},
		"inbox": {"inboxes", "get"}, "article": {"portals", "articles", "get"}}[r.Kind]
	args := []string{strconv.FormatInt(r.ID, 10)}
	if r.Portal != "" {
		args = append([]string{r.Portal}, args...)
	}
	r.Command = append(append([]string{"woot"}, words...), args...)
	op, ok := findOperation(strings.Join(words, " "))
	if !ok {
		return Ref{}, fmt.Errorf("no operation %q", strings.Join(words, " "))
	}
	r.Path = fillPath(op.Path, account, args)
	return r, nil
}

func positive(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("not an id")
	}
	return n, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func findOperation(command string) (api.Operation, bool) {
	for _, op := range application.Operations() {
		if op.Command == command {
			return op, true
		}
	}
	return api.Operation{}, false
}

// fillPath puts the account and the arguments, in order, into a path
// template's {placeholders}.
func fillPath(tmpl string, account int64, args []string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}') + i
		b.WriteString(tmpl[:i])
		if name := tmpl[i+1 : j]; name == "account_id" {
			b.WriteString(strconv.FormatInt(account, 10))
		} else if len(args) > 0 {
			b.WriteString(url.PathEscape(args[0]))
			args = args[1:]
		}
		tmpl = tmpl[j+1:]
	}
}

// NewCmdRef is `woot ref URL`.
func NewCmdRef(f *cmdutil.Factory) *cobra.Command {
	var out cmdutil.OutputFlags
	c := &cobra.Command{
		Use:   "ref URL",
		Short: "Turn a Chatwoot dashboard link into the matching woot command",
		Long: `Read a link copied from Chatwoot's dashboard (a conversation, contact, inbox
or help-center article) and print the woot command that gets it; -o json
(or yaml, --jq, --template) prints the kind, account, id, command and API path.`,
		Example: `  $ woot ref https://chat.acme.test/app/accounts/1/inbox/2/conversations/42
  $ woot ref https://chat.acme.test/app/accounts/1/contacts/7 -o json --jq .id`,
		Args:    operation.ExactArgs([]string{"URL"}),
		GroupID: cmdutil.GroupApplication,
		RunE: func(c *cobra.Command, args []string) error {
			r, err := Parse(args[0])
			if err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			if out.Format == "" && out.JQ == "" && out.Template == "" {
				_, err = fmt.Fprintln(f.IOStreams.Out, strings.Join(r.Command, " "))
				return err
			}
			opts := out.Options([]string{"kind", "account_id", "id", "path"})
			if err := opts.Validate(); err != nil {
				return err
			}
			ios, finish, err := out.Streams(f.IOStreams)
			if err != nil {
				return err
			}
			printer, err := output.New(ios, opts)
			if err != nil {
				return err
			}
			b, _ := json.Marshal(r)
			if err := printer.Object(b); err != nil {
				return finish(err)
			}
			return finish(printer.Close())
		},
	}
	cmdutil.AddOutputFlags(c, &out)
	return c
}

// NewCmdOpen is `woot open URL`.
func NewCmdOpen(f *cmdutil.Factory) *cobra.Command {
	var out cmdutil.OutputFlags
	c := &cobra.Command{
		Use:   "open URL",
		Short: "Get what a Chatwoot dashboard link points at",
		Long: `Read a link copied from Chatwoot's dashboard and print the conversation,
contact, inbox or article it points at, as its get command would (` + "`woot ref`" + `
shows which). The account is the link's; the installation is the one
configured (the profile's URL), whichever host the link names.`,
		Example: `  $ woot open https://chat.acme.test/app/accounts/1/conversations/1
  $ woot open https://chat.acme.test/app/accounts/1/contacts/1 -o json --jq .email`,
		Args:    operation.ExactArgs([]string{"URL"}),
		GroupID: cmdutil.GroupApplication,
		RunE: func(c *cobra.Command, args []string) error {
			r, err := Parse(args[0])
			if err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			return open(c.Context(), f, out, r)
		},
	}
	cmdutil.AddOutputFlags(c, &out)
	return c
}

func open(ctx context.Context, f *cmdutil.Factory, out cmdutil.OutputFlags, r Ref) error {
	op, _ := findOperation(strings.Join(r.Command[1:len(r.Command)-len(argsOf(r))], " "))
	opts := out.Options(op.Columns)
	if err := opts.Validate(); err != nil {
		return err
	}
	client, err := f.APIClient()
	if err != nil {
		return err
	}
	resp, err := client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: r.Path})
	if err != nil {
		return fmt.Errorf("%s %d: %w", r.Kind, r.ID, err)
	}
	data, err := api.Extract(resp.Body, op.Data)
	if err != nil {
		data = resp.Body // another shape than usual: show all of it, as the get command does
	}
	ios, finish, err := out.Streams(f.IOStreams)
	if err != nil {
		return err
	}
	printer, err := output.New(ios, opts)
	if err != nil {
		return err
	}
	if err := printer.Object(data); err != nil {
		return finish(err)
	}
	return finish(printer.Close())
}

func argsOf(r Ref) []string {
	if r.Portal != "" {
		return []string{r.Portal, strconv.FormatInt(r.ID, 10)}
	}
	return []string{strconv.FormatInt(r.ID, 10)}
}
