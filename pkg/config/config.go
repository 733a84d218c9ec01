// Package config reads and writes woot's profiles: one file in the user's
// config directory, mode 0600, holding each profile's URL, account and
// tokens.
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
)

// DefaultProfile is the profile used when none is named.
const DefaultProfile = "default"

// Profile is one Chatwoot installation and identity.
type Profile struct {
	URL           string `json:"url,omitempty"`
	AccountID     int64  `json:"account_id,omitempty"`
	UserToken     string `json:"user_token,omitempty"`
	PlatformToken string `json:"platform_token,omitempty"`
	// Where each token lives: "keyring" (the OS keyring holds it and the
	// token field above stays empty) or "" (the token field holds it).
	UserTokenStore     string `json:"user_token_store,omitempty"`
	PlatformTokenStore string `json:"platform_token_store,omitempty"`
	TokenStyle         string `json:"token_style,omitempty"`
	// User is the email the user token belonged to at login, for `auth list`.
	User string `json:"user,omitempty"`
	// Insecure skips TLS verification; only ever set by an explicit opt-out.
	Insecure bool `json:"insecure,omitempty"`
	// The Client API session saved by `woot client contacts create --save`.
	InboxIdentifier   string `json:"inbox_identifier,omitempty"`
	ContactIdentifier string `json:"contact_identifier,omitempty"`
	PubsubToken       string `json:"pubsub_token,omitempty"`
	HMACToken         string `json:"hmac_token,omitempty"`
	WebhookSecret     string `json:"webhook_secret,omitempty"`
}

// File is the whole config file.
type File struct {
	Current  string              `json:"current_profile,omitempty"`
	Profiles map[string]*Profile `json:"profiles"`

	path string
	// pinned, when set, is the one profile this file resolves to, whatever
	// --profile or WOOT_PROFILE say (the sandbox's file: LoadSandbox).
	pinned string
}

// Dir is where woot keeps its config: $WOOT_CONFIG_DIR, else the user
// config directory's "woot" folder.
func Dir(getenv func(string) string) (string, error) {
	if d := getenv("WOOT_CONFIG_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config directory: %w (set WOOT_CONFIG_DIR)", err)
	}
	return filepath.Join(base, "woot"), nil
}

// Load reads the config file in dir; a missing file is an empty config.
func Load(dir string) (*File, error) {
	path := filepath.Join(dir, "config.json")
	f := &File{Profiles: map[string]*Profile{}, path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	if err := checkPrivate(path); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, f); err != nil {
		return nil, fmt.Errorf("config file %s is not valid JSON: %w (fix or delete it, then run `woot auth login`)", path, err)
	}
	if f.Profiles == nil {
		f.Profiles = map[string]*Profile{}
	}
	return f, nil
}

// PermissionError refuses a config file that other users may read or
// write: it holds tokens, and ssh refuses a loose private key for the same
// reason.
type PermissionError struct {
	Path string
	Mode fs.FileMode
}

func (e *PermissionError) Error() string {
	return fmt.Sprintf("config file %s is accessible by other users (mode %04o) and it holds tokens: run `chmod 600 %s`, then consider rotating the tokens in it", e.Path, e.Mode.Perm(), e.Path)
}

// checkPrivate refuses a config file whose mode grants anything to group
// or others. Windows has no such mode bits; its ACLs are left to the OS.
func checkPrivate(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return &PermissionError{Path: path, Mode: st.Mode()}
	}
	return nil
}

// Path is the file's location.
func (f *File) Path() string { return f.path }

// Profile returns the named profile, or nil.
func (f *File) Profile(name string) *Profile { return f.Profiles[name] }

// Names lists the profiles in order.
func (f *File) Names() []string {
	names := make([]string, 0, len(f.Profiles))
	for n := range f.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Save writes the file atomically with mode 0600 (it holds tokens).
func (f *File) Save() error {
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return fmt.Errorf("create config directory: %w", err)
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.path), ".config-*.json")
	if err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write config: %w", err)
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write config: %w", err)
	}
	// On disk before the rename: a crash right after it must not leave an
	// empty config in place of the old one.
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write config: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	return nil
}
