package bulk

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DelimitedExport writes an export's items as CSV or TSV rows. Cells are
// FlattenOrdered's: nested objects as dotted columns, arrays of scalars
// joined with ";" (as `woot contacts import` reads labels), so an export
// can be imported again. A column naming an object holds it as JSON.
//
// When the columns depend on the data (no fields, or a "prefix.*"
// among them), a CSV header must come first although a custom attribute
// may appear on the last item only. Each item is then flattened once, its
// cells spooled (to a temporary file past a few hundred KiB) while the
// columns are collected, and Close writes the header and the rows from
// the spool without parsing any JSON again. Otherwise rows stream.
type DelimitedExport struct {
	out    rowWriter
	fields []string
	scan   bool
	flat   flatRow
	// explicit are the fields that name one column, with their positions
	// (a field may be given twice).
	explicit []string
	row      []string
	wrote    bool
	// scan mode: the columns found in first-seen order, and the spool.
	found    map[string]int
	order    []string
	spool    *ExportSpool
	spoolBuf *bufio.Writer
	rec      []byte
}

// spoolMemory is how much of a delimited export's body stays in memory
// before it goes to a temporary file.
const spoolMemory = 256 << 10

// NewDelimitedExport writes to w; fields are the columns ("prefix.*" for
// every column under prefix found), none for every column found.
func NewDelimitedExport(w io.Writer, fields []string, tsv bool) *DelimitedExport {
	d := &DelimitedExport{out: newRowWriter(w, tsv), fields: fields, scan: ColumnsDependOnData(fields)}
	for _, f := range fields {
		if !strings.HasSuffix(f, "*") {
			d.explicit = append(d.explicit, f)
		}
	}
	if d.scan {
		d.found = map[string]int{}
		d.spool = NewExportSpool(spoolMemory)
		d.spoolBuf = bufio.NewWriterSize(d.spool, 32<<10)
	}
	return d
}

