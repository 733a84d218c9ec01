package cmd_test

import (
	"sync"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// TestCommandLinesRunConcurrentlyInOneProcess: tests (and listen's
// in-process woots) run command lines side by side, so building and
// running one must not write state that another reads. Under -race, as
// scripts/test runs it, an unsynchronised package variable fails here.
func TestCommandLinesRunConcurrentlyInOneProcess(t *testing.T) {
	lines := [][]string{
		{"auth", "status", "--offline"},
		{"version"},
		{"contacts", "list", "--help"},
		{"conversations", "list", "--status", "open", "-o", "json"},
		{"contacts", "get", "1", "--jq", ".name"},
		{"__complete", "contacts", "get", ""},
		{"inboxes", "list", "-o", "tsv"},
		{"conversations", "triage", "--limit", "3"},
		{"messages", "create", "1", "--content", "side by side"},
	}
	hs := make([]*cmdtest.Harness, 2*len(lines))
	for i := range hs {
		hs[i] = cmdtest.NewHarness(t)
		hs[i].Env["CHATWOOT_URL"] = "sandbox" // each its own, in its own config directory
	}
	codes := make([]int, len(hs))
	var wg sync.WaitGroup
	for i, h := range hs {
		wg.Go(func() { codes[i] = h.Run(lines[i%len(lines)]...) })
	}
	wg.Wait()
	for i, code := range codes {
		if code != 0 {
			t.Errorf("woot %q: exit %d, stderr %s", lines[i%len(lines)], code, hs[i].ErrOut)
		}
	}
}
