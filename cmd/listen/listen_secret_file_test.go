package listen_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/webhook"
)

// TestListenForwardSecretFile signs forwarded events with the secret in
// --forward-secret-file, which wins over CHATWOOT_WEBHOOK_SECRET and keeps
// the secret out of ps.
func TestListenForwardSecretFile(t *testing.T) {
	const secret = "whsec-listen-file-8c3e"
	path := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var verified []error
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, err := webhook.Verify(secret, r.Header.Get(webhook.HeaderSignature), r.Header.Get(webhook.HeaderTimestamp), body, time.Now(), time.Minute)
		mu.Lock()
		verified = append(verified, err)
		mu.Unlock()
	}))
	defer target.Close()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_WEBHOOK_SECRET"] = "not-this-one"
	cs := cmdtest.NewCableStub(t, nil)
	l := cmdtest.StartWoot(t, h.Env, "listen", "--pubsub-token", "t1", "--cable-url", cs.URL(),
		"--forward-to", target.URL, "--forward-secret-file", path, "--count", "1")
	l.WaitStderr("subscribed", 5*time.Second)
	cs.Broadcast(t, "t1", cmdtest.MessageEvent(1, 5, 1))
	if code := l.Wait(15 * time.Second); code != 0 {
		t.Fatalf("listen: exit %d\n%s", code, l.ErrOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(verified) != 1 || verified[0] != nil {
		t.Fatalf("deliveries verified with the file's secret: %v", verified)
	}
	if errs := l.ErrOut.String(); !strings.Contains(errs, "signed with the secret from --forward-secret-file "+path) || strings.Contains(errs, secret) {
		t.Errorf("stderr should name the file, never the secret:\n%s", errs)
	}
}
