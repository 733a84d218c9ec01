//go:build unix

package bulk

import (
	"errors"
	"syscall"
)

// processAlive asks the kernel whether pid runs; signal 0 checks without
// sending anything. A process of another user (EPERM) runs too.
func processAlive(pid int) (alive, known bool) {
	err := syscall.Kill(pid, 0)
	switch {
	case err == nil, errors.Is(err, syscall.EPERM):
		return true, true
	case errors.Is(err, syscall.ESRCH):
		return false, true
	}
	return false, false
}
