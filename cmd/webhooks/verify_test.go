package webhooks_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// referenceSignature is a second implementation of Chatwoot's formula,
// written from the documentation and independent of pkg/webhook:
// "sha256=" + hex(HMAC-SHA256(secret, "<timestamp>.<raw body>")).
func referenceSignature(secret string, ts int64, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(strconv.FormatInt(ts, 10)))
	m.Write([]byte{'.'})
	m.Write(body)
	return fmt.Sprintf("sha256=%x", m.Sum(nil))
}

// The harness clock: every test command sees 2026-11-21 12:00:00 UTC.
var harnessNow = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC).Unix()

func writeBodyFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestVerifySignatureVectors(t *testing.T) {
	const secret = "whsec_7Qm2vXr9Lp4Tz8Kd"
	compact := []byte(`{"event":"message_created","id":5017,"content":"hi"}`)
	pretty := []byte("{\n  \"event\": \"message_created\",\n  \"id\": 5017,\n  \"content\": \"hi\"\n}")
	unicode := []byte(`{"event":"message_created","content":"Grüße aus Malmö — 👋 ありがとう"}`)
	withNewline := append(append([]byte{}, compact...), '\n')
	cases := []struct {
		name     string
		signWith string // secret used to sign
		signed   []byte // body the signature covers
		sent     []byte // body handed to verify
		ts       int64
		extra    []string
		code     int
		reason   string
	}{
		{"compact body", secret, compact, compact, harnessNow - 3, nil, 0, "signed 3s ago"},
		{"non-ASCII body", secret, unicode, unicode, harnessNow, nil, 0, "signature valid"},
		{"empty body", secret, []byte{}, []byte{}, harnessNow, nil, 0, "signature valid"},
		{"trailing newline kept", secret, withNewline, withNewline, harnessNow, nil, 0, "signature valid"},
		{"trailing newline added by an editor", secret, compact, withNewline, harnessNow, nil, cmdutil.ExitSignature, "signature mismatch"},
		{"trailing newline lost", secret, withNewline, compact, harnessNow, nil, cmdutil.ExitSignature, "signature mismatch"},
		{"re-serialised with whitespace", secret, compact, pretty, harnessNow, nil, cmdutil.ExitSignature, "signature mismatch"},
		{"whitespace kept as signed", secret, pretty, pretty, harnessNow, nil, 0, "signature valid"},
		{"wrong secret", "an-api-access-token", compact, compact, harnessNow, nil, cmdutil.ExitSignature, "signature mismatch"},
		{"stale timestamp", secret, compact, compact, harnessNow - 301, nil, cmdutil.ExitSignature, "timestamp too old: signed 301s (5m1s) ago"},
		{"just within tolerance", secret, compact, compact, harnessNow - 299, nil, 0, "within tolerance 5m0s"},
		{"stale but age check off", secret, compact, compact, harnessNow - 86400, []string{"--tolerance", "0"}, 0, "age check disabled"},
		{"stale with a wider tolerance", secret, compact, compact, harnessNow - 3600, []string{"--tolerance", "2h"}, 0, "signature valid"},
		{"future timestamp", secret, compact, compact, harnessNow + 400, nil, cmdutil.ExitSignature, "timestamp in the future: 400s (6m40s) ahead"},
		{"wrong secret on a stale request reports the secret", "other", compact, compact, harnessNow - 9000, nil, cmdutil.ExitSignature, "signature mismatch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			file := writeBodyFile(t, "body", c.sent)
			args := append([]string{"verify", "--secret", secret, "--timestamp", strconv.FormatInt(c.ts, 10),
				"--signature", referenceSignature(c.signWith, c.ts, c.signed), file}, c.extra...)
			if code := h.Run(args...); code != c.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, c.code, h.ErrOut)
			}
			if !strings.Contains(h.ErrOut.String(), c.reason) {
				t.Errorf("stderr lacks %q:\n%s", c.reason, h.ErrOut)
			}
			if c.reason == "signature mismatch" && !strings.Contains(h.ErrOut.String(), "not the API access token and not the inbox HMAC token") {
				t.Errorf("a mismatch must say which secret is meant:\n%s", h.ErrOut)
			}
			if h.Out.Len() != 0 {
				t.Errorf("stdout without -o: %q", h.Out)
			}
		})
	}
}

