package cmdutil

import (
	"path/filepath"

	"github.com/wootcli/woot/pkg/config"
)

// SandboxRequested reports whether this run talks to the embedded sandbox
// (--sandbox, or CHATWOOT_URL=sandbox), without starting it.
func (f *Factory) SandboxRequested() bool {
	return f.Global.Sandbox || f.Getenv("CHATWOOT_URL") == "sandbox"
}

// loadConfig reads the config file this run may read and write: the
// sandbox's own, beside its state, in sandbox mode; the user's otherwise.
func (f *Factory) loadConfig() (*config.File, error) {
	if f.SandboxRequested() {
		state, err := SandboxStatePath(f.Getenv)
		if err != nil {
			return nil, err
		}
		return config.LoadSandbox(SandboxProfileDir(state))
	}
	dir, err := f.ConfigDir()
	if err != nil {
		return nil, err
	}
	return config.Load(dir)
}

// SandboxProfileDir is where sandbox mode keeps the profile that `--save`
// and `auth login` write: beside the state, so it never touches a real
// profile and `woot sandbox reset` forgets it with the state.
func SandboxProfileDir(state string) string {
	return filepath.Join(filepath.Dir(state), "sandbox-profile")
}

// profileOrigin is the file the profile in use comes from, for `woot auth
// status`: shown for the sandbox's, so no one mistakes it for a real one.
func (f *Factory) ProfileOrigin() string {
	if cfg, err := f.Config(); err == nil && cfg.Sandbox() {
		return string(config.FromSandbox) + " " + cfg.Path()
	}
	return ""
}
