package output

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// writeFile is a helper that fails the test on error.
func writeFile(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dirNames lists dir, so a test can see that no temporary file is left.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestAtomicFileCommitReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.csv")
	writeFile(t, path, "old\n", 0o640)
	a, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(a, "new\n")
	if got := readFile(t, path); got != "old\n" {
		t.Fatalf("the target changed before Commit: %q", got)
	}
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	a.Abort() // deferred by callers: must not undo the commit
	if got := readFile(t, path); got != "new\n" {
		t.Fatalf("after Commit: %q", got)
	}
	if info, _ := os.Stat(path); runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the old file's 0640", info.Mode().Perm())
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files left in the directory: %v", names)
	}
}

func TestAtomicFileNewFileIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes on Windows")
	}
	path := filepath.Join(t.TempDir(), "new.ndjson")
	a, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
}

func TestAtomicFileAbortLeavesTargetAndRemovesTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.csv")
	writeFile(t, path, "id,name\n1,Ann\n", 0o644)
	a, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(a, "partial")
	if _, err := os.Stat(a.Name()); err != nil {
		t.Fatalf("no temporary file while writing: %v", err)
	}
	a.Abort()
	if got := readFile(t, path); got != "id,name\n1,Ann\n" {
		t.Fatalf("Abort changed the target: %q", got)
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "keep.csv" {
		t.Errorf("files left in the directory: %v", names)
	}
}

func TestAtomicFileWritesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.csv")
	link := filepath.Join(dir, "link.csv")
	writeFile(t, real, "old", 0o644)
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	a, err := CreateAtomic(link)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(a, "new")
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v %v", info, err)
	}
	if got := readFile(t, real); got != "new" {
		t.Fatalf("link target holds %q", got)
	}
}

func TestAtomicFileRefusesDirectory(t *testing.T) {
	if _, err := CreateAtomic(t.TempDir()); err == nil {
		t.Fatal("a directory was accepted as the output file")
	}
}

// TestRemoveTempFilesOnForcedExit is what a second Ctrl-C runs: the
// temporary file goes, the target stays.
func TestRemoveTempFilesOnForcedExit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.csv")
	writeFile(t, path, "old", 0o644)
	a, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Abort()
	io.WriteString(a, "partial")
	RemoveTempFiles()
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "keep.csv" {
		t.Errorf("files left in the directory: %v", names)
	}
	if got := readFile(t, path); got != "old" {
		t.Fatalf("target: %q", got)
	}
}

// TestCreateAtomicRemovesStaleTemps: a run killed with SIGKILL leaves its
// temporary file; the next write of the same target removes it, but not
// one of a process that still runs (it may be writing right now).
func TestCreateAtomicRemovesStaleTemps(t *testing.T) {
	dead := exitedPID(t)
	dir := t.TempDir()
	stale := filepath.Join(dir, ".keep.csv"+tempMarker+strconv.Itoa(dead)+"-123")
	live := filepath.Join(dir, ".keep.csv"+tempMarker+strconv.Itoa(os.Getppid())+"-456")
	other := filepath.Join(dir, ".other.csv"+tempMarker+strconv.Itoa(dead)+"-789")
	for _, p := range []string{stale, live, other} {
		writeFile(t, p, "x", 0o600)
	}
	a, err := CreateAtomic(filepath.Join(dir, "keep.csv"))
	if err != nil {
		t.Fatal(err)
	}
	a.Abort()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the dead process's temporary file is still there: %v", err)
	}
	for _, p := range []string{live, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}

// exitedPID is the id of a process that has exited and been reaped.
func exitedPID(t *testing.T) int {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	c := exec.Command(exe, "-test.run=^$")
	if err := c.Run(); err != nil {
		t.Fatalf("run a short process: %v", err)
	}
	return c.Process.Pid
}
