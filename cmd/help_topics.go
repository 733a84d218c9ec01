package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// helpTopics are `woot help <topic>` pages: commands with no run function.
func helpTopics() []topCommand {
	return []topCommand{
		{"exit-codes", func(*Factory) *cobra.Command {
			return helpTopic("exit-codes", "Exit codes and what they mean", exitCodesHelp())
		}},
		{"environment", func(*Factory) *cobra.Command {
			return helpTopic("environment", "Environment variables woot reads", environmentHelp)
		}},
		{"formatting", func(*Factory) *cobra.Command {
			return helpTopic("formatting", "Output formats, --jq, --template and --fields", formattingHelp)
		}},
	}
}

func helpTopic(name, short, long string) *cobra.Command {
	return &cobra.Command{Use: name, Short: short, Long: long}
}

func exitCodesHelp() string {
	var b strings.Builder
	b.WriteString("woot exits with one of these codes, so scripts can tell failures apart:\n\n")
	for _, e := range exitCodeTable {
		fmt.Fprintf(&b, "  %d  %s\n", e.code, e.what)
	}
	b.WriteString(`
Requests are retried before 6, 7 or 8 is returned: GET, PUT and DELETE on
network errors, 5xx and 429; POST only when the server cannot have acted on it
(connection refused, 429). --retries sets how many times. An untrusted TLS
certificate and a redirect are not retried: both come back on every attempt.

A redirect is exit 8, like a server that cannot be reached: Chatwoot's API
never redirects, so the configured URL does not lead to it. woot never
follows a redirect (it would carry the token to the other address); fix
CHATWOOT_URL or the profile's URL instead. It is not exit 3, because the
credentials were never tried.
`)
	return b.String()
}

const environmentHelp = `Flags win over environment variables, which win over the config file.

  CHATWOOT_URL                 base URL, e.g. https://chat.example.com ("sandbox" = embedded sandbox)
  CHATWOOT_API_TOKEN           a user's or agent bot's access token (Application API)
  CHATWOOT_PLATFORM_TOKEN      a platform app's token (Platform API)
  CHATWOOT_ACCOUNT_ID          the account of Application API paths
  CHATWOOT_INBOX_IDENTIFIER    the API inbox identifier (Client API)
  CHATWOOT_CONTACT_IDENTIFIER  the contact's source_id (Client API)
  CHATWOOT_HMAC_TOKEN          the inbox HMAC token, to compute identifier_hash
  CHATWOOT_WEBHOOK_SECRET      a webhook's secret (verify, webhooks receive, listen --forward-to)
  WOOT_PROFILE                 the profile to use (default: the current one)
  WOOT_CONFIG_DIR              where config.json lives (default: the user config dir)
  WOOT_DEBUG=api               log requests and responses to stderr, tokens redacted
  NO_COLOR                     turn colour off
  CLICOLOR_FORCE=1             keep colour on when piped
`

const formattingHelp = `-o table|json|ndjson|csv|tsv|yaml chooses the format. Without -o, a terminal
gets a table and a pipe gets tab-separated values without a header and with
RFC 3339 times, so "cut -f2" works.

List commands print the items themselves (Chatwoot's payload envelopes are
removed); single-object commands print the object. JSON output keeps every
field the server sent. Lists stream: --all prints items as pages arrive.

  --fields id,name,email     columns for table, csv and tsv (dotted paths:
                             meta.sender.name, custom_attributes.plan)
  --jq EXPR                  filter JSON with jq (no jq binary needed); on a
                             list the expression sees the whole array, or each
                             item with -o ndjson
  --template TPL             format with a Go template; functions: json,
                             pretty, join, upper, lower, time, timeago
  --output-file FILE         write to a file instead of stdout

Examples:
  $ woot contacts list --all --jq '.[] | select(.email != null) | .email'
  $ woot conversations list -o ndjson --jq '.id'
  $ woot contacts get 42 --template '{{.name}} <{{.email}}>'
`
