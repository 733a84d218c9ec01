package sandbox_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

// wootEnv is a clean environment whose embedded sandbox state lives in dir.
func wootEnv(dir string) []string {
	return []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "WOOT_CONFIG_DIR=" + dir}
}

// TestParallelEmbeddedSandboxesLoseNoUpdate runs 2 × 50 `woot --sandbox
// contacts create` processes at once on one state file: all 100 contacts
// are there afterwards, once each, and the state loads.
func TestParallelEmbeddedSandboxesLoseNoUpdate(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for script := range 2 { // two scripts, each `xargs -P 5` over 50 creates
		for worker := range 5 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := worker; n < 50; n += 5 {
					email := fmt.Sprintf("par-%d-%d@example.com", script, n)
					c := exec.Command(woot, "--sandbox", "contacts", "create", "--name", "Parallel", "--email", email, "-o", "json")
					c.Env = wootEnv(dir)
					if out, err := c.CombinedOutput(); err != nil {
						errs <- fmt.Errorf("create %s: %v\n%s", email, err, out)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	sb, err := sandbox.New(sandbox.Options{StatePath: filepath.Join(dir, "sandbox.json")})
	if err != nil {
		t.Fatalf("the state file does not load: %v", err)
	}
	defer sb.Close()
	got := contactEmails(t, sb)
	for script := range 2 {
		for n := range 50 {
			email := fmt.Sprintf("par-%d-%d@example.com", script, n)
			if got[email] != 1 {
				t.Errorf("%s is there %d times, want once", email, got[email])
			}
		}
	}
}

// contactEmails counts the contacts of account 1 by email, paging the API.
func contactEmails(t *testing.T, sb *sandbox.Sandbox) map[string]int {
	t.Helper()
	got := map[string]int{}
	for page := 1; ; page++ {
		var body struct {
			Payload []struct {
				Email string `json:"email"`
			} `json:"payload"`
		}
		sandboxGet(t, sb, fmt.Sprintf("/api/v1/accounts/1/contacts?page=%d", page), &body)
		for _, c := range body.Payload {
			got[c.Email]++
		}
		if len(body.Payload) < 15 {
			return got
		}
	}
}

func sandboxGet(t *testing.T, h http.Handler, path string, v any) {
	t.Helper()
	req, _ := http.NewRequest("GET", "http://sandbox.invalid"+path, nil)
	req.Header["api_access_token"] = []string{sandbox.SeedUserToken}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != 200 {
		t.Fatalf("GET %s: %d %s", path, w.Code, w.Body.String())
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatal(err)
	}
}

// served sends one request with the seed's user token to a served sandbox.
func served(t *testing.T, method, url, body string) []byte {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header["api_access_token"] = []string{sandbox.SeedUserToken}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("%s %s: %d %s", method, url, resp.StatusCode, raw)
	}
	return raw
}

// TestServeSavesOnSignals stops `sandbox serve --state F` with SIGTERM,
// SIGHUP and SIGINT: each exits 0, the snapshot itself holds what was
// created, and a restart serves it.
func TestServeSavesOnSignals(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			state := filepath.Join(t.TempDir(), "state.json")
			srv := cmdtest.StartServe(t, woot, wootEnv(t.TempDir()), "--state", state, "--seed", "empty")
			served(t, "POST", srv.URL+"/api/v1/accounts/1/contacts", `{"name":"Served","email":"kept@example.com"}`)
			if err := srv.Cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if err := srv.WaitExit(t); err != nil {
				t.Fatalf("serve after %v: %v", sig, err)
			}
			if snap, _ := os.ReadFile(state); !bytes.Contains(snap, []byte("kept@example.com")) {
				t.Error("the snapshot does not hold the contact: nothing was saved on the signal")
			}
			again := cmdtest.StartServe(t, woot, wootEnv(t.TempDir()), "--state", state, "--seed", "empty")
			if body := served(t, "GET", again.URL+"/api/v1/accounts/1/contacts", ""); !bytes.Contains(body, []byte("kept@example.com")) {
				t.Fatalf("after a restart the contact is gone: %s", body)
			}
		})
	}
}

// TestUnusableStateFileIsAnError: a corrupt or other-version state file
// stops `woot --sandbox` and `sandbox serve` with exit 1 and a message
// naming `woot sandbox reset`; the file is not reseeded.
func TestUnusableStateFileIsAnError(t *testing.T) {
	woot := cmdtest.WootBinary(t)
	for name, content := range map[string]string{"corrupt": `{"version":1,"contacts":[`, "other version": `{"version":7}`} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			state := filepath.Join(dir, "sandbox.json")
			if err := os.WriteFile(state, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"--sandbox", "contacts", "list"},
				{"sandbox", "serve", "--addr", "127.0.0.1:0", "--state", state},
			} {
				c := exec.Command(woot, args...)
				c.Env = wootEnv(dir)
				var stderr bytes.Buffer
				c.Stderr = &stderr
				err := c.Run()
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != 1 {
					t.Errorf("%v: %v, want exit status 1", args, err)
				}
				if !strings.Contains(stderr.String(), "woot sandbox reset") {
					t.Errorf("%v: stderr %q does not name `woot sandbox reset`", args, stderr.String())
				}
				if raw, _ := os.ReadFile(state); string(raw) != content {
					t.Fatalf("%v reseeded the unusable file", args)
				}
			}
		})
	}
}
