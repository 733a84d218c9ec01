package store

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
)

// A state file is three files side by side:
//
//	sandbox.json       the snapshot: the whole State as JSON, with a random
//	                   generation id
//	sandbox.json.wal   the journal: a header naming the snapshot's
//	                   generation, then one frame per change committed since
//	sandbox.json.lock  held (flock) by whoever reads or commits, so several
//	                   processes share one state without losing updates
//
// A change is journaled before it is acknowledged. The journal is written
// without fsync: a killed process loses nothing, because the kernel already
// holds the bytes; only a power cut can lose the last unsynced frames, which
// Snapshot and Close sync. Compaction (Snapshot) writes a new snapshot under
// a new generation, then resets the journal; a crash between the two leaves
// a journal of the old generation, which Load recognises as already folded
// into the snapshot.

// File is an open state file. Its methods other than Lock, RLock and Close
// must be called with the lock held.
type File struct {
	path string
	lock *os.File
	wal  *os.File
	gen  string // generation of the snapshot the caller's State reflects
	off  int64  // journal bytes the caller's State reflects
}

// StateError says a state file cannot be used: unreadable, corrupt or of
// another version. The sandbox never reseeds over such a file on its own.
type StateError struct {
	Path   string
	Reason string
}

func (e *StateError) Error() string {
	return fmt.Sprintf("sandbox state %s: %s; run `woot sandbox reset` (or delete the file) to start from a fresh seed", e.Path, e.Reason)
}

// tempPrefix names the snapshot's temporary files. It carries the state
// file's name, so cleaning stale ones never touches another state file's.
func tempPrefix(path string) string { return ".sandbox-state-" + filepath.Base(path) + "-" }

const (
	journalMagic = "woot-sandbox-journal 1 "
	genLen       = 16 // hex characters of a generation id
	headerLen    = len(journalMagic) + genLen + 1
	frameHead    = 8 // length and CRC-32 of a frame's payload, big-endian
)

// OpenFile opens (creating when missing) the journal and lock files beside
// path. The snapshot itself is read by Load.
func OpenFile(path string) (*File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open sandbox state: %w", err)
	}
	lock, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open sandbox state lock: %w", err)
	}
	wal, err := os.OpenFile(path+".wal", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("open sandbox journal: %w", err)
	}
	return &File{path: path, lock: lock, wal: wal}, nil
}

// RemoveFiles deletes a state file and its journal, for a reset, under the
// lock so no commit is cut in half. The lock file stays: a process waiting
// on it must keep excluding the next one.
func RemoveFiles(path string) error {
	f, err := OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Lock(); err != nil {
		return err
	}
	defer f.Unlock()
	for _, p := range []string{path, path + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Lock takes the exclusive lock, for a commit; RLock a shared one, to catch
// up before a read.
func (f *File) Lock() error   { return lockFile(f.lock, true) }
func (f *File) RLock() error  { return lockFile(f.lock, false) }
func (f *File) Unlock() error { return unlockFile(f.lock) }

// Path is the snapshot's path.
func (f *File) Path() string { return f.path }

// Close syncs the journal and releases the files.
func (f *File) Close() error {
	err := f.wal.Sync()
	if cerr := f.wal.Close(); err == nil {
		err = cerr
	}
	if cerr := f.lock.Close(); err == nil {
		err = cerr
	}
	return err
}

// Load reads the snapshot and the journal frames committed since, under the
// exclusive lock. It removes stale temporary snapshots first: no one writes
// one without the lock. A missing snapshot is os.ErrNotExist, for the caller
// to seed and Snapshot; anything unusable is a *StateError.
func (f *File) Load() (*State, [][]byte, error) {
	f.removeStaleTemps()
	raw, err := os.ReadFile(f.path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, err
		}
		return nil, nil, &StateError{f.path, err.Error()}
	}
	st, err := decodeState(raw)
	if err != nil {
		return nil, nil, &StateError{f.path, err.Error()}
	}
	if st.Generation == "" {
		// A snapshot from before journals: give it a generation.
		if err := f.Snapshot(st); err != nil {
			return nil, nil, err
		}
		return st, nil, nil
	}
	f.gen, f.off = st.Generation, 0
	entries, _, err := f.pending(true)
	if err != nil {
		return nil, nil, err
	}
	return st, entries, nil
}

func decodeState(raw []byte) (*State, error) {
	var head struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, fmt.Errorf("not a sandbox state file (%v)", err)
	}
	if head.Version != stateVersion {
		return nil, fmt.Errorf("version %d, this woot reads version %d", head.Version, stateVersion)
	}
	st := &State{}
	if err := json.Unmarshal(raw, st); err != nil {
		return nil, fmt.Errorf("corrupt (%v)", err)
	}
	st.Reindex()
	return st, nil
}

// Pending returns the frames other processes committed since the caller's
// State, or reload when a compaction replaced the snapshot (call Load
// again). Exclusive says the caller holds the exclusive lock and may cut a
// torn frame left by a killed writer.
func (f *File) Pending(exclusive bool) (entries [][]byte, reload bool, err error) {
	return f.pending(exclusive)
}

