package config

import (
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// Token kinds, as they are named in the keyring entry and the config file.
const (
	UserTokenKind     = "user_token"
	PlatformTokenKind = "platform_token"
)

// StoreKeyring is the value of a profile's *_store field when the token
// lives in the OS keyring rather than in the config file.
const StoreKeyring = "keyring"

// KeyringService is the service name of every woot entry in the keyring.
const KeyringService = "woot"

// ErrNoSecret is returned by a SecretStore that holds no entry for a key.
var ErrNoSecret = errors.New("no such entry in the keyring")

// SecretStore keeps tokens outside the config file: the OS keyring, or a
// stand-in in tests.
type SecretStore interface {
	Get(key string) (string, error)
	Set(key, secret string) error
	Delete(key string) error
}

// KeyringKey names the keyring entry of one token of one profile.
func KeyringKey(profile, kind string) string { return profile + ":" + kind }

// keyringTimeout bounds every keyring call: a Secret Service that does
// not answer (a locked desktop keyring waiting on a dialog no one sees)
// must not hang a script.
const keyringTimeout = 3 * time.Second

// OSKeyring is the platform's keyring: Secret Service on Linux and the
// BSDs, Keychain on macOS, Credential Manager on Windows.
func OSKeyring() SecretStore { return osKeyring{} }

type osKeyring struct{}

func (osKeyring) Get(key string) (string, error) {
	var secret string
	err := withTimeout(func() (err error) {
		secret, err = keyring.Get(KeyringService, key)
		return err
	})
	return secret, err
}

func (osKeyring) Set(key, secret string) error {
	return withTimeout(func() error { return keyring.Set(KeyringService, key, secret) })
}

func (osKeyring) Delete(key string) error {
	return withTimeout(func() error { return keyring.Delete(KeyringService, key) })
}

// withTimeout runs a keyring call, giving up after keyringTimeout; the
// call itself cannot be cancelled, so it is left to finish on its own.
func withTimeout(call func() error) error {
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		if errors.Is(err, keyring.ErrNotFound) {
			return ErrNoSecret
		}
		return err
	case <-time.After(keyringTimeout):
		return fmt.Errorf("the keyring did not answer within %s", keyringTimeout)
	}
}

// NoKeyring is a SecretStore that is never available: every token goes
// to the config file (tests, and platforms without a keyring).
type NoKeyring struct{}

var errNoKeyring = errors.New("no OS keyring is available")

func (NoKeyring) Get(string) (string, error) { return "", errNoKeyring }
func (NoKeyring) Set(string, string) error   { return errNoKeyring }
func (NoKeyring) Delete(string) error        { return errNoKeyring }

// MemoryKeyring is an in-memory SecretStore for tests.
type MemoryKeyring map[string]string

func (m MemoryKeyring) Get(key string) (string, error) {
	s, ok := m[key]
	if !ok {
		return "", ErrNoSecret
	}
	return s, nil
}

func (m MemoryKeyring) Set(key, secret string) error { m[key] = secret; return nil }

func (m MemoryKeyring) Delete(key string) error {
	if _, ok := m[key]; !ok {
		return ErrNoSecret
	}
	delete(m, key)
	return nil
}

// FetchSecrets reads the tokens that resolved to the keyring, so that only
// a command that sends a request (or `auth status`) touches the keyring.
// A token that cannot be read keeps an empty value and the reason.
func (s *Settings) FetchSecrets(store SecretStore) {
	for _, v := range []*Value{&s.UserToken, &s.PlatformToken} {
		if v.Source != FromKeyring || v.Value != "" || v.Err != nil {
			continue
		}
		secret, err := store.Get(v.Key)
		if err != nil {
			v.Err = fmt.Errorf("read %s from the OS keyring: %w", v.Key, err)
			continue
		}
		v.Value = secret
	}
}

// StoreToken puts token into the profile: in store when it can be written
// there (and insecure is false), else in the file. It reports where the
// token went and, for a fallback, why the keyring was not used.
func (p *Profile) StoreToken(store SecretStore, profile, kind, token string, insecure bool) (where string, keyringErr error) {
	key := KeyringKey(profile, kind)
	inFile, storeField := p.tokenFields(kind)
	if !insecure {
		if keyringErr = store.Set(key, token); keyringErr == nil {
			*inFile, *storeField = "", StoreKeyring
			return StoreKeyring, nil
		}
	} else if *storeField == StoreKeyring {
		// Forced to the file: leave no stale copy behind in the keyring.
		_ = store.Delete(key)
	}
	*inFile, *storeField = token, ""
	return "file", keyringErr
}

// ForgetTokens removes the profile's tokens from the keyring; entries
// that are already gone are not an error.
func (p *Profile) ForgetTokens(store SecretStore, profile string) error {
	var errs []error
	for _, kind := range []string{UserTokenKind, PlatformTokenKind} {
		_, storeField := p.tokenFields(kind)
		if *storeField != StoreKeyring {
			continue
		}
		if err := store.Delete(KeyringKey(profile, kind)); err != nil && !errors.Is(err, ErrNoSecret) {
			errs = append(errs, fmt.Errorf("remove %s from the OS keyring: %w", KeyringKey(profile, kind), err))
		}
	}
	return errors.Join(errs...)
}

// TokenStorage says where the token of kind lives: "keyring", "file" or ""
// when the profile has none.
func (p *Profile) TokenStorage(kind string) string {
	inFile, storeField := p.tokenFields(kind)
	switch {
	case *storeField == StoreKeyring:
		return StoreKeyring
	case *inFile != "":
		return "file"
	}
	return ""
}

func (p *Profile) tokenFields(kind string) (inFile, storeField *string) {
	if kind == PlatformTokenKind {
		return &p.PlatformToken, &p.PlatformTokenStore
	}
	return &p.UserToken, &p.UserTokenStore
}

func (p *Profile) tokenValue(kind string) string {
	inFile, _ := p.tokenFields(kind)
	return *inFile
}
