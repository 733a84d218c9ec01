package cmdutil

import (
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/config"
)

// SecretStore is where tokens go that are not in the config file: the
// factory's Secrets when set (tests), else the OS keyring.
func (f *Factory) SecretStore() config.SecretStore {
	if f.Secrets != nil {
		return f.Secrets
	}
	return config.OSKeyring()
}

// SettingsWithTokens is Settings with the keyring's tokens read: only the
// commands that send a request (or show the tokens) pay for the keyring.
func (f *Factory) SettingsWithTokens() (config.Settings, error) {
	s, err := f.Settings()
	if err != nil {
		return s, err
	}
	s.FetchSecrets(f.SecretStore())
	f.settings = &s
	return s, nil
}

// keyringTokenError explains a token that the profile keeps in the
// keyring but that could not be read, before any request goes out
// without it.
func keyringTokenError(s config.Settings) error {
	for _, v := range []config.Value{s.UserToken, s.PlatformToken} {
		if v.Err != nil {
			return &api.CredentialError{What: v.Err.Error(),
				Fix: "unlock the OS keyring, set the token in the environment (CHATWOOT_API_TOKEN, CHATWOOT_PLATFORM_TOKEN), or run `woot auth login --insecure-storage` to keep it in the config file"}
		}
	}
	return nil
}
