package client_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/client"
)

// hmacByHand is HMAC-SHA256 built from RFC 2104 with nothing but the hash:
// H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), a key longer than the 64-byte block
// hashed first. It shares no code with crypto/hmac, so it checks
// IdentifierHash independently.
func hmacByHand(key, msg []byte) string {
	const block = 64
	if len(key) > block {
		sum := sha256.Sum256(key)
		key = sum[:]
	}
	padded := make([]byte, block)
	copy(padded, key)
	inner := make([]byte, 0, block+len(msg))
	outer := make([]byte, 0, block+sha256.Size)
	for _, b := range padded {
		inner = append(inner, b^0x36)
		outer = append(outer, b^0x5c)
	}
	innerSum := sha256.Sum256(append(inner, msg...))
	sum := sha256.Sum256(append(outer, innerSum[:]...))
	return hex.EncodeToString(sum[:])
}

func TestIdentifierHashMatchesRFC2104(t *testing.T) {
	cases := []struct{ name, token, identifier string }{
		{"typical", "x4cM7wHzR1q9kVpT2eYbNfGd", "user-42"},
		{"empty identifier", "x4cM7wHzR1q9kVpT2eYbNfGd", ""},
		{"non-ASCII identifier", "x4cM7wHzR1q9kVpT2eYbNfGd", "zoë.müller@例え.jp"},
		{"emoji identifier", "tok", "🙂 customer #7"},
		{"key of exactly one block", strings.Repeat("k", 64), "user-42"},
		{"key longer than a block", strings.Repeat("0123456789abcdef", 9), "user-42"},
		{"empty key", "", "user-42"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := client.IdentifierHash(tc.token, tc.identifier)
			want := hmacByHand([]byte(tc.token), []byte(tc.identifier))
			if got != want {
				t.Fatalf("IdentifierHash = %s, RFC 2104 by hand gives %s", got, want)
			}
			if len(got) != 64 || strings.ToLower(got) != got {
				t.Fatalf("IdentifierHash = %q, want 64 lowercase hex digits", got)
			}
		})
	}
}

func TestIdentifierHashKnownAnswers(t *testing.T) {
	cases := []struct{ name, key, data, want string }{
		{"RFC 4231 test case 2", "Jefe", "what do ya want for nothing?",
			"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
		{"RFC 4231 test case 6 (key longer than a block)", strings.Repeat("\xaa", 131),
			"Test Using Larger Than Block-Size Key - Hash Key First",
			"60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
	}
	for _, tc := range cases {
		if got := client.IdentifierHash(tc.key, tc.data); got != tc.want {
			t.Errorf("%s: IdentifierHash = %s, want %s", tc.name, got, tc.want)
		}
		if got := hmacByHand([]byte(tc.key), []byte(tc.data)); got != tc.want {
			t.Errorf("%s: the by-hand HMAC = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestIdentifierHashDependsOnKeyAndIdentifier(t *testing.T) {
	base := client.IdentifierHash("token-a", "user-42")
	if client.IdentifierHash("token-b", "user-42") == base {
		t.Error("a different HMAC token gave the same hash")
	}
	if client.IdentifierHash("token-a", "user-43") == base {
		t.Error("a different identifier gave the same hash")
	}
}
