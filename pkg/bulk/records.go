package bulk

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// record is one data row of an input, before any meaning is given to it.
type record struct {
	num      int64    // 1-based data row number (a CSV header is not a row)
	line     int64    // the line the row starts on, for messages
	fields   []string // CSV
	raw      []byte   // NDJSON: the line without its newline
	key      string   // row number + hash of the row's bytes
	err      string   // a structural problem that rejects the row
	oversize bool     // over the row limit: neither fields nor raw are kept
	span     span     // oversize: where the row lies in the input
}

// span is a stretch of the input's bytes.
type span struct{ off, size int64 }

// readConfig says how an input's rows are read.
type readConfig struct {
	format string // csv or ndjson
	comma  byte   // CSV delimiter; 0 is a comma
	maxRow int64  // bytes a row may take; 0 is DefaultMaxRowBytes
}

func (c readConfig) limit() int64 {
	if c.maxRow > 0 {
		return c.maxRow
	}
	return DefaultMaxRowBytes
}

// recordReader reads CSV (with a header) or NDJSON rows.
type recordReader struct {
	format string
	csv    *csvScanner
	lines  *lineReader
	header []string
	n      int64
}

func newRecordReader(r *bufio.Reader, cfg readConfig) (*recordReader, error) {
	rr := &recordReader{format: cfg.format, lines: newLineReader(r, cfg.limit())}
	switch cfg.format {
	case "csv":
		comma := cfg.comma
		if comma == 0 {
			comma = ','
		}
		rr.csv = &csvScanner{lr: rr.lines, comma: comma, max: cfg.limit()}
		header, err := rr.csv.next()
		if errors.Is(err, io.EOF) {
			return nil, inputErrorf("the input is empty: a CSV import starts with a header row (name,email,…)")
		}
		if err != nil {
			return nil, inputErrorf("read CSV header: %w", err)
		}
		if header.problem != "" {
			return nil, inputErrorf("read CSV header (line %d): %s", header.first, header.problem)
		}
		rr.header = header.fields
		rr.csv.width = len(header.fields)
	case "ndjson":
	default:
		return nil, inputErrorf("unknown input format %q: use csv or ndjson", cfg.format)
	}
	return rr, nil
}

// next returns the next row, or io.EOF.
func (rr *recordReader) next() (*record, error) {
	if rr.format == "csv" {
		return rr.nextCSV()
	}
	return rr.nextLine()
}

func (rr *recordReader) nextCSV() (*record, error) {
	cr, err := rr.csv.next()
	if err != nil {
		return nil, err
	}
	rr.n++
	rec := &record{num: rr.n, line: cr.first, fields: cr.fields, err: cr.problem, oversize: cr.oversize, span: span{cr.off, cr.size}}
	if cr.oversize {
		rec.key = rowKey(rec.num, fmt.Appendf(nil, "oversize %d-%d %d", cr.first, cr.last, cr.size))
	} else {
		rec.key = rowKey(rec.num, []byte(strings.Join(cr.fields, "\x1f")))
	}
	return rec, nil
}

func (rr *recordReader) nextLine() (*record, error) {
	for {
		l, err := rr.lines.read()
		if err != nil {
			return nil, err
		}
		if l.long {
			rr.n++
			return &record{num: rr.n, line: l.num, oversize: true, span: span{l.off, l.size}, err: tooLong(l.num, l.num, l.size, rr.lines.max, l.text),
				key: rowKey(rr.n, fmt.Appendf(nil, "oversize %d %d", l.num, l.size))}, nil
		}
		b := bytes.TrimSpace(l.text)
		if len(b) == 0 {
			continue
		}
		rr.n++
		return &record{num: rr.n, line: l.num, raw: b, key: rowKey(rr.n, b)}, nil
	}
}

// rowKey ties a journal entry to one row's content, so a resumed job
// notices when the input changed under it.
func rowKey(num int64, b []byte) string {
	sum := sha256.Sum256(b)
	return strconv.FormatInt(num, 10) + ":" + hex.EncodeToString(sum[:8])
}

// where names a row in messages: "row 3 (line 4)".
func (r *record) where() string {
	if r.line > 0 && r.line != r.num {
		return fmt.Sprintf("row %d (line %d)", r.num, r.line)
	}
	return fmt.Sprintf("row %d", r.num)
}

func isEOF(err error) bool { return errors.Is(err, io.EOF) }
