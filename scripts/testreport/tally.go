package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// tally counts results as events arrive and keeps each running test's
// output until its verdict says whether anyone needs to see it.
type tally struct {
	out     io.Writer
	pending map[string][]string // package + test → output lines so far

	passed, failed, skipped int
	failedPackages          int
	skipReasons             map[string]int
}

func newTally(out io.Writer) *tally {
	return &tally{out: out, pending: map[string][]string{}, skipReasons: map[string]int{}}
}

func (t *tally) ok() bool { return t.failed == 0 && t.failedPackages == 0 }

func (t *tally) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			// go test prints some errors (a package that does not
			// exist, a bad flag) as plain text even with -json.
			fmt.Fprintln(t.out, string(line))
			continue
		}
		t.handle(e)
	}
	return sc.Err()
}

func (t *tally) handle(e event) {
	key := e.Package + "\x00" + e.Test
	switch {
	case e.Action == "build-output":
		fmt.Fprint(t.out, e.Output)
	case e.Action == "build-fail":
		t.failedPackages++
	case e.Test == "":
		t.packageEvent(e)
	case e.Action == "output":
		t.pending[key] = append(t.pending[key], e.Output)
	case e.Action == "pass":
		t.passed++
		delete(t.pending, key)
	case e.Action == "skip":
		t.skipped++
		t.skipReasons[skipReason(t.pending[key])]++
		delete(t.pending, key)
	case e.Action == "fail":
		t.failed++
		for _, l := range t.pending[key] {
			fmt.Fprint(t.out, l)
		}
		delete(t.pending, key)
	}
}

// packageEvent prints a package's own lines ("ok  pkg 1.2s", "FAIL pkg")
// as go test does, and counts a package that failed outside any test (a
// panic in init, a test binary that did not build).
func (t *tally) packageEvent(e event) {
	switch e.Action {
	case "output":
		if e.Output != "PASS\n" {
			fmt.Fprint(t.out, e.Output)
		}
	case "fail":
		t.failedPackages++
	}
}

// testLocation is the "file_test.go:12: " prefix testing puts before a
// message.
var testLocation = regexp.MustCompile(`^\s*[\w.-]+\.go:\d+: `)

// skipReason is the message a skipped test gave: its last line of output
// that is not one of the testing package's own markers.
func skipReason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- ") {
			continue
		}
		return testLocation.ReplaceAllString(l, "")
	}
	return "no reason given"
}

// summarise prints the skip reasons, most frequent first, and the closing
// count line.
func (t *tally) summarise() {
	if t.skipped > 0 {
		fmt.Fprintf(t.out, "skipped %d tests:\n", t.skipped)
		reasons := make([]string, 0, len(t.skipReasons))
		for r := range t.skipReasons {
			reasons = append(reasons, r)
		}
		sort.Slice(reasons, func(i, j int) bool {
			a, b := reasons[i], reasons[j]
			if t.skipReasons[a] != t.skipReasons[b] {
				return t.skipReasons[a] > t.skipReasons[b]
			}
			return a < b
		})
		for _, r := range reasons {
			fmt.Fprintf(t.out, "  %4d  %s\n", t.skipReasons[r], r)
		}
	}
	if t.failedPackages > 0 {
		fmt.Fprintf(t.out, "%d package(s) failed outside a test (see above)\n", t.failedPackages)
	}
	fmt.Fprintf(t.out, "%d passed, %d failed, %d skipped\n", t.passed, t.failed, t.skipped)
}
