package auth

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
)

type statusRow struct {
	Setting string `json:"setting"`
	Value   string `json:"value"`
	Source  string `json:"source"`
}

func newAuthStatusCmd(f *cmdutil.Factory) *cobra.Command {
	var out cmdutil.OutputFlags
	var offline bool
	c := &cobra.Command{
		Use:   "status",
		Short: "Show the URL, account, user and tokens in use, and where each came from",
		Long: `Show the effective settings of the current profile after flags, environment
and config file are combined, with the source of each value: a token's source
says whether it is stored in the OS keyring or the config file. Tokens are
masked.
Unless --offline, the user token is checked with GET /api/v1/profile.
Exits 3 when no URL or token is configured, or the token is refused.`,
		Example: `  $ woot auth status
  $ woot auth status --profile staging -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return authStatusRun(c.Context(), f, &out, offline)
		},
	}
	c.Flags().BoolVar(&offline, "offline", false, "Do not contact the server")
	cmdutil.AddOutputFlags(c, &out)
	return c
}

func authStatusRun(ctx context.Context, f *cmdutil.Factory, out *cmdutil.OutputFlags, offline bool) error {
	opts := out.Options([]string{"setting", "value", "source"})
	if err := opts.Validate(); err != nil {
		return err
	}
	s, err := f.SettingsWithTokens()
	if err != nil {
		return err
	}
	rows := []statusRow{
		{"profile", s.Profile, f.ProfileOrigin()},
		row("url", s.URL, s.URL.Value),
		row("account", s.AccountID, s.AccountID.Value),
		tokenRow("user_token", s.UserToken),
		tokenRow("platform_token", s.PlatformToken),
		row("token_style", s.TokenStyle, s.TokenStyle.Value),
	}
	for _, extra := range []struct {
		name string
		v    config.Value
	}{{"inbox_identifier", s.InboxIdentifier}, {"contact_identifier", s.ContactIdentifier}} {
		if extra.v.Value != "" {
			rows = append(rows, row(extra.name, extra.v, extra.v.Value))
		}
	}
	var checkErr error
	if !offline && s.URL.Value != "" && s.UserToken.Value != "" {
		user, err := whoAmI(ctx, f)
		if err != nil {
			checkErr = err
			rows = append(rows, statusRow{"user", "token refused or server unreachable", "server"})
		} else {
			rows = append(rows, statusRow{"user", user, "server"})
		}
	}
	ios, finish, err := out.Streams(f.IOStreams)
	if err != nil {
		return err
	}
	if err := finish(cmdutil.PrintRows(ios, opts, rows)); err != nil {
		return err
	}
	if checkErr != nil {
		return checkErr
	}
	if s.URL.Value == "" || (s.UserToken.Value == "" && s.PlatformToken.Value == "") {
		for _, v := range []config.Value{s.UserToken, s.PlatformToken} {
			if v.Err != nil {
				return &cmdutil.ExitError{Code: cmdutil.ExitAuth, Err: fmt.Errorf("%v: unlock the OS keyring, or run `woot auth login` again", v.Err)}
			}
		}
		return &cmdutil.ExitError{Code: cmdutil.ExitAuth, Err: fmt.Errorf("not logged in: run `woot auth login` or set CHATWOOT_URL and CHATWOOT_API_TOKEN")}
	}
	return nil
}

func row(name string, v config.Value, shown string) statusRow {
	src := string(v.Source)
	if v.Origin != "" {
		src += " " + v.Origin
	}
	if v.Value == "" {
		shown, src = "", "not set"
	}
	return statusRow{name, shown, src}
}

// tokenRow shows a token's fingerprint and where it is stored; a keyring
// entry that cannot be read says why.
func tokenRow(name string, v config.Value) statusRow {
	if v.Err != nil {
		return statusRow{name, "unreadable: " + v.Err.Error(), string(v.Source) + " " + v.Origin}
	}
	return row(name, v, config.Mask(v.Value))
}

func whoAmI(ctx context.Context, f *cmdutil.Factory) (string, error) {
	client, err := f.APIClient()
	if err != nil {
		return "", err
	}
	me, _, err := (&application.API{C: client}).Profile(ctx)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s <%s> (id %d)", me.Name, me.Email, me.ID), nil
}

func newAuthLogoutCmd(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Remove the current profile and its tokens from the config file and the OS keyring",
		Example: `  $ woot auth logout
  $ woot auth logout --profile staging`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cfg, err := f.Config()
			if err != nil {
				return err
			}
			name := config.Resolve(cfg, config.Flags{Profile: f.Global.Profile}, f.Getenv).Profile
			if cfg.Profile(name) == nil {
				return &cmdutil.ExitError{Code: cmdutil.ExitAuth, Err: fmt.Errorf("profile %q is not logged in (profiles: %v)", name, cfg.Names())}
			}
			if err := cfg.Profile(name).ForgetTokens(f.SecretStore(), name); err != nil {
				fmt.Fprintf(f.IOStreams.ErrOut, "! %v: remove it with your keyring's tool (service %q)\n", err, config.KeyringService)
			}
			delete(cfg.Profiles, name)
			if cfg.Current == name {
				cfg.Current = ""
			}
			if err := cfg.Save(); err != nil {
				return err
			}
			fmt.Fprintf(f.IOStreams.ErrOut, "✓ Logged out of profile %q\n", name)
			return nil
		},
	}
}
