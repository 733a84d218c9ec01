package webhooks_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/webhook"
)

// post sends body to url with Chatwoot's headers signed by secret at ts
// (no signature headers when secret is empty) and returns the response.
func post(t *testing.T, url, secret string, ts int64, body []byte) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(webhook.HeaderDelivery, "7d0c1c5e-2b4f-4f58-9a8e-0c7f6e1d2a3b")
	if secret != "" {
		req.Header.Set(webhook.HeaderTimestamp, strconv.FormatInt(ts, 10))
		req.Header.Set(webhook.HeaderSignature, referenceSignature(secret, ts, body))
	}
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestWebhooksReceiveVerifiesEachDelivery(t *testing.T) {
	const secret = "whsec-receive-3f9a"
	recv := cmdtest.StartWoot(t, map[string]string{"CHATWOOT_WEBHOOK_SECRET": secret, "WOOT_CONFIG_DIR": t.TempDir()},
		"webhooks", "receive", "--addr", "127.0.0.1:0", "--path", "/hooks", "--count", "1")
	url := cmdtest.ReceiverURL(t, recv)
	if !strings.HasSuffix(url, "/hooks") || !strings.Contains(recv.ErrOut.String(), "secret from CHATWOOT_WEBHOOK_SECRET") {
		t.Fatalf("receiver announced %q:\n%s", url, recv.ErrOut)
	}
	base := strings.TrimSuffix(url, "/hooks")
	now := time.Now().Unix()
	body := []byte("{\n  \"event\": \"message_created\",\n  \"id\": 5017\n}")

	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	type check struct {
		name             string
		status, got      int
		reason, respBody string
	}
	checks := []check{{name: "GET", status: http.StatusMethodNotAllowed, got: resp.StatusCode}}
	add := func(name string, want int, url, secret string, ts int64, b []byte, reason string) {
		got, text := post(t, url, secret, ts, b)
		checks = append(checks, check{name, want, got, reason, text})
	}
	add("other path", http.StatusNotFound, base+"/elsewhere", secret, now, body, "")
	add("unsigned", http.StatusUnauthorized, url, "", now, body, "missing X-Chatwoot-Signature and X-Chatwoot-Timestamp headers")
	add("wrong secret", http.StatusUnauthorized, url, "the-inbox-hmac-token", now, body, "signature mismatch")
	add("stale", http.StatusUnauthorized, url, secret, now-3600, body, "timestamp too old")
	add("signed but not JSON", http.StatusBadRequest, url, secret, now, []byte("event=message_created"), "not JSON")
	add("valid", http.StatusOK, url, secret, now, body, "")
	for _, c := range checks {
		if c.got != c.status {
			t.Errorf("%s: HTTP %d, want %d (%s)", c.name, c.got, c.status, c.respBody)
		}
		if c.reason != "" && !strings.Contains(recv.ErrOut.String(), c.reason) {
			t.Errorf("%s: stderr lacks %q", c.name, c.reason)
		}
		if c.status == http.StatusUnauthorized && !strings.Contains(c.respBody, c.reason) {
			t.Errorf("%s: the 401 body %q does not give the reason", c.name, c.respBody)
		}
	}
	if code := recv.Wait(5 * time.Second); code != 0 {
		t.Fatalf("receive: exit %d\n%s", code, recv.ErrOut)
	}
	if got := recv.Out.String(); got != `{"event":"message_created","id":5017}`+"\n" {
		t.Fatalf("stdout %q: want only the valid delivery, as one JSON line", got)
	}
	if !strings.Contains(recv.ErrOut.String(), "stopped after 1 valid and 4 invalid deliveries") {
		t.Errorf("stderr:\n%s", recv.ErrOut)
	}
}

