package bulk

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// The rejects file holds every row that was not imported, in the input's
// own format with the reason added, so it can be fixed and imported
// again: CSV gets the same header plus an "error" column, NDJSON objects
// get an "_error" field. The journal is the source of truth: each reject
// is journaled (with its rendered record) before it is appended here, and
// a resumed job first completes this file from the journal, so a crash
// can neither lose a reject nor write one twice.
type rejectsFile struct {
	path   string
	header string // CSV header line; "" for NDJSON
	f      *os.File
}

// openRejects prepares the rejects file for a job whose journal already
// holds the rendered rejects in existing. fresh is true when the file may
// be replaced outright (no journal, or --restart); started is true when
// no earlier run of this job exists, so a file with rejects in it belongs
// to another job and is left alone.
func openRejects(path, header string, existing []string, fresh, started bool) (*rejectsFile, error) {
	if path == "" {
		return nil, nil
	}
	r := &rejectsFile{path: path, header: header}
	if fresh {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("replace rejects file: %w", err)
		}
		return r, nil
	}
	want := r.expected(existing)
	have, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		have = nil
	} else if err != nil {
		return nil, fmt.Errorf("read rejects file: %w", err)
	}
	if len(existing) == 0 && (len(have) == 0 || string(have) == header) {
		return r, nil
	}
	if started {
		return nil, fmt.Errorf("rejects file %s holds rows of another job (a journal that was deleted, or another input): move it away, or choose another --rejects", path)
	}
	switch {
	case bytes.HasPrefix([]byte(want), have):
		// The journal may hold rejects the file lacks (the process died
		// between the two writes, perhaps mid-record): complete the file.
		if err := r.openAppend(); err != nil {
			return nil, err
		}
		if len(have) == len(want) {
			return r, nil
		}
		return r, r.writeSync(want[len(have):])
	case bytes.HasPrefix(have, []byte(want)):
		// Records the journal lost (the machine lost power before they were
		// on disk): their rows are worked on again, and rejected again.
		if err := os.Truncate(path, int64(len(want))); err != nil {
			return nil, fmt.Errorf("repair rejects file: %w", err)
		}
		return r, r.openAppend()
	}
	return nil, fmt.Errorf("rejects file %s differs from what the journal recorded (edited, or left by another job): move it away and run again; the journal rebuilds it", path)
}

func (r *rejectsFile) expected(existing []string) string {
	var b strings.Builder
	b.WriteString(r.header)
	for _, e := range existing {
		b.WriteString(e)
	}
	return b.String()
}

func (r *rejectsFile) openAppend() error {
	f, err := os.OpenFile(r.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("open rejects file: %w", err)
	}
	r.f = f
	return nil
}

// add appends one rendered reject (created with its header on first use).
func (r *rejectsFile) add(rec string) error {
	if r == nil {
		return nil
	}
	if r.f == nil {
		if err := r.openAppend(); err != nil {
			return err
		}
		if st, err := r.f.Stat(); err == nil && st.Size() == 0 && r.header != "" {
			if err := r.writeSync(r.header); err != nil {
				return err
			}
		}
	}
	return r.writeSync(rec)
}

func (r *rejectsFile) writeSync(s string) error {
	if _, err := r.f.WriteString(s); err != nil {
		return fmt.Errorf("write rejects file %s: %w", r.path, err)
	}
	if err := r.f.Sync(); err != nil {
		return fmt.Errorf("sync rejects file %s: %w", r.path, err)
	}
	return nil
}

func (r *rejectsFile) close() error {
	if r == nil || r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}

// csvRejectsHeader is the input's header plus the error column (reused
// when the input is itself a rejects file), with the input's delimiter.
func csvRejectsHeader(header []string, comma byte) string {
	if errorColumn(header) >= 0 {
		return csvLine(header, comma)
	}
	return csvLine(append(append([]string(nil), header...), rejectsColumn), comma)
}

func errorColumn(header []string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), rejectsColumn) {
			return i
		}
	}
	return -1
}

// csvReject renders a CSV row with its reason in the error column.
func csvReject(header, fields []string, reason string, comma byte) string {
	out := append([]string(nil), fields...)
	if i := errorColumn(header); i >= 0 {
		for len(out) <= i {
			out = append(out, "")
		}
		out[i] = reason
		return csvLine(out, comma)
	}
	for len(out) < len(header) {
		out = append(out, "")
	}
	return csvLine(append(out, reason), comma)
}

func csvLine(fields []string, comma byte) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	if comma != 0 {
		w.Comma = rune(comma)
	}
	w.Write(fields)
	w.Flush()
	return b.String()
}

// jsonReject renders an NDJSON row with "_error" added, keeping the
// original bytes (key order, number spelling) of everything else. A line
// that is not an object is kept whole as "_raw".
func jsonReject(raw []byte, reason string) string {
	msg, _ := json.Marshal(reason)
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 { // a row over the limit: its reason says where it is
		return fmt.Sprintf(`{"_error":%s}`+"\n", msg)
	}
	if _, err := decodeObject(trimmed); err != nil {
		s, _ := json.Marshal(string(trimmed))
		return fmt.Sprintf(`{"_raw":%s,"_error":%s}`+"\n", s, msg)
	}
	obj := stripErrorField(trimmed)
	body := bytes.TrimSpace(obj[1 : len(obj)-1])
	if len(body) == 0 {
		return fmt.Sprintf(`{"_error":%s}`+"\n", msg)
	}
	return fmt.Sprintf("{%s,\"_error\":%s}\n", body, msg)
}

// stripErrorField drops an "_error" left by an earlier run, so a rejects
// file imported again does not accumulate reasons.
func stripErrorField(obj []byte) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(obj, &m) != nil {
		return obj
	}
	if _, ok := m[rejectsField]; !ok {
		return obj
	}
	delete(m, rejectsField)
	out, err := json.Marshal(m)
	if err != nil {
		return obj
	}
	return out
}
