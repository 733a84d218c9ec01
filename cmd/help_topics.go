package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// helpTopics are `woot help <topic>` pages: commands with no run function.
func helpTopics() []topCommand {
	return []topCommand{
		{name: "exit-codes", build: func(*cmdutil.Factory) *cobra.Command {
			return helpTopic("exit-codes", "Exit codes and what they mean", exitCodesHelp())
		}},
		{name: "environment", build: func(*cmdutil.Factory) *cobra.Command {
			return helpTopic("environment", "Environment variables woot reads", environmentHelp)
		}},
		{name: "formatting", build: func(*cmdutil.Factory) *cobra.Command {
			return helpTopic("formatting", "Output formats, --jq, --template and --fields", formattingHelp)
		}},
		{name: "security", build: func(*cmdutil.Factory) *cobra.Command {
			return helpTopic("security", "Where secrets go, what is redacted, redirects and TLS", securityHelp)
		}},
	}
}

func helpTopic(name, short, long string) *cobra.Command {
	return &cobra.Command{Use: name, Short: short, Long: long}
}

func exitCodesHelp() string {
	var b strings.Builder
	b.WriteString("woot exits with one of these codes, so scripts can tell failures apart:\n\n")
	for _, e := range cmdutil.ExitCodeTable {
		fmt.Fprintf(&b, "  %-3d  %s\n", e.Code, e.What)
	}
	b.WriteString(`
Requests are retried before 7 or 8 is returned: GET, PUT and DELETE on
network errors and 5xx; POST only when the server cannot have acted on it
(connection refused). --retries sets how many times. A 429 (any method) waits
for the server's rate window to reopen instead, one probe at a time, and the
command paces itself to what the window allowed; 6 is returned only when
nothing got through for two windows (--rate-window, 1m for Chatwoot).
 An untrusted TLS certificate and a redirect are not retried: both come back on every attempt.

A redirect is exit 8, like a server that cannot be reached: Chatwoot's API
never redirects, so the configured URL does not lead to it. woot never
follows a redirect (it would carry the token to the other address); fix
CHATWOOT_URL or the profile's URL instead. It is not exit 3, because the
credentials were never tried.

The first Ctrl-C or SIGTERM stops the command cleanly (a bulk job's journal
stays valid, --output-file keeps its previous content) and exits 130; a second
one exits at once. A reader that closes the pipe early (woot … | head -1) is
not an error: woot stops and exits 0.
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
  WOOT_SANDBOX_WITHOUT         optional features the embedded sandbox lacks (e.g. captain,sla)
  NO_COLOR                     turn colour off
  CLICOLOR_FORCE=1             keep colour on when piped
`

const securityHelp = `Tokens and secrets never need the command line, where ps and the shell
history show them: tokens come from the environment, the config file
(refused when other users can read it: chmod 600 fixes it, as ssh asks) or
stdin (woot auth login --with-token). Webhook secrets come from
--secret-file FILE (listen: --forward-secret-file), CHATWOOT_WEBHOOK_SECRET
or the profile, in that order; a trailing newline in the file is ignored and
a file other users can read draws a chmod warning. --secret S (listen:
--forward-secret) works too and wins over all of them, but every user of the
machine can read S in ps: prefer the file or the environment.

Redacted in --debug logs and error messages (by field name, wherever it
appears: nested JSON, form bodies, query strings, headers):
  access_token, pubsub_token, secret, hmac_token, webhook_secret, any
  *_token or *_secret field, passwords, cookies, and the api_access_token,
  api-access-token and Authorization headers; also the configured tokens'
  values wherever a server echoes them.

Kept in data output: what you ask for is printed whole, so
"woot agent-bots get 3 -o json" shows the bot's access_token and
"woot webhooks list -o json" each webhook's secret. Two exceptions:
  - the configured tokens themselves are never printed, not even when a
    server sends them back (GET /api/v1/profile returns your access_token);
  - "woot profile get" hides pubsub_token (it lets anyone read your
    realtime events) unless --show-secrets is given.
"woot api" prints raw bodies, with the same exception for the configured
tokens only.

Redirects: Chatwoot's API never redirects, so woot never follows one; a
redirect ends the command with exit 8 and "the server redirected to X:
check CHATWOOT_URL". No token, identifier or body is sent to X, whatever
its host or scheme. The same holds for the websocket of "woot listen".

"woot webhooks receive" can face the internet: the signature headers are
checked before the body is read (missing, malformed or outside --tolerance:
401 at once); a body over --max-body (default 1 MiB) gets 413 and is read no
further; --read-header-timeout (10s), --read-timeout (30s, the whole
request) and --idle-timeout (60s) close slow connections; past
--max-in-flight requests (32) the answer is 503. A timestamp and signature
pair accepted before within the tolerance window is a replay (401, not
printed, not forwarded) whatever its X-Chatwoot-Delivery id, which is not
signed; the last 10000 pairs are remembered. It serves plain HTTP: put TLS
in front of it (a reverse proxy) when it is reached over a network.

The sandbox's websocket server never logs a pubsub token, even one it
refuses.

TLS: an untrusted certificate is not retried (exit 8); the message says
which check failed. For a private CA, point SSL_CERT_FILE at its PEM
bundle or add it to the system's CA bundle. --insecure (or a profile's
insecure setting) skips the check and prints a warning on every run.
`

const formattingHelp = `-o table|json|ndjson|csv|tsv|yaml chooses the format. Without -o, a terminal
gets a table and a pipe gets tab-separated values without a header and with
RFC 3339 times, so "cut -f2" works.

List commands print the items themselves (Chatwoot's payload envelopes are
removed); single-object commands print the object. JSON output keeps every
field the server sent. Lists stream: --all prints items as pages arrive
(a table waits for the last row, to size its columns).

  --fields id,name,email     columns for table, csv and tsv (dotted paths:
                             meta.sender.name, custom_attributes.plan); with
                             json, ndjson, yaml, --jq or --template the only
                             fields each item keeps; an unknown name fails
  --jq EXPR                  filter JSON with jq (no jq binary needed); on a
                             list the expression sees the whole array, or each
                             item with -o ndjson
  --template TPL             format with a Go template; functions: json,
                             pretty, join, upper, lower, time, timeago, and
                             Go's (len, index, printf, eq, lt, and, or, ...);
                             a 0 is false, a field of null is null, numbers
                             compare by value: {{if gt .unread_count 0}}
  --output-file FILE         write to a file instead of stdout

Examples:
  $ woot contacts list --all --jq '.[] | select(.email != null) | .email'
  $ woot conversations list -o ndjson --jq '.id'
  $ woot contacts get 42 --template '{{.name}} <{{.email}}>'
`
