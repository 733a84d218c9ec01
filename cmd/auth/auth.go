package auth

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/prompt"
)

func NewCmd(f *cmdutil.Factory) *cobra.Command {
	c := operation.GroupCmd("auth", "Log in, list and switch profiles, show the identity in use, log out")
	c.GroupID = cmdutil.GroupTools
	c.Long = `Profiles keep each installation's URL, account and user in the config file
(mode 0600; WOOT_CONFIG_DIR moves it) and its tokens in the OS keyring (Secret
Service, Keychain, Credential Manager), or in the config file where no keyring
is available or --insecure-storage is given. Environment variables and flags
override a profile: flags > environment > config file > defaults.`
	c.AddCommand(newAuthLoginCmd(f), newAuthStatusCmd(f), newAuthLogoutCmd(f), newAuthListCmd(f), newAuthSwitchCmd(f))
	return c
}

type loginOptions struct {
	f          *cmdutil.Factory
	withToken  bool
	platform   bool
	tokenStyle string
	noVerify   bool
	// insecureStorage keeps the token in the config file, not the keyring.
	insecureStorage bool
}

func newAuthLoginCmd(f *cmdutil.Factory) *cobra.Command {
	o := &loginOptions{f: f}
	c := &cobra.Command{
		Use:   "login",
		Short: "Store a Chatwoot URL, account and token in a profile",
		Long: `On a terminal, login asks for the URL and the access token (Profile Settings >
Access Token in Chatwoot), checks them with GET /api/v1/profile and lets you pick
one of your accounts. Without a terminal, pass --url and --account and give the
token on stdin with --with-token; the token is never a command-line argument.

--platform stores a platform app token (for woot platform …) instead.

The token goes to the OS keyring when one is available; otherwise, or with
--insecure-storage, to the config file (mode 0600). The config file records
which, never the token itself when it is in the keyring.`,
		Example: `  $ woot auth login
  $ echo "$TOKEN" | woot auth login --url https://chat.example.com --account 1 --with-token
  $ woot auth login --profile staging --url https://staging.example.com
  $ echo "$PLATFORM_TOKEN" | woot auth login --platform --with-token
  $ echo sandbox-user-token | woot --sandbox auth login --with-token --insecure-storage`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return loginRun(c.Context(), o) },
	}
	fs := c.Flags()
	fs.BoolVar(&o.withToken, "with-token", false, "Read the token from standard input")
	fs.BoolVar(&o.platform, "platform", false, "The token is a platform app token")
	fs.StringVar(&o.tokenStyle, "token-style", "", "How to send the token: api_access_token|api-access-token|bearer")
	fs.BoolVar(&o.noVerify, "no-verify", false, "Store the token without checking it against the server")
	fs.BoolVar(&o.insecureStorage, "insecure-storage", false, "Keep the token in the config file (mode 0600), not the OS keyring")
	_ = c.RegisterFlagCompletionFunc("token-style", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"api_access_token", "api-access-token", "bearer"}, cobra.ShellCompDirectiveNoFileComp
	})
	return c
}

func loginRun(ctx context.Context, o *loginOptions) error {
	f, ios := o.f, o.f.IOStreams
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	name := config.Resolve(cfg, config.Flags{Profile: f.Global.Profile}, f.Getenv).Profile
	prof := cfg.Profile(name)
	if prof == nil {
		prof = &config.Profile{}
	}
	if o.tokenStyle != "" {
		if !cmdutil.ValidTokenStyle(api.TokenStyle(o.tokenStyle)) {
			return cmdutil.FlagErrorf("--token-style %q is not one of api_access_token, api-access-token, bearer", o.tokenStyle)
		}
		prof.TokenStyle = o.tokenStyle
	}
	interactive := !o.withToken && ios.CanPrompt()
	if !interactive && !o.withToken {
		return cmdutil.FlagErrorf("no terminal to ask on: pass the token on stdin with --with-token (and --url, --account)")
	}
	ask := prompt.New(ios.In, ios.ErrOut)
	if f.Global.URL != "" {
		prof.URL = f.Global.URL
	} else if interactive {
		if prof.URL, err = ask.Line(ctx, "Chatwoot URL", prof.URL); err != nil {
			return loginAborted(err)
		}
	}
	if prof.URL == "" && cfg.Sandbox() {
		// The embedded sandbox answers whatever the URL; record its own.
		if s, err := f.Settings(); err == nil {
			prof.URL = s.URL.Value
		}
	}
	if prof.URL == "" {
		return cmdutil.FlagErrorf("no URL: pass --url https://chat.example.com")
	}
	token, err := readToken(ctx, o, ask)
	if err != nil {
		return err
	}
	kind := config.PlatformTokenKind
	if !o.platform {
		kind = config.UserTokenKind
		prof.UserToken = token // chooseAccount checks it with the server
		if err := o.chooseAccount(ctx, prof, interactive, ask); err != nil {
			return err
		}
	}
	// The sandbox's throwaway profile lives beside its state and is
	// forgotten with it: its seeded tokens never go to the keyring.
	where, keyringErr := prof.StoreToken(f.SecretStore(), name, kind, token, o.insecureStorage || cfg.Sandbox())
	cfg.Profiles[name] = prof
	if cfg.Current == "" {
		cfg.Current = name
	}
	if err := cfg.Save(); err != nil {
		return err
	}
	if keyringErr != nil {
		fmt.Fprintf(ios.ErrOut, "! No OS keyring to store the token in (%v): it is kept in the config file instead (mode 0600); --insecure-storage chooses that without this notice\n", keyringErr)
	}
	fmt.Fprintf(ios.ErrOut, "✓ Saved profile %q in %s (token in the %s)\n", name, cfg.Path(), storageName(where))
	return nil
}

