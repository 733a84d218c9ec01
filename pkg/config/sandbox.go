package config

// SandboxProfile is the only profile of sandbox mode. It lives in a file
// of its own, so nothing done against the sandbox (`--save`, `auth
// login`, `auth logout`) can write sandbox identifiers into a profile
// that later talks to a real Chatwoot.
const SandboxProfile = "sandbox"

// LoadSandbox reads the sandbox's config file in dir (not the user's
// config directory): every resolution of it picks SandboxProfile.
func LoadSandbox(dir string) (*File, error) {
	f, err := Load(dir)
	if err != nil {
		return nil, err
	}
	f.pinned = SandboxProfile
	return f, nil
}

// Sandbox reports whether f is the sandbox's config file.
func (f *File) Sandbox() bool { return f.pinned == SandboxProfile }
