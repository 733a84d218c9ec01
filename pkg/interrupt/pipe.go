package interrupt

import (
	"errors"
	"fmt"
	"io"
	"syscall"
)

// ErrStdoutClosed is a write to stdout after its reader went away. It is
// not a failure: the reader has all it wanted.
var ErrStdoutClosed = errors.New("stdout was closed by its reader")

// Stdout wraps the process's stdout so that a write to a closed pipe
// fails with ErrStdoutClosed. Only stdout's broken pipe is quiet: the same
// errno from a network connection stays a network error.
func Stdout(w io.Writer) io.Writer { return stdout{w} }

type stdout struct{ w io.Writer }

func (s stdout) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && errors.Is(err, syscall.EPIPE) {
		err = fmt.Errorf("%w (%v)", ErrStdoutClosed, err)
	}
	return n, err
}
