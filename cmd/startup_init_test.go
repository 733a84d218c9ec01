package cmd_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

// initBudgetBytes is what all of woot's own packages may allocate while
// they initialise. Every command pays for package init before main runs,
// so a table, map or pattern built there costs `woot --version` as much
// as an export; build such things where they are used.
const initBudgetBytes = 4 << 10

// The runtime reports each package's init (GODEBUG=inittrace=1) with the
// bytes it allocated, which does not depend on the machine's speed.
func TestWootPackageInitsAllocateAlmostNothing(t *testing.T) {
	bin := cmdtest.WootBinary(t)
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("woot --version: %v\n%s", err, stderr.String())
	}
	total, perPackage := wootInitBytes(t, stderr.String())
	if len(perPackage) == 0 {
		t.Fatalf("no init line of a woot package in the trace:\n%s", stderr.String())
	}
	if total > initBudgetBytes {
		t.Errorf("woot's package inits allocate %d bytes, over the budget of %d: %s", total, initBudgetBytes, strings.Join(perPackage, ", "))
	}
}

// wootInitBytes sums the bytes of the trace's github.com/wootcli lines
// ("init PKG @0.5 ms, 0.01 ms clock, 488 bytes, 15 allocs").
func wootInitBytes(t *testing.T, trace string) (int, []string) {
	t.Helper()
	total := 0
	var perPackage []string
	sc := bufio.NewScanner(strings.NewReader(trace))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 9 || f[0] != "init" || !strings.HasPrefix(f[1], "github.com/wootcli/woot") || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("init trace line %q: %v", sc.Text(), err)
		}
		total += n
		perPackage = append(perPackage, fmt.Sprintf("%s %d", strings.TrimPrefix(f[1], "github.com/wootcli/woot/"), n))
	}
	return total, perPackage
}
