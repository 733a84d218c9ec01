package auth_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/auth"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
)

func loggedOutHarness(t *testing.T) *cmdtest.Harness {
	h := cmdtest.NewHarness(t)
	for _, k := range []string{"CHATWOOT_URL", "CHATWOOT_API_TOKEN", "CHATWOOT_PLATFORM_TOKEN", "CHATWOOT_ACCOUNT_ID"} {
		delete(h.Env, k)
	}
	return h
}

func readConfigFile(t *testing.T, h *cmdtest.Harness) (*config.File, os.FileInfo) {
	t.Helper()
	path := filepath.Join(h.Env["WOOT_CONFIG_DIR"], "config.json")
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(h.Env["WOOT_CONFIG_DIR"])
	if err != nil {
		t.Fatal(err)
	}
	return cfg, st
}

func TestLoginWithTokenOnStdinWithoutTerminal(t *testing.T) {
	h := loggedOutHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	h.In = bytes.NewBufferString(cmdtest.TestToken + "\n")
	h.MustRun("auth", "login", "--url", h.Stub.URL, "--with-token")
	cfg, st := readConfigFile(t, h)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("config file mode %v, want 0600", st.Mode().Perm())
	}
	p := cfg.Profile("default")
	if p == nil || p.URL != h.Stub.URL || p.UserToken != cmdtest.TestToken || p.AccountID != 1 {
		t.Fatalf("saved profile %+v", p)
	}
	if !strings.Contains(h.ErrOut.String(), "Logged in to") {
		t.Fatalf("stderr: %s", h.ErrOut)
	}
	// With the profile saved, commands need no environment at all.
	h.Stub.On("GET", "/api/v1/accounts/1/contacts/5", 200, `{"payload":`+cmdtest.ContactJSON(5)+`}`)
	if out := h.MustRun("contacts", "get", "5", "--jq", ".email"); out != "contact5@example.com\n" {
		t.Fatalf("contacts get after login printed %q", out)
	}
}

func TestLoginInteractivePicksAccount(t *testing.T) {
	h := loggedOutHarness(t)
	h.TTY = true
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	h.In = bytes.NewBufferString(h.Stub.URL + "\n" + cmdtest.TestToken + "\n2\n")
	h.MustRun("auth", "login", "--profile", "work")
	cfg, _ := readConfigFile(t, h)
	if p := cfg.Profile("work"); p == nil || p.AccountID != 9 {
		t.Fatalf("profile work = %+v, want account 9 (the second listed)", p)
	}
	if !strings.Contains(h.ErrOut.String(), "2) Beta (id 9, agent)") {
		t.Fatalf("account menu missing:\n%s", h.ErrOut)
	}
}

// TestLoginOnTerminalWithURLAsksOnlyForTheToken is the help's
// `woot auth login --profile staging --url https://staging.example.com`:
// the URL is not asked again, the token is asked hidden, and the profile
// named is the one saved.
func TestLoginOnTerminalWithURLAsksOnlyForTheToken(t *testing.T) {
	h := loggedOutHarness(t)
	h.TTY = true
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	h.In = bytes.NewBufferString(cmdtest.TestToken + "\n1\n")
	h.MustRun("auth", "login", "--profile", "staging", "--url", h.Stub.URL)
	if strings.Contains(h.ErrOut.String(), "Chatwoot URL") || !strings.Contains(h.ErrOut.String(), "Access token (input hidden)") {
		t.Errorf("prompts with --url given:\n%s", h.ErrOut)
	}
	cfg, _ := readConfigFile(t, h)
	if p := cfg.Profile("staging"); p == nil || p.URL != h.Stub.URL || p.UserToken != cmdtest.TestToken || p.AccountID != 1 {
		t.Fatalf("profile staging = %+v", p)
	}
	if p := cfg.Profile(config.DefaultProfile); p != nil {
		t.Fatalf("login --profile staging also wrote the default profile: %+v", p)
	}
}

