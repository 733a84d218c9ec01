package sandbox

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

func NewCmd(f *cmdutil.Factory) *cobra.Command {
	c := operation.GroupCmd("sandbox", "Run a local, stateful Chatwoot emulator")
	c.GroupID = cmdutil.GroupTools
	c.Long = `The sandbox behaves like a Chatwoot installation (all three API families,
Chatwoot's list shapes, errors and auth rules, ActionCable on /cable, signed
webhooks) with seeded demo data, so woot and scripts can be tried and tested
with no Chatwoot at hand.

  woot sandbox serve     runs it as a server (for CI pipelines and other tools)
  woot --sandbox …       runs any command against an in-process sandbox whose
                         state persists between invocations`
	c.AddCommand(newSandboxServeCmd(f), newSandboxResetCmd(f))
	return c
}

type serveOptions struct {
	addr      string
	seed      string
	state     string
	latency   time.Duration
	failRate  float64
	resetRate float64
	rateLimit string
	randSeed  int64
	quiet     bool
	without   []string
}

func newSandboxServeCmd(f *cmdutil.Factory) *cobra.Command {
	o := &serveOptions{}
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve a sandbox Chatwoot on a local address until interrupted",
		Long: `Serve the sandbox over HTTP. The first lines on stdout are shell assignments
of the URL, tokens and identifiers to use (eval-able); the request log goes to
stderr. Fault injection makes it a test bed for clients: --latency,
--fail-rate (5xx), --reset-rate (dropped connections), --rate-limit N/min
(429 "Retry later" with no Retry-After, as Chatwoot's rack-attack answers).`,
		Example: `  $ woot sandbox serve
  $ woot sandbox serve --addr 127.0.0.1:3100 --seed empty --state sandbox.json
  $ woot sandbox serve --latency 50ms --fail-rate 0.1 --rate-limit 600/min
  $ woot sandbox serve --without captain,sla`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return serveRun(c.Context(), f, o) },
	}
	fs := c.Flags()
	fs.StringVar(&o.addr, "addr", "127.0.0.1:3000", "Address to listen on")
	fs.StringVar(&o.seed, "seed", "demo", "Initial data: demo|empty")
	fs.StringVar(&o.state, "state", "", "Keep state in FILE: loaded at start, every write saved before it is answered")
	fs.DurationVar(&o.latency, "latency", 0, "Delay every response by this long")
	fs.Float64Var(&o.failRate, "fail-rate", 0, "Fraction of requests answered with a 5xx (0-1)")
	fs.Float64Var(&o.resetRate, "reset-rate", 0, "Fraction of connections dropped without an answer (0-1)")
	fs.StringVar(&o.rateLimit, "rate-limit", "", "Requests allowed per minute, e.g. 600/min")
	fs.Int64Var(&o.randSeed, "rand-seed", 1, "Seed for fault injection, so runs repeat")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "Do not log requests")
	fs.StringSliceVar(&o.without, "without", nil, "Answer as an installation that lacks these optional features: "+strings.Join(api.FeatureNames(), ", ")+
		" (the embedded sandbox reads WOOT_SANDBOX_WITHOUT)")
	_ = c.RegisterFlagCompletionFunc("seed", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"demo", "empty"}, cobra.ShellCompDirectiveNoFileComp
	})
	return c
}

func parseRateLimit(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, unit, _ := strings.Cut(s, "/")
	perMin, err := strconv.Atoi(n)
	if err != nil || perMin <= 0 || (unit != "" && unit != "min" && unit != "m") {
		return 0, cmdutil.FlagErrorf("--rate-limit %q: expected requests per minute like 600/min", s)
	}
	return perMin, nil
}

