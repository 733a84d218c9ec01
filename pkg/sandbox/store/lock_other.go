//go:build !unix && !windows

package store

import "os"

// lockFile is a no-op where the platform has no file locks: one process at
// a time per state file there.
func lockFile(*os.File, bool) error { return nil }

func unlockFile(*os.File) error { return nil }
