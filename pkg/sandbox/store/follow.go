package store

import (
	"fmt"
	"os"
)

// Following. A process that turns other processes' commits into live
// events (`woot --sandbox listen`) must read every journal frame before a
// compaction folds it into the snapshot, where it can no longer be told
// apart. While it follows it holds a shared lock on <path>.follow;
// Followed tells a would-be compactor to leave the journal for later.
// Where the platform has no file locks nobody is ever seen following.

// Follow marks the state file followed until release is called (or the
// process ends: the lock goes with it).
func (f *File) Follow() (release func() error, err error) {
	lf, err := os.OpenFile(f.path+".follow", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open sandbox follow lock: %w", err)
	}
	if err := lockFile(lf, false); err != nil {
		lf.Close()
		return nil, fmt.Errorf("lock sandbox follow lock: %w", err)
	}
	return func() error {
		_ = unlockFile(lf)
		return lf.Close()
	}, nil
}

// Followed reports whether some process follows the state file now. A
// failure to tell counts as followed: skipping a compaction loses nothing.
func (f *File) Followed() bool {
	lf, err := os.OpenFile(f.path+".follow", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return true
	}
	defer lf.Close()
	free, err := tryLockFile(lf)
	if err != nil || !free {
		return true
	}
	_ = unlockFile(lf)
	return false
}
