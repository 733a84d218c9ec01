package cmd_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// profile get hides pubsub_token unless --show-secrets; the rest of the
// profile, and the token with the flag, are printed as the server sent them.
func TestProfileGetShowsPubsubTokenOnlyWhenAsked(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, cmdtest.ProfileBody).Times = 3
	out := h.MustRun("profile", "get", "-o", "json", "--jq", "[.pubsub_token, .email]")
	if strings.Contains(out, "pubsub-abc") || !strings.Contains(out, `"[redacted]"`) || !strings.Contains(out, `"ann@example.com"`) {
		t.Fatalf("profile get -o json printed:\n%s", out)
	}
	out = h.MustRun("profile", "get", "-o", "json", "--jq", ".pubsub_token", "--show-secrets")
	if out != "pubsub-abc\n" {
		t.Fatalf("profile get --show-secrets printed %q", out)
	}
	h.MustRun("profile", "get", "--debug", "--fields", "id")
	if strings.Contains(h.ErrOut.String(), "pubsub-abc") || !strings.Contains(h.ErrOut.String(), "< 200") {
		t.Fatalf("the debug log shows the pubsub token:\n%s", h.ErrOut)
	}
}
