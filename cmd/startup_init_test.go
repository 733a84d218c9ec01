package cmd_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// Every command pays for package init before main runs, so a table, map,
// pattern or closure built in a package-level var costs `woot --version` as
// much as an export. woot's own packages therefore do no work at init at
// all: build such things where they are used (pkg/lazyregexp for patterns,
// a switch for a fixed set of names). Composite literals of constants need
// no init: the compiler lays them out in the binary.
//
// The runtime reports each package whose init runs code (GODEBUG=inittrace=1)
// with the bytes it allocated; the report does not depend on the machine's
// speed.
func TestWootPackagesDoNoWorkAtInit(t *testing.T) {
	bin := cmdtest.WootBinary(t)
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("woot --version: %v\n%s", err, stderr.String())
	}
	all, woot := initLines(t, stderr.String())
	if all == 0 { // the trace itself must work, or the test proves nothing
		t.Fatalf("no init line at all in the trace:\n%s", stderr.String())
	}
	if len(woot) > 0 {
		t.Errorf("woot's packages run code at init (package, bytes allocated): %s", strings.Join(woot, ", "))
	}
}

// initLines counts the trace's init lines ("init PKG @0.5 ms, 0.01 ms
// clock, 488 bytes, 15 allocs") and returns woot's own, with their bytes.
func initLines(t *testing.T, trace string) (int, []string) {
	t.Helper()
	all := 0
	var woot []string
	sc := bufio.NewScanner(strings.NewReader(trace))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 9 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		all++
		if !strings.HasPrefix(f[1], "github.com/wootcli/woot") {
			continue
		}
		if _, err := strconv.Atoi(f[7]); err != nil {
			t.Fatalf("init trace line %q: %v", sc.Text(), err)
		}
		woot = append(woot, fmt.Sprintf("%s %s", strings.TrimPrefix(f[1], "github.com/wootcli/woot/"), f[7]))
	}
	return all, woot
}

// A binary that can look a method up by name while it runs
// (reflect.Value.MethodByName, as text/template's executor does) keeps
// every exported method of every type it links, used or not: the linker
// can no longer tell. For woot that was 2.2 MB of code and a dozen page
// faults at every start-up. The linker's dependency dump marks each such
// function <ReflectMethod>; none may be reachable from woot's main.
// (--template runs on pkg/jsontemplate, and --version prints through
// cobra's default function, not a version template, for this reason.)
func TestBinaryLinksNoMethodLookupByName(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the woot binary; skipped with -short")
	}
	out, err := exec.Command("go", "build", "-ldflags=-dumpdep", "-o", filepath.Join(t.TempDir(), "woot"), "github.com/wootcli/woot").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%.2000s", err, out)
	}
	dump := string(out)
	if !strings.Contains(dump, " -> ") { // the dump itself must work, or the test proves nothing
		t.Fatalf("no dependency dump in the linker's output:\n%.2000s", dump)
	}
	seen := map[string]bool{}
	var lookups []string
	for _, line := range strings.Split(dump, "\n") {
		from, _, ok := strings.Cut(line, " -> ")
		if name, marked := strings.CutSuffix(from, " <ReflectMethod>"); ok && marked && !seen[name] {
			seen[name] = true
			lookups = append(lookups, name)
		}
	}
	if len(lookups) > 0 {
		t.Errorf("woot links functions that look methods up by name, so the linker keeps every exported method: %s", strings.Join(lookups, ", "))
	}
}