// storageName is how messages name where a token lives.
func storageName(where string) string {
	if where == config.StoreKeyring {
		return "OS keyring"
	}
	return "config file"
}

func readToken(ctx context.Context, o *loginOptions, ask *prompt.Prompter) (string, error) {
	var token string
	if o.withToken {
		data, err := ask.All(ctx)
		if errors.Is(err, context.Canceled) {
			return "", loginAborted(err)
		}
		if err != nil {
			return "", fmt.Errorf("read token from stdin: %w", err)
		}
		token = strings.TrimSpace(data)
	} else {
		kind := "Access token"
		if o.platform {
			kind = "Platform app token"
		}
		var err error
		if token, err = ask.Secret(ctx, kind); err != nil {
			return "", loginAborted(err)
		}
	}
	if token == "" {
		return "", cmdutil.FlagErrorf("the token is empty")
	}
	return token, nil
}

// loginAborted is the error of a login whose prompt was interrupted or
// left without an answer: nothing is saved, and it exits 130.
func loginAborted(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, prompt.ErrAborted) {
		return &cmdutil.ExitError{Code: cmdutil.ExitInterrupted, Err: errors.New("login cancelled: no profile was saved")}
	}
	return fmt.Errorf("read the answer: %w", err)
}

// chooseAccount checks the token with GET /api/v1/profile and picks the account.
func (o *loginOptions) chooseAccount(ctx context.Context, prof *config.Profile, interactive bool, ask *prompt.Prompter) error {
	f := o.f
	if f.Global.Account != "" {
		id, err := strconv.ParseInt(f.Global.Account, 10, 64)
		if err != nil || id <= 0 {
			return cmdutil.FlagErrorf("--account %q is not a positive number", f.Global.Account)
		}
		prof.AccountID = id
	}
	if o.noVerify {
		return nil
	}
	client, err := api.New(api.Config{BaseURL: prof.URL, UserToken: prof.UserToken, TokenStyle: api.TokenStyle(prof.TokenStyle),
		UserAgent: "woot/" + cmdutil.Version(), Timeout: f.Global.Timeout, Retries: f.Global.Retries, HTTPClient: f.HTTPClientFor(f.Global.Insecure)})
	if err != nil {
		return err
	}
	me, _, err := (&application.API{C: client}).Profile(ctx)
	if err != nil {
		return fmt.Errorf("check the token: %w", err)
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "✓ Logged in to %s as %s (%s)\n", prof.URL, me.Name, me.Email)
	prof.User = me.Email
	if prof.AccountID != 0 || len(me.Accounts) == 0 {
		return nil
	}
	if len(me.Accounts) == 1 || !interactive {
		prof.AccountID = me.Accounts[0].ID
		return nil
	}
	for i, a := range me.Accounts {
		fmt.Fprintf(f.IOStreams.ErrOut, "  %d) %s (id %d, %s)\n", i+1, a.Name, a.ID, a.Role)
	}
	choice, err := ask.Line(ctx, "Account", "1")
	if err != nil {
		return loginAborted(err)
	}
	n, err := strconv.Atoi(choice)
	if err != nil || n < 1 || n > len(me.Accounts) {
		return cmdutil.FlagErrorf("account choice %q is not between 1 and %d", choice, len(me.Accounts))
	}
	prof.AccountID = me.Accounts[n-1].ID
	return nil
}
