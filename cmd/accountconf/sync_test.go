package accountconf_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/cmdutil"
)

// A folder of Markdown becomes the portal's articles: created, updated by
// slug (only what changed), pruned with --prune; other portals untouched.
func TestPortalsArticlesSync(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	h.MustRun("portals", "create", "--name", "Other", "--slug", "other", "--config", `{"default_locale":"en","allowed_locales":["en"]}`)
	h.MustRun("portals", "articles", "create", "other", "--title", "Elsewhere", "--content", "Stays.", "--author-id", "1")
	docs := t.TempDir()
	writeFile(t, filepath.Join(docs, "refunds.md"), "---\ntitle: Refunds\ncategory: getting-started\nstatus: published\nauthor: bob@acme.test\n---\n# Refunds\n\nWithin 5 days.\n")
	writeFile(t, filepath.Join(docs, "creating-your-account.md"), "---\ntitle: Creating your account\ncategory: getting-started\nlocale: en\nstatus: published\nposition: 10\nauthor: alice@acme.test\n---\nThis guide walks you through creating your account.\n")
	writeFile(t, filepath.Join(docs, "README.txt"), "not an article")

	s.counts()
	h.MustRun("portals", "articles", "sync", docs, "--portal", "acme-help")
	if _, sent := s.counts(); len(sent) != 1 || !strings.HasSuffix(sent[0], "/portals/acme-help/articles") {
		t.Fatalf("first sync sent %v, want the one create of refunds (creating-your-account is unchanged)", sent)
	}
	out := h.MustRun("portals", "articles", "list", "acme-help", "-o", "json", "--jq", `.[] | select(.slug == "refunds") | "\(.title)|\(.content)|\(.author.email)|\(.status)"`)
	if got, want := strings.TrimSpace(out), "Refunds|# Refunds\n\nWithin 5 days.|bob@acme.test|published"; got != want {
		t.Errorf("created article is %q, want %q", got, want)
	}

	writeFile(t, filepath.Join(docs, "refunds.md"), "---\ntitle: Refunds\ncategory: getting-started\nstatus: published\nauthor: bob@acme.test\n---\n# Refunds\n\nWithin 3 days.\n")
	h.MustRun("portals", "articles", "sync", docs, "--portal", "acme-help")
	if _, sent := s.counts(); len(sent) != 1 || !strings.HasPrefix(sent[0], "PATCH ") {
		t.Errorf("a changed body sent %v, want one PATCH", sent)
	}

	if code := h.Run("portals", "articles", "sync", docs, "--portal", "acme-help", "--prune"); code != cmdutil.ExitUsage {
		t.Fatalf("--prune without --yes off a terminal: exit %d, want %d", code, cmdutil.ExitUsage)
	}
	h.MustRun("portals", "articles", "sync", docs, "--portal", "acme-help", "--prune", "--yes")
	if _, sent := s.counts(); len(sent) != 1 || !strings.HasPrefix(sent[0], "DELETE /api/v1/accounts/1/portals/acme-help/articles/") {
		t.Errorf("prune sent %v, want the one DELETE of inviting-teammates", sent)
	}
	if out := h.MustRun("portals", "articles", "list", "other", "--jq", ".[].title"); !strings.Contains(out, "Elsewhere") {
		t.Errorf("prune reached another portal: %q", out)
	}
	h.MustRun("portals", "articles", "sync", docs, "--portal", "acme-help", "--prune", "--yes")
	if _, sent := s.counts(); len(sent) != 0 {
		t.Errorf("a sync with nothing to do sent %v", sent)
	}
}
