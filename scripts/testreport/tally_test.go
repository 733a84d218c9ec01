package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A throwaway module whose tests pass, fail and skip in known numbers, run
// through the real `go test -json`, so the report is checked against what
// test2json really prints rather than a hand-made stream.
const sampleTests = `package sample

import "testing"

func TestPasses(t *testing.T) {}

func TestFails(t *testing.T) { t.Error("the answer was 41") }

func TestNeedsSpec(t *testing.T) { t.Skip("Chatwoot spec not found: set CHATWOOT_SPEC") }

func TestNeedsSpecToo(t *testing.T) { t.Skip("Chatwoot spec not found: set CHATWOOT_SPEC") }

func TestTable(t *testing.T) {
	t.Run("one", func(t *testing.T) {})
	t.Run("harness", func(t *testing.T) { t.Skipf("ActionCable harness not found") })
}
`

func runSample(t *testing.T, tests string) (string, *tally) {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go binary on PATH to produce a real test stream")
	}
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module sample\n\ngo 1.21\n")
	write("sample_test.go", tests)
	cmd := exec.Command(goBin, "test", "-json", "-count=1", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	stream, _ := cmd.Output() // a failing test exits 1; the stream is what counts
	var out bytes.Buffer
	r, err := report(bytes.NewReader(stream), &out)
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), r
}

func TestReportCountsAndExplainsSkips(t *testing.T) {
	out, r := runSample(t, sampleTests)
	// Passed: TestPasses, TestTable/one. Failed: TestFails. Skipped: the
	// two spec tests and TestTable/harness. TestTable itself passes.
	if r.passed != 3 || r.failed != 1 || r.skipped != 3 {
		t.Fatalf("tally = %d passed, %d failed, %d skipped; want 3, 1, 3\n%s", r.passed, r.failed, r.skipped, out)
	}
	if r.ok() {
		t.Error("a run with a failing test reported ok")
	}
	for _, want := range []string{
		"the answer was 41",  // a failure's output is shown
		"skipped 3 tests:\n", // skips are counted
		"     2  Chatwoot spec not found: set CHATWOOT_SPEC\n", // grouped by reason, most first
		"     1  ActionCable harness not found\n",              // without the file:line prefix
		"3 passed, 1 failed, 3 skipped\n",                      // the closing line
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "TestPasses") {
		t.Errorf("a passing test's output was printed:\n%s", out)
	}
}

func TestReportFailsOnBuildError(t *testing.T) {
	out, r := runSample(t, "package sample\n\nfunc broken( {\n")
	if r.ok() {
		t.Fatalf("a package that does not build was reported ok:\n%s", out)
	}
	if !strings.Contains(out, "0 passed, 0 failed, 0 skipped") {
		t.Errorf("closing line missing:\n%s", out)
	}
}
