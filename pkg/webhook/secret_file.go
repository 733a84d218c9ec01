package webhook

import (
	"fmt"
	"os"
	"strings"
)

// SecretFile is a webhook secret read from a file, so that it never
// appears in the process list as a --secret value would.
type SecretFile struct {
	Secret string
	// Warning is set when other users may read the file, as ssh warns of
	// an unprotected key; the secret is still used.
	Warning string
}

// ReadSecretFile reads the secret in path; one trailing newline (as an
// editor or `echo` leaves) is not part of it.
func ReadSecretFile(path string) (SecretFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		return SecretFile{}, fmt.Errorf("read secret file: %w", err)
	}
	if st.IsDir() {
		return SecretFile{}, fmt.Errorf("read secret file %s: it is a directory; give the file that holds the webhook's secret", path)
	}
	if st.Size() > 64<<10 {
		return SecretFile{}, fmt.Errorf("read secret file %s: %d bytes is no webhook secret; give the file that holds only the secret", path, st.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return SecretFile{}, fmt.Errorf("read secret file: %w", err)
	}
	secret := strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
	if secret == "" {
		return SecretFile{}, fmt.Errorf("secret file %s is empty: write the webhook's secret into it (shown when the webhook is created)", path)
	}
	sf := SecretFile{Secret: secret}
	if mode := st.Mode().Perm(); mode&0o077 != 0 {
		sf.Warning = fmt.Sprintf("warning: secret file %s is accessible by other users (mode %04o): run `chmod 600 %s`", path, mode, path)
	}
	return sf, nil
}
