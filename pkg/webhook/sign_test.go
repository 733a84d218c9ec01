package webhook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// handHMAC is a second, independent HMAC-SHA256 (RFC 2104 ipad/opad built
// by hand on crypto/sha256), so Sign is not checked against itself.
func handHMAC(key, msg []byte) []byte {
	const block = 64
	if len(key) > block {
		sum := sha256.Sum256(key)
		key = sum[:]
	}
	k := make([]byte, block)
	copy(k, key)
	inner, outer := sha256.New(), sha256.New()
	ipad, opad := make([]byte, block), make([]byte, block)
	for i := range k {
		ipad[i] = k[i] ^ 0x36
		opad[i] = k[i] ^ 0x5c
	}
	inner.Write(ipad)
	inner.Write(msg)
	outer.Write(opad)
	outer.Write(inner.Sum(nil))
	return outer.Sum(nil)
}

func handSign(secret string, ts int64, body []byte) string {
	msg := append([]byte(strconv.FormatInt(ts, 10)+"."), body...)
	return "sha256=" + hex.EncodeToString(handHMAC([]byte(secret), msg))
}

type vector struct {
	name   string
	secret string
	ts     int64
	body   []byte
}

func vectors() []vector {
	return []vector{
		{"message_created", "whsec_8f3kX2", 1718000000, []byte(`{"account":{"id":1,"name":"Acme"},"content":"hello","event":"message_created","id":42,"message_type":"incoming"}`)},
		{"non-ASCII body", "s3cr3t", 1718000001, []byte(`{"content":"Grüße, 世界 👋","event":"message_created"}`)},
		{"empty body", "s3cr3t", 1718000002, []byte{}},
		{"trailing newline", "s3cr3t", 1718000003, []byte("{\"event\":\"contact_created\"}\n")},
		{"secret longer than a block", strings.Repeat("k", 100), 1718000004, []byte(`{}`)},
		{"non-ASCII secret", "clé-secrète", 1718000005, []byte(`{"id":1}`)},
	}
}

func TestSignMatchesHandBuiltHMAC(t *testing.T) {
	for _, v := range vectors() {
		t.Run(v.name, func(t *testing.T) {
			got, want := Sign(v.secret, v.ts, v.body), handSign(v.secret, v.ts, v.body)
			if got != want {
				t.Fatalf("Sign = %s, hand-built HMAC = %s", got, want)
			}
		})
	}
}

// TestSignMatchesOpenSSL checks the vectors against a third implementation.
func TestSignMatchesOpenSSL(t *testing.T) {
	bin, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not installed")
	}
	for _, v := range vectors() {
		t.Run(v.name, func(t *testing.T) {
			cmd := exec.Command(bin, "dgst", "-sha256", "-hmac", v.secret)
			cmd.Stdin = bytes.NewReader(append([]byte(strconv.FormatInt(v.ts, 10)+"."), v.body...))
			out, err := cmd.Output()
			if err != nil {
				t.Skipf("openssl dgst failed: %v", err)
			}
			fields := strings.Fields(string(out))
			want := "sha256=" + fields[len(fields)-1]
			if got := Sign(v.secret, v.ts, v.body); got != want {
				t.Fatalf("Sign = %s, openssl = %s", got, want)
			}
		})
	}
}

func TestSignChangesWithEveryInput(t *testing.T) {
	base := Sign("s", 100, []byte("body"))
	for name, other := range map[string]string{
		"secret":    Sign("t", 100, []byte("body")),
		"timestamp": Sign("s", 101, []byte("body")),
		"body":      Sign("s", 100, []byte("body ")),
	} {
		if other == base {
			t.Errorf("changing the %s did not change the signature", name)
		}
	}
}