// TestVerifyKnownAnswer pins the formula to a vector computed outside Go:
// printf '1767225600.{"event":"message_created","id":1}' | openssl dgst -sha256 -hmac s3cret
func TestVerifyKnownAnswer(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.In = bytes.NewBufferString(`{"event":"message_created","id":1}`)
	const sig = "sha256=6b84bca6ea65e7714e0de000984fdb4caae0b6d7945b9ab3921674f5eba539dc"
	if want := referenceSignature("s3cret", 1767225600, h.In.Bytes()); want != sig {
		t.Fatalf("reference implementation gives %s, openssl %s", want, sig)
	}
	if code := h.Run("verify", "--secret", "s3cret", "--timestamp", "1767225600", "--signature", sig, "--tolerance", "0"); code != 0 {
		t.Fatalf("exit %d\n%s", code, h.ErrOut)
	}
}

func TestVerifyMalformedInput(t *testing.T) {
	const secret = "s3cret"
	good := referenceSignature(secret, harnessNow, []byte("{}"))
	cases := []struct {
		name, sig, ts string
		code          int
		reason        string
	}{
		{"missing signature header", "", strconv.FormatInt(harnessNow, 10), cmdutil.ExitSignature, "missing X-Chatwoot-Signature header"},
		{"missing timestamp header", good, "", cmdutil.ExitSignature, "missing X-Chatwoot-Timestamp header"},
		{"no sha256= prefix", strings.TrimPrefix(good, "sha256="), strconv.FormatInt(harnessNow, 10), cmdutil.ExitSignature, "malformed signature"},
		{"short digest", good[:len(good)-1], strconv.FormatInt(harnessNow, 10), cmdutil.ExitSignature, "expected 64 hex digits"},
		{"timestamp not an integer", good, "2026-11-21T12:00:00Z", cmdutil.ExitSignature, "is not an integer"},
		{"timestamp in milliseconds", good, strconv.FormatInt(harnessNow*1000, 10), cmdutil.ExitSignature, "milliseconds"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			h.In = bytes.NewBufferString("{}")
			if code := h.Run("verify", "--secret", secret, "--signature", c.sig, "--timestamp", c.ts); code != c.code {
				t.Fatalf("exit %d, want %d\n%s", code, c.code, h.ErrOut)
			}
			if !strings.Contains(h.ErrOut.String(), c.reason) || !strings.Contains(h.ErrOut.String(), "hint: ") {
				t.Errorf("stderr lacks %q and a hint:\n%s", c.reason, h.ErrOut)
			}
		})
	}
}

func TestVerifyJSONOutput(t *testing.T) {
	body := []byte(`{"event":"contact_created","id":42}`)
	type result struct {
		Valid      bool   `json:"valid"`
		Reason     string `json:"reason"`
		AgeSeconds *int64 `json:"age_seconds"`
	}
	run := func(t *testing.T, sig, ts string) (int, result, map[string]json.RawMessage) {
		h := cmdtest.NewHarness(t)
		h.In = bytes.NewBuffer(body)
		code := h.Run("verify", "--secret", "s3cret", "--signature", sig, "--timestamp", ts, "-o", "json")
		var r result
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(h.Out.Bytes(), &r); err != nil {
			t.Fatalf("stdout %q: %v", h.Out, err)
		}
		_ = json.Unmarshal(h.Out.Bytes(), &keys)
		return code, r, keys
	}
	ts := harnessNow - 400
	code, r, keys := run(t, referenceSignature("s3cret", ts, body), strconv.FormatInt(ts, 10))
	if code != cmdutil.ExitSignature || r.Valid || r.AgeSeconds == nil || *r.AgeSeconds != 400 || !strings.Contains(r.Reason, "too old") {
		t.Fatalf("stale: exit %d, %+v", code, r)
	}
	if len(keys) != 3 {
		t.Errorf("keys %v, want valid, reason, age_seconds", keys)
	}
	code, r, _ = run(t, referenceSignature("s3cret", harnessNow, body), strconv.FormatInt(harnessNow, 10))
	if code != 0 || !r.Valid || r.AgeSeconds == nil || *r.AgeSeconds != 0 {
		t.Fatalf("valid: exit %d, %+v", code, r)
	}
	code, r, _ = run(t, "sha256=nothex", strconv.FormatInt(harnessNow, 10))
	if code != cmdutil.ExitSignature || r.Valid || r.AgeSeconds != nil {
		t.Fatalf("malformed: exit %d, %+v (age_seconds must be null when unknown)", code, r)
	}
}

