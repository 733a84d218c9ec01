package cmd

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/docgen"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/spectest"
)

// TestGeneratedDocsAreCurrent regenerates docs/ and completions/ into a
// temp dir and fails on any difference with the committed files.
// Refresh them with: go generate ./...
func TestGeneratedDocsAreCurrent(t *testing.T) {
	tmp := t.TempDir()
	if err := docgen.Write(CommandTree(), tmp); err != nil {
		t.Fatal(err)
	}
	var problems []string
	for _, dir := range []string{"docs/commands", "docs/man", "completions"} {
		want := readTree(t, filepath.Join(tmp, dir))
		got := readTree(t, filepath.Join("..", dir))
		for name, data := range want {
			if cur, ok := got[name]; !ok {
				problems = append(problems, dir+"/"+name+" is missing")
			} else if !bytes.Equal(cur, data) {
				problems = append(problems, dir+"/"+name+" is stale")
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				problems = append(problems, dir+"/"+name+" is no longer generated")
			}
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		shown := problems[:min(len(problems), 10)]
		t.Fatalf("generated files are out of date (%d problems; run `go generate ./...`):\n  %s", len(problems), strings.Join(shown, "\n  "))
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[rel] = data
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

func TestEveryCommandHasAnExample(t *testing.T) {
	ios, _, _, _ := output.Test()
	root := fullTree(&cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }})
	for _, c := range allCommands(root) {
		// Nouns that only hold subcommands show their subcommands' examples.
		if c.Hidden || !c.Runnable() || c.HasSubCommands() || c.Name() == "help" || c.Parent() != nil && c.Parent().Name() == "completion" {
			continue
		}
		if c.Example == "" {
			t.Errorf("%s has no example in its help", c.CommandPath())
		}
	}
}

// TestCoverageDocIsCurrent regenerates docs/coverage.md from the
// operation tables and Chatwoot's routes table and fails on a difference.
// Refresh it with: go generate ./...
func TestCoverageDocIsCurrent(t *testing.T) {
	tsv, err := os.ReadFile(spectest.File(t, "routes-beyond-spec.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	routes, err := docgen.ReadRoutes(bytes.NewReader(tsv))
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := docgen.WriteCoverage(&want, operation.AllOperations(), routes); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", docgen.CoverageFile))
	if err != nil {
		t.Fatalf("%v (run `go generate ./...`)", err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("%s is out of date: run `go generate ./...`", docgen.CoverageFile)
	}
}
