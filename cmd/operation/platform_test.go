package operation_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/platform"
)

// platformToken fails a request that does not carry exactly the platform
// app's token in Chatwoot's header, or that carries the user's token
// anywhere. Values are never put in the message: test logs are output too.
func platformToken(r *http.Request) error {
	got := r.Header.Get("api_access_token")
	if vs := r.Header["api_access_token"]; len(vs) > 0 {
		got = vs[0]
	}
	switch got {
	case cmdtest.TestPlatformToken:
	case cmdtest.TestToken:
		return fmt.Errorf("a Platform API request carried the user's token instead of the platform app's")
	case "":
		return fmt.Errorf("a Platform API request carried no api_access_token header")
	default:
		return fmt.Errorf("a Platform API request carried an unknown token")
	}
	if r.Header.Get("Authorization") != "" {
		return fmt.Errorf("a Platform API request carried an Authorization header as well")
	}
	return nil
}

// Fixtures in the shapes the Platform API renders (swagger.json's
// platform_account, account_user, agent_bot and user schemas).

func platformAccountJSON(id int, name, status string) string {
	return fmt.Sprintf(`{"id":%d,"name":%q,"locale":"en","domain":"acme.example","support_email":"help@acme.example",`+
		`"enabled_features":{"inbound_emails":true,"channel_website":true},"custom_attributes":{"plan":"pro"},"limits":{"agents":5},"status":%q}`,
		id, name, status)
}

func accountUserJSON(userID int, role string) string {
	return fmt.Sprintf(`{"id":%d,"account_id":7,"user_id":%d,"role":%q,"inviter_id":null,"created_at":"2025-11-21T08:00:00.000Z",`+
		`"updated_at":"2025-11-21T08:00:00.000Z","active_at":null,"availability":"offline","auto_offline":true,"custom_role_id":null}`,
		userID+100, userID, role)
}

func agentBotJSON(id int, outgoing string) string {
	return fmt.Sprintf(`{"id":%d,"name":"Triage","description":"Routes new conversations","thumbnail":"","outgoing_url":%q,`+
		`"bot_type":"webhook","bot_config":{},"account_id":7,"access_token":"bot-access-%d","system_bot":false}`, id, outgoing, id)
}

func platformUserJSON(displayName string) string {
	return `{"id":42,"access_token":"user-access-42","account_id":7,"available_name":"` + displayName + `","avatar_url":"","confirmed":true,` +
		`"display_name":"` + displayName + `","message_signature":null,"email":"ann@acme.example","hmac_identifier":"","inviter_id":null,` +
		`"name":"Ann Lee","provider":"email","pubsub_token":"user-pubsub-42","role":"administrator","ui_settings":{},"uid":"ann@acme.example","type":null,` +
		`"custom_attributes":{"team":"emea"},"accounts":[{"id":7,"name":"Acme Support","status":"active","active_at":null,"role":"administrator",` +
		`"permissions":["administrator"],"availability":"offline","availability_status":"offline","auto_offline":true,"custom_role_id":null,"custom_role":null},` +
		`{"id":9,"name":"Globex","status":"active","active_at":null,"role":"agent","permissions":["agent"],"availability":"offline",` +
		`"availability_status":"offline","auto_offline":true,"custom_role_id":null,"custom_role":null}]}`
}

