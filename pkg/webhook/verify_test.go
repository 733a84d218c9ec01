package webhook

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

const testSecret = "whsec_test_9d1f"

var signedAt = time.Unix(1718000000, 0)

func tsString(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

func TestVerifyAcceptsIndependentlySignedBodies(t *testing.T) {
	for _, v := range vectors() {
		t.Run(v.name, func(t *testing.T) {
			sig := handSign(v.secret, v.ts, v.body)
			now := time.Unix(v.ts+30, 0)
			res, err := Verify(v.secret, sig, strconv.FormatInt(v.ts, 10), v.body, now, 5*time.Minute)
			if err != nil || !res.Valid {
				t.Fatalf("Verify = %+v, %v; want valid", res, err)
			}
			if res.AgeSeconds != 30 {
				t.Errorf("AgeSeconds = %d, want 30", res.AgeSeconds)
			}
		})
	}
}

func TestVerifyAcceptsUppercaseHex(t *testing.T) {
	body := []byte(`{"event":"message_created","id":7}`)
	sig := handSign(testSecret, signedAt.Unix(), body)
	upper := "sha256=" + strings.ToUpper(strings.TrimPrefix(sig, "sha256="))
	if res, err := Verify(testSecret, upper, tsString(signedAt), body, signedAt, time.Minute); err != nil || !res.Valid {
		t.Fatalf("uppercase hex rejected: %+v, %v", res, err)
	}
}

// verifyFails asserts a *SignatureError with the code and returns it.
func verifyFails(t *testing.T, code Code, secret, sig, ts string, body []byte, now time.Time, tol time.Duration) *SignatureError {
	t.Helper()
	res, err := Verify(secret, sig, ts, body, now, tol)
	var se *SignatureError
	if !errors.As(err, &se) {
		t.Fatalf("Verify error = %v (%T), want *SignatureError", err, err)
	}
	if se.Code != code || res.Code != code {
		t.Fatalf("code = %q (result %q), want %q; reason %q", se.Code, res.Code, code, se.Reason)
	}
	if res.Valid || res.Reason != se.Reason || se.Reason == "" || se.Hint == "" {
		t.Fatalf("result %+v / error %+v: want invalid with the error's reason and a hint", res, se)
	}
	return se
}

func TestVerifyRejectsChangedBodies(t *testing.T) {
	signed := []byte(`{"event":"message_created","id":1,"content":"hi"}`)
	sig := handSign(testSecret, signedAt.Unix(), signed)
	for name, body := range map[string]string{
		"re-serialised with spaces": `{"event": "message_created", "id": 1, "content": "hi"}`,
		"keys reordered":            `{"content":"hi","event":"message_created","id":1}`,
		"trailing newline added":    string(signed) + "\n",
		"empty":                     "",
	} {
		t.Run(name, func(t *testing.T) {
			se := verifyFails(t, CodeSignatureMismatch, testSecret, sig, tsString(signedAt), []byte(body), signedAt, time.Minute)
			for _, want := range []string{"secret", "API access token", "HMAC token", "raw"} {
				if !strings.Contains(se.Hint, want) {
					t.Errorf("mismatch hint lacks %q: %s", want, se.Hint)
				}
			}
		})
	}
}

func TestVerifyRejectsWrongSecretAndTimestamp(t *testing.T) {
	body := []byte(`{"event":"contact_created","id":3}`)
	sig := handSign(testSecret, signedAt.Unix(), body)
	verifyFails(t, CodeSignatureMismatch, "another-secret", sig, tsString(signedAt), body, signedAt, time.Minute)
	// The timestamp is part of the signed text: a replay with a new timestamp fails.
	later := signedAt.Add(time.Second)
	verifyFails(t, CodeSignatureMismatch, testSecret, sig, tsString(later), body, later, time.Minute)
}

func TestVerifyTimestampWindow(t *testing.T) {
	body := []byte(`{"event":"conversation_created"}`)
	sig := handSign(testSecret, signedAt.Unix(), body)
	ts := tsString(signedAt)
	tol := 5 * time.Minute

	ok := func(now time.Time, tol time.Duration, wantAge int64) {
		t.Helper()
		res, err := Verify(testSecret, sig, ts, body, now, tol)
		if err != nil || !res.Valid || res.AgeSeconds != wantAge {
			t.Fatalf("at %v tol %v: %+v, %v; want valid with age %d", now.Sub(signedAt), tol, res, err, wantAge)
		}
	}
	ok(signedAt.Add(tol), tol, 300)   // exactly at the edge
	ok(signedAt.Add(-tol), tol, -300) // a receiver clock behind by the tolerance

	se := verifyFails(t, CodeTimestampTooOld, testSecret, sig, ts, body, signedAt.Add(tol+time.Second), tol)
	for _, want := range []string{"301s", "5m1s", "5m0s"} {
		if !strings.Contains(se.Reason, want) {
			t.Errorf("too-old reason lacks %q: %s", want, se.Reason)
		}
	}
	res, _ := Verify(testSecret, sig, ts, body, signedAt.Add(2*time.Hour), tol)
	if res.AgeSeconds != 7200 {
		t.Errorf("stale AgeSeconds = %d, want 7200", res.AgeSeconds)
	}

	se = verifyFails(t, CodeTimestampInFuture, testSecret, sig, ts, body, signedAt.Add(-tol-time.Minute), tol)
	if !strings.Contains(se.Reason, "360s") || !strings.Contains(se.Hint, "clock") {
		t.Errorf("future reason/hint: %s / %s", se.Reason, se.Hint)
	}

	// tolerance 0: no age check either way.
	ok(signedAt.Add(400*24*time.Hour), 0, 400*24*3600)
	ok(signedAt.Add(-400*24*time.Hour), 0, -400*24*3600)
}

func TestVerifyMillisecondTimestampHint(t *testing.T) {
	body := []byte(`{}`)
	ms := strconv.FormatInt(signedAt.UnixMilli(), 10)
	sig := handSign(testSecret, signedAt.UnixMilli(), body)
	se := verifyFails(t, CodeMalformedTimestamp, testSecret, sig, ms, body, signedAt, time.Minute)
	if !strings.Contains(se.Reason, "milliseconds") {
		t.Errorf("reason should point at milliseconds: %s", se.Reason)
	}
}

func TestVerifyMissingHeaders(t *testing.T) {
	body := []byte(`{}`)
	sig := handSign(testSecret, signedAt.Unix(), body)
	se := verifyFails(t, CodeMissingSignature, testSecret, "", tsString(signedAt), body, signedAt, time.Minute)
	if !strings.Contains(se.Reason, HeaderSignature) {
		t.Errorf("reason should name the header: %s", se.Reason)
	}
	se = verifyFails(t, CodeMissingTimestamp, testSecret, sig, "  ", body, signedAt, time.Minute)
	if !strings.Contains(se.Reason, HeaderTimestamp) {
		t.Errorf("reason should name the header: %s", se.Reason)
	}
	se = verifyFails(t, CodeMissingHeaders, testSecret, "", "", body, signedAt, time.Minute)
	if !strings.Contains(se.Hint, "secret") {
		t.Errorf("unsigned-request hint should mention the webhook secret: %s", se.Hint)
	}
}

func TestVerifyMalformedSignature(t *testing.T) {
	body := []byte(`{}`)
	good := strings.TrimPrefix(handSign(testSecret, signedAt.Unix(), body), "sha256=")
	cases := map[string]struct{ sig, want string }{
		"wrong prefix":     {"sha1=" + good[:40], `wrong prefix "sha1="`},
		"uppercase prefix": {"SHA256=" + good, `must be lowercase`},
		"no prefix":        {good, "without the"},
		"short":            {"sha256=" + good[:63], "found 63"},
		"long":             {"sha256=" + good + "0", "found 65"},
		"non-hex":          {"sha256=" + good[:10] + "g" + good[11:], `'g' at position 18`},
		"garbage":          {"hello world", `"hello world"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			se := verifyFails(t, CodeMalformedSignature, testSecret, c.sig, tsString(signedAt), body, signedAt, time.Minute)
			if !strings.Contains(se.Reason, c.want) {
				t.Errorf("reason %q lacks %q", se.Reason, c.want)
			}
		})
	}
}

func TestVerifyMalformedTimestamp(t *testing.T) {
	body := []byte(`{}`)
	sig := handSign(testSecret, signedAt.Unix(), body)
	for _, ts := range []string{"1718000000.5", "2024-06-10T06:13:20Z", "abc", "-5", "99999999999999"} {
		t.Run(ts, func(t *testing.T) {
			verifyFails(t, CodeMalformedTimestamp, testSecret, sig, ts, body, signedAt, time.Minute)
		})
	}
}

func TestVerifyWithoutSecretIsAUsageError(t *testing.T) {
	_, err := Verify("", "sha256=00", "1", nil, signedAt, 0)
	var se *SignatureError
	if !errors.Is(err, ErrMissingSecret) || errors.As(err, &se) {
		t.Fatalf("err = %v, want ErrMissingSecret and not a SignatureError", err)
	}
}
