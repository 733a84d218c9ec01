package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/wootcli/woot"

// importRule forbids packages matching from to depend on packages matching
// to, directly or through others. A pattern ending in "/..." matches the
// package and everything below it.
type importRule struct {
	from, to string
	why      string
}

// importRules keep the flow one way (docs/architecture.md): commands on top
// of the API tables and the transport, printers that know no API, tables
// that know no CLI, a sandbox store that knows no HTTP.
var importRules = []importRule{
	{"pkg/...", "cmd/...", "nothing below cmd/ imports a command package back"},
	{"pkg/output/...", "pkg/api", "printers know no API package"},
	{"pkg/output/...", "pkg/application", "printers know no API package"},
	{"pkg/output/...", "pkg/client", "printers know no API package"},
	{"pkg/output/...", "pkg/platform", "printers know no API package"},
	{"pkg/application", "github.com/spf13/cobra", "operation tables are data, not commands"},
	{"pkg/client", "github.com/spf13/cobra", "operation tables are data, not commands"},
	{"pkg/platform", "github.com/spf13/cobra", "operation tables are data, not commands"},
	{"pkg/application", "pkg/output", "operation tables do not print"},
	{"pkg/client", "pkg/output", "operation tables do not print"},
	{"pkg/platform", "pkg/output", "operation tables do not print"},
	{"pkg/sandbox/store", "net/http", "the sandbox's store knows no HTTP"},
}

type listedPackage struct {
	ImportPath string
	Deps       []string
}

func listPackages(t *testing.T) []listedPackage {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go binary on PATH to list the packages")
	}
	out, err := exec.Command(goBin, "list", "-json=ImportPath,Deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// matches reports whether path (an import path) fits pattern, which names
// a package of this module relative to its root, or any other import path.
func matches(pattern, path string) bool {
	if strings.HasPrefix(pattern, "pkg/") || strings.HasPrefix(pattern, "cmd/") {
		pattern = module + "/" + pattern
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == base || strings.HasPrefix(path, base+"/")
	}
	return path == pattern
}

func TestImportDirection(t *testing.T) {
	for _, p := range listPackages(t) {
		for _, rule := range importRules {
			if !matches(rule.from, p.ImportPath) {
				continue
			}
			for _, dep := range p.Deps {
				if matches(rule.to, dep) {
					t.Errorf("%s depends on %s: %s", strings.TrimPrefix(p.ImportPath, module+"/"), dep, rule.why)
				}
			}
		}
	}
}

// TestArchitectureMapNamesEveryPackage keeps docs/architecture.md a map of
// the whole house: a new package must be given its place there.
func TestArchitectureMapNamesEveryPackage(t *testing.T) {
	doc, err := os.ReadFile("docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range listPackages(t) {
		rel := strings.TrimPrefix(p.ImportPath, module+"/")
		if p.ImportPath == module {
			rel = "main.go"
		}
		if !strings.Contains(string(doc), "`"+rel+"`") && !strings.Contains(string(doc), "`"+rel+"/`") {
			t.Errorf("docs/architecture.md does not name %s (write it as `%s`)", rel, rel)
		}
	}
}
