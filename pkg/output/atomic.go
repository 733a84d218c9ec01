package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// tempMarker is in the name of every temporary file an AtomicFile makes,
// followed by the writing process's id, so a later run can tell its own
// leftovers (from a process that was killed) from another run's work.
const tempMarker = ".woot-tmp-"

// AtomicFile writes a file the user asked for so that the file is either
// the old one or the complete new one, never a truncated mix: the data
// goes to a temporary file in the target's directory, which Commit syncs
// and renames over the target. Abort (or a failed Commit) removes the
// temporary file and leaves the target as it was.
//
// A target that exists and is not a regular file (a FIFO, /dev/stdout, a
// terminal) cannot be replaced by a rename: it is written in place.
type AtomicFile struct {
	file   *os.File
	target string // the path renamed over; "" when writing in place
	temp   string
	done   bool
}

// CreateAtomic starts writing path. A new file gets mode 0600 (exports
// hold personal data); an existing file keeps its mode. Leftover
// temporary files of path from killed runs are removed first.
func CreateAtomic(path string) (*AtomicFile, error) {
	target, info, err := resolveTarget(path)
	if err != nil {
		return nil, err
	}
	if info != nil && !info.Mode().IsRegular() {
		return openInPlace(path)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStaleTemps(dir, base)
	file, err := os.CreateTemp(dir, "."+base+tempMarker+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, fmt.Errorf("create a temporary file next to %s: %w", path, err)
	}
	a := &AtomicFile{file: file, target: target, temp: file.Name()}
	pending.add(a.temp)
	if info != nil {
		if err := file.Chmod(info.Mode().Perm()); err != nil {
			a.Abort()
			return nil, fmt.Errorf("keep the mode of %s: %w", path, err)
		}
	}
	return a, nil
}

// resolveTarget follows symlinks, so that committing replaces the file a
// link points at rather than the link. info is nil when nothing is there.
func resolveTarget(path string) (string, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	if info.IsDir() {
		return "", nil, fmt.Errorf("%s is a directory: name a file", path)
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", nil, err
	}
	return target, info, nil
}

func openInPlace(path string) (*AtomicFile, error) {
	file, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	return &AtomicFile{file: file}, nil
}

// Write writes to the temporary file.
func (a *AtomicFile) Write(p []byte) (int, error) { return a.file.Write(p) }

// Name is the temporary file's path ("" when writing in place): tests and
// diagnostics use it.
func (a *AtomicFile) Name() string { return a.temp }

// Commit makes the written data the target's content: it syncs the data
// to disk before the rename, so a crash right after cannot leave an empty
// file under the target's name. On failure the target is untouched.
func (a *AtomicFile) Commit() error {
	if a.done {
		return errors.New("atomic file: already committed or aborted")
	}
	if a.target == "" {
		a.done = true
		return a.file.Close()
	}
	if err := a.file.Sync(); err != nil {
		a.Abort()
		return err
	}
	if err := a.file.Close(); err != nil {
		a.Abort()
		return err
	}
	if err := os.Rename(a.temp, a.target); err != nil {
		a.Abort()
		return err
	}
	a.done = true
	pending.remove(a.temp)
	syncDir(filepath.Dir(a.target))
	return nil
}

// Abort discards what was written and leaves the target as it was. It is
// safe to call after Commit (it does nothing then), so callers can defer it.
func (a *AtomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.file.Close()
	if a.target != "" {
		os.Remove(a.temp)
		pending.remove(a.temp)
	}
}

// syncDir makes a rename durable. Some systems cannot open a directory
// for syncing; the rename itself has happened, so that is not an error.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// removeStaleTemps deletes temporary files of base left in dir by woot
// processes that no longer run (killed before they could clean up).
func removeStaleTemps(dir, base string) {
	prefix := "." + base + tempMarker
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		pidText, _, _ := strings.Cut(strings.TrimPrefix(name, prefix), "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || processRunning(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, name))
	}
}

// pending are the temporary files of this process not yet committed or
// aborted. A forced exit (a second Ctrl-C) skips deferred cleanups, so it
// calls RemoveTempFiles instead.
var pending tempSet

type tempSet struct {
	mu    sync.Mutex
	paths map[string]struct{}
}

func (s *tempSet) add(p string) {
	s.mu.Lock()
	if s.paths == nil {
		s.paths = map[string]struct{}{}
	}
	s.paths[p] = struct{}{}
	s.mu.Unlock()
}

func (s *tempSet) remove(p string) {
	s.mu.Lock()
	delete(s.paths, p)
	s.mu.Unlock()
}

// RemoveTempFiles deletes every temporary file of this process's
// uncommitted AtomicFiles; the targets stay as they were.
func RemoveTempFiles() {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	for p := range pending.paths {
		os.Remove(p)
		delete(pending.paths, p)
	}
}
