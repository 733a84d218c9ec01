package auth

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/prompt"
)

// profileRow is one profile as `auth list` shows it: where its tokens are,
// never the tokens.
type profileRow struct {
	Profile       string `json:"profile"`
	Default       bool   `json:"default"`
	URL           string `json:"url"`
	Account       int64  `json:"account"`
	User          string `json:"user"`
	UserToken     string `json:"user_token"`
	PlatformToken string `json:"platform_token"`
}

func newAuthListCmd(f *cmdutil.Factory) *cobra.Command {
	var out cmdutil.OutputFlags
	c := &cobra.Command{
		Use:   "list",
		Short: "List the profiles: URL, account, user, which is the default, where the tokens are",
		Long: `List every profile of the config file. The default profile (the one used
without --profile or WOOT_PROFILE; set it with woot auth switch) is marked.
The token columns say where each token is stored (keyring or file), never
the token.`,
		Example: `  $ woot auth list
  $ woot auth list -o json --jq '.[] | select(.default) | .profile'`,
		Args: cmdutil.NoArgs,
		RunE: func(*cobra.Command, []string) error { return authListRun(f, &out) },
	}
	cmdutil.AddOutputFlags(c, &out)
	return c
}

func authListRun(f *cmdutil.Factory, out *cmdutil.OutputFlags) error {
	opts := out.Options([]string{"profile", "default", "url", "account", "user", "user_token", "platform_token"})
	if err := opts.Validate(); err != nil {
		return err
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	def := defaultProfile(cfg)
	rows := make([]profileRow, 0, len(cfg.Profiles))
	for _, name := range cfg.Names() {
		p := cfg.Profile(name)
		rows = append(rows, profileRow{Profile: name, Default: name == def, URL: p.URL, Account: p.AccountID, User: p.User,
			UserToken: p.TokenStorage(config.UserTokenKind), PlatformToken: p.TokenStorage(config.PlatformTokenKind)})
	}
	ios, finish, err := out.Streams(f.IOStreams)
	if err != nil {
		return err
	}
	if len(rows) == 0 && ios.IsStdoutTTY() {
		// A person sees an empty screen otherwise; a script gets no rows, as from any empty list.
		fmt.Fprintln(ios.ErrOut, "No profiles yet: run `woot auth login` to add one, or try woot without one: `woot --sandbox auth status`")
	}
	return finish(cmdutil.PrintRows(ios, opts, rows))
}

// defaultProfile is the profile a command uses when none is named.
func defaultProfile(cfg *config.File) string {
	if cfg.Current != "" {
		return cfg.Current
	}
	return config.DefaultProfile
}

func newAuthSwitchCmd(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "switch [PROFILE]",
		Short: "Make a profile the default one",
		Long: `Make PROFILE the profile every command uses unless --profile or WOOT_PROFILE
names another. Without PROFILE, on a terminal, pick one from a list.`,
		Example: `  $ woot auth switch staging
  $ woot auth switch
  $ woot --sandbox auth switch sandbox`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cmdutil.FlagErrorf("%s takes at most one profile name, got %q", c.CommandPath(), args)
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return cmdutil.ProfileNames(f), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error { return authSwitchRun(c.Context(), f, args) },
	}
}

func authSwitchRun(ctx context.Context, f *cmdutil.Factory, args []string) error {
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	names := cfg.Names()
	if cfg.Sandbox() {
		// Sandbox mode has one profile, whether or not it was saved yet.
		names = []string{config.SandboxProfile}
		if cfg.Profile(config.SandboxProfile) == nil {
			cfg.Profiles[config.SandboxProfile] = &config.Profile{}
		}
	}
	if len(names) == 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitAuth, Err: fmt.Errorf("no profiles to switch to: run `woot auth login --profile NAME` first")}
	}
	var name string
	if len(args) == 1 {
		name = args[0]
		if cfg.Profile(name) == nil {
			return cmdutil.FlagErrorf("no profile %q (profiles: %v): see `woot auth list`", name, names)
		}
	} else if name, err = pickProfile(ctx, f, names, defaultProfile(cfg)); err != nil {
		return err
	}
	cfg.Current = name
	if err := cfg.Save(); err != nil {
		return err
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "✓ Profile %q is now the default\n", name)
	return nil
}

// pickProfile asks which profile to switch to; with no terminal to ask on
// the profile must be named.
func pickProfile(ctx context.Context, f *cmdutil.Factory, names []string, current string) (string, error) {
	ios := f.IOStreams
	if !ios.CanPrompt() {
		return "", cmdutil.FlagErrorf("no terminal to ask on: name the profile, e.g. `woot auth switch %s` (profiles: %v)", names[0], names)
	}
	def := "1"
	for i, n := range names {
		marker := " "
		if n == current {
			marker, def = "*", strconv.Itoa(i+1)
		}
		fmt.Fprintf(ios.ErrOut, "%s %d) %s\n", marker, i+1, n)
	}
	choice, err := prompt.New(ios.In, ios.ErrOut).Line(ctx, "Profile", def)
	if err != nil {
		return "", &cmdutil.ExitError{Code: cmdutil.ExitInterrupted, Err: fmt.Errorf("switch cancelled: the default profile is unchanged")}
	}
	n, err := strconv.Atoi(choice)
	if err != nil || n < 1 || n > len(names) {
		return "", cmdutil.FlagErrorf("profile choice %q is not between 1 and %d", choice, len(names))
	}
	return names[n-1], nil
}
