package cmdtest

import (
	"testing"

	"github.com/wootcli/woot/pkg/config"
)

// WriteProfile stores a profile in the harness's config directory.
func WriteProfile(t *testing.T, h *Harness, name string, p config.Profile) {
	t.Helper()
	cfg, err := config.Load(h.Env["WOOT_CONFIG_DIR"])
	if err != nil {
		t.Fatal(err)
	}
	cfg.Profiles[name] = &p
	if err := cfg.Save(); err != nil {
		t.Fatal(err)
	}
}
