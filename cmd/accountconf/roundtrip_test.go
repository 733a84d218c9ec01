package accountconf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox"
)

// The demo account exported, applied into a new empty account and
// exported again gives the same files; two exports of one account are
// byte-identical; a second apply sends no mutating request.
func TestConfigRoundTripIntoNewAccount(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	dir := t.TempDir()
	first, again, copied := filepath.Join(dir, "acme"), filepath.Join(dir, "again"), filepath.Join(dir, "copy")

	h.MustRun("config", "export", "--dir", first)
	h.MustRun("config", "export", "--dir", again)
	exported := readTree(t, first)
	assertSameTree(t, exported, readTree(t, again))
	for _, want := range []string{"account.yaml", "labels.yaml", "teams.yaml", "agents.yaml", "inboxes.yaml", "automation_rules.yaml",
		"macros.yaml", "webhooks.yaml", "agent_bots.yaml", "sla_policies.yaml", "custom_roles.yaml", "portals.yaml", "categories.yaml",
		"articles/acme-help/creating-your-account.md"} {
		if _, ok := exported[want]; !ok {
			t.Errorf("export has no %s; it has %v", want, keys(exported))
		}
	}

	account := newAccount(t, h)
	blank := filepath.Join(dir, "blank")
	h.MustRun("--account", account, "config", "export", "--dir", blank)
	for name, data := range readTree(t, blank) {
		if name != "account.yaml" && name != "agents.yaml" && !strings.HasSuffix(data, "items: []\n") {
			t.Errorf("the new account is not empty: %s\n%s", name, data)
		}
	}
	s.counts()
	h.MustRun("--account", account, "config", "apply", "-f", first)
	_, created := s.counts()
	if len(created) < 25 {
		t.Fatalf("apply into the empty account sent %d mutating requests, want the whole set-up: %v", len(created), created)
	}
	if _, err := os.Stat(first + ".journal"); !os.IsNotExist(err) {
		t.Errorf("a finished apply left its journal behind (stat: %v)", err)
	}

	h.MustRun("--account", account, "config", "export", "--dir", copied)
	assertSameTree(t, exported, readTree(t, copied))

	h.MustRun("--account", account, "config", "apply", "-f", first)
	if _, again := s.counts(); len(again) != 0 {
		t.Errorf("a second apply sent %d mutating requests, want none: %v", len(again), again)
	}
	if !strings.Contains(h.ErrOut.String(), "No changes") {
		t.Errorf("second apply: stderr %q does not say there is nothing to do", h.ErrOut)
	}
}

// Rules, team members and articles refer to other objects by natural
// key, and those keys become the new account's ids.
func TestConfigReferencesBecomeNewIDs(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	h.In = bytes.NewBufferString(`{"name":"Route website","event_name":"conversation_created","active":true,` +
		`"conditions":[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[2]}],` +
		`"actions":[{"action_name":"assign_team","action_params":[1]},{"action_name":"assign_agent","action_params":[3]}]}`)
	h.MustRun("api", "-X", "POST", "/api/v1/accounts/1/automation_rules", "--input", "-")
	h.In = nil
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir)
	rules := readTree(t, dir)["automation_rules.yaml"]
	for _, want := range []string{"- Acme Website", "- sales", "- carol@acme.test"} {
		if !strings.Contains(rules, want) {
			t.Errorf("automation_rules.yaml lacks %q (ids must be written as natural keys):\n%s", want, rules)
		}
	}

	account := newAccount(t, h)
	h.MustRun("--account", account, "config", "apply", "-f", dir)
	out := h.MustRun("--account", account, "api", "/api/v1/accounts/"+account+"/automation_rules", "--jq",
		`.payload[] | select(.name == "Route website") | [.conditions[0].values[0], .actions[0].action_params[0], .actions[1].action_params[0]] | @tsv`)
	inbox := strings.TrimSpace(h.MustRun("--account", account, "inboxes", "list", "-o", "json", "--jq", `.[] | select(.name == "Acme Website") | .id`))
	team := strings.TrimSpace(h.MustRun("--account", account, "teams", "list", "-o", "json", "--jq", `.[] | select(.name == "sales") | .id`))
	agent := strings.TrimSpace(h.MustRun("--account", account, "agents", "list", "-o", "json", "--jq", `.[] | select(.email == "carol@acme.test") | .id`))
	if got, want := strings.TrimSpace(out), inbox+"\t"+team+"\t"+agent; got != want {
		t.Errorf("the copied rule refers to %q, want the new account's inbox, team and agent ids %q", got, want)
	}
	if inbox == "2" && team == "1" && agent == "3" {
		t.Fatal("the new account reuses the old ids, so the test proves nothing")
	}
}

