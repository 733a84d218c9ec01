package bulk

import (
	"io"
	"strings"
	"testing"
)

// A sealed spool that moved to a file keeps no buffer (a history waiting
// its turn holds a file, not memory), refuses more writes, and still
// reads back everything, in memory or from its file.
func TestASealedSpoolHoldsNoBufferAndReadsBack(t *testing.T) {
	for _, size := range []int{100, 10_000} {
		t.Setenv("TMPDIR", t.TempDir())
		s := NewExportSpool(1024)
		want := strings.Repeat("x", size)
		if _, err := s.Write([]byte(want)); err != nil {
			t.Fatal(err)
		}
		if err := s.Seal(); err != nil {
			t.Fatal(err)
		}
		if s.w != nil || (size > 1024) != (s.file != nil) {
			t.Errorf("%d bytes: sealed with a write buffer (%v) or in the wrong place (file %v)", size, s.w != nil, s.file != nil)
		}
		if _, err := s.Write([]byte("y")); err == nil {
			t.Errorf("%d bytes: a write after Seal was taken", size)
		}
		r, err := s.Reader()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if string(got) != want {
			t.Errorf("%d bytes: read back %d", size, len(got))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
