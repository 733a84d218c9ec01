#!/bin/sh
# provision.sh: set up a Chatwoot tenant with the Platform API.
#
# Creates an account, a user, makes the user an administrator of the
# account, and creates an agent bot for the account. Prints the new ids on
# stdout as shell assignments, e.g. `eval "$(./provision.sh)"`; progress goes
# to stderr.
#
# Needs a Chatwoot URL and a platform app token, from the environment
# (CHATWOOT_URL, CHATWOOT_PLATFORM_TOKEN) or woot's current profile; or run
# it on woot's sandbox with CHATWOOT_URL=sandbox. See README.md beside it.
set -eu

# The woot to run. Split on spaces on purpose, so WOOT='woot --sandbox' or
# WOOT='woot --profile staging' work; a path with spaces does not.
WOOT=${WOOT:-woot}

ACCOUNT_NAME=${ACCOUNT_NAME:-Acme Support}
ACCOUNT_LOCALE=${ACCOUNT_LOCALE:-en}
ADMIN_NAME=${ADMIN_NAME:-Ann Lee}
ADMIN_EMAIL=${ADMIN_EMAIL:-ann@acme.example}
BOT_NAME=${BOT_NAME:-Triage}
BOT_URL=${BOT_URL:-https://bots.acme.example/triage}

say() { printf '%s\n' "$*" >&2; }

# json_string quotes a value for JSON: backslashes and double quotes are
# escaped; control characters are not expected in a password.
json_string() {
	printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# Chatwoot wants upper- and lowercase letters, a digit and a symbol. A
# generated password is never shown: sign in with a one-time link instead.
if [ -z "${ADMIN_PASSWORD:-}" ]; then
	ADMIN_PASSWORD="$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 20)Aa1!"
	generated=yes
else
	generated=no
fi

say "Creating account \"$ACCOUNT_NAME\"..."
account_id=$($WOOT platform accounts create --name "$ACCOUNT_NAME" --locale "$ACCOUNT_LOCALE" -o json --jq .id)

# The password travels on stdin (--input -), never on woot's command line,
# where other users of the machine could read it.
say "Creating user $ADMIN_EMAIL..."
user_id=$(printf '{"password":%s}\n' "$(json_string "$ADMIN_PASSWORD")" |
	$WOOT platform users create --name "$ADMIN_NAME" --email "$ADMIN_EMAIL" --input - -o json --jq .id)

say "Making user $user_id an administrator of account $account_id..."
role=$($WOOT platform account-users create "$account_id" --user-id "$user_id" --role administrator -o json --jq .role)
if [ "$role" != administrator ]; then
	say "error: the server made user $user_id \"$role\", not administrator"
	exit 1
fi

say "Creating agent bot \"$BOT_NAME\"..."
bot_id=$($WOOT platform agent-bots create --name "$BOT_NAME" --outgoing-url "$BOT_URL" --account-id "$account_id" -o json --jq .id)

if [ "$generated" = yes ]; then
	say "The user got a random password; sign in once with: $WOOT platform users login-url $user_id"
fi
say "Done."
printf 'account_id=%s\nuser_id=%s\nagent_bot_id=%s\n' "$account_id" "$user_id" "$bot_id"
