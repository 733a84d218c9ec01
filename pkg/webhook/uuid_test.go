package webhook

import (
	"regexp"
	"testing"
)

func isUUIDv4(s string) bool {
	return regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(s)
}

func TestNewDeliveryIDIsRandomUUIDv4(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		id, err := NewDeliveryID()
		if err != nil {
			t.Fatal(err)
		}
		if !isUUIDv4(id) {
			t.Fatalf("%q is not a canonical UUIDv4", id)
		}
		if seen[id] {
			t.Fatalf("duplicate id %s", id)
		}
		seen[id] = true
	}
}
