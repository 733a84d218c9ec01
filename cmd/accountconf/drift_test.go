package accountconf_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/cmdutil"
)

// Three changes made in the server — a label colour, a rule action, an
// article body — are exactly what diff shows; apply undoes them.
func TestConfigDriftIsShownAndFixed(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir)

	h.MustRun("labels", "update", "1", "--color", "#000000")
	h.In = bytes.NewBufferString(`{"actions":[{"action_name":"add_label","action_params":["vip"]}]}`)
	h.MustRun("api", "-X", "PATCH", "/api/v1/accounts/1/automation_rules/1", "--input", "-")
	h.In = nil
	h.MustRun("portals", "articles", "update", "acme-help", "1", "--content", "Rewritten in the web UI.")

	if code := h.Run("config", "diff", "-f", dir, "--exit-code"); code != cmdutil.ExitChangesPending {
		t.Fatalf("diff --exit-code after drift: exit %d, want %d\nstdout: %s\nstderr: %s", code, cmdutil.ExitChangesPending, h.Out, h.ErrOut)
	}
	text := h.Out.String()
	for _, want := range []string{
		`~ update label "billing"`, `color: "#000000" → "#ff6b6b"`,
		`~ update automation_rule "Tag billing questions"`, `"vip"`,
		`~ update article "acme-help/creating-your-account"`, `content: "Rewritten in the web UI." → "This guide walks you through creating your account."`,
		"Plan: 0 to create, 3 to update, 0 to delete.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diff output lacks %q:\n%s", want, text)
		}
	}

	h.MustRun("config", "diff", "-f", dir, "-o", "json")
	var plan struct {
		Changes []struct {
			Op, Kind, Key string
			Fields        []struct{ Field string }
		}
	}
	if err := json.Unmarshal(h.Out.Bytes(), &plan); err != nil {
		t.Fatalf("diff -o json: %v\n%s", err, h.Out)
	}
	var got []string
	for _, c := range plan.Changes {
		for _, f := range c.Fields {
			got = append(got, c.Op+" "+c.Kind+" "+c.Key+" "+f.Field)
		}
	}
	want := []string{"update labels billing color", "update automation_rules Tag billing questions actions",
		"update articles acme-help/creating-your-account content"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the plan's field changes are\n%s\nwant exactly\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	s.counts()
	h.MustRun("config", "apply", "-f", dir)
	if _, sent := s.counts(); len(sent) != 3 {
		t.Errorf("apply sent %v, want one update per drifted object", sent)
	}
	if code := h.Run("config", "diff", "-f", dir, "--exit-code"); code != 0 {
		t.Errorf("diff after apply: exit %d, want 0\n%s", code, h.Out)
	}
}

// --prune deletes what the files do not have, only with --yes off a
// terminal, and only in the kinds the files contain.
func TestConfigPruneNeedsConfirmation(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir, "--only", "labels")
	h.MustRun("labels", "create", "--title", "temporary")

	s.counts()
	if code := h.Run("config", "apply", "-f", dir, "--prune"); code != cmdutil.ExitUsage {
		t.Fatalf("apply --prune without --yes and no terminal: exit %d, want %d\n%s", code, cmdutil.ExitUsage, h.ErrOut)
	}
	if _, sent := s.counts(); len(sent) != 0 {
		t.Fatalf("a refused prune sent %v", sent)
	}
	h.MustRun("config", "apply", "-f", dir, "--prune", "--yes")
	_, sent := s.counts()
	if len(sent) != 1 || !strings.HasPrefix(sent[0], "DELETE /api/v1/accounts/1/labels/") {
		t.Errorf("prune sent %v, want the one DELETE of the label the files lack", sent)
	}
	if out := h.MustRun("labels", "list", "--jq", ".[].title"); strings.Contains(out, "temporary") || !strings.Contains(out, "billing") {
		t.Errorf("labels after prune:\n%s", out)
	}
}

