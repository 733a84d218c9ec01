package cmdtest

import (
	"os"
	"path/filepath"
	"testing"
)

// AssertFileUnchanged checks that path holds want and is alone in its directory.
func AssertFileUnchanged(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s changed: %q, want %q", filepath.Base(path), got, want)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files beside %s: %v", filepath.Base(path), names)
	}
}
