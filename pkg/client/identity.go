package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// IdentifierHash returns the identifier_hash Chatwoot expects for a
// contact's identifier when the inbox enforces identity validation: the
// lowercase hex HMAC-SHA256 of the identifier, keyed with the inbox's HMAC
// token. The server computes the same value and refuses a mismatch.
func IdentifierHash(hmacToken, identifier string) string {
	mac := hmac.New(sha256.New, []byte(hmacToken))
	mac.Write([]byte(identifier)) // a hash.Hash never returns a write error
	return hex.EncodeToString(mac.Sum(nil))
}
