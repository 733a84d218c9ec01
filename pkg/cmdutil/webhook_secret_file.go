package cmdutil

import (
	"fmt"

	"github.com/wootcli/woot/pkg/webhook"
)

// SecretSource names the two flags a webhook command takes its secret from.
type SecretSource struct {
	Flag, FlagName string // the value of --secret (visible in ps) and its name
	File, FileName string // the path of --secret-file and its name
}

// ResolveWebhookSecret picks the secret: the flag, else the file, else
// CHATWOOT_WEBHOOK_SECRET or the profile's webhook_secret. A file other
// users can read draws a warning on stderr, as ssh warns of a key.
func ResolveWebhookSecret(f *Factory, src SecretSource) (secret, origin string, err error) {
	if src.Flag != "" {
		return src.Flag, src.FlagName, nil
	}
	if src.File != "" {
		sf, err := webhook.ReadSecretFile(src.File)
		if err != nil {
			return "", "", FlagErrorf("%s: %v", src.FileName, err)
		}
		if sf.Warning != "" {
			fmt.Fprintln(f.IOStreams.ErrOut, sf.Warning)
		}
		return sf.Secret, src.FileName + " " + src.File, nil
	}
	return WebhookSecret(f, "")
}

// SecretFlagUsage is the help of a --secret flag: its value is public.
const SecretFlagUsage = "The webhook's secret; its value is visible to other users in ps, so prefer --secret-file or CHATWOOT_WEBHOOK_SECRET"

// SecretFileFlagUsage is the help of a --secret-file flag.
const SecretFileFlagUsage = "Read the webhook's secret from `FILE` (a trailing newline is ignored)"
