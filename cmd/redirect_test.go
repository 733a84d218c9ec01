package cmd_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// TestRedirectsFailWithExitCode8AndCarryNoCredential runs commands of each
// family and token style against a server that redirects to a second one;
// the second one must see no request at all.
func TestRedirectsFailWithExitCode8AndCarryNoCredential(t *testing.T) {
	var mu sync.Mutex
	var leaked []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		leaked = append(leaked, fmt.Sprintf("%s %s %v", r.Method, r.URL, r.Header))
		mu.Unlock()
		fmt.Fprint(w, `{"payload":[{"id":666}]}`)
	}))
	defer other.Close()
	port := other.URL[strings.LastIndexByte(other.URL, ':')+1:]
	commands := [][]string{
		{"contacts", "list"},
		{"contacts", "create", "--name", "Ann"},
		{"platform", "accounts", "get", "1"},
		{"client", "contacts", "get", "--inbox-identifier", "inbox-xyz", "--contact-identifier", "c-123"},
		{"api", "/api/v1/profile"},
		{"api", "-X", "POST", "contacts", "-f", "name=Ann"},
		{"api", "/platform/api/v1/users/7"},
	}
	for _, status := range []int{301, 302, 307, 308} {
		for _, target := range []string{other.URL, "http://localhost:" + port} {
			origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target+r.URL.RequestURI(), status)
			}))
			for _, style := range []string{"api_access_token", "api-access-token", "bearer"} {
				for _, args := range commands {
					h := cmdtest.NewHarness(t)
					h.Env["CHATWOOT_URL"] = origin.URL
					writeTokenStyle(t, h.Env["WOOT_CONFIG_DIR"], style)
					code := h.Run(args...)
					if code != cmdutil.ExitNetwork || !strings.Contains(h.ErrOut.String(), "redirected to") || !strings.Contains(h.ErrOut.String(), "CHATWOOT_URL") {
						t.Errorf("%d %s woot %s: exit %d, stderr %q; want exit 8 naming the redirect and CHATWOOT_URL", status, style, strings.Join(args, " "), code, h.ErrOut)
					}
				}
			}
			origin.Close()
		}
	}
	if len(leaked) > 0 {
		t.Fatalf("%d requests reached the other server, e.g. %s", len(leaked), leaked[0])
	}
}

func writeTokenStyle(t *testing.T, dir, style string) {
	t.Helper()
	data := fmt.Sprintf(`{"profiles":{"default":{"token_style":%q}}}`, style)
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}
