package bulk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// csvScanner reads CSV records as encoding/csv does with LazyQuotes (a
// quote inside an unquoted field is kept as it is; a quoted field may span
// lines), with two things encoding/csv cannot do:
//
//   - A quote that never closes on its line and so swallows the rows after
//     it is recognised: a record spanning lines that then comes out wrong
//     (not the header's width, a quote closing mid-field, the end of the
//     file or the row limit reached inside the quote). Only the line with
//     the stray quote is rejected, naming it; the lines it swallowed are
//     read again as rows of their own. A well-formed multi-line field of a
//     row of the right width is a value like any other.
//   - A record over the row limit is rejected without being kept.
type csvScanner struct {
	lr    *lineReader
	comma byte
	width int // the header's field count; 0 while reading the header
	max   int64
	p     csvParse // reused from record to record
}

// csvRecord is one record as scanned.
type csvRecord struct {
	fields      []string
	first, last int64  // the lines it spans
	problem     string // set when the record is rejected as read
	oversize    bool
	off, size   int64 // where an oversize record starts in the input, and its bytes
}

// csvParse is the quote state machine over a record's lines. Like
// encoding/csv, it keeps the fields' bytes one after another in buf and
// makes them strings once, when the record is complete.
type csvParse struct {
	comma      byte
	buf        []byte
	ends       []int // where each completed field ends in buf
	fieldStart int
	inQuotes   bool
	openCol    int  // 1-based field whose quote is open
	openAt     int  // where in its line that quote is
	odd        bool // a quote closed somewhere other than before a delimiter or the line's end
}

func (p *csvParse) reset() {
	p.buf, p.ends, p.fieldStart, p.inQuotes, p.odd = p.buf[:0], p.ends[:0], 0, false, false
}

// count is the number of fields completed so far.
func (p *csvParse) count() int { return len(p.ends) }

func (p *csvParse) fields() []string {
	all := string(p.buf)
	out := make([]string, len(p.ends))
	prev := 0
	for i, end := range p.ends {
		out[i], prev = all[prev:end], end
	}
	return out
}

// feed parses one line and reports whether the record ends with it.
func (p *csvParse) feed(text []byte) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case p.inQuotes && c == '"' && i+1 < len(text) && text[i+1] == '"':
			p.buf = append(p.buf, '"')
			i++
		case p.inQuotes && c == '"' && (i+1 == len(text) || text[i+1] == p.comma):
			p.inQuotes = false
		case p.inQuotes && c == '"':
			p.odd = true // lazily kept, as encoding/csv's LazyQuotes does
			p.buf = append(p.buf, c)
		case p.inQuotes:
			p.buf = append(p.buf, c)
		case c == p.comma:
			p.endField()
		case c == '"' && len(p.buf) == p.fieldStart:
			p.inQuotes, p.openCol, p.openAt = true, len(p.ends)+1, i
		default:
			p.buf = append(p.buf, c)
		}
	}
	if p.inQuotes {
		p.buf = append(p.buf, '\n')
		return false
	}
	p.endField()
	return true
}

func (p *csvParse) endField() {
	p.ends = append(p.ends, len(p.buf))
	p.fieldStart = len(p.buf)
}

// next returns the next record, or io.EOF. Blank lines between records
// are skipped, as encoding/csv does.
func (s *csvScanner) next() (*csvRecord, error) {
	first, err := s.nonBlank()
	if err != nil {
		return nil, err
	}
	p := &s.p
	p.comma = s.comma
	p.reset()
	if first.long {
		return s.oversize([]physLine{first}, first.size, p)
	}
	if p.feed(first.text) {
		return s.complete(p, first.num, first.num), nil
	}
	lines, size := []physLine{first}, first.size
	for {
		l, err := s.lr.read()
		if errors.Is(err, io.EOF) {
			return s.unclosed(p, lines, "the file ends inside the quote"), nil
		}
		if err != nil {
			return nil, err
		}
		lines, size = append(lines, l), size+l.size
		if l.long || size > s.max+2 {
			if s.looksLikeRow(lines[1]) {
				return s.unclosed(p, lines, "the row limit is reached inside the quote"), nil
			}
			return s.oversize(lines, size, p)
		}
		if p.feed(l.text) {
			if n := p.count(); s.width > 0 && (n != s.width || p.odd) {
				return s.unclosed(p, lines, fmt.Sprintf("as one row they make %s, the header has %d", plural(fmt.Sprintf("%d field", n), n), s.width)), nil
			}
			return s.complete(p, first.num, l.num), nil
		}
	}
}

