package webhooks_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/webhook"
)

// The secret has three ways in besides the profile; the command line one
// shows in ps, so the file and the environment are the ones to teach.
// Precedence: --secret > --secret-file > CHATWOOT_WEBHOOK_SECRET.
func TestVerifySecretPrecedence(t *testing.T) {
	const right, wrong = "whsec-right-2d4f", "whsec-wrong-9a1b"
	body := []byte(`{"event":"message_created","id":1}`)
	sig := referenceSignature(right, harnessNow, body)
	rightFile := writeBodyFile(t, "right", []byte(right+"\n")) // as `echo` leaves it
	wrongFile := writeBodyFile(t, "wrong", []byte(wrong))
	for _, c := range []struct {
		name  string
		env   string
		flags []string
		code  int
	}{
		{"file over env", wrong, []string{"--secret-file", rightFile}, 0},
		{"flag over file", "", []string{"--secret", right, "--secret-file", wrongFile}, 0},
		{"env alone", right, nil, 0},
		{"file over a right env", right, []string{"--secret-file", wrongFile}, cmdutil.ExitSignature},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			if c.env != "" {
				h.Env["CHATWOOT_WEBHOOK_SECRET"] = c.env
			}
			h.In = bytes.NewBuffer(body)
			args := append([]string{"verify", "--timestamp", strconv.FormatInt(harnessNow, 10), "--signature", sig}, c.flags...)
			if code := h.Run(append(args, "-")...); code != c.code {
				t.Fatalf("exit %d, want %d\n%s", code, c.code, h.ErrOut)
			}
		})
	}
}

func TestVerifySecretFileProblems(t *testing.T) {
	body := []byte(`{}`)
	open := writeBodyFile(t, "open", []byte("s3cret"))
	if err := os.Chmod(open, 0o644); err != nil {
		t.Fatal(err)
	}
	h := cmdtest.NewHarness(t)
	h.In = bytes.NewBuffer(body)
	if code := h.Run("verify", "--secret-file", open, "--timestamp", strconv.FormatInt(harnessNow, 10), "--signature", referenceSignature("s3cret", harnessNow, body), "-"); code != 0 {
		t.Fatalf("a world-readable file still works: exit %d\n%s", code, h.ErrOut)
	}
	if errs := h.ErrOut.String(); !strings.Contains(errs, "accessible by other users (mode 0644): run `chmod 600 "+open+"`") || strings.Contains(errs, "s3cret") {
		t.Errorf("stderr %q: want a chmod warning that does not show the secret", errs)
	}
	for name, path := range map[string]string{
		"missing": filepath.Join(t.TempDir(), "nope"),
		"empty":   writeBodyFile(t, "empty", []byte("\n")),
	} {
		h := cmdtest.NewHarness(t)
		h.In = bytes.NewBuffer(body)
		if code := h.Run("verify", "--secret-file", path, "--timestamp", "1", "--signature", "sha256=00", "-"); code != cmdutil.ExitUsage {
			t.Errorf("%s file: exit %d, want 2\n%s", name, code, h.ErrOut)
		}
		if !strings.Contains(h.ErrOut.String(), "--secret-file") {
			t.Errorf("%s file: the error does not name the flag: %s", name, h.ErrOut)
		}
	}
}

func TestWebhooksTriggerSignsWithTheSecretFile(t *testing.T) {
	const secret = "whsec-trigger-file-44e0"
	var sig, ts string
	var body []byte
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ = io.ReadAll(r.Body)
		sig, ts = r.Header.Get(webhook.HeaderSignature), r.Header.Get(webhook.HeaderTimestamp)
	}))
	defer target.Close()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_WEBHOOK_SECRET"] = "not-this-one"
	path := writeBodyFile(t, "secret", []byte(secret+"\n"))
	if code := h.Run("webhooks", "trigger", "message_created", "--to", target.URL, "--secret-file", path); code != 0 {
		t.Fatalf("exit %d\n%s", code, h.ErrOut)
	}
	n, _ := strconv.ParseInt(ts, 10, 64)
	if want := referenceSignature(secret, n, body); sig != want {
		t.Fatalf("signed %s, want %s (the file's secret, newline trimmed)", sig, want)
	}
	if !strings.Contains(h.ErrOut.String(), "--secret-file "+path) {
		t.Errorf("stderr does not say where the secret came from: %s", h.ErrOut)
	}
}

func TestSecretFlagsSayWhatPsShows(t *testing.T) {
	for _, args := range [][]string{{"verify"}, {"webhooks", "receive"}, {"webhooks", "trigger"}} {
		h := cmdtest.NewHarness(t)
		help := h.MustRun(append(args, "--help")...)
		if !strings.Contains(help, "--secret-file FILE") || !strings.Contains(help, "visible to other users in ps") {
			t.Errorf("woot %s --help does not offer --secret-file or warn about ps:\n%s", strings.Join(args, " "), help)
		}
		for _, line := range strings.Split(help, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "$ ") && strings.Contains(line, "--secret ") {
				t.Errorf("woot %s: an example teaches --secret: %s", strings.Join(args, " "), line)
			}
		}
	}
}
