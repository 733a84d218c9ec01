package cmdutil

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// WebhookSecret is the secret a webhook command signs or verifies with:
// the flag, else CHATWOOT_WEBHOOK_SECRET or the profile's webhook_secret.
// origin names where it came from, for messages that must not print it.
func WebhookSecret(f *Factory, flag string) (secret, origin string, err error) {
	if flag != "" {
		return flag, "--secret", nil
	}
	s, err := f.Settings()
	if err != nil {
		return "", "", err
	}
	return s.WebhookSecret.Value, s.WebhookSecret.Origin, nil
}

// ErrNoSecret is the usage error of a command that cannot work unsigned.
func ErrNoSecret(flag string) error {
	return FlagErrorf("no webhook secret: pass %s or set CHATWOOT_WEBHOOK_SECRET to the webhook's own secret (shown when the webhook is created; `woot webhooks list -o json` shows it)", flag)
}

// NewWebhookSecret makes a secret for `listen --forward-to` when none is
// configured: 24 random bytes, hex, as long as Chatwoot's own.
func NewWebhookSecret() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generate a webhook secret: %w", err)
	}
	return hex.EncodeToString(b), nil
}
