package bulk

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// headBytes is how much of an input its identity hashes: enough to tell
// two exports apart, little enough to read instantly.
const headBytes = 64 << 10

// Input is an import file, or stdin, together with the identity a journal
// records so that a resumed job refuses a different file.
type Input struct {
	Name string // the path as given; "-" for stdin
	Size int64  // bytes; -1 when unknown (stdin, a pipe)

	r      *bufio.Reader
	closer io.Closer
	path   string // set for regular files, which can be read twice (row count)
}

// InputID is an input's identity as the journal header records it.
type InputID struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	Head string `json:"head"` // sha256 of the first 64 KiB
}

// InputError is a problem with the input file itself (unreadable, bad
// header, unknown columns): the command exits 2.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(format string, args ...any) error {
	return &InputError{Err: fmt.Errorf(format, args...)}
}

// OpenInput opens path for reading, or uses stdin when path is "-".
func OpenInput(path string, stdin io.Reader) (*Input, error) {
	if path == "-" {
		return NewInput(stdin, "-", -1), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, inputErrorf("open input: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, inputErrorf("open input: %w", err)
	}
	in := NewInput(f, path, -1)
	in.closer = f
	if st.Mode().IsRegular() {
		in.Size = st.Size()
		in.path = path
	}
	return in, nil
}

// NewInput wraps any reader; name and size only label it in the journal.
func NewInput(r io.Reader, name string, size int64) *Input {
	if in, ok := r.(*Input); ok {
		return in
	}
	return &Input{Name: name, Size: size, r: bufio.NewReaderSize(r, headBytes+4096)}
}

func (in *Input) Read(p []byte) (int, error) { return in.r.Read(p) }

// Close closes the file OpenInput opened; stdin is left open.
func (in *Input) Close() error {
	if in.closer == nil {
		return nil
	}
	return in.closer.Close()
}

// ID hashes the input's first 64 KiB without consuming them; it must be
// taken before anything is read (ReadContacts and ImportConversations do).
func (in *Input) ID() (InputID, error) {
	head, err := in.r.Peek(headBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return InputID{}, inputErrorf("read input: %w", err)
	}
	sum := sha256.Sum256(head)
	return InputID{Path: in.Name, Size: in.Size, Head: hex.EncodeToString(sum[:])}, nil
}

// sameInput decides whether a journal recorded this input. The path may
// differ (the file was moved, or is piped this time): content decides.
func sameInput(recorded, now InputID) bool {
	if recorded.Head != now.Head {
		return false
	}
	return recorded.Size < 0 || now.Size < 0 || recorded.Size == now.Size
}

// DetectFormat names the row format of path from its extension: "csv",
// "ndjson", or "" when the extension says nothing (then the content decides).
func DetectFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".ndjson", ".jsonl", ".json":
		return "ndjson"
	}
	return ""
}

// sniffFormat looks at the first non-blank byte: an object starts NDJSON.
func (in *Input) sniffFormat() string {
	head, _ := in.r.Peek(4096)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		return "ndjson"
	}
	return "csv"
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// firstLine peeks at the input's first line (at most what the buffer
// holds), without consuming it.
func (in *Input) firstLine() []byte {
	head, _ := in.r.Peek(headBytes)
	head = bytes.TrimPrefix(head, utf8BOM)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	return bytes.TrimSuffix(head, []byte("\r"))
}

// DefaultPaths proposes the journal and rejects paths for an input: next
// to the file (contacts.csv → contacts.csv.journal, contacts.rejects.csv),
// or in the working directory for stdin.
func DefaultPaths(input, job, format string) (journal, rejects string) {
	ext := ".csv"
	if format == "ndjson" {
		ext = ".ndjson"
	}
	if input == "-" || input == "" {
		base := "woot-" + job
		return base + ".journal", base + ".rejects" + ext
	}
	stem := strings.TrimSuffix(input, filepath.Ext(input))
	return input + ".journal", stem + ".rejects" + ext
}

// countRows counts the data rows of a regular file in a separate pass, so
// progress can show a total; -1 when the input cannot be read twice.
func (in *Input) countRows(cfg readConfig) int64 {
	if in.path == "" {
		return -1
	}
	f, err := os.Open(in.path)
	if err != nil {
		return -1
	}
	defer f.Close()
	rr, err := newRecordReader(bufio.NewReader(f), cfg)
	if err != nil {
		return -1
	}
	var n int64
	for {
		_, err := rr.next()
		if errors.Is(err, io.EOF) {
			return n
		}
		if err != nil {
			return -1
		}
		n++
	}
}
