package cmd_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

// TestProvisionRecipeAgainstSandbox runs docs/recipes/provision.sh as a
// user would, against a served sandbox, and checks what it created.
func TestProvisionRecipeAgainstSandbox(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh on this machine")
	}
	woot := cmdtest.WootBinary(t)
	sb, err := sandbox.New(sandbox.Options{Seed: "empty"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	t.Cleanup(func() { srv.Close(); sb.Close() })
	creds := sb.Credentials()

	cmd := exec.Command("sh", filepath.Join("..", "docs", "recipes", "provision.sh"))
	cmd.Env = []string{
		"PATH=/usr/bin:/bin", "HOME=" + t.TempDir(), "WOOT_CONFIG_DIR=" + t.TempDir(),
		"WOOT=" + woot, "CHATWOOT_URL=" + srv.URL, "CHATWOOT_PLATFORM_TOKEN=" + creds.PlatformToken,
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("provision.sh: %v\nstderr:\n%s", err, stderr.String())
	}
	ids := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		k, v, _ := strings.Cut(line, "=")
		ids[k] = v
	}
	if ids["account_id"] == "" || ids["user_id"] == "" || ids["agent_bot_id"] == "" {
		t.Fatalf("recipe printed %q", stdout.String())
	}
	// The user is an administrator of the new account.
	req, _ := http.NewRequest("GET", srv.URL+"/platform/api/v1/accounts/"+ids["account_id"]+"/account_users", nil)
	req.Header["api_access_token"] = []string{creds.PlatformToken}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var users []struct {
		UserID int64  `json:"user_id"`
		Role   string `json:"role"`
	}
	if err := json.Unmarshal(body, &users); err != nil {
		t.Fatalf("account users: %s", body)
	}
	found := false
	for _, u := range users {
		if cmdtest.JSONID(u.UserID) == ids["user_id"] && u.Role == "administrator" {
			found = true
		}
	}
	if !found {
		t.Fatalf("user %s is not an administrator of account %s: %s", ids["user_id"], ids["account_id"], body)
	}
}
