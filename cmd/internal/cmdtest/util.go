package cmdtest

import (
	"os"
	"strconv"
	"testing"
)

// Main runs a package's tests and then removes the woot binary that
// WootBinary may have built; a TestMain that uses WootBinary calls
// os.Exit(cmdtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	return code
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "woot-bin-") }

// JSONID is an id as it appears in JSON.
func JSONID(id int64) string { return strconv.FormatInt(id, 10) }
