package bulk

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// keepOversize copies a row over the limit, byte for byte and without
// holding it, from the input into a file of its own next to the rejects
// file (with the CSV header first), so that no data is lost while the
// rejects file and the journal stay small. It returns the row's reason,
// naming that file. Only a regular file can be read again for the copy;
// a row from stdin keeps the reason that sends the user to the input.
//
// The copy is written before the row's outcome is journaled, and a rerun
// writes it again, so a crash in between loses nothing.
func (j *job) keepOversize(rec *record, input, header string) string {
	if j.opts.Rejects == "" || input == "" || j.opts.DryRun {
		return rec.err
	}
	dst := oversizePath(j.opts.Rejects, rec.num)
	if err := copySpan(input, dst, header, rec.span); err != nil {
		return rec.err + fmt.Sprintf(" (a copy of it could not be kept: %v)", err)
	}
	return strings.TrimSuffix(rec.err, oversizeAdvice) + fmt.Sprintf("; it is kept whole in %s: shorten it there and import that file, or raise --max-row-size", dst)
}

// oversizePath names the copy of row n: people.rejects.csv → people.rejects.row7.csv.
func oversizePath(rejects string, n int64) string {
	ext := filepath.Ext(rejects)
	return fmt.Sprintf("%s.row%d%s", strings.TrimSuffix(rejects, ext), n, ext)
}

func copySpan(input, dst, header string, s span) (err error) {
	src, err := os.Open(input)
	if err != nil {
		return err
	}
	defer src.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err := io.WriteString(out, header); err != nil {
		return err
	}
	n, err := io.Copy(out, io.NewSectionReader(src, s.off, s.size))
	if err != nil {
		return err
	}
	if n != s.size {
		return fmt.Errorf("the input is shorter than when it was read")
	}
	if !endsWithNewline(src, s) {
		if _, err := io.WriteString(out, "\n"); err != nil {
			return err
		}
	}
	return out.Sync()
}

// endsWithNewline tells whether the span's last byte ends its line (the
// last row of a file may lack one).
func endsWithNewline(f *os.File, s span) bool {
	b := make([]byte, 1)
	_, err := f.ReadAt(b, s.off+s.size-1)
	return err == nil && b[0] == '\n'
}