func platformCases() []opCase {
	const p = "/platform/api/v1"
	return []opCase{
		{
			command: "platform accounts list",
			args:    []string{"platform", "accounts", "list", "-o", "json", "--jq", `.[] | "\(.id) \(.status)"`},
			method:  "GET", path: p + "/accounts", beyond: true,
			resp:   "[" + platformAccountJSON(7, "Acme Support", "active") + "," + platformAccountJSON(9, "Globex", "suspended") + "]",
			stdout: "7 active\n9 suspended\n",
		},
		{
			command: "platform accounts create",
			args: []string{"platform", "accounts", "create", "--name", "Acme Support", "--locale", "en", "--usage-limit", "agents=5",
				"--custom-attribute", "plan=pro", "-o", "json", "--jq", ".id"},
			method: "POST", path: p + "/accounts",
			body: `{"name":"Acme Support","locale":"en","limits":{"agents":5},"custom_attributes":{"plan":"pro"}}`,
			resp: platformAccountJSON(7, "Acme Support", "active"), stdout: "7\n",
		},
		{
			command: "platform accounts get",
			args:    []string{"platform", "accounts", "get", "7", "-o", "json", "--jq", ".limits.agents"},
			method:  "GET", path: p + "/accounts/7",
			resp: platformAccountJSON(7, "Acme Support", "active"), stdout: "5\n",
		},
		{
			command: "platform accounts update",
			args:    []string{"platform", "accounts", "update", "7", "--status", "suspended", "--support-email", "help@acme.example", "-o", "json", "--jq", ".status"},
			method:  "PATCH", path: p + "/accounts/7",
			body: `{"status":"suspended","support_email":"help@acme.example"}`,
			resp: platformAccountJSON(7, "Acme Support", "suspended"), stdout: "suspended\n",
		},
		{
			command: "platform accounts delete",
			args:    []string{"platform", "accounts", "delete", "7", "--yes"}, tty: true,
			method: "DELETE", path: p + "/accounts/7",
			stderr: "✓ DELETE " + p + "/accounts/7: 200",
		},
		{
			command: "platform account-users list",
			args:    []string{"platform", "account-users", "list", "7", "-o", "json", "--jq", `.[] | select(.role == "administrator") | .user_id`},
			method:  "GET", path: p + "/accounts/7/account_users",
			resp:   "[" + accountUserJSON(42, "administrator") + "," + accountUserJSON(43, "agent") + "]",
			stdout: "42\n",
		},
		{
			command: "platform account-users create",
			args:    []string{"platform", "account-users", "create", "7", "--user-id", "42", "--role", "administrator", "-o", "json", "--jq", `"\(.user_id) \(.role)"`},
			method:  "POST", path: p + "/accounts/7/account_users",
			body: `{"user_id":42,"role":"administrator"}`,
			resp: accountUserJSON(42, "administrator"), stdout: "42 administrator\n",
		},
		{
			command: "platform account-users delete",
			args:    []string{"platform", "account-users", "delete", "7", "--user-id", "43", "--yes"}, tty: true,
			method: "DELETE", path: p + "/accounts/7/account_users",
			query:  url.Values{"user_id": {"43"}},
			stderr: "✓ DELETE " + p + "/accounts/7/account_users: 200",
		},
		{
			command: "platform email-channel-migrations create",
			args: []string{"platform", "email-channel-migrations", "create", "7", "--migrations", "@-",
				"-o", "json", "--jq", `.[] | "\(.email) \(.status) \(.inbox_id // .message)"`},
			stdin:  `[{"email":"support@acme.example","provider":"google","provider_config":{"refresh_token":"r1"}},{"email":"sales@acme.example","provider":"microsoft","provider_config":{"refresh_token":"r2"}}]`,
			method: "POST", path: p + "/accounts/7/email_channel_migrations", beyond: true,
			body: `{"migrations":[{"email":"support@acme.example","provider":"google","provider_config":{"refresh_token":"r1"}},{"email":"sales@acme.example","provider":"microsoft","provider_config":{"refresh_token":"r2"}}]}`,
			resp: `{"results":[{"email":"support@acme.example","status":"success","inbox_id":21,"channel_id":9},` +
				`{"email":"sales@acme.example","status":"error","message":"Email has already been taken"}]}`,
			stdout: "support@acme.example success 21\nsales@acme.example error Email has already been taken\n",
		},
		{
			command: "platform agent-bots list",
			args:    []string{"platform", "agent-bots", "list", "-o", "json", "--jq", ".[].outgoing_url"},
			method:  "GET", path: p + "/agent_bots",
			resp:   "[" + agentBotJSON(3, "https://bots.acme.example/triage") + "," + agentBotJSON(4, "https://bots.acme.example/faq") + "]",
			stdout: "https://bots.acme.example/triage\nhttps://bots.acme.example/faq\n",
		},
		{
			command: "platform agent-bots create",
			args: []string{"platform", "agent-bots", "create", "--name", "Triage", "--outgoing-url", "https://bots.acme.example/triage",
				"--account-id", "7", "-o", "json", "--jq", `"\(.id) \(.account_id)"`},
			method: "POST", path: p + "/agent_bots",
			body: `{"name":"Triage","outgoing_url":"https://bots.acme.example/triage","account_id":7}`,
			resp: agentBotJSON(3, "https://bots.acme.example/triage"), stdout: "3 7\n",
		},
		{
			command: "platform agent-bots get",
			args:    []string{"platform", "agent-bots", "get", "3", "-o", "json", "--jq", ".bot_type"},
			method:  "GET", path: p + "/agent_bots/3",
			resp: agentBotJSON(3, "https://bots.acme.example/triage"), stdout: "webhook\n",
		},
		{
			command: "platform agent-bots update",
			args:    []string{"platform", "agent-bots", "update", "3", "--outgoing-url", "https://bots.acme.example/v2/triage", "-o", "json", "--jq", ".outgoing_url"},
			method:  "PATCH", path: p + "/agent_bots/3",
			body: `{"outgoing_url":"https://bots.acme.example/v2/triage"}`,
			resp: agentBotJSON(3, "https://bots.acme.example/v2/triage"), stdout: "https://bots.acme.example/v2/triage\n",
		},
		{
			command: "platform agent-bots delete",
			args:    []string{"platform", "agent-bots", "delete", "3", "--yes"}, tty: true,
			method: "DELETE", path: p + "/agent_bots/3",
			stderr: "✓ DELETE " + p + "/agent_bots/3: 200",
		},
		{
			command: "platform agent-bots avatar delete",
			args:    []string{"platform", "agent-bots", "avatar", "delete", "3", "--yes"}, tty: true,
			method: "DELETE", path: p + "/agent_bots/3/avatar", beyond: true,
			stderr: "✓ DELETE " + p + "/agent_bots/3/avatar: 200",
		},
		{
			command: "platform users create",
			args:    []string{"platform", "users", "create", "--name", "Ann Lee", "--email", "ann@acme.example", "--input", "-", "-o", "json", "--jq", ".id"},
			stdin:   `{"password":"Sup3r-Secret!"}`,
			method:  "POST", path: p + "/users",
			body: `{"name":"Ann Lee","email":"ann@acme.example","password":"Sup3r-Secret!"}`,
			resp: platformUserJSON("Ann Lee"), stdout: "42\n",
		},
		{
			command: "platform users get",
			args:    []string{"platform", "users", "get", "42", "-o", "json", "--jq", `.accounts[] | "\(.name) \(.role)"`},
			method:  "GET", path: p + "/users/42",
			resp: platformUserJSON("Ann Lee"), stdout: "Acme Support administrator\nGlobex agent\n",
		},
		{
			command: "platform users update",
			args:    []string{"platform", "users", "update", "42", "--display-name", "Ann", "--custom-attribute", "team=emea", "-o", "json", "--jq", ".display_name"},
			method:  "PATCH", path: p + "/users/42",
			body: `{"display_name":"Ann","custom_attributes":{"team":"emea"}}`,
			resp: platformUserJSON("Ann"), stdout: "Ann\n",
		},
		{
			command: "platform users delete",
			args:    []string{"platform", "users", "delete", "42", "--yes"}, tty: true,
			method: "DELETE", path: p + "/users/42",
			stderr: "✓ DELETE " + p + "/users/42: 200",
		},
		{
			command: "platform users login-url",
			args:    []string{"platform", "users", "login-url", "42", "-o", "json", "--jq", ".url"},
			method:  "GET", path: p + "/users/42/login",
			resp:   `{"url":"https://chat.acme.example/app/login?email=ann%40acme.example&sso_auth_token=Qm9vNzRmZ2h0"}`,
			stdout: "https://chat.acme.example/app/login?email=ann%40acme.example&sso_auth_token=Qm9vNzRmZ2h0\n",
		},
		{
			command: "platform users token",
			args:    []string{"platform", "users", "token", "42", "-o", "json", "--jq", ".user.email"},
			method:  "POST", path: p + "/users/42/token", beyond: true,
			resp:   `{"access_token":"user-access-42","expiry":null,"user":{"id":42,"name":"Ann Lee","display_name":"Ann","email":"ann@acme.example","pubsub_token":"user-pubsub-42"}}`,
			stdout: "ann@acme.example\n",
		},
	}
}