func TestLoginWithoutTerminalOrTokenIsUsageError(t *testing.T) {
	h := loggedOutHarness(t)
	if code := h.Run("auth", "login", "--url", "https://chat.example.com"); code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), "--with-token") {
		t.Fatalf("exit %d, stderr %s", code, h.ErrOut)
	}
}

func TestLoginRefusedTokenExits3(t *testing.T) {
	h := loggedOutHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 401, `{"error":"Invalid Access Token"}`)
	h.In = bytes.NewBufferString("wrong-token\n")
	if code := h.Run("auth", "login", "--url", h.Stub.URL, "--with-token"); code != cmdutil.ExitAuth {
		t.Fatalf("exit %d, want 3; stderr %s", code, h.ErrOut)
	}
	if _, err := os.Stat(filepath.Join(h.Env["WOOT_CONFIG_DIR"], "config.json")); err == nil {
		t.Fatal("a refused token was saved")
	}
}

func TestStatusShowsSourcesAndMasksTokens(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	out := h.MustRun("auth", "status", "-o", "json")
	var rows []auth.StatusRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	got := map[string]auth.StatusRow{}
	for _, r := range rows {
		got[r.Setting] = r
	}
	if got["url"].Source != "env CHATWOOT_URL" || got["account"].Value != "1" {
		t.Errorf("url/account rows: %+v %+v", got["url"], got["account"])
	}
	sum := sha256.Sum256([]byte(cmdtest.TestToken))
	if want := "set (sha256:" + hex.EncodeToString(sum[:4]) + ")"; got["user_token"].Value != want || strings.Contains(got["user_token"].Value, cmdtest.TestToken[len(cmdtest.TestToken)-4:]) {
		t.Errorf("user token row %+v, want the fingerprint %s and no part of the token", got["user_token"], want)
	}
	if got["user"].Value != "Ann Agent <ann@example.com> (id 7)" {
		t.Errorf("user row %+v", got["user"])
	}
}

func TestStatusWhenNotLoggedInExits3(t *testing.T) {
	h := loggedOutHarness(t)
	if code := h.Run("auth", "status"); code != cmdutil.ExitAuth || !strings.Contains(h.ErrOut.String(), "woot auth login") {
		t.Fatalf("exit %d, stderr %s", code, h.ErrOut)
	}
}

func TestFlagsBeatEnvironmentBeatConfig(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	h.In = bytes.NewBufferString(cmdtest.TestToken)
	h.MustRun("auth", "login", "--url", h.Stub.URL, "--with-token", "--account", "5")
	delete(h.Env, "CHATWOOT_ACCOUNT_ID")
	h.Stub.On("GET", "/api/v1/accounts/5/contacts/1", 200, `{"payload":`+cmdtest.ContactJSON(1)+`}`)
	h.MustRun("contacts", "get", "1", "-o", "json") // config: account 5
	h.Env["CHATWOOT_ACCOUNT_ID"] = "6"
	h.Stub.On("GET", "/api/v1/accounts/6/contacts/1", 200, `{"payload":`+cmdtest.ContactJSON(1)+`}`)
	h.MustRun("contacts", "get", "1", "-o", "json") // environment: 6
	h.Stub.On("GET", "/api/v1/accounts/8/contacts/1", 200, `{"payload":`+cmdtest.ContactJSON(1)+`}`)
	h.MustRun("contacts", "get", "1", "-o", "json", "--account", "8") // flag: 8
}

func TestLogoutRemovesProfile(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody)
	h.In = bytes.NewBufferString(cmdtest.TestToken)
	h.MustRun("auth", "login", "--url", h.Stub.URL, "--with-token")
	h.MustRun("auth", "logout")
	cfg, _ := readConfigFile(t, h)
	if cfg.Profile("default") != nil {
		t.Fatal("profile still present after logout")
	}
	if code := h.Run("auth", "logout"); code != cmdutil.ExitAuth {
		t.Fatalf("second logout: exit %d, want 3", code)
	}
}
