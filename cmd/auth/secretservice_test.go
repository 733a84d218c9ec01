package auth_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/config"
)

// TestKeyringRoundTripSecretService runs the round trip against a real
// Secret Service: a private session bus with gnome-keyring-daemon on it,
// started here and stopped at the end.
func TestKeyringRoundTripSecretService(t *testing.T) {
	bus := startSecretService(t)
	keyringRoundTrip(t, config.OSKeyring(), func(key string) (string, bool) {
		cmd := exec.Command("secret-tool", "lookup", "service", config.KeyringService, "username", key)
		cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+bus)
		out, err := cmd.Output()
		return string(out), err == nil && len(out) > 0
	})
}

// startSecretService starts a session bus and an unlocked gnome-keyring
// on it, points this process's D-Bus clients at it, and returns its
// address; it skips the test when the programs are not installed.
func startSecretService(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a D-Bus session and gnome-keyring; skipped with -short")
	}
	for _, bin := range []string{"dbus-daemon", "gnome-keyring-daemon", "secret-tool"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("no %s: install gnome-keyring, dbus and libsecret-tools to test against a real Secret Service", bin)
		}
	}
	home := t.TempDir()
	env := append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_RUNTIME_DIR="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"))

	// A session bus of our own configuration, with no service directories:
	// the standard session bus would start a second gnome-keyring (without
	// --unlock, so its collection stays locked) for a probe that comes
	// before ours owns org.freedesktop.secrets, on a slow machine.
	conf := filepath.Join(home, "bus.conf")
	if err := os.WriteFile(conf, []byte(privateSessionBus(home)), 0o600); err != nil {
		t.Fatal(err)
	}
	daemon := exec.Command("dbus-daemon", "--config-file="+conf, "--nofork", "--nopidfile", "--print-address=1")
	daemon.Env = env
	stdout, err := daemon.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := daemon.Start(); err != nil {
		t.Fatalf("start dbus-daemon: %v", err)
	}
	stopOnCleanup(t, daemon)
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		addr <- strings.TrimSpace(line)
	}()
	var bus string
	select {
	case bus = <-addr:
	case <-time.After(10 * time.Second):
		t.Fatal("dbus-daemon printed no address within 10s")
	}
	if bus == "" {
		t.Fatal("dbus-daemon exited without an address")
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", bus)
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+bus)

	keyring := exec.Command("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets")
	keyring.Env = env
	keyring.Stdin = strings.NewReader("woot-test-password\n")
	if err := keyring.Start(); err != nil {
		t.Fatalf("start gnome-keyring-daemon: %v", err)
	}
	stopOnCleanup(t, keyring)

	// The daemon owns org.freedesktop.secrets once a write succeeds; each
	// try is bounded by the keyring's own timeout.
	store, probe := config.OSKeyring(), config.KeyringKey("probe", "readiness")
	deadline := time.Now().Add(15 * time.Second)
	for {
		err := store.Set(probe, "ok")
		if err == nil {
			_ = store.Delete(probe)
			return bus
		}
		if time.Now().After(deadline) {
			t.Skipf("gnome-keyring did not serve the Secret Service within 15s: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// privateSessionBus is a session bus configuration that listens in dir
// and lets every client talk to and own any name, with no activation.
func privateSessionBus(dir string) string {
	return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=` + dir + `</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`
}

func stopOnCleanup(t *testing.T, c *exec.Cmd) {
	t.Cleanup(func() {
		_ = c.Process.Kill()
		_ = c.Wait()
	})
}
