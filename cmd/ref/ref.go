// Package ref is `woot ref URL` and `woot open URL`: a Chatwoot dashboard
// URL, as an agent copies it from the browser, turned into the object it
// shows (open) or into what it names and the command that shows it (ref).
package ref

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/dashref"
	"github.com/wootcli/woot/pkg/output"
)

// NewCmdRef is `woot ref URL`.
func NewCmdRef(f *cmdutil.Factory) *cobra.Command {
	var out cmdutil.OutputFlags
	c := &cobra.Command{
		Use:   "ref URL",
		Short: "Say what a Chatwoot dashboard URL refers to, and the command that shows it",
		Long: `Read a dashboard URL (a conversation, contact, inbox settings page or
help-center article, as copied from the browser) without contacting any
server: print its kind, account, id and the woot command that shows it.`,
		Example: `  $ woot ref https://chat.example.com/app/accounts/1/conversations/1
  $ woot ref https://chat.example.com/app/accounts/1/contacts/1 -o json --jq .command`,
		Args:    cobra.ExactArgs(1),
		GroupID: cmdutil.GroupTools,
		RunE: func(c *cobra.Command, args []string) error {
			r, err := dashref.Parse(args[0])
			if err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			ios, finish, err := out.Streams(f.IOStreams)
			if err != nil {
				return err
			}
			return finish(printRef(ios, out, r))
		},
	}
	cmdutil.AddOutputFlags(c, &out)
	return c
}

// NewCmdOpen is `woot open URL`: the matching get, run with the profile in
// use. The URL's host is never contacted; it must be the installation the
// profile points at, or the same id would show another object.
func NewCmdOpen(f *cmdutil.Factory) *cobra.Command {
	var out cmdutil.OutputFlags
	c := &cobra.Command{
		Use:   "open URL",
		Short: "Show the conversation, contact, inbox or article a dashboard URL points at",
		Long: `Run the get command for the object a Chatwoot dashboard URL shows, with the
profile in use: the same output, columns and flags as that command. The
account comes from the URL. The URL's host must be the one the profile
points at (woot never sends your token to a host taken from a URL); use
--profile to pick another installation's profile.`,
		Example: `  $ woot open https://chat.example.com/app/accounts/1/conversations/1
  $ woot open https://chat.example.com/app/accounts/1/contacts/1 -o json --jq .email`,
		Args:    cobra.ExactArgs(1),
		GroupID: cmdutil.GroupTools,
		RunE: func(c *cobra.Command, args []string) error {
			r, err := dashref.Parse(args[0])
			if err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			if err := useAccount(f, r); err != nil {
				return err
			}
			if err := sameInstallation(f, r); err != nil {
				return err
			}
			return runGet(c, f, r, forwardedFlags(c))
		},
	}
	cmdutil.AddOutputFlags(c, &out)
	return c
}

func printRef(ios *output.IOStreams, out cmdutil.OutputFlags, r dashref.Ref) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return cmdutil.PrintObject(ios, out.Options([]string{"kind", "account_id", "id", "portal", "command"}), data)
}

// useAccount takes the account from the URL; an --account that says
// otherwise is a contradiction the user must resolve.
func useAccount(f *cmdutil.Factory, r dashref.Ref) error {
	want := strconv.FormatInt(r.Account, 10)
	if f.Global.Account != "" && f.Global.Account != want {
		return cmdutil.FlagErrorf("the URL is in account %s but --account says %s: drop --account", want, f.Global.Account)
	}
	f.Global.Account = want
	return nil
}

// sameInstallation refuses a URL of another installation than the profile's.
func sameInstallation(f *cmdutil.Factory, r dashref.Ref) error {
	if f.SandboxRequested() {
		return nil // the sandbox stands in for whichever installation the URL names
	}
	s, err := f.Settings()
	if err != nil {
		return err
	}
	base, err := url.Parse(s.URL.Value)
	if err != nil || base.Host == "" {
		return cmdutil.FlagErrorf("no Chatwoot URL is configured to open %s on: run `woot auth login` or set CHATWOOT_URL", r.Host)
	}
	if !strings.EqualFold(base.Scheme+"://"+base.Host, r.Host) {
		return cmdutil.FlagErrorf("the URL is on %s but the profile in use points at %s://%s: pick that installation's profile with --profile", r.Host, base.Scheme, base.Host)
	}
	return nil
}

// forwardedFlags are the output flags given to open, passed on to the get.
func forwardedFlags(c *cobra.Command) []string {
	var args []string
	for _, name := range []string{"output", "jq", "template", "fields", "output-file"} {
		if fl := c.Flags().Lookup(name); fl != nil && fl.Changed {
			v := fl.Value.String()
			if name == "fields" {
				v = strings.Trim(v, "[]")
			}
			args = append(args, "--"+name, v)
		}
	}
	return args
}

// runGet runs the generated get command of the object's noun, as if the
// user had typed it.
func runGet(c *cobra.Command, f *cmdutil.Factory, r dashref.Ref, flags []string) error {
	words := r.Args()
	root := &cobra.Command{Use: "woot", SilenceErrors: true, SilenceUsage: true}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cmdutil.FlagError{Err: err} })
	noun := operation.NewNounCmd(f, words[0])
	noun.GroupID = "" // this root has no help groups
	root.AddCommand(noun)
	root.SetArgs(append(words, flags...))
	root.SetIn(c.InOrStdin())
	root.SetOut(c.OutOrStdout())
	root.SetErr(c.ErrOrStderr())
	return root.ExecuteContext(c.Context())
}