func TestWebhooksReceiveForwardsUnchanged(t *testing.T) {
	const secret = "whsec-fwd"
	var gotBody []byte
	var gotHeader http.Header
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotBody, _ = io.ReadAll(r.Body)
		gotHeader = r.Header.Clone()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte(`{"queued":true}`))
	}))
	defer target.Close()
	recv := cmdtest.StartWoot(t, map[string]string{"WOOT_CONFIG_DIR": t.TempDir()},
		"webhooks", "receive", "--addr", "127.0.0.1:0", "--secret", secret, "--forward-to", target.URL+"/app", "--jq", ".event")
	url := cmdtest.ReceiverURL(t, recv)
	body := []byte(`{"id":42,"name":"Mara <Lindqvist>","event":"contact_created"}` + "\n")
	ts := time.Now().Unix()
	status, text := post(t, url, secret, ts, body)
	if status != http.StatusAccepted || text != `{"queued":true}` {
		t.Fatalf("receiver answered %d %q, want the target's 202 and body", status, text)
	}
	if !bytes.Equal(gotBody, body) {
		t.Fatalf("target got %q, want the bytes as delivered %q", gotBody, body)
	}
	if _, err := webhook.Verify(secret, gotHeader.Get(webhook.HeaderSignature), gotHeader.Get(webhook.HeaderTimestamp), gotBody, time.Now(), time.Minute); err != nil {
		t.Fatalf("the forwarded delivery does not verify at the target: %v", err)
	}
	if gotHeader.Get(webhook.HeaderDelivery) == "" {
		t.Error("X-Chatwoot-Delivery was not passed on")
	}
	if got := recv.WaitLines(1, 5*time.Second); got[0] != "contact_created" {
		t.Errorf("--jq output %q", got)
	}
	if code := recv.Stop(5 * time.Second); code != 0 {
		t.Fatalf("Ctrl-C: exit %d\n%s", code, recv.ErrOut)
	}
	if !strings.Contains(recv.ErrOut.String(), "forwarded to "+target.URL+"/app: HTTP 202") {
		t.Errorf("stderr:\n%s", recv.ErrOut)
	}
}

func TestWebhooksReceiveUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no secret":      {"webhooks", "receive", "--addr", "127.0.0.1:0"},
		"relative path":  {"webhooks", "receive", "--secret", "s", "--path", "hooks"},
		"negative count": {"webhooks", "receive", "--secret", "s", "--count", "-2"},
	} {
		t.Run(name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			if code := h.Run(args...); code != cmdutil.ExitUsage {
				t.Fatalf("exit %d, want 2\n%s", code, h.ErrOut)
			}
		})
	}
}

func TestWebhooksReceivePrintsARetriedDeliveryOnce(t *testing.T) {
	const secret = "whsec-retry"
	recv := cmdtest.StartWoot(t, map[string]string{"WOOT_CONFIG_DIR": t.TempDir()},
		"webhooks", "receive", "--addr", "127.0.0.1:0", "--secret", secret, "--count", "2")
	url := cmdtest.ReceiverURL(t, recv)
	first := []byte(`{"event":"message_created","id":1}`)
	// Chatwoot keeps the delivery id across attempts and signs each anew.
	for i, ts := range []int64{time.Now().Unix() - 2, time.Now().Unix()} {
		if status, text := post(t, url, secret, ts, first); status != http.StatusOK {
			t.Fatalf("attempt %d: HTTP %d %s", i+1, status, text)
		}
	}
	recv.WaitStderr("(a retry, printed before)", 5*time.Second)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader([]byte(`{"event":"message_created","id":2}`)))
	ts := time.Now().Unix()
	req.Header.Set(webhook.HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(webhook.HeaderSignature, referenceSignature(secret, ts, []byte(`{"event":"message_created","id":2}`)))
	resp, err := http.DefaultClient.Do(req) // no delivery id at all: always printed
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if code := recv.Wait(5 * time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, recv.ErrOut)
	}
	if got := recv.Out.String(); got != `{"event":"message_created","id":1}`+"\n"+`{"event":"message_created","id":2}`+"\n" {
		t.Fatalf("stdout %q", got)
	}
}
