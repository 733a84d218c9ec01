package bulk

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ExportSpool is an export's scratch space for bytes that must wait their
// turn (a CSV body until its header is known, a conversation's history
// until the conversations before it are written). It keeps up to its
// memory limit in memory and moves to a temporary file beyond it, so an
// export's memory does not follow the size of what it holds. Close
// removes the file; every spool must be closed on every path.
type ExportSpool struct {
	limit int
	mem   bytes.Buffer
	file  *os.File
	w     *bufio.Writer
	size  int64
	err   error // the first failed write: every later call reports it
	// sealed: written to the end (Seal); a file spool has no buffer left.
	sealed bool
}

// NewExportSpool returns a spool that keeps up to memLimit bytes in
// memory.
func NewExportSpool(memLimit int) *ExportSpool {
	return &ExportSpool{limit: memLimit}
}

// spoolPrefix names every temporary file of an export, with the pid of
// the process that owns it, so a later run can tell a stale one.
const spoolPrefix = "woot-export-"

func (s *ExportSpool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.sealed {
		return 0, fmt.Errorf("export spool: a write after Seal")
	}
	s.size += int64(len(p))
	if s.file == nil && s.mem.Len()+len(p) <= s.limit {
		return s.mem.Write(p)
	}
	if s.file == nil {
		if s.err = s.spill(); s.err != nil {
			return 0, s.err
		}
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = fmt.Errorf("write the export's temporary file: %w", err)
	}
	return n, s.err
}

// WriteByte lets the spool take single separators cheaply.
func (s *ExportSpool) WriteByte(c byte) error {
	_, err := s.Write([]byte{c})
	return err
}

// spill moves what memory holds to a new temporary file.
func (s *ExportSpool) spill() error {
	f, err := os.CreateTemp("", spoolPrefix+strconv.Itoa(os.Getpid())+"-*.tmp")
	if err != nil {
		return fmt.Errorf("create the export's temporary file: %w (set TMPDIR to a writable directory with free space)", err)
	}
	// The write buffer is no larger than the memory the spool was allowed:
	// a spool waiting its turn holds no more than that either way.
	s.file, s.w = f, bufio.NewWriterSize(f, min(s.limit, 64<<10))
	if _, err := s.w.Write(s.mem.Bytes()); err != nil {
		return fmt.Errorf("write the export's temporary file: %w", err)
	}
	s.mem = bytes.Buffer{}
	return nil
}

// Seal ends the writing: a spool in a file flushes and drops its write
// buffer, so one that waits its turn holds a file and no memory. Write
// no more after calling it.
func (s *ExportSpool) Seal() error {
	if s.err != nil || s.w == nil {
		s.sealed = true
		return s.err
	}
	if err := s.w.Flush(); err != nil {
		s.err = fmt.Errorf("write the export's temporary file: %w", err)
		return s.err
	}
	s.w, s.sealed = nil, true
	return nil
}

// Len is the number of bytes written so far.
func (s *ExportSpool) Len() int64 { return s.size }

// Reader reads everything written, from the start. Write no more after
// calling it.
func (s *ExportSpool) Reader() (io.Reader, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.file == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if err := s.Seal(); err != nil {
		return nil, err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read the export's temporary file: %w", err)
	}
	return bufio.NewReaderSize(s.file, 64<<10), nil
}

// Bytes is everything written, in memory.
func (s *ExportSpool) Bytes() ([]byte, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.file == nil {
		return s.mem.Bytes(), nil
	}
	r, err := s.Reader()
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, s.size)
	buf := bytes.NewBuffer(out)
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("read the export's temporary file: %w", err)
	}
	return buf.Bytes(), nil
}

// Close drops what the spool holds and removes its file. It is safe to
// call more than once.
func (s *ExportSpool) Close() error {
	s.mem = bytes.Buffer{}
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	s.file.Close()
	s.file, s.w = nil, nil
	if err := os.Remove(name); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("remove the export's temporary file: %w", err)
	}
	return nil
}

// staleSpoolAge is how old a spool whose owner cannot be checked must be
// before it counts as left behind.
const staleSpoolAge = 24 * time.Hour

// RemoveStaleSpools deletes the temporary files that exports killed
// before they could clean up (SIGKILL, a crash, a power cut) left in dir
// ("" = the system's temporary directory): those whose process is gone.
// It returns how many it removed; files it cannot read are left alone.
func RemoveStaleSpools(dir string, now time.Time) int {
	if dir == "" {
		dir = os.TempDir()
	}
	matches, _ := filepath.Glob(filepath.Join(dir, spoolPrefix+"*"))
	removed := 0
	for _, path := range matches {
		if spoolIsStale(path, now) && os.Remove(path) == nil {
			removed++
		}
	}
	return removed
}

// spoolIsStale is true for a spool whose owning process no longer runs,
// or, when its owner cannot be told, one untouched for staleSpoolAge.
func spoolIsStale(path string, now time.Time) bool {
	rest := strings.TrimPrefix(filepath.Base(path), spoolPrefix)
	pidText, _, _ := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(pidText)
	if err == nil && pid > 0 && pid != os.Getpid() {
		if alive, known := processAlive(pid); known {
			return !alive
		}
	}
	if pid == os.Getpid() {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && now.Sub(info.ModTime()) > staleSpoolAge
}
