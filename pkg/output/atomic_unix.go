//go:build unix

package output

import (
	"errors"
	"syscall"
)

// processRunning reports whether pid is a live process; signal 0 checks
// without sending anything (EPERM: alive, but another user's).
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
