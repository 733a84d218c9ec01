package cmd

import (
	"os"
	"strconv"
	"testing"
)

// TestMain removes the woot binary that wootBinary may have built.
func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "woot-bin-") }

func jsonID(id int64) string { return strconv.FormatInt(id, 10) }
