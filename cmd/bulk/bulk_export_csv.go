package bulk

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wootcli/woot/pkg/bulk"
)

// itemWriter receives an export's items in order.
type itemWriter interface {
	Item(raw json.RawMessage) error
	Close() error
}

// delimitedWriter writes CSV or TSV rows of fixed columns. Cells are
// bulk.Flatten's: nested objects as dotted columns, arrays of scalars
// joined with ";" (as `woot contacts import` reads labels), so an export
// can be imported again. A column naming an object holds it as JSON.
type delimitedWriter struct {
	w    io.Writer
	cols []string
	tsv  bool
	csv  *csv.Writer
	buf  bytes.Buffer
	head bool
}

func newDelimitedWriter(w io.Writer, cols []string, tsv bool) *delimitedWriter {
	d := &delimitedWriter{w: w, cols: cols, tsv: tsv}
	if !tsv {
		d.csv = csv.NewWriter(w)
	}
	return d
}

func (d *delimitedWriter) Item(raw json.RawMessage) error {
	if !d.head {
		d.head = true
		if err := d.row(d.cols); err != nil {
			return err
		}
	}
	keys, vals := bulk.FlattenOrdered(raw)
	if keys == nil {
		return fmt.Errorf("export: an item is not a JSON object: %.60s", raw)
	}
	cells := make(map[string]string, len(keys))
	for i, k := range keys {
		cells[k] = vals[i]
	}
	row := make([]string, len(d.cols))
	for i, c := range d.cols {
		v, ok := cells[c]
		if !ok {
			v = objectCell(raw, c, keys)
		}
		row[i] = v
	}
	return d.row(row)
}

func (d *delimitedWriter) row(cells []string) error {
	if d.tsv {
		d.buf.Reset()
		for i, c := range cells {
			if i > 0 {
				d.buf.WriteByte('\t')
			}
			d.buf.WriteString(tsvCell(c))
		}
		d.buf.WriteByte('\n')
		_, err := d.w.Write(d.buf.Bytes())
		return err
	}
	if err := d.csv.Write(cells); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// Close writes the header of an empty export, so the shape is known.
func (d *delimitedWriter) Close() error {
	if !d.head && len(d.cols) > 0 {
		d.head = true
		if err := d.row(d.cols); err != nil {
			return err
		}
	}
	if d.csv != nil {
		d.csv.Flush()
		if err := d.csv.Error(); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	return nil
}

// tsvCell keeps a cell on one line: tabs, newlines and other control
// characters become spaces (TSV has no quoting).
func tsvCell(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// objectCell is the cell of a column that names a nested object
// (--fields additional_attributes): the object as compact JSON. Columns
// the item lacks are empty.
func objectCell(raw json.RawMessage, col string, keys []string) string {
	prefix := col + "."
	nested := false
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) {
			nested = true
			break
		}
	}
	if !nested {
		return ""
	}
	v := raw
	for _, seg := range strings.Split(col, ".") {
		var m map[string]json.RawMessage
		if json.Unmarshal(v, &m) != nil {
			return ""
		}
		if v = m[seg]; v == nil {
			return ""
		}
	}
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return ""
	}
	return b.String()
}

// columnSet collects flattened column names in first-seen order.
type columnSet struct {
	seen  map[string]bool
	order []string
}

func (s *columnSet) add(raw json.RawMessage) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	keys, _ := bulk.FlattenOrdered(raw)
	for _, k := range keys {
		if !s.seen[k] {
			s.seen[k] = true
			s.order = append(s.order, k)
		}
	}
}

// expand resolves --fields against the columns found: no fields means
// every column, and "prefix.*" every column under prefix.
func (s *columnSet) expand(fields []string) []string {
	if len(fields) == 0 {
		return s.order
	}
	var out []string
	for _, f := range fields {
		prefix, wild := strings.CutSuffix(f, "*")
		if !wild {
			out = append(out, f)
			continue
		}
		for _, c := range s.order {
			if strings.HasPrefix(c, prefix) {
				out = append(out, c)
			}
		}
	}
	return out
}

// needsScan is true when the columns depend on the data: no --fields, or
// a "prefix.*" among them.
func needsScan(fields []string) bool {
	if len(fields) == 0 {
		return true
	}
	for _, f := range fields {
		if strings.HasSuffix(f, "*") {
			return true
		}
	}
	return false
}

// spoolWriter finds the columns of a CSV export whose columns depend on
// the data: a CSV header comes first, yet a custom attribute may appear
// on the last contact only. Items go to a temporary file as they arrive
// while their columns are collected; Close writes the CSV from that file.
// Memory holds the column names, never the items.
type spoolWriter struct {
	file   *os.File
	buf    *bufio.Writer
	cols   columnSet
	fields []string
	out    func(cols []string) itemWriter
}

func newSpoolWriter(fields []string, out func(cols []string) itemWriter) (*spoolWriter, error) {
	f, err := os.CreateTemp("", "woot-export-*.ndjson")
	if err != nil {
		return nil, fmt.Errorf("create the export's temporary file: %w (set TMPDIR, or pass --fields to stream without one)", err)
	}
	return &spoolWriter{file: f, buf: bufio.NewWriterSize(f, 64<<10), fields: fields, out: out}, nil
}

func (s *spoolWriter) Item(raw json.RawMessage) error {
	s.cols.add(raw)
	compact := raw
	if bytes.IndexByte(raw, '\n') >= 0 {
		var b bytes.Buffer
		if err := json.Compact(&b, raw); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		compact = b.Bytes()
	}
	s.buf.Write(compact)
	if err := s.buf.WriteByte('\n'); err != nil {
		return fmt.Errorf("write the export's temporary file: %w", err)
	}
	return nil
}

func (s *spoolWriter) Close() error {
	defer os.Remove(s.file.Name())
	defer s.file.Close()
	if err := s.buf.Flush(); err != nil {
		return fmt.Errorf("write the export's temporary file: %w", err)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("read the export's temporary file: %w", err)
	}
	w := s.out(s.cols.expand(s.fields))
	r := bufio.NewReaderSize(s.file, 64<<10)
	for {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if werr := w.Item(line); werr != nil {
				return werr
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read the export's temporary file: %w", err)
		}
	}
	return w.Close()
}

// discard removes the temporary file of an export that failed.
func (s *spoolWriter) discard() {
	s.file.Close()
	os.Remove(s.file.Name())
}
