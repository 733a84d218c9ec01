package bulk

import (
	"errors"
	"io"
)

// RowReader reads contact rows from CSV or NDJSON. Problems with the file
// as a whole (unreadable, unknown columns) are reported by ReadContacts;
// problems with a row reject that row alone.
type RowReader struct {
	in          *Input
	rr          *recordReader
	format      string
	comma       byte // CSV: the delimiter, also of the rejects file
	extraCustom bool
	cols        []column
	first       *record // NDJSON: the first row, read early to check its fields
	total       int64
	id          InputID // taken before anything is read
}

// contactRow is one row read and checked.
type contactRow struct {
	rec      *record
	data     contactData
	problems []string
}

// ReadOptions say how contact rows are read.
type ReadOptions struct {
	// Format is "csv", "ndjson", or "" to decide from the file name (when
	// the reader comes from OpenInput) or the content.
	Format string
	// ExtraCustom makes unknown columns custom attributes instead of an error.
	ExtraCustom bool
	// Delimiter separates CSV fields; 0 detects a comma, semicolon or tab
	// from the header row.
	Delimiter byte
	// MaxRowBytes bounds a row (default DefaultMaxRowBytes); a longer row
	// is rejected without being read into memory.
	MaxRowBytes int64
}

// ReadContacts starts reading contacts from r; see ReadOptions.
func ReadContacts(r io.Reader, format string, extraCustom bool) (*RowReader, error) {
	return ReadContactsWith(r, ReadOptions{Format: format, ExtraCustom: extraCustom})
}

// ReadContactsWith starts reading contacts from r as o says.
func ReadContactsWith(r io.Reader, o ReadOptions) (*RowReader, error) {
	in := NewInput(r, "", -1)
	id, err := in.ID()
	if err != nil {
		return nil, err
	}
	cfg := readConfig{format: o.Format, comma: o.Delimiter, maxRow: o.MaxRowBytes}
	if cfg.format == "" {
		cfg.format = DetectFormat(in.Name)
	}
	if cfg.format == "" {
		cfg.format = in.sniffFormat()
	}
	if cfg.format == "csv" && cfg.comma == 0 {
		cfg.comma = detectDelimiter(in.firstLine())
	}
	rr, err := newRecordReader(in.r, cfg)
	if err != nil {
		return nil, err
	}
	cr := &RowReader{in: in, rr: rr, format: cfg.format, comma: cfg.comma, extraCustom: o.ExtraCustom, total: in.countRows(cfg), id: id}
	if cfg.format == "csv" {
		if cr.cols, err = contactHeader(rr.header, o.ExtraCustom, cfg.comma); err != nil {
			return nil, err
		}
		return cr, nil
	}
	return cr, cr.checkFirstObject()
}

// checkFirstObject gives NDJSON the up-front check a CSV header gets: a
// file whose first object has unknown fields is refused as a whole.
func (r *RowReader) checkFirstObject() error {
	rec, err := r.rr.next()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return err
	}
	r.first = rec
	if rec.oversize {
		return nil // rejected when its turn comes; nothing to check it by
	}
	obj, err := decodeObject(rec.raw)
	if err != nil {
		return inputErrorf("line %d: %v: is this NDJSON (one JSON object per line)?", rec.line, err)
	}
	if r.extraCustom {
		return nil
	}
	var unknown []string
	for k := range obj {
		if k == "custom_attributes" || k == "additional_attributes" {
			continue
		}
		if _, ok := contactColumn(k, false); !ok {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		return unknownColumnsError("field", unknown)
	}
	return nil
}

// Format is the row format being read: csv or ndjson.
func (r *RowReader) Format() string { return r.format }

// Delimiter is the CSV delimiter in use (0 for NDJSON).
func (r *RowReader) Delimiter() byte {
	if r.format != "csv" {
		return 0
	}
	return r.comma
}

// headerLine is the CSV header as a line of the input's format ("" for NDJSON).
func (r *RowReader) headerLine() string {
	if r.format != "csv" {
		return ""
	}
	return csvLine(r.rr.header, r.comma)
}

// Header is the CSV header as read (nil for NDJSON).
func (r *RowReader) Header() []string { return r.rr.header }

func (r *RowReader) next() (*contactRow, error) {
	rec := r.first
	r.first = nil
	if rec == nil {
		var err error
		if rec, err = r.rr.next(); err != nil {
			return nil, err
		}
	}
	row := &contactRow{rec: rec}
	if rec.oversize && r.format == "csv" {
		rec.fields = nil // its rejects record: the reason alone, under the header
	}
	if rec.err != "" {
		row.problems = []string{rec.err}
		return row, nil
	}
	if r.format == "csv" {
		row.data, row.problems = contactFromCSV(r.cols, rec.fields)
	} else {
		row.data, row.problems = contactFromJSON(rec.raw, r.extraCustom)
	}
	if len(row.problems) == 0 {
		row.problems = row.data.validate()
	}
	return row, nil
}