// No secret of the seed appears in any exported file or in any output.
func TestConfigExportWritesNoSecret(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir)
	stream := h.MustRun("config", "export")
	texts := map[string]string{"stdout of export": stream, "stderr of export": h.ErrOut.String()}
	for name, data := range readTree(t, dir) {
		texts[name] = data
	}
	h.MustRun("config", "diff", "-f", dir, "-o", "json")
	texts["diff -o json"] = h.Out.String()
	h.MustRun("config", "apply", "-f", dir, "--dry-run")
	texts["apply --dry-run"] = h.Out.String()
	secrets := []string{sandbox.SeedUserToken, sandbox.SeedPlatformToken, sandbox.SeedWebhookSecret, "sandbox-hmac-token",
		"sandbox-bot-token", "sandbox-bot-secret", "sandbox-api-inbox-secret", "sandbox-website-token", "sandbox-website-hmac-token",
		"sandbox-pubsub-admin", "sandbox-platform-bot"}
	for name, text := range texts {
		for _, secret := range secrets {
			if strings.Contains(text, secret) {
				t.Errorf("%s contains the secret %q", name, secret)
			}
		}
	}
	if !strings.Contains(texts["webhooks.yaml"], "url: http://127.0.0.1:9/") {
		t.Errorf("webhooks.yaml lost the webhook itself:\n%s", texts["webhooks.yaml"])
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A channel credential is never exported; in the files it is
// ${ENV_VAR}, read on apply, sent on create only, and plans show the
// variable rather than its value.
func TestConfigSecretFieldsComeFromTheEnvironment(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	h.In = bytes.NewBufferString(`{"name":"Support Email","channel":{"type":"email","email":"help@acme.test","imap_enabled":true,` +
		`"imap_login":"help@acme.test","imap_address":"imap.acme.test","imap_port":993,"imap_password":"imap-hunter2"}}`)
	h.MustRun("api", "-X", "POST", "/api/v1/accounts/1/inboxes", "--input", "-")
	h.In = nil
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir, "--only", "inboxes")
	inboxes := readTree(t, dir)["inboxes.yaml"]
	if strings.Contains(inboxes, "imap-hunter2") || !strings.Contains(inboxes, "imap_address: imap.acme.test") {
		t.Fatalf("inboxes.yaml:\n%s", inboxes)
	}
	email := "kind: inboxes\nitems:\n  - name: Support Email\n    channel_type: email\n    email: help@acme.test\n" +
		"    imap_enabled: true\n    imap_login: help@acme.test\n    imap_address: imap.acme.test\n    imap_port: 993\n" +
		"    imap_password: ${IMAP_PASSWORD}\n"
	only := filepath.Join(t.TempDir(), "mail")
	writeFile(t, filepath.Join(only, "inboxes.yaml"), email)

	account := newAccount(t, h)
	if code := h.Run("--account", account, "config", "apply", "-f", only); code != 2 || !strings.Contains(h.ErrOut.String(), "IMAP_PASSWORD") {
		t.Fatalf("apply without IMAP_PASSWORD: exit %d, want 2 naming the variable\n%s", code, h.ErrOut)
	}
	h.Env["IMAP_PASSWORD"] = "from-env-7c1"
	h.MustRun("--account", account, "config", "diff", "-f", only)
	if strings.Contains(h.Out.String(), "from-env-7c1") || !strings.Contains(h.Out.String(), "${IMAP_PASSWORD}") {
		t.Errorf("the plan shows the secret's value, or not its variable:\n%s", h.Out)
	}
	h.MustRun("--account", account, "config", "apply", "-f", only)
	got := strings.TrimSpace(h.MustRun("--account", account, "api", "/api/v1/accounts/"+account+"/inboxes", "--jq", `.payload[] | select(.name == "Support Email") | .imap_password`))
	if got != "from-env-7c1" {
		t.Errorf("the new inbox's IMAP password is %q, want the environment's", got)
	}
	s.counts()
	h.MustRun("--account", account, "config", "apply", "-f", only)
	if _, sent := s.counts(); len(sent) != 0 {
		t.Errorf("a secret made the second apply send %v", sent)
	}
}

// The one-stream export (-o yaml on stdout) is itself a configuration
// file that diff and apply read.
func TestConfigStreamExportIsAConfigFile(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	file := filepath.Join(t.TempDir(), "acme.yaml")
	writeFile(t, file, h.MustRun("config", "export", "-o", "yaml"))
	if code := h.Run("config", "diff", "-f", file, "--exit-code"); code != 0 {
		t.Fatalf("diff of the account with its own stream export: exit %d\n%s%s", code, h.Out, h.ErrOut)
	}
	account := newAccount(t, h)
	h.MustRun("--account", account, "config", "apply", "-f", file)
	if got, want := h.MustRun("--account", account, "config", "export"), h.MustRun("config", "export"); got != want {
		t.Errorf("the stream export of the copy differs:\n%s\nwant\n%s", got, want)
	}
}