// A server without the Enterprise kinds (404) gets them skipped with a
// notice, on export and on apply, and the rest goes on.
func TestConfigSkipsEnterpriseKindsTheServerLacks(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir)
	s.setIntercept(func(w http.ResponseWriter, r *http.Request, _ int) bool {
		if strings.Contains(r.URL.Path, "/sla_policies") || strings.Contains(r.URL.Path, "/custom_roles") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error":"Resource could not be found"}`))
			return true
		}
		return false
	})
	community := filepath.Join(t.TempDir(), "community")
	h.MustRun("config", "export", "--dir", community)
	for _, want := range []string{"notice: skipping sla_policies", "notice: skipping custom_roles"} {
		if !strings.Contains(h.ErrOut.String(), want) {
			t.Errorf("export stderr lacks %q:\n%s", want, h.ErrOut)
		}
	}
	files := readTree(t, community)
	if _, ok := files["sla_policies.yaml"]; ok {
		t.Error("an export from a server without SLA policies wrote sla_policies.yaml")
	}
	if _, ok := files["labels.yaml"]; !ok {
		t.Error("the other kinds were not exported")
	}
	if code := h.Run("config", "diff", "-f", dir, "--exit-code"); code != 0 {
		t.Errorf("diff of the full export against the community server: exit %d\n%s%s", code, h.Out, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "the files have sla_policies, which this server does not have: skipped") {
		t.Errorf("diff stderr: %s", h.ErrOut)
	}
}

// --prune with files that keep nothing (but the agents) deletes every
// object of every kind, dependents first, and the account is then empty.
func TestConfigPruneEveryKind(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	full := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", full)
	empty := filepath.Join(t.TempDir(), "empty")
	for name, data := range readTree(t, full) {
		switch {
		case name == "agents.yaml" || name == "account.yaml":
			writeFile(t, filepath.Join(empty, name), data)
		case strings.HasSuffix(name, ".yaml"):
			writeFile(t, filepath.Join(empty, name), "kind: "+strings.TrimSuffix(name, ".yaml")+"\nitems: []\n")
		}
	}
	writeFile(t, filepath.Join(empty, "articles", "README"), "no articles")
	h.MustRun("config", "apply", "-f", empty, "--prune", "--yes")
	_, sent := s.counts()
	if len(sent) < 3 || !strings.Contains(sent[0], "/portals/acme-help/articles/") || !strings.Contains(sent[len(sent)-1], "/labels/") {
		t.Errorf("prune order %v: want dependents (articles, rules) first and labels last", sent)
	}
	after := filepath.Join(t.TempDir(), "after")
	h.MustRun("config", "export", "--dir", after)
	for name, data := range readTree(t, after) {
		if name == "agents.yaml" || name == "account.yaml" {
			continue
		}
		if !strings.HasSuffix(data, "items: []\n") {
			t.Errorf("%s after pruning everything:\n%s", name, data)
		}
	}
}

// Custom filters of every type are exported (Chatwoot lists one type at a
// time) and created with their type.
func TestConfigCustomFiltersOfEveryType(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	h.In = bytes.NewBufferString(`{"name":"Berlin customers","type":"contact","query":{"payload":[{"attribute_key":"city","filter_operator":"equal_to","values":["Berlin"]}]}}`)
	h.MustRun("api", "-X", "POST", "/api/v1/accounts/1/custom_filters", "--input", "-")
	h.In = nil
	dir := filepath.Join(t.TempDir(), "acme")
	h.MustRun("config", "export", "--dir", dir, "--only", "custom_filters")
	filters := readTree(t, dir)["custom_filters.yaml"]
	if !strings.Contains(filters, "name: Berlin customers\n    type: contact") || !strings.Contains(filters, "type: conversation") {
		t.Fatalf("custom_filters.yaml:\n%s", filters)
	}
	account := newAccount(t, h)
	h.MustRun("--account", account, "config", "apply", "-f", dir)
	got := h.MustRun("--account", account, "api", "/api/v1/accounts/"+account+"/custom_filters?filter_type=contact", "--jq", ".[].name")
	if strings.TrimSpace(got) != "Berlin customers" {
		t.Errorf("contact filters of the new account: %q", got)
	}
}
