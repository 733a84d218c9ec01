package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox"
)

// An export killed with SIGKILL cannot remove its spool; the next export
// removes the spools whose process is gone, and keeps a live one's.
func TestExportRemovesStaleSpoolsAtStart(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no true(1) to get the pid of a finished process")
	}
	stale := filepath.Join(tmp, fmt.Sprintf("woot-export-%d-1.tmp", gone.ProcessState.Pid()))
	live := filepath.Join(tmp, fmt.Sprintf("woot-export-%d-2.tmp", os.Getppid()))
	for _, p := range []string{stale, live} {
		if err := os.WriteFile(p, []byte("left behind"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sb := newBulkSandbox(t, sandbox.Options{})
	sb.seedContacts(t, seedCSV(3))
	sb.harness(t).mustRun("contacts", "export", "-o", "csv")
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the spool of a finished process is still there (%v)", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the spool of a running process was removed: %v", err)
	}
}
