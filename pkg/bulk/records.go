package bulk

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// record is one data row of an input, before any meaning is given to it.
type record struct {
	num    int64    // 1-based data row number (a CSV header is not a row)
	line   int64    // the line the row starts on, for messages
	fields []string // CSV
	raw    []byte   // NDJSON: the line without its newline
	key    string   // row number + hash of the row's bytes
	err    string   // a structural problem that rejects the row
}

// recordReader reads CSV (with a header) or NDJSON rows.
type recordReader struct {
	format string
	csv    *csv.Reader
	header []string
	br     *bufio.Reader
	n      int64
	line   int64
}

func newRecordReader(r *bufio.Reader, format string) (*recordReader, error) {
	rr := &recordReader{format: format}
	switch format {
	case "csv":
		rr.csv = csv.NewReader(r)
		rr.csv.FieldsPerRecord = -1 // a short row is rejected alone, not the file
		rr.csv.LazyQuotes = true
		header, err := rr.csv.Read()
		if errors.Is(err, io.EOF) {
			return nil, inputErrorf("the input is empty: a CSV import starts with a header row (name,email,…)")
		}
		if err != nil {
			return nil, inputErrorf("read CSV header: %w", err)
		}
		if len(header) > 0 {
			header[0] = strings.TrimPrefix(header[0], string(utf8BOM))
		}
		rr.header = header
	case "ndjson":
		rr.br = r
	default:
		return nil, inputErrorf("unknown input format %q: use csv or ndjson", format)
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
	fields, err := rr.csv.Read()
	if errors.Is(err, io.EOF) {
		return nil, io.EOF
	}
	if err != nil {
		return nil, inputErrorf("read CSV: %w (fix the file and run the same command again)", err)
	}
	line, _ := rr.csv.FieldPos(0)
	rr.n++
	rec := &record{num: rr.n, line: int64(line), fields: fields}
	rec.key = rowKey(rec.num, []byte(strings.Join(fields, "\x1f")))
	if len(fields) != len(rr.header) {
		rec.err = fmt.Sprintf("the row has %d fields, the header has %d", len(fields), len(rr.header))
	}
	return rec, nil
}

func (rr *recordReader) nextLine() (*record, error) {
	for {
		b, err := rr.br.ReadBytes('\n')
		if len(b) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
			return nil, inputErrorf("read input: %w", err)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, inputErrorf("read input: %w", err)
		}
		rr.line++
		if rr.line == 1 {
			b = bytes.TrimPrefix(b, utf8BOM)
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		rr.n++
		return &record{num: rr.n, line: rr.line, raw: b, key: rowKey(rr.n, b)}, nil
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
