package webhook

import (
	"crypto/hmac"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Code names a verification failure for scripts (JSON output) and tests.
type Code string

// Failure codes, one per Reason family.
const (
	CodeMissingSignature   Code = "missing_signature"
	CodeMissingTimestamp   Code = "missing_timestamp"
	CodeMissingHeaders     Code = "missing_headers"
	CodeMalformedSignature Code = "malformed_signature"
	CodeMalformedTimestamp Code = "malformed_timestamp"
	CodeSignatureMismatch  Code = "signature_mismatch"
	CodeTimestampTooOld    Code = "timestamp_too_old"
	CodeTimestampInFuture  Code = "timestamp_in_future"
)

// ErrMissingSecret is returned by Verify when no secret was given: that is a
// usage problem of the caller, not a bad signature.
var ErrMissingSecret = errors.New("no webhook secret: pass the webhook's secret (shown when the webhook is created), e.g. via CHATWOOT_WEBHOOK_SECRET")

// Result describes one verification. AgeSeconds is now minus the signed
// timestamp (negative when the timestamp is in the future); it is zero when
// the timestamp could not be read.
type Result struct {
	Valid      bool   `json:"valid"`
	Code       Code   `json:"code,omitempty"`
	Reason     string `json:"reason"`
	AgeSeconds int64  `json:"age_seconds"`
}

// SignatureError is returned for every verification failure; the command
// layer maps it to exit code 9. Reason says what is wrong, Hint what to do.
type SignatureError struct {
	Code   Code
	Reason string
	Hint   string
}

func (e *SignatureError) Error() string { return "webhook signature invalid: " + e.Reason }

// hexDigestLen is the length of a hex SHA-256 digest.
const hexDigestLen = 64

// maxTimestamp (9999-12-31) keeps age arithmetic far from overflow.
const maxTimestamp = 253402300799

// Verify checks a Chatwoot signature over the raw body. signature and
// timestamp are the header values as received (surrounding spaces are
// ignored). The signature is checked before the age so that a wrong secret
// is reported as such even on an old request. tolerance 0 disables the age
// check in both directions.
func Verify(secret, signature, timestamp string, body []byte, now time.Time, tolerance time.Duration) (Result, error) {
	if secret == "" {
		return Result{Reason: ErrMissingSecret.Error()}, ErrMissingSecret
	}
	signature, timestamp = strings.TrimSpace(signature), strings.TrimSpace(timestamp)
	if err := checkPresent(signature, timestamp); err != nil {
		return fail(err, 0)
	}
	digest, err := parseSignature(signature)
	if err != nil {
		return fail(err, 0)
	}
	ts, err := parseTimestamp(timestamp)
	if err != nil {
		return fail(err, 0)
	}
	age := now.Unix() - ts
	if !hmac.Equal(digest, mac(secret, timestamp, body)) {
		return fail(mismatchError(), age)
	}
	if err := checkAge(age, tolerance); err != nil {
		return fail(err, age)
	}
	return Result{Valid: true, Reason: validReason(age, tolerance), AgeSeconds: age}, nil
}

func fail(err *SignatureError, age int64) (Result, error) {
	return Result{Code: err.Code, Reason: err.Reason, AgeSeconds: age}, err
}

func checkPresent(signature, timestamp string) *SignatureError {
	switch {
	case signature == "" && timestamp == "":
		return &SignatureError{
			Code:   CodeMissingHeaders,
			Reason: fmt.Sprintf("missing %s and %s headers: the request is not signed", HeaderSignature, HeaderTimestamp),
			Hint:   "Chatwoot signs webhooks only when the webhook has a secret (Chatwoot v4.11.2 or later); check the webhook's settings, and that a proxy does not strip X-Chatwoot-* headers",
		}
	case signature == "":
		return &SignatureError{
			Code:   CodeMissingSignature,
			Reason: fmt.Sprintf("missing %s header", HeaderSignature),
			Hint:   "pass the header value as received (sha256=…); a proxy may have stripped it",
		}
	case timestamp == "":
		return &SignatureError{
			Code:   CodeMissingTimestamp,
			Reason: fmt.Sprintf("missing %s header", HeaderTimestamp),
			Hint:   "the signature covers \"<timestamp>.<body>\", so the timestamp header sent with it is needed",
		}
	}
	return nil
}

// parseSignature accepts "sha256=" followed by 64 hex digits in either case
// and explains precisely what else it found.
func parseSignature(sig string) ([]byte, *SignatureError) {
	bad := func(reason string) *SignatureError {
		return &SignatureError{
			Code:   CodeMalformedSignature,
			Reason: "malformed signature: " + reason,
			Hint:   fmt.Sprintf("%s must be %q followed by %d hex digits, exactly as Chatwoot sent it", HeaderSignature, SignaturePrefix, hexDigestLen),
		}
	}
	hexPart, ok := strings.CutPrefix(sig, SignaturePrefix)
	if !ok {
		return nil, bad(describePrefix(sig))
	}
	if len(hexPart) != hexDigestLen {
		return nil, bad(fmt.Sprintf("expected %d hex digits after %q, found %d characters", hexDigestLen, SignaturePrefix, len(hexPart)))
	}
	if i := strings.IndexFunc(hexPart, func(r rune) bool { return !isHex(r) }); i >= 0 {
		r := []rune(hexPart[i:])[0]
		return nil, bad(fmt.Sprintf("character %q at position %d is not a hex digit", r, len(SignaturePrefix)+i+1))
	}
	digest, err := hex.DecodeString(hexPart)
	if err != nil { // unreachable after the checks above; kept so a bug cannot pass
		return nil, bad(err.Error())
	}
	return digest, nil
}

func describePrefix(sig string) string {
	if strings.EqualFold(sig[:min(len(sig), len(SignaturePrefix))], SignaturePrefix) {
		return fmt.Sprintf("prefix %q must be lowercase %q", sig[:len(SignaturePrefix)], SignaturePrefix)
	}
	if len(sig) == hexDigestLen && strings.IndexFunc(sig, func(r rune) bool { return !isHex(r) }) < 0 {
		return fmt.Sprintf("found %d hex digits without the %q prefix", hexDigestLen, SignaturePrefix)
	}
	if i := strings.IndexByte(sig, '='); i > 0 && i <= 16 {
		return fmt.Sprintf("wrong prefix %q, expected %q", sig[:i+1], SignaturePrefix)
	}
	return fmt.Sprintf("expected it to start with %q, found %s", SignaturePrefix, quoteShort(sig))
}

func isHex(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')
}

// quoteShort quotes s for a message, eliding the middle of long values.
func quoteShort(s string) string {
	const max = 24
	if r := []rune(s); len(r) > max {
		return strconv.Quote(string(r[:max])) + "…"
	}
	return strconv.Quote(s)
}

func parseTimestamp(s string) (int64, *SignatureError) {
	bad := func(reason string) *SignatureError {
		return &SignatureError{
			Code:   CodeMalformedTimestamp,
			Reason: reason,
			Hint:   fmt.Sprintf("%s holds unix seconds (e.g. 1700000000), exactly as Chatwoot sent it", HeaderTimestamp),
		}
	}
	ts, err := strconv.ParseInt(s, 10, 64)
	switch {
	case err != nil:
		return 0, bad(fmt.Sprintf("timestamp %s is not an integer number of unix seconds", quoteShort(s)))
	case ts > maxTimestamp && ts/1000 <= maxTimestamp:
		return 0, bad(fmt.Sprintf("timestamp %d looks like milliseconds; Chatwoot sends unix seconds", ts))
	case ts < 0 || ts > maxTimestamp:
		return 0, bad(fmt.Sprintf("timestamp %d is out of range for unix seconds", ts))
	}
	return ts, nil
}

func mismatchError() *SignatureError {
	return &SignatureError{
		Code:   CodeSignatureMismatch,
		Reason: "signature mismatch: the body, timestamp and secret do not produce this signature",
		Hint: "use the webhook's own secret (shown when the webhook is created) — not the API access token and not the inbox HMAC token; " +
			"verify the raw body bytes exactly as received, not re-serialised JSON (a trailing newline added by an editor also breaks it)",
	}
}

func checkAge(age int64, tolerance time.Duration) *SignatureError {
	if tolerance <= 0 {
		return nil
	}
	if age > 0 && exceeds(age, tolerance) {
		return &SignatureError{
			Code:   CodeTimestampTooOld,
			Reason: fmt.Sprintf("timestamp too old: signed %s ago, tolerance is %s", describeSeconds(age), tolerance),
			Hint:   "a replayed or delayed request; for a saved request, raise the tolerance or set it to 0 to skip the age check",
		}
	}
	if age < 0 && exceeds(-age, tolerance) {
		return &SignatureError{
			Code:   CodeTimestampInFuture,
			Reason: fmt.Sprintf("timestamp in the future: %s ahead of this machine's clock, tolerance is %s", describeSeconds(-age), tolerance),
			Hint:   "the sender's clock or this machine's clock is wrong; check both are synchronised (NTP)",
		}
	}
	return nil
}

// exceeds reports secs > tol without overflowing time.Duration.
func exceeds(secs int64, tol time.Duration) bool {
	if secs >= 1<<33 {
		return true
	}
	return time.Duration(secs)*time.Second > tol
}

// describeSeconds prints "432s (7m12s)" so both units are at hand.
func describeSeconds(secs int64) string {
	if secs < 60 || secs >= 1<<33 {
		return fmt.Sprintf("%ds", secs)
	}
	return fmt.Sprintf("%ds (%s)", secs, time.Duration(secs)*time.Second)
}

func validReason(age int64, tolerance time.Duration) string {
	if tolerance <= 0 {
		return "signature valid (age check disabled)"
	}
	if age < 0 {
		return fmt.Sprintf("signature valid, timestamp %s ahead, within tolerance %s", describeSeconds(-age), tolerance)
	}
	return fmt.Sprintf("signature valid, signed %s ago, within tolerance %s", describeSeconds(age), tolerance)
}