func (s *csvScanner) nonBlank() (physLine, error) {
	for {
		l, err := s.lr.read()
		if err != nil || l.long || len(l.text) > 0 {
			return l, err
		}
	}
}

func (s *csvScanner) complete(p *csvParse, first, last int64) *csvRecord {
	rec := &csvRecord{fields: p.fields(), first: first, last: last}
	if s.width > 0 && len(rec.fields) != s.width {
		rec.problem = fmt.Sprintf("the row has %d fields, the header has %d", len(rec.fields), s.width)
	}
	return rec
}

// unclosed rejects the first line of a record whose quote, opened on that
// line, swallowed the lines after it, and gives those lines back to be
// read as rows of their own.
func (s *csvScanner) unclosed(p *csvParse, lines []physLine, why string) *csvRecord {
	first := lines[0]
	stray := strayQuoteOf(first.text, s.comma)
	rec := &csvRecord{fields: stray.fields, first: first.num, last: first.num}
	if s.width == 0 { // the header: nothing is imported, nothing to read again
		rec.problem = fmt.Sprintf("the quote opening column %d, before %s, does not close on its line: close it, or double it (\"\") if it belongs to the name", stray.col, stray.preview)
		return rec
	}
	if len(lines) == 1 {
		rec.problem = fmt.Sprintf("unclosed quote: the quote opening field %d on line %d, before %s, never closes: close it, or double it (\"\") if it belongs to the value", stray.col, first.num, stray.preview)
		return rec
	}
	last := lines[len(lines)-1].num
	rec.problem = fmt.Sprintf("unclosed quote: the quote opening field %d on line %d, before %s, does not close on its line, so lines %d–%d read as one quoted value (%s); only line %d is rejected, and %s: close the quote, or double it (\"\") if it belongs to the value",
		stray.col, first.num, stray.preview, first.num, last, why, first.num, readAgain(first.num+1, last))
	s.lr.unread(lines[1:])
	return rec
}

func readAgain(first, last int64) string {
	if last > first {
		return lineSpan(first, last) + " were read again as rows of their own"
	}
	return lineSpan(first, last) + " was read again as a row of its own"
}

// strayQuote is a line whose last opened quote never closes on it.
type strayQuote struct {
	fields  []string // the line's fields, the stray quote kept as a character
	col     int
	preview string
}

func strayQuoteOf(text []byte, comma byte) strayQuote {
	p := &csvParse{comma: comma}
	p.feed(text)
	before := p.fields()
	if !p.inQuotes { // cannot happen for a line that opened a record's quote
		return strayQuote{fields: before, col: len(before)}
	}
	rest := text[p.openAt:]
	fields := append([]string(nil), before...)
	for _, f := range bytes.Split(rest, []byte{comma}) {
		fields = append(fields, string(f))
	}
	rest = rest[1:] // the quote itself
	return strayQuote{fields: fields, col: p.openCol, preview: fmt.Sprintf("%q", previewOf(rest[:min(len(rest), previewBytes)]))}
}

// looksLikeRow is true when a line parses alone as a complete row of the
// header's width: a sign that a quote above it swallowed rows, rather
// than a long multi-line value running on.
func (s *csvScanner) looksLikeRow(l physLine) bool {
	if s.width == 0 || l.long {
		return false
	}
	p := &csvParse{comma: s.comma}
	return p.feed(l.text) && !p.odd && p.count() == s.width
}

// stillQuoted carries the quote state of a record being skipped over
// line l: a line too long to keep toggles it when its quote count is odd.
func (s *csvScanner) stillQuoted(p *csvParse, l physLine) bool {
	if l.long {
		return l.quotes%2 == 0
	}
	p.reset()
	p.inQuotes = true // only the quote state matters now
	return !p.feed(l.text)
}

// oversize skips the rest of a record over the row limit, keeping no more
// of it than its quote state, and rejects it.
func (s *csvScanner) oversize(lines []physLine, size int64, p *csvParse) (*csvRecord, error) {
	preview := lines[0].text[:min(len(lines[0].text), previewBytes)]
	last := lines[len(lines)-1]
	// Called with one line too long to keep, or with the lines of a quoted
	// record whose last line (not parsed yet) took it over the limit.
	open := lines[0].quotes%2 == 1
	if len(lines) > 1 {
		open = s.stillQuoted(p, last)
	}
	for open {
		l, err := s.lr.read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		size += l.size
		last = l
		open = s.stillQuoted(p, l)
	}
	return &csvRecord{first: lines[0].num, last: last.num, oversize: true, off: lines[0].off, size: size,
		problem: tooLong(lines[0].num, last.num, size, s.max, preview)}, nil
}