func (f *File) pending(exclusive bool) ([][]byte, bool, error) {
	info, err := f.wal.Stat()
	if err != nil {
		return nil, false, fmt.Errorf("read sandbox journal: %w", err)
	}
	size := info.Size()
	gen, err := f.journalGeneration(size)
	if err != nil {
		return nil, false, err
	}
	if gen != f.gen {
		if f.off == 0 && exclusive {
			// Load: an empty journal or one of a folded-in generation.
			return nil, false, f.resetJournal()
		}
		return nil, true, nil
	}
	if f.off == 0 {
		f.off = int64(headerLen)
	}
	if size < f.off {
		return nil, true, nil
	}
	if size == f.off {
		return nil, false, nil
	}
	buf := make([]byte, size-f.off)
	if _, err := f.wal.ReadAt(buf, f.off); err != nil {
		return nil, false, fmt.Errorf("read sandbox journal: %w", err)
	}
	entries, used, err := splitFrames(buf)
	if err != nil {
		return nil, false, &StateError{f.path + ".wal", err.Error()}
	}
	f.off += int64(used)
	if used < len(buf) && exclusive {
		// A writer died mid-frame; it never acknowledged that change.
		if err := f.wal.Truncate(f.off); err != nil {
			return nil, false, fmt.Errorf("repair sandbox journal: %w", err)
		}
	}
	return entries, false, nil
}

// journalGeneration reads the journal header; "" for an empty journal.
func (f *File) journalGeneration(size int64) (string, error) {
	if size == 0 {
		return "", nil
	}
	head := make([]byte, headerLen)
	if size < int64(headerLen) {
		return "", &StateError{f.path + ".wal", "truncated journal header"}
	}
	if _, err := f.wal.ReadAt(head, 0); err != nil {
		return "", fmt.Errorf("read sandbox journal: %w", err)
	}
	if !bytes.HasPrefix(head, []byte(journalMagic)) || head[headerLen-1] != '\n' {
		return "", &StateError{f.path + ".wal", "not a sandbox journal"}
	}
	return string(head[len(journalMagic) : headerLen-1]), nil
}

// splitFrames cuts buf into frames. A frame cut short at the end is left
// unused (a torn write); a complete frame with a bad checksum is corruption.
func splitFrames(buf []byte) ([][]byte, int, error) {
	var out [][]byte
	used := 0
	for len(buf)-used >= frameHead {
		n := int(binary.BigEndian.Uint32(buf[used:]))
		sum := binary.BigEndian.Uint32(buf[used+4:])
		if len(buf)-used-frameHead < n {
			break
		}
		payload := buf[used+frameHead : used+frameHead+n]
		if crc32.ChecksumIEEE(payload) != sum {
			return nil, 0, fmt.Errorf("corrupt journal frame at byte %d", used)
		}
		out = append(out, payload)
		used += frameHead + n
	}
	return out, used, nil
}

// Append journals one committed change after the caller's State. The write
// goes to the kernel before Append returns; see the fsync note above.
func (f *File) Append(entry []byte) error {
	if f.off == 0 {
		return errors.New("sandbox journal: Append before Load or Snapshot")
	}
	frame := make([]byte, frameHead+len(entry))
	binary.BigEndian.PutUint32(frame, uint32(len(entry)))
	binary.BigEndian.PutUint32(frame[4:], crc32.ChecksumIEEE(entry))
	copy(frame[frameHead:], entry)
	if _, err := f.wal.WriteAt(frame, f.off); err != nil {
		return fmt.Errorf("write sandbox journal: %w", err)
	}
	f.off += int64(len(frame))
	return nil
}

// Journaled is the size of the journal past its header: how much Snapshot
// would fold in.
func (f *File) Journaled() int64 { return max(0, f.off-int64(headerLen)) }

// Snapshot writes st as the new snapshot (temporary file, fsync, rename)
// under a fresh generation, then empties the journal.
func (f *File) Snapshot(st *State) error {
	st.Generation = newGeneration()
	raw, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("save sandbox state: %w", err)
	}
	if err := writeAtomic(f.path, raw); err != nil {
		return fmt.Errorf("save sandbox state: %w", err)
	}
	f.gen = st.Generation
	return f.resetJournal()
}

// resetJournal empties the journal and names the current generation in it.
func (f *File) resetJournal() error {
	if f.gen == "" {
		return errors.New("sandbox journal: no generation")
	}
	if err := f.wal.Truncate(0); err != nil {
		return fmt.Errorf("reset sandbox journal: %w", err)
	}
	if _, err := f.wal.WriteAt([]byte(journalMagic+f.gen+"\n"), 0); err != nil {
		return fmt.Errorf("reset sandbox journal: %w", err)
	}
	if err := f.wal.Sync(); err != nil {
		return fmt.Errorf("reset sandbox journal: %w", err)
	}
	f.off = int64(headerLen)
	return nil
}

func newGeneration() string {
	b := make([]byte, genLen/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (f *File) removeStaleTemps() {
	dir := filepath.Dir(f.path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(f.path)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// writeAtomic replaces path with data: a temporary file in the same
// directory, synced, renamed over it (mode 0600), then the directory synced
// so the rename itself survives a power cut.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op once renamed
	if err := writeSynced(tmp, data); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

func writeSynced(tmp *os.File, data []byte) error {
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	return tmp.Close()
}

// syncDir is best effort: not every platform can open a directory to sync.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
