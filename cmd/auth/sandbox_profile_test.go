package auth_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/config"
)

// TestSandboxSaveLeavesTheRealProfile: the Quick tour's
// `--sandbox client contacts create … --save` must keep sandbox
// identifiers in the sandbox's profile. The user's real profile stays
// byte for byte, later sandbox commands use the saved contact, and
// `auth status` says which profile is in use.
func TestSandboxSaveLeavesTheRealProfile(t *testing.T) {
	h := loggedOutHarness(t)
	cmdtest.WriteProfile(t, h, config.DefaultProfile, config.Profile{
		URL: "https://chat.acme.example", AccountID: 3, UserToken: "real-user-token",
		InboxIdentifier: "real-inbox", ContactIdentifier: "real-contact",
	})
	realPath := filepath.Join(h.Env["WOOT_CONFIG_DIR"], "config.json")
	before, err := os.ReadFile(realPath)
	if err != nil {
		t.Fatal(err)
	}

	h.MustRun("--sandbox", "client", "contacts", "create", "--name", "Zed", "--identifier", "u-42", "--save")
	if !strings.Contains(h.ErrOut.String(), `profile "sandbox"`) {
		t.Errorf("--save does not say it saved to the sandbox profile:\n%s", h.ErrOut)
	}
	h.MustRun("--sandbox", "client", "conversations", "create")
	if out := h.MustRun("--sandbox", "client", "conversations", "list", "--fields", "id"); strings.Count(out, "\n") != 1 {
		t.Errorf("the saved sandbox contact has %q conversations, want the one created", out)
	}
	// Logging out of the sandbox touches the sandbox's file only.
	status := h.MustRun("--sandbox", "auth", "status", "--offline")
	if !strings.Contains(status, "profile\tsandbox\tsandbox ") || strings.Contains(status, "real-") {
		t.Errorf("auth status in sandbox mode:\n%s", status)
	}
	h.MustRun("--sandbox", "auth", "logout")

	after, err := os.ReadFile(realPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Fatalf("sandbox mode rewrote the real config:\nbefore %s\nafter  %s", before, after)
	}
	status = h.MustRun("auth", "status", "--offline")
	if !strings.Contains(status, "profile\tdefault\t\n") || !strings.Contains(status, "contact_identifier\treal-contact\t") {
		t.Errorf("auth status against the real profile:\n%s", status)
	}
}

// TestSandboxProfileIgnoresProfileChoice: --profile or WOOT_PROFILE
// naming a real profile cannot make sandbox mode write it.
func TestSandboxProfileIgnoresProfileChoice(t *testing.T) {
	h := loggedOutHarness(t)
	h.Env["WOOT_PROFILE"] = "prod"
	cmdtest.WriteProfile(t, h, "prod", config.Profile{URL: "https://chat.acme.example", UserToken: "real-user-token"})
	h.MustRun("--sandbox", "--profile", "prod", "client", "contacts", "create", "--name", "Zed", "--save")
	cfg, err := config.Load(h.Env["WOOT_CONFIG_DIR"])
	if err != nil {
		t.Fatal(err)
	}
	if p := cfg.Profile("prod"); p == nil || p.ContactIdentifier != "" || p.InboxIdentifier != "" || len(cfg.Profiles) != 1 {
		t.Fatalf("real config after a sandbox --save: %+v (%d profiles)", p, len(cfg.Profiles))
	}
}
