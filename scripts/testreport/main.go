// Command testreport reads `go test -json` on stdin and prints what a
// person wants from a test run: the usual per-package lines, the output of
// every failing test, how many tests were skipped and why, and a closing
// "N passed, N failed, N skipped" line. Plain `go test` prints "ok" for a
// package whose tests all skipped, which hides a missing ../shared.
//
// It exits 1 when a test or a package failed (a build error included), so
// `go test -json ./... | go run ./scripts/testreport` fails as `go test`
// would.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	r, err := report(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	if !r.ok() {
		os.Exit(1)
	}
}

// report reads the event stream from in, writes the summary to out and
// returns the tally.
func report(in io.Reader, out io.Writer) (*tally, error) {
	t := newTally(out)
	if err := t.read(in); err != nil {
		return t, err
	}
	t.summarise()
	return t, nil
}