func serveRun(ctx context.Context, f *cmdutil.Factory, o *serveOptions) error {
	perMin, err := parseRateLimit(o.rateLimit)
	if err != nil {
		return err
	}
	if o.seed != "demo" && o.seed != "empty" {
		return cmdutil.FlagErrorf("--seed %q is not one of demo, empty", o.seed)
	}
	for name, v := range map[string]float64{"--fail-rate": o.failRate, "--reset-rate": o.resetRate} {
		if v < 0 || v > 1 {
			return cmdutil.FlagErrorf("%s %v is not between 0 and 1", name, v)
		}
	}
	for _, name := range o.without {
		if !slices.Contains(api.FeatureNames(), name) {
			return cmdutil.FlagErrorf("--without %q is not a feature; use one of %s", name, strings.Join(api.FeatureNames(), ", "))
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (pick another --addr)", o.addr, err)
	}
	url := "http://" + ln.Addr().String()
	opts := sandbox.Options{
		Seed: o.seed, StatePath: o.state, Latency: o.latency, FailRate: o.failRate,
		ResetRate: o.resetRate, RateLimit: perMin, RandSeed: o.randSeed, BaseURL: url, Without: o.without,
	}
	if !o.quiet {
		opts.Logf = func(format string, args ...any) { fmt.Fprintf(f.IOStreams.ErrOut, format+"\n", args...) }
	}
	sb, err := sandbox.New(opts)
	if err != nil {
		ln.Close()
		return err
	}
	defer sb.Close()
	// `kill` (as CI recipes stop it), a closed terminal and Ctrl-C all save
	// and stop cleanly.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	printServeBanner(f, url, sb.Credentials())
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	if err := sb.Save(); err != nil {
		return fmt.Errorf("save sandbox state: %w", err)
	}
	fmt.Fprintln(f.IOStreams.ErrOut, "sandbox stopped")
	return nil
}

// printServeBanner prints eval-able settings on stdout and a note on stderr.
// These are the sandbox's own well-known tokens, not secrets.
func printServeBanner(f *cmdutil.Factory, url string, c sandbox.Credentials) {
	out := f.IOStreams.Out
	fmt.Fprintf(out, "CHATWOOT_URL=%s\n", url)
	fmt.Fprintf(out, "CHATWOOT_API_TOKEN=%s\n", c.UserToken)
	fmt.Fprintf(out, "CHATWOOT_PLATFORM_TOKEN=%s\n", c.PlatformToken)
	fmt.Fprintf(out, "CHATWOOT_ACCOUNT_ID=%d\n", c.AccountID)
	fmt.Fprintf(out, "CHATWOOT_INBOX_IDENTIFIER=%s\n", c.InboxIdentifier)
	if c.ContactIdentifier != "" {
		fmt.Fprintf(out, "CHATWOOT_CONTACT_IDENTIFIER=%s\n", c.ContactIdentifier)
	}
	fmt.Fprintf(out, "CHATWOOT_HMAC_TOKEN=%s\n", c.HMACToken)
	if c.WebhookSecret != "" {
		fmt.Fprintf(out, "CHATWOOT_WEBHOOK_SECRET=%s\n", c.WebhookSecret)
	}
	if s, ok := out.(interface{ Sync() error }); ok {
		_ = s.Sync()
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "sandbox Chatwoot listening on %s (ActionCable: %s/cable); Ctrl-C stops it\n", url, strings.Replace(url, "http", "ws", 1))
}

func newSandboxResetCmd(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "reset",
		Short:   "Forget the embedded sandbox's state and profile; the next --sandbox command starts fresh",
		Example: "  $ woot sandbox reset",
		Args:    cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, err := cmdutil.SandboxStatePath(f.Getenv)
			if err != nil {
				return err
			}
			if err := sandbox.RemoveState(path); err != nil {
				return fmt.Errorf("remove %s: %w", path, err)
			}
			profile := cmdutil.SandboxProfileDir(path)
			if err := os.RemoveAll(profile); err != nil {
				return fmt.Errorf("remove the sandbox profile %s: %w", profile, err)
			}
			fmt.Fprintf(f.IOStreams.ErrOut, "✓ Sandbox state and sandbox profile removed (%s)\n", path)
			return nil
		},
	}
}
