//go:build !unix

package output

import "os"

// processRunning reports whether pid is a live process; on Windows
// FindProcess opens the process and fails when there is none.
func processRunning(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
