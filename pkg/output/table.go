package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

const (
	// tableSampleRows is how many rows size the columns before the table
	// starts streaming; later rows reuse those widths.
	tableSampleRows = 200
	// minColumnWidth is as narrow as fitting to the terminal squeezes a column.
	minColumnWidth = 5
	columnGap      = "  "
)

// tablePrinter aligns columns with plain padding, gh style: no borders,
// two spaces between columns, an upper-cased header (bold in colour).
// It holds at most tableSampleRows rows to size the columns, then streams.
//
// Plain padding rather than tablewriter: tablewriter's streaming mode also
// needs the widths up front, then cuts wider late cells even with wrapping
// off (losing data in a pipe), pads the last column with trailing blanks,
// and its width package does about 0.4 ms of init work (a global regexp and
// cache) on every start of woot, which imports this package for every command.
type tablePrinter struct {
	ios     *IOStreams
	w       io.Writer
	cols    []column
	cells   cellFormat
	tty     bool
	pending [][]string // sample rows, until widths are fixed
	widths  []int      // nil until the sample is flushed
	object  bool
	buf     bytes.Buffer
}

func newTablePrinter(ios *IOStreams, cols []column) *tablePrinter {
	tty := ios.IsStdoutTTY()
	return &tablePrinter{
		ios:   ios,
		w:     ios.Out,
		cols:  cols,
		tty:   tty,
		cells: cellFormat{relative: tty, now: ios.Now},
	}
}

func (p *tablePrinter) Item(raw json.RawMessage) error {
	r, err := parseRecord(raw)
	if err != nil {
		return fmt.Errorf("print table row: %w", err)
	}
	if p.cols == nil {
		p.cols = deriveColumns(r.raw)
	}
	row := p.cells.cells(r, p.cols)
	for i := range row {
		row[i] = flatten(row[i])
	}
	if p.widths != nil {
		return p.writeRow(row)
	}
	p.pending = append(p.pending, row)
	if len(p.pending) >= tableSampleRows {
		return p.flushSample()
	}
	return nil
}

// Object prints a KEY VALUE listing, one field per line: a single record
// reads better down the page than as a one-row table wider than the screen.
func (p *tablePrinter) Object(raw json.RawMessage) error {
	r, err := parseRecord(raw)
	if err != nil {
		return fmt.Errorf("print object: %w", err)
	}
	p.object = true
	cols := p.cols
	if cols == nil {
		cols = deriveColumns(r.raw)
	}
	keyWidth := 0
	for _, c := range cols {
		keyWidth = max(keyWidth, displayWidth(c.csvHeader()))
	}
	valueWidth := max(p.ios.TerminalWidth()-keyWidth-len(columnGap), minColumnWidth)
	p.buf.Reset()
	for _, c := range cols {
		value := flatten(p.cells.cell(r.lookup(c.segs), c.isTime))
		if p.tty {
			value = truncate(value, valueWidth)
		}
		key := c.csvHeader()
		p.buf.WriteString(p.ios.Bold(key))
		if value != "" {
			p.buf.WriteString(padRight("", keyWidth-displayWidth(key)) + columnGap + value)
		}
		p.buf.WriteByte('\n')
	}
	_, err = p.w.Write(p.buf.Bytes())
	return err
}

func (p *tablePrinter) Close() error {
	if p.object || p.widths != nil || len(p.pending) == 0 {
		return nil
	}
	return p.flushSample()
}

// flushSample fixes the widths from the header and sample rows, fits them
// to the terminal, and writes the header and the held rows.
func (p *tablePrinter) flushSample() error {
	p.widths = make([]int, len(p.cols))
	for i, c := range p.cols {
		p.widths[i] = displayWidth(c.header())
	}
	for _, row := range p.pending {
		for i, cell := range row {
			p.widths[i] = max(p.widths[i], displayWidth(cell))
		}
	}
	if p.tty {
		fitWidths(p.widths, p.ios.TerminalWidth())
	}
	header := make([]string, len(p.cols))
	for i, c := range p.cols {
		header[i] = c.header()
	}
	if err := p.writeLine(header, true); err != nil {
		return err
	}
	for _, row := range p.pending {
		if err := p.writeRow(row); err != nil {
			return err
		}
	}
	p.pending = nil
	return nil
}

func (p *tablePrinter) writeRow(row []string) error { return p.writeLine(row, false) }

// writeLine pads every cell but the last (no trailing blanks). On a
// terminal cells are cut to the column width; elsewhere a late, wider cell
// overflows rather than losing data.
func (p *tablePrinter) writeLine(cells []string, header bool) error {
	p.buf.Reset()
	last := len(cells) - 1
	for i, cell := range cells {
		if p.tty {
			cell = truncate(cell, p.widths[i])
		}
		pad := p.widths[i] - displayWidth(cell)
		if header {
			cell = p.ios.Bold(cell)
		}
		p.buf.WriteString(cell)
		if i < last {
			for ; pad > 0; pad-- {
				p.buf.WriteByte(' ')
			}
			p.buf.WriteString(columnGap)
		}
	}
	p.buf.WriteByte('\n')
	_, err := p.w.Write(p.buf.Bytes())
	return err
}

// fitWidths shrinks the widest column, then the next widest, until the row
// fits total cells, never below minColumnWidth.
func fitWidths(widths []int, total int) {
	used := len(columnGap) * (len(widths) - 1)
	for _, w := range widths {
		used += w
	}
	for used > total {
		widest := 0
		for i, w := range widths {
			if w > widths[widest] {
				widest = i
			}
		}
		spare := widths[widest] - minColumnWidth
		if spare <= 0 {
			return
		}
		cut := min(spare, used-total)
		// Take no more than brings it level with the runner-up, so two wide
		// columns share the cut instead of one being crushed.
		second := 0
		for i, w := range widths {
			if i != widest && w > second {
				second = w
			}
		}
		if gap := widths[widest] - second; gap < cut {
			cut = max(gap, 1)
		}
		widths[widest] -= cut
		used -= cut
	}
}
