package auth_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/auth"
	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
)

// keyringRoundTrip is login → status → a request with the stored token →
// logout against store; lookup reads the keyring behind the store's back.
func keyringRoundTrip(t *testing.T, store config.SecretStore, lookup func(key string) (string, bool)) {
	t.Helper()
	h := loggedOutHarness(t)
	h.Secrets = store
	key := config.KeyringKey("default", config.UserTokenKind)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody).Times = 2
	h.In = bytes.NewBufferString(cmdtest.TestToken + "\n")
	h.MustRun("auth", "login", "--url", h.Stub.URL, "--with-token")
	if !strings.Contains(h.ErrOut.String(), "token in the OS keyring") {
		t.Fatalf("login did not say the token went to the keyring:\n%s", h.ErrOut)
	}
	if got, ok := lookup(key); !ok || got != cmdtest.TestToken {
		t.Fatalf("keyring entry %s after login = %q, %v", key, got, ok)
	}
	raw, err := os.ReadFile(filepath.Join(h.Env["WOOT_CONFIG_DIR"], "config.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte(cmdtest.TestToken)) || !bytes.Contains(raw, []byte(`"user_token_store": "keyring"`)) {
		t.Fatalf("config file must record the keyring and hold no token:\n%s", raw)
	}

	var rows []auth.StatusRow
	if err := json.Unmarshal([]byte(h.MustRun("auth", "status", "-o", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	status := map[string]auth.StatusRow{}
	for _, r := range rows {
		status[r.Setting] = r
	}
	if r := status["user_token"]; !strings.HasPrefix(r.Source, "keyring") || !strings.Contains(r.Source, key) || r.Value != config.Mask(cmdtest.TestToken) {
		t.Errorf("status user_token row %+v, want the fingerprint and a keyring source naming %s", r, key)
	}
	if status["user"].Value != "Ann Agent <ann@example.com> (id 7)" {
		t.Errorf("status did not check the keyring's token with the server: %+v", status["user"])
	}

	h.Stub.On("GET", "/api/v1/accounts/1/contacts/5", 200, `{"payload":`+cmdtest.ContactJSON(5)+`}`)
	if out := h.MustRun("contacts", "get", "5", "--jq", ".id"); out != "5\n" {
		t.Fatalf("contacts get printed %q", out)
	}
	reqs := h.Stub.Requests()
	if last := reqs[len(reqs)-1]; last.Header.Get("api_access_token") != cmdtest.TestToken {
		t.Fatalf("contacts get sent token header %q, want the keyring's token", last.Header.Get("api_access_token"))
	}

	h.MustRun("auth", "logout")
	if got, ok := lookup(key); ok {
		t.Fatalf("keyring entry %s still holds %q after logout", key, got)
	}
}

func TestKeyringRoundTripInMemory(t *testing.T) {
	mem := config.MemoryKeyring{}
	keyringRoundTrip(t, mem, func(key string) (string, bool) {
		s, ok := mem[key]
		return s, ok
	})
}

func TestLoginFallsBackToFileWithNoticeWithoutKeyring(t *testing.T) {
	h := loggedOutHarness(t) // the harness's keyring is never available
	h.In = bytes.NewBufferString(cmdtest.TestToken)
	h.MustRun("auth", "login", "--url", h.Stub.URL, "--with-token", "--no-verify", "--account", "1")
	if !strings.Contains(h.ErrOut.String(), "No OS keyring") || !strings.Contains(h.ErrOut.String(), "token in the config file") {
		t.Fatalf("no fallback notice:\n%s", h.ErrOut)
	}
	cfg, _ := readConfigFile(t, h)
	if p := cfg.Profile("default"); p.UserToken != cmdtest.TestToken || p.UserTokenStore != "" {
		t.Fatalf("profile %+v, want the token in the file", p)
	}
}

func TestInsecureStorageKeepsTokenInFileAndClearsKeyring(t *testing.T) {
	h := loggedOutHarness(t)
	mem := config.MemoryKeyring{}
	h.Secrets = mem
	h.In = bytes.NewBufferString(cmdtest.TestPlatformToken)
	h.MustRun("auth", "login", "--url", h.Stub.URL, "--platform", "--with-token")
	key := config.KeyringKey("default", config.PlatformTokenKind)
	if mem[key] != cmdtest.TestPlatformToken {
		t.Fatalf("platform token not in the keyring: %v", mem)
	}
	h.In = bytes.NewBufferString(cmdtest.TestPlatformToken)
	h.MustRun("auth", "login", "--url", h.Stub.URL, "--platform", "--with-token", "--insecure-storage")
	if strings.Contains(h.ErrOut.String(), "No OS keyring") {
		t.Errorf("--insecure-storage printed the fallback notice:\n%s", h.ErrOut)
	}
	if _, ok := mem[key]; ok {
		t.Error("--insecure-storage left the old copy in the keyring")
	}
	cfg, _ := readConfigFile(t, h)
	if p := cfg.Profile("default"); p.PlatformToken != cmdtest.TestPlatformToken || p.PlatformTokenStore != "" {
		t.Fatalf("profile %+v, want the platform token in the file", p)
	}
}

func TestEnvironmentTokenBeatsKeyringWithoutReadingIt(t *testing.T) {
	h := cmdtest.NewHarness(t)
	cmdtest.WriteProfile(t, h, "default", config.Profile{URL: h.Stub.URL, AccountID: 1, UserTokenStore: config.StoreKeyring})
	h.Secrets = failingKeyring{t}
	h.Stub.On("GET", "/api/v1/accounts/1/contacts/5", 200, `{"payload":`+cmdtest.ContactJSON(5)+`}`)
	h.MustRun("contacts", "get", "5", "-o", "json") // CHATWOOT_API_TOKEN is set by the harness
}

func TestUnreadableKeyringTokenExits3WithFix(t *testing.T) {
	h := loggedOutHarness(t)
	cmdtest.WriteProfile(t, h, "default", config.Profile{URL: h.Stub.URL, AccountID: 1, UserTokenStore: config.StoreKeyring})
	code := h.Run("contacts", "get", "5")
	if code != cmdutil.ExitAuth || !strings.Contains(h.ErrOut.String(), "default:user_token") || !strings.Contains(h.ErrOut.String(), "--insecure-storage") {
		t.Fatalf("exit %d, stderr %s", code, h.ErrOut)
	}
}

func TestHelpAndVersionNeverTouchTheKeyring(t *testing.T) {
	h := loggedOutHarness(t)
	cmdtest.WriteProfile(t, h, "default", config.Profile{URL: h.Stub.URL, AccountID: 1, UserTokenStore: config.StoreKeyring})
	h.Secrets = failingKeyring{t}
	h.MustRun("contacts", "get", "--help")
	h.MustRun("version")
	h.MustRun("--sandbox", "contacts", "get", "1", "-o", "json")
}

// failingKeyring fails the test when anything reads it.
type failingKeyring struct{ t *testing.T }

func (k failingKeyring) Get(key string) (string, error) {
	k.t.Errorf("keyring read %s", key)
	return "", errors.New("not expected")
}
func (k failingKeyring) Set(key, _ string) error { k.t.Errorf("keyring write %s", key); return nil }
func (k failingKeyring) Delete(key string) error { k.t.Errorf("keyring delete %s", key); return nil }
