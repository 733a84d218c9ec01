package auth_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
)

func twoProfiles(t *testing.T) *cmdtest.Harness {
	h := loggedOutHarness(t)
	cmdtest.WriteProfile(t, h, "prod", config.Profile{URL: "https://chat.acme.example", AccountID: 3, User: "ann@acme.example", UserTokenStore: config.StoreKeyring})
	cmdtest.WriteProfile(t, h, "staging", config.Profile{URL: "https://staging.acme.example", AccountID: 9, UserToken: cmdtest.TestToken, PlatformToken: cmdtest.TestPlatformToken})
	return h
}

type listed struct {
	Profile, URL, User, UserToken, PlatformToken string
	Default                                      bool
	Account                                      int64
}

func listProfiles(t *testing.T, h *cmdtest.Harness) map[string]listed {
	t.Helper()
	var rows []struct {
		Profile       string `json:"profile"`
		Default       bool   `json:"default"`
		URL           string `json:"url"`
		Account       int64  `json:"account"`
		User          string `json:"user"`
		UserToken     string `json:"user_token"`
		PlatformToken string `json:"platform_token"`
	}
	if err := json.Unmarshal([]byte(h.MustRun("auth", "list", "-o", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	got := map[string]listed{}
	for _, r := range rows {
		got[r.Profile] = listed{r.Profile, r.URL, r.User, r.UserToken, r.PlatformToken, r.Default, r.Account}
	}
	return got
}

func TestAuthListShowsProfilesAndWhereTokensLive(t *testing.T) {
	h := twoProfiles(t)
	got := listProfiles(t, h)
	want := map[string]listed{
		"prod":    {"prod", "https://chat.acme.example", "ann@acme.example", "keyring", "", false, 3},
		"staging": {"staging", "https://staging.acme.example", "", "file", "file", false, 9},
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("profile %s listed as %+v, want %+v", name, got[name], w)
		}
	}
	table := h.MustRun("auth", "list", "-o", "tsv")
	if !strings.Contains(table, "staging\tfalse\thttps://staging.acme.example\t9\t\tfile\tfile") {
		t.Errorf("tsv listing:\n%s", table)
	}
}

func TestAuthSwitchByNameSetsTheDefault(t *testing.T) {
	h := twoProfiles(t)
	h.MustRun("auth", "switch", "staging")
	if got := listProfiles(t, h); !got["staging"].Default || got["prod"].Default {
		t.Fatalf("after switch: %+v", got)
	}
	// The default profile is what a command now uses.
	h.MustRun("auth", "status", "--offline")
	if !strings.Contains(h.Out.String(), "staging") {
		t.Errorf("status after switch does not use staging:\n%s", h.Out)
	}
	if code := h.Run("auth", "switch", "nope"); code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), "woot auth list") {
		t.Fatalf("unknown profile: exit %d, stderr %s", code, h.ErrOut)
	}
}

func TestAuthSwitchWithoutTerminalNeedsAName(t *testing.T) {
	h := twoProfiles(t)
	if code := h.Run("auth", "switch"); code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), "name the profile") {
		t.Fatalf("exit %d, stderr %s", code, h.ErrOut)
	}
}

func TestAuthSwitchPicksOnTerminal(t *testing.T) {
	h := twoProfiles(t)
	h.TTY = true
	h.In = bytes.NewBufferString("2\n")
	h.MustRun("auth", "switch")
	if !strings.Contains(h.ErrOut.String(), "2) staging") {
		t.Errorf("no menu:\n%s", h.ErrOut)
	}
	if got := listProfiles(t, h); !got["staging"].Default {
		t.Fatalf("pick 2 did not make staging the default: %+v", got)
	}
}

func TestAuthSwitchAbortedPickExits130AndKeepsDefault(t *testing.T) {
	h := twoProfiles(t)
	h.MustRun("auth", "switch", "prod")
	h.TTY = true
	h.In = bytes.NewBufferString("") // Ctrl-D: no answer
	if code := h.Run("auth", "switch"); code != cmdutil.ExitInterrupted {
		t.Fatalf("exit %d, want 130; stderr %s", code, h.ErrOut)
	}
	if got := listProfiles(t, h); !got["prod"].Default {
		t.Fatalf("an aborted pick changed the default: %+v", got)
	}
}

func TestProfileFlagCompletesProfileNames(t *testing.T) {
	h := twoProfiles(t)
	out := h.MustRun("__complete", "contacts", "list", "--profile", "")
	if !strings.Contains(out, "prod\n") || !strings.Contains(out, "staging\n") || !strings.Contains(out, ":4\n") {
		t.Fatalf("--profile completion:\n%s", out)
	}
	out = h.MustRun("__complete", "auth", "switch", "")
	if !strings.Contains(out, "prod\n") || !strings.Contains(out, "staging\n") {
		t.Fatalf("auth switch completion:\n%s", out)
	}
}

func TestAuthListWithNoProfilesTellsAPersonHowToAddOne(t *testing.T) {
	h := loggedOutHarness(t)
	if out := h.MustRun("auth", "list"); out != "" || h.ErrOut.Len() != 0 {
		t.Fatalf("in a pipe, no profiles must print nothing: stdout %q, stderr %q", out, h.ErrOut)
	}
	h.TTY = true
	if out := h.MustRun("auth", "list"); strings.TrimSpace(out) != "" {
		t.Errorf("stdout carries data only, got %q", out)
	}
	if !strings.Contains(h.ErrOut.String(), "woot auth login") {
		t.Errorf("on a terminal, no hint on stderr: %q", h.ErrOut)
	}
}
