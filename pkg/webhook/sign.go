package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Sign returns the X-Chatwoot-Signature value for body signed at timestamp:
// "sha256=" + hex(HMAC-SHA256(secret, "<timestamp>.<body>")).
func Sign(secret string, timestamp int64, body []byte) string {
	return SignaturePrefix + hex.EncodeToString(mac(secret, strconv.FormatInt(timestamp, 10), body))
}

// mac computes the raw HMAC over "<ts>.<body>" without copying body.
func mac(secret, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return m.Sum(nil)
}