// ColumnsDependOnData is true when the columns can only be known from the
// items: no fields, or a "prefix.*" among them.
func ColumnsDependOnData(fields []string) bool {
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

// Item writes (or spools) one item's row.
func (d *DelimitedExport) Item(raw json.RawMessage) error {
	if !d.flat.flatten(raw) {
		return fmt.Errorf("export: an item is not a JSON object: %.60s", raw)
	}
	explicit := d.explicitCells(raw)
	if d.scan {
		return d.spoolRow(explicit)
	}
	if !d.wrote {
		d.wrote = true
		if err := d.out.write(d.explicit); err != nil {
			return err
		}
	}
	return d.out.write(explicit)
}

// explicitCells are the cells of the fields that name a column: a leaf,
// or an object as compact JSON; empty when the item lacks it.
func (d *DelimitedExport) explicitCells(raw json.RawMessage) []string {
	d.row = d.row[:0]
	for _, col := range d.explicit {
		d.row = append(d.row, d.cell(raw, col))
	}
	return d.row
}

func (d *DelimitedExport) cell(raw json.RawMessage, col string) string {
	for i, k := range d.flat.keys {
		if k == col {
			return d.flat.cells[i]
		}
	}
	return objectCell(raw, col, d.flat.keys)
}

// spoolRow records the explicit cells and every non-empty leaf, by the
// leaf's column number: uvarint counts and lengths, raw bytes.
func (d *DelimitedExport) spoolRow(explicit []string) error {
	rec := binary.AppendUvarint(d.rec[:0], uint64(len(explicit)))
	for _, c := range explicit {
		rec = appendBytes(rec, c)
	}
	n := 0
	for _, c := range d.flat.cells {
		if c != "" {
			n++
		}
	}
	rec = binary.AppendUvarint(rec, uint64(n))
	for i, k := range d.flat.keys {
		idx, ok := d.found[k]
		if !ok {
			idx = len(d.order)
			d.found[k] = idx
			d.order = append(d.order, k)
		}
		if c := d.flat.cells[i]; c != "" {
			rec = binary.AppendUvarint(rec, uint64(idx))
			rec = appendBytes(rec, c)
		}
	}
	d.rec = rec
	_, err := d.spoolBuf.Write(rec)
	return err
}

func appendBytes(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Close writes the header of an empty export (so its shape is known) or,
// in scan mode, the header and every spooled row; it removes the spool.
func (d *DelimitedExport) Close() error {
	if d.scan {
		defer d.Discard()
		if err := d.writeSpooled(); err != nil {
			return err
		}
	} else if !d.wrote && len(d.explicit) > 0 {
		if err := d.out.write(d.explicit); err != nil {
			return err
		}
	}
	return d.out.flush()
}

// Discard drops the spool of an export that failed.
func (d *DelimitedExport) Discard() {
	if d.spool != nil {
		d.spool.Close()
	}
}

// layout maps the spooled cells to output columns.
type layout struct {
	header   []string
	explicit [][]int // explicit field j → its positions
	leaf     [][]int // leaf column idx → its positions
}

// layout resolves the fields against the columns found: no fields means
// every column, "prefix.*" every column under prefix.
func (d *DelimitedExport) layout() layout {
	l := layout{explicit: make([][]int, len(d.explicit)), leaf: make([][]int, len(d.order))}
	if len(d.fields) == 0 {
		l.header = d.order
		for i := range d.order {
			l.leaf[i] = []int{i}
		}
		return l
	}
	j := 0
	for _, f := range d.fields {
		prefix, wild := strings.CutSuffix(f, "*")
		if !wild {
			l.explicit[j] = append(l.explicit[j], len(l.header))
			l.header = append(l.header, f)
			j++
			continue
		}
		for idx, c := range d.order {
			if strings.HasPrefix(c, prefix) {
				l.leaf[idx] = append(l.leaf[idx], len(l.header))
				l.header = append(l.header, c)
			}
		}
	}
	return l
}

func (d *DelimitedExport) writeSpooled() error {
	if err := d.spoolBuf.Flush(); err != nil {
		return err
	}
	l := d.layout()
	if d.spool.Len() == 0 {
		if len(l.header) == 0 {
			return nil
		}
		return d.out.write(l.header)
	}
	if err := d.out.write(l.header); err != nil {
		return err
	}
	src, err := d.spool.Reader()
	if err != nil {
		return err
	}
	r := &spoolReader{r: bufio.NewReaderSize(src, 64<<10)}
	row := make([]string, len(l.header))
	for {
		clear(row)
		err := r.row(row, l)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read the export's temporary file: %w", err)
		}
		if err := d.out.write(row); err != nil {
			return err
		}
	}
}

// spoolReader reads back the records spoolRow wrote.
type spoolReader struct {
	r   *bufio.Reader
	buf []byte
}

func (s *spoolReader) row(row []string, l layout) error {
	n, err := binary.ReadUvarint(s.r)
	if err != nil {
		return err // io.EOF between records: the end
	}
	for j := range n {
		c, err := s.str()
		if err != nil {
			return err
		}
		for _, pos := range l.explicit[j] {
			row[pos] = c
		}
	}
	if n, err = binary.ReadUvarint(s.r); err != nil {
		return unexpected(err)
	}
	for range n {
		idx, err := binary.ReadUvarint(s.r)
		if err != nil {
			return unexpected(err)
		}
		c, err := s.str()
		if err != nil {
			return err
		}
		for _, pos := range l.leaf[idx] {
			row[pos] = c
		}
	}
	return nil
}

func (s *spoolReader) str() (string, error) {
	n, err := binary.ReadUvarint(s.r)
	if err != nil {
		return "", unexpected(err)
	}
	if cap(s.buf) < int(n) {
		s.buf = make([]byte, n)
	}
	b := s.buf[:n]
	if _, err := io.ReadFull(s.r, b); err != nil {
		return "", unexpected(err)
	}
	return string(b), nil
}

// unexpected turns an end of file inside a record into an error.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// rowWriter writes CSV (quoted as RFC 4180 says) or TSV rows.
type rowWriter struct {
	w   io.Writer
	csv *csv.Writer
	buf bytes.Buffer
}

func newRowWriter(w io.Writer, tsv bool) rowWriter {
	if tsv {
		return rowWriter{w: w}
	}
	return rowWriter{w: w, csv: csv.NewWriter(w)}
}

func (o *rowWriter) write(cells []string) error {
	if o.csv != nil {
		if err := o.csv.Write(cells); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
		return nil
	}
	o.buf.Reset()
	for i, c := range cells {
		if i > 0 {
			o.buf.WriteByte('\t')
		}
		o.buf.WriteString(tsvCell(c))
	}
	o.buf.WriteByte('\n')
	_, err := o.w.Write(o.buf.Bytes())
	return err
}

func (o *rowWriter) flush() error {
	if o.csv == nil {
		return nil
	}
	o.csv.Flush()
	if err := o.csv.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
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
	v := []byte(raw)
	for _, seg := range strings.Split(col, ".") {
		var ok bool
		if v, ok = topLevelValue(v, seg); !ok {
			return ""
		}
	}
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return ""
	}
	return b.String()
}