func TestVerifyRawRequest(t *testing.T) {
	const secret = "whsec-raw"
	body := `{"event":"message_created","content":"Grüße"}`
	ts := harnessNow - 10
	sig := referenceSignature(secret, ts, []byte(body))
	raw := "POST /hooks/chatwoot HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nContent-Type: application/json\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n" +
		"X-Chatwoot-Delivery: 0f8d5a3e-71b2-4c9a-a7a4-5c3b1e2d9f60\r\nX-Chatwoot-Timestamp: " + strconv.FormatInt(ts, 10) +
		"\r\nX-Chatwoot-Signature: " + sig + "\r\n\r\n" + body

	t.Run("file, secret from the environment", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		h.Env["CHATWOOT_WEBHOOK_SECRET"] = secret
		if code := h.Run("verify", "--request", writeBodyFile(t, "req.http", []byte(raw+"\n"))); code != 0 {
			t.Fatalf("exit %d\n%s", code, h.ErrOut)
		}
	})
	t.Run("stdin with bare newlines", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		h.In = bytes.NewBufferString(strings.ReplaceAll(raw, "\r\n", "\n"))
		if code := h.Run("verify", "--secret", secret, "--request", "-"); code != 0 {
			t.Fatalf("exit %d\n%s", code, h.ErrOut)
		}
	})
	t.Run("header stripped by a proxy", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		stripped := strings.Replace(raw, "X-Chatwoot-Signature: "+sig+"\r\n", "", 1)
		if code := h.Run("verify", "--secret", secret, "--request", writeBodyFile(t, "req.http", []byte(stripped))); code != cmdutil.ExitSignature {
			t.Fatalf("exit %d\n%s", code, h.ErrOut)
		}
		if !strings.Contains(h.ErrOut.String(), "missing X-Chatwoot-Signature header") {
			t.Errorf("stderr: %s", h.ErrOut)
		}
	})
	t.Run("flag overrides the header", func(t *testing.T) {
		h := cmdtest.NewHarness(t)
		if code := h.Run("verify", "--secret", secret, "--request", writeBodyFile(t, "req.http", []byte(raw)), "--timestamp", strconv.FormatInt(ts+1, 10)); code != cmdutil.ExitSignature {
			t.Fatalf("exit %d\n%s", code, h.ErrOut)
		}
	})
}

func TestVerifyUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no secret":             {"verify", "--signature", "sha256=00", "--timestamp", "1", "-"},
		"no signature flags":    {"verify", "--secret", "s", "-"},
		"request and body":      {"verify", "--secret", "s", "--request", "a", "b"},
		"negative tolerance":    {"verify", "--secret", "s", "--signature", "x", "--timestamp", "1", "--tolerance", "-1s"},
		"unreadable body":       {"verify", "--secret", "s", "--signature", "x", "--timestamp", "1", "/nonexistent/body.json"},
		"request not a request": {"verify", "--secret", "s", "--request", "-"},
		"bad jq":                {"verify", "--secret", "s", "--signature", "x", "--timestamp", "1", "--jq", ".["},
		"two positional bodies": {"verify", "--secret", "s", "--signature", "x", "--timestamp", "1", "a", "b"},
	} {
		t.Run(name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			h.In = bytes.NewBufferString("")
			if code := h.Run(args...); code != cmdutil.ExitUsage {
				t.Fatalf("exit %d, want 2\n%s", code, h.ErrOut)
			}
		})
	}
	h := cmdtest.NewHarness(t)
	h.Run("verify", "--signature", "x", "--timestamp", "1", "-")
	if !strings.Contains(h.ErrOut.String(), "CHATWOOT_WEBHOOK_SECRET") {
		t.Errorf("missing-secret message does not say where a secret comes from: %s", h.ErrOut)
	}
}
