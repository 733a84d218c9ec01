package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// tsvPrinter writes one tab-separated row per item. Piped auto output
// uses it without a header, so `cut -f2` sees data only.
type tsvPrinter struct {
	w           io.Writer
	cols        []column
	cells       cellFormat
	header      bool
	wroteHeader bool
	buf         bytes.Buffer
}

func newTSVPrinter(w io.Writer, cols []column, cells cellFormat, header bool) *tsvPrinter {
	return &tsvPrinter{w: w, cols: cols, cells: cells, header: header}
}

func (p *tsvPrinter) Item(raw json.RawMessage) error {
	r, err := parseRecord(raw)
	if err != nil {
		return fmt.Errorf("print TSV row: %w", err)
	}
	if p.cols == nil {
		p.cols = deriveColumns(r.raw)
	}
	p.buf.Reset()
	p.writeHeader()
	p.appendRow(p.cells.cells(r, p.cols))
	_, err = p.w.Write(p.buf.Bytes())
	return err
}

// appendRow adds one tab-separated line to buf.
func (p *tsvPrinter) appendRow(cells []string) {
	for i, cell := range cells {
		if i > 0 {
			p.buf.WriteByte('\t')
		}
		p.buf.WriteString(flatten(cell))
	}
	p.buf.WriteByte('\n')
}

// writeHeader adds the header row to buf the first time, when wanted.
func (p *tsvPrinter) writeHeader() {
	if !p.header || p.wroteHeader {
		return
	}
	p.wroteHeader = true
	names := make([]string, len(p.cols))
	for i, c := range p.cols {
		names[i] = flatten(c.csvHeader())
	}
	p.buf.WriteString(strings.Join(names, "\t"))
	p.buf.WriteByte('\n')
}

// Object prints one row, or for a result of sections (search) one row per
// element led by its section's name, so `grep ^contacts | cut -f2` works.
func (p *tsvPrinter) Object(raw json.RawMessage) error {
	secs := sections(p.cols)
	if secs == nil {
		return p.Item(raw)
	}
	r, err := parseRecord(raw)
	if err != nil {
		return fmt.Errorf("print TSV rows: %w", err)
	}
	p.buf.Reset()
	err = eachSectionRow(r, secs, p.cells, func(s section, first bool, row []string) {
		if first && p.header {
			p.appendRow(sectionHeader(s))
		}
		p.appendRow(row)
	})
	if err != nil {
		return err
	}
	p.wroteHeader = true
	_, err = p.w.Write(p.buf.Bytes())
	return err
}

// eachSectionRow calls row for every element of every section, its cells
// led by the section's name; first marks a section's first element.
func eachSectionRow(r *record, secs []section, cells cellFormat, row func(s section, first bool, cells []string)) error {
	for _, s := range secs {
		for i, it := range sectionItems(r, s) {
			ir, err := parseRecord(it)
			if err != nil {
				return fmt.Errorf("print %s: %w", s.key, err)
			}
			row(s, i == 0, append([]string{s.key}, cells.cells(ir, s.cols)...))
		}
	}
	return nil
}

// sectionHeader is the header row of a section's rows: "kind", then its columns.
func sectionHeader(s section) []string {
	names := []string{"kind"}
	for _, c := range s.cols {
		names = append(names, c.csvHeader())
	}
	return names
}

// Close prints the header of an empty list when the columns are known, so
// a consumer still learns the shape.
func (p *tsvPrinter) Close() error {
	if p.cols == nil {
		return nil
	}
	p.buf.Reset()
	p.writeHeader()
	if p.buf.Len() == 0 {
		return nil
	}
	_, err := p.w.Write(p.buf.Bytes())
	return err
}

// csvPrinter writes RFC 4180 rows with a header row; cells keep their
// newlines and tabs, which csv quoting carries safely.
type csvPrinter struct {
	cw          *csv.Writer
	cols        []column
	cells       cellFormat
	wroteHeader bool
}

func newCSVPrinter(w io.Writer, cols []column, cells cellFormat) *csvPrinter {
	return &csvPrinter{cw: csv.NewWriter(w), cols: cols, cells: cells}
}

func (p *csvPrinter) Item(raw json.RawMessage) error {
	r, err := parseRecord(raw)
	if err != nil {
		return fmt.Errorf("print CSV row: %w", err)
	}
	if p.cols == nil {
		p.cols = deriveColumns(r.raw)
	}
	p.writeHeader()
	p.cw.Write(p.cells.cells(r, p.cols))
	return p.flush()
}

func (p *csvPrinter) writeHeader() {
	if p.wroteHeader {
		return
	}
	p.wroteHeader = true
	names := make([]string, len(p.cols))
	for i, c := range p.cols {
		names[i] = c.csvHeader()
	}
	p.cw.Write(names)
}

// flush pushes each row out at once: csv.Writer buffers, and a slow
// export should show rows as they come.
func (p *csvPrinter) flush() error {
	p.cw.Flush()
	if err := p.cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// Object prints one row, or for a result of sections (search) each
// section's header and rows, led by the section's name (see tsvPrinter).
func (p *csvPrinter) Object(raw json.RawMessage) error {
	secs := sections(p.cols)
	if secs == nil {
		return p.Item(raw)
	}
	r, err := parseRecord(raw)
	if err != nil {
		return fmt.Errorf("print CSV rows: %w", err)
	}
	p.wroteHeader = true
	err = eachSectionRow(r, secs, p.cells, func(s section, first bool, row []string) {
		if first {
			p.cw.Write(sectionHeader(s))
		}
		p.cw.Write(row)
	})
	if err != nil {
		return err
	}
	return p.flush()
}

func (p *csvPrinter) Close() error {
	if p.cols == nil || p.wroteHeader {
		return nil
	}
	p.writeHeader()
	return p.flush()
}
