package cmd

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// seededIdentifierHash is what a backend computes for a contact's
// identifier_hash (FACTS §3): hex HMAC-SHA256 of the identifier, keyed
// with the API inbox's hmac_token, here the demo seed's.
func seededIdentifierHash(identifier string) string {
	m := hmac.New(sha256.New, []byte(store.SeedHMACToken))
	m.Write([]byte(identifier))
	return hex.EncodeToString(m.Sum(nil))
}