// TestPlatformOperations runs every Platform API command against the stub;
// each request must carry the platform app's token, never the user's.
func TestPlatformOperations(t *testing.T) {
	cases := platformCases()
	checkCoverage(t, platform.Operations(), cases)
	for _, tc := range cases {
		t.Run(tc.command, func(t *testing.T) { runOpCase(t, tc, platformToken) })
	}
}

func TestPlatformNonPermissibleResourceExplainsOwnership(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/platform/api/v1/accounts/99", 401, `{"error":"Non permissible resource"}`).Check = func(r *http.Request, _ []byte) error {
		return platformToken(r)
	}
	if code := h.Run("platform", "accounts", "get", "99"); code != cmdutil.ExitAuth {
		t.Fatalf("exit %d, want %d; stderr %s", code, cmdutil.ExitAuth, h.ErrOut)
	}
	stderr := h.ErrOut.String()
	for _, want := range []string{"HTTP 401: Non permissible resource", "hint: a platform app sees only the accounts, users and bots it created itself"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if h.Out.Len() != 0 {
		t.Errorf("stdout is not empty on error: %q", h.Out)
	}
}

func TestPlatformWithoutPlatformTokenSendsNothing(t *testing.T) {
	h := cmdtest.NewHarness(t)
	delete(h.Env, "CHATWOOT_PLATFORM_TOKEN")
	// The user token stays configured: it must not be sent in its place.
	if code := h.Run("platform", "accounts", "get", "7"); code != cmdutil.ExitAuth {
		t.Fatalf("exit %d, want %d", code, cmdutil.ExitAuth)
	}
	if !strings.Contains(h.ErrOut.String(), "CHATWOOT_PLATFORM_TOKEN") {
		t.Errorf("stderr does not name the missing setting:\n%s", h.ErrOut)
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Errorf("sent %d requests without a platform token", n)
	}
}
