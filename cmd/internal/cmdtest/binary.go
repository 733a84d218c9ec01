package cmdtest

import (
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// receiverURL waits for `webhooks receive` to say where it listens.
func ReceiverURL(t *testing.T, recv *LiveCmd) string {
	t.Helper()
	recv.WaitStderr("listening on ", 5*time.Second)
	s := recv.ErrOut.String()
	s = s[strings.Index(s, "listening on ")+len("listening on "):]
	return s[:strings.IndexByte(s, ' ')]
}

var (
	builtOnce sync.Once
	builtPath string
	builtErr  error
	builtDir  string
)

// wootBinary builds woot once per test run, for tests that run it as a
// user's shell script would.
func WootBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the woot binary; skipped with -short")
	}
	builtOnce.Do(func() {
		dir, err := osMkdirTemp()
		if err != nil {
			builtErr = err
			return
		}
		builtDir = dir
		builtPath = filepath.Join(dir, "woot")
		out, err := exec.Command("go", "build", "-o", builtPath, "github.com/wootcli/woot").CombinedOutput()
		if err != nil {
			builtErr = err
			t.Logf("go build: %s", out)
		}
	})
	if builtErr != nil {
		t.Fatalf("build woot: %v", builtErr)
	}
	return builtPath
}

const ProfileBody = `{"id":7,"name":"Ann Agent","email":"ann@example.com","pubsub_token":"pubsub-abc","role":"administrator","accounts":[{"id":1,"name":"Acme","role":"administrator"},{"id":9,"name":"Beta","role":"agent"}],"access_token":"` + TestToken + `"}`
