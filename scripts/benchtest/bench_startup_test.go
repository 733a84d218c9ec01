// Package benchtest checks that scripts/bench-startup runs and prints
// what its README paragraph says; it does not judge the figures (they
// are a benchmark's, read by people, not a test's).
package benchtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func TestBenchStartupPrintsEveryRatio(t *testing.T) {
	if testing.Short() {
		t.Skip("builds five programs; skipped with -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("scripts/bench-startup is a bash script for Linux")
	}
	cmd := exec.Command("bash", "scripts/bench-startup")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "RUNS=3")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/bench-startup: %v\n%s", err, out)
	}
	line := func(label string) []string {
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, label+" ") {
				return strings.Fields(strings.TrimPrefix(l, label))
			}
		}
		t.Fatalf("no %q line in:\n%s", label, out)
		return nil
	}
	timed := regexp.MustCompile(`^[0-9]+us$`)
	ratio := regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)
	for _, label := range []string{"hello-world", "floor (SPEC.md's reference)", "floor+keyring+template",
		"woot linked, never run", "woot --version", "woot contacts list --help"} {
		f := line(label)
		if len(f) < 3 || !timed.MatchString(f[0]) || !ratio.MatchString(f[1]) || !ratio.MatchString(f[2]) {
			t.Errorf("%s: want a median and two ratios, got %q", label, f)
		}
	}
	if f := line("hello-world"); f[1] != "1.00" {
		t.Errorf("hello-world against itself: %s", f[1])
	}
	if f := line("floor (SPEC.md's reference)"); f[2] != "1.00" {
		t.Errorf("the floor against itself: %s", f[2])
	}
	for label, target := range map[string]string{"woot --version": "1.05", "woot contacts list --help": "1.25"} {
		if f := line(label); !strings.Contains(strings.Join(f, " "), "(target <= "+target+")") {
			t.Errorf("%s: no target %s printed: %q", label, target, f)
		}
	}
	// Its floor sources live in the module while it runs; they must go.
	if left, _ := filepath.Glob("../../.bench-floor-*"); len(left) > 0 {
		t.Errorf("scripts/bench-startup left %v behind", left)
	}
}
