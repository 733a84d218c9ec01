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

// ReadContacts starts reading contacts from r. format is "csv", "ndjson",
// or "" to decide from the file name (when r comes from OpenInput) or the
// content. With extraCustom, unknown columns become custom attributes
// instead of an error.
func ReadContacts(r io.Reader, format string, extraCustom bool) (*RowReader, error) {
	in := NewInput(r, "", -1)
	id, err := in.ID()
	if err != nil {
		return nil, err
	}
	if format == "" {
		format = DetectFormat(in.Name)
	}
	if format == "" {
		format = in.sniffFormat()
	}
	rr, err := newRecordReader(in.r, format)
	if err != nil {
		return nil, err
	}
	cr := &RowReader{in: in, rr: rr, format: format, extraCustom: extraCustom, total: in.countRows(format), id: id}
	if format == "csv" {
		if cr.cols, err = contactHeader(rr.header, extraCustom); err != nil {
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
