package cmdutil

import (
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
)

// IsGlobalValueFlag reports whether arg is a global flag that takes a
// value, so that the word after it is not a command.
func IsGlobalValueFlag(arg string) bool {
	switch arg {
	case "--profile", "--account", "--url", "--timeout", "--retries", "--rate", "--rate-window":
		return true
	}
	return false
}

// BindGlobalFlags defines the flags every command accepts on root.
func BindGlobalFlags(root *cobra.Command, g *GlobalOptions) {
	fs := root.PersistentFlags()
	fs.StringVar(&g.Profile, "profile", "", "Use this named profile (env WOOT_PROFILE)")
	fs.StringVar(&g.Account, "account", "", "Account id for Application API paths (env CHATWOOT_ACCOUNT_ID)")
	fs.StringVar(&g.URL, "url", "", "Chatwoot base URL (env CHATWOOT_URL)")
	fs.BoolVar(&g.Debug, "debug", false, "Log requests and responses to stderr, tokens redacted (env WOOT_DEBUG=api)")
	fs.DurationVar(&g.Timeout, "timeout", 30*time.Second, "Time limit for each HTTP attempt")
	fs.IntVar(&g.Retries, "retries", 3, "Retries for safe requests on network errors and 5xx (a 429 waits for the rate window instead)")
	fs.Float64Var(&g.Rate, "rate", 0, "Cap requests per second (0 = no cap; the server's limit is found from its 429s)")
	fs.DurationVar(&g.RateWindow, "rate-window", api.DefaultRateWindow, "The server's rate-limit window (Chatwoot: 1m); everything refused for two windows gives up with exit 6")
	fs.BoolVar(&g.Sandbox, "sandbox", false, "Serve every request from the embedded sandbox (or CHATWOOT_URL=sandbox)")
	fs.BoolVar(&g.Insecure, "insecure", false, "Skip TLS certificate verification (not recommended)")
}
