package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// tablePrinter prints a list as a gh-like table: no borders, two spaces
// between columns, an upper-cased header (bold in colour). A table needs
// every row to size its columns, so it holds the list until Close: a person
// reads a table, a script reads the streaming TSV that piped output gets.
//
// On a terminal the table is fitted to its width; into a pipe or file
// (`-o table > out.txt`) it is the same table with every cell whole.
type tablePrinter struct {
	ios    *IOStreams
	w      io.Writer
	cols   []column
	cells  cellFormat
	tty    bool
	rows   [][]string
	object bool
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
	p.rows = append(p.rows, p.row(r, p.cols))
	return nil
}

// row renders one record's cells, each made safe for one line.
func (p *tablePrinter) row(r *record, cols []column) []string {
	row := p.cells.cells(r, cols)
	for i := range row {
		row[i] = flatten(row[i])
	}
	return row
}

// Object prints a KEY VALUE listing, one field per line: a single record
// reads better down the page than as a one-row table wider than the screen.
func (p *tablePrinter) Object(raw json.RawMessage) error {
	r, err := parseRecord(raw)
	if err != nil {
		return fmt.Errorf("print object: %w", err)
	}
	p.object = true
	if secs := sections(p.cols); secs != nil {
		return p.sections(r, secs)
	}
	cols := p.cols
	if cols == nil {
		cols = deriveColumns(r.raw)
	}
	rows := make([][]string, len(cols))
	for i, c := range cols {
		rows[i] = []string{c.csvHeader(), flatten(p.cells.cell(r.lookup(c.segs), c.isTime))}
	}
	return p.render(grid{rows: rows, boldFirstColumn: true})
}

// sections prints one titled table per non-empty section (search results:
// contacts, conversations, messages, articles), a blank line between.
func (p *tablePrinter) sections(r *record, secs []section) error {
	printed := false
	for _, s := range secs {
		items := sectionItems(r, s)
		if len(items) == 0 {
			continue
		}
		rows := make([][]string, len(items))
		for i, it := range items {
			ir, err := parseRecord(it)
			if err != nil {
				return fmt.Errorf("print %s: %w", s.key, err)
			}
			rows[i] = p.row(ir, s.cols)
		}
		title := p.ios.Bold(strings.ToUpper(s.key))
		if printed {
			title = "\n" + title
		}
		if _, err := io.WriteString(p.w, title+"\n"); err != nil {
			return err
		}
		if err := p.render(grid{header: headers(s.cols), rows: rows}); err != nil {
			return err
		}
		printed = true
	}
	return nil
}

// Close prints the held rows; an empty list prints nothing.
func (p *tablePrinter) Close() error {
	if p.object || len(p.rows) == 0 {
		return nil
	}
	rows := p.rows
	p.rows = nil
	return p.render(grid{header: headers(p.cols), rows: rows})
}

func headers(cols []column) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.header()
	}
	return names
}

// render lays g out, fitted to the terminal when there is one.
func (p *tablePrinter) render(g grid) error {
	width := 0
	if p.tty {
		width = p.ios.TerminalWidth()
	}
	return g.render(p.w, width, p.ios.Bold)
}
