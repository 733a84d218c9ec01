package output

import (
	"bytes"
	"fmt"
	"io"

	"github.com/olekukonko/ll"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

const (
	// minColumnWidth is as narrow as fitting squeezes a column whose
	// header alone is already too wide for the terminal.
	minColumnWidth = 5
	columnGap      = "  "
)

// grid is a table's cells before layout.
type grid struct {
	header          []string // nil: no header row
	rows            [][]string
	boldFirstColumn bool // the keys of a KEY VALUE listing
}

// render writes g through tablewriter. termWidth > 0 fits the columns to a
// terminal that wide; 0 keeps every cell whole.
//
// tablewriter drives the table (sections, column count, the widths handed
// to the renderer); the widths themselves are measured here, grapheme by
// grapheme, and handed to it fixed, because tablewriter's own measure sums
// code points and would pad a ZWJ emoji six cells short.
func (g grid) render(w io.Writer, termWidth int, bold func(string) string) error {
	widths := g.naturalWidths()
	if termWidth > 0 {
		fitWidths(widths, g.headerFloors(widths), termWidth)
	}
	perColumn := tw.NewMapper[int, int]()
	for i, wd := range widths {
		perColumn.Set(i, wd)
	}
	r := &plainRenderer{bold: bold, boldFirstColumn: g.boldFirstColumn}
	table := tablewriter.NewTable(w,
		tablewriter.WithRenderer(r),
		tablewriter.WithColumnWidths(perColumn),
		tablewriter.WithPadding(tw.PaddingNone),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
	)
	if g.header != nil {
		table.Header(g.header)
	}
	if err := table.Bulk(g.rows); err != nil {
		return fmt.Errorf("print table: %w", err)
	}
	if err := table.Render(); err != nil {
		return fmt.Errorf("print table: %w", err)
	}
	return r.err
}

// naturalWidths is each column's widest cell, header included.
func (g grid) naturalWidths() []int {
	n := len(g.header)
	for _, row := range g.rows {
		n = max(n, len(row))
	}
	widths := make([]int, n)
	for i, h := range g.header {
		widths[i] = displayWidth(h)
	}
	for _, row := range g.rows {
		for i, cell := range row {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	return widths
}

// headerFloors is how far the first fitting pass may shrink each column:
// never below its header, so a column already narrower than its header
// (a short id, a status) keeps its width while wide ones give way.
func (g grid) headerFloors(widths []int) []int {
	floors := make([]int, len(widths))
	for i, wd := range widths {
		floors[i] = min(wd, minColumnWidth)
		if i < len(g.header) {
			floors[i] = max(floors[i], displayWidth(g.header[i]))
		}
	}
	return floors
}

// fitWidths shrinks the widest column first until the row, gaps included,
// fits total cells, never below floors. When even the floors (the headers)
// do not fit, every column is levelled down towards minColumnWidth instead,
// headers cut like the rest. A row that cannot fit even then is left as
// narrow as it got.
func fitWidths(widths, floors []int, total int) {
	if rowWidth(floors) > total {
		floors = make([]int, len(widths))
		for i, wd := range widths {
			floors[i] = min(wd, minColumnWidth)
		}
	}
	shrinkWidest(widths, floors, total)
}

// rowWidth is how many cells a row of these column widths takes.
func rowWidth(widths []int) int {
	n := len(columnGap) * max(len(widths)-1, 0)
	for _, wd := range widths {
		n += wd
	}
	return n
}

func shrinkWidest(widths, floors []int, total int) {
	for excess := rowWidth(widths) - total; excess > 0; {
		widest, runnerUp := -1, 0
		for i, wd := range widths {
			if wd > floors[i] && (widest < 0 || wd > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		for i, wd := range widths {
			if i != widest {
				runnerUp = max(runnerUp, wd)
			}
		}
		cut := min(excess, widths[widest]-floors[widest])
		// Bring it level with the runner-up, no further, so two wide
		// columns share the cut instead of one being crushed.
		if gap := widths[widest] - runnerUp; gap > 0 && gap < cut {
			cut = gap
		} else if gap <= 0 {
			cut = 1
		}
		widths[widest] -= cut
		excess -= cut
	}
}

// plainRenderer is the tablewriter renderer for woot's gh-like look: cells
// cut to their column on grapheme boundaries, padded with the grapheme-aware
// width, two spaces between columns, nothing after the last cell, no lines.
type plainRenderer struct {
	w               io.Writer
	bold            func(string) string
	boldFirstColumn bool
	buf             bytes.Buffer
	err             error
}

func (r *plainRenderer) Start(w io.Writer) error { r.w = w; return nil }
func (r *plainRenderer) Close() error            { return nil }
func (r *plainRenderer) Logger(*ll.Logger)       {}
func (r *plainRenderer) Line(tw.Formatting)      {}
func (r *plainRenderer) Footer([][]string, tw.Formatting) {
}

// Config tells tablewriter there are no borders, lines or separators.
func (r *plainRenderer) Config() tw.Rendition {
	return tw.Rendition{
		Borders: tw.BorderNone,
		Symbols: tw.NewSymbols(tw.StyleNone),
		Settings: tw.Settings{
			Lines:      tw.Lines{ShowTop: tw.Off, ShowBottom: tw.Off, ShowHeaderLine: tw.Off, ShowFooterLine: tw.Off},
			Separators: tw.Separators{ShowHeader: tw.Off, ShowFooter: tw.Off, BetweenRows: tw.Off, BetweenColumns: tw.Off},
		},
	}
}

func (r *plainRenderer) Header(_ [][]string, ctx tw.Formatting) { r.line(ctx, true) }
func (r *plainRenderer) Row(_ []string, ctx tw.Formatting)      { r.line(ctx, false) }

// line writes one row from the cells tablewriter hands over, keeping the
// first write error for render to return.
func (r *plainRenderer) line(ctx tw.Formatting, header bool) {
	if r.err != nil {
		return
	}
	r.buf.Reset()
	n := ctx.Row.Widths.Len()
	for col := 0; col < n; col++ {
		width := ctx.Row.Widths.Get(col)
		cell := truncate(ctx.Row.Current[col].Data, width)
		pad := width - displayWidth(cell)
		if header || (r.boldFirstColumn && col == 0) {
			cell = r.bold(cell)
		}
		r.buf.WriteString(cell)
		if col < n-1 {
			for ; pad > 0; pad-- {
				r.buf.WriteByte(' ')
			}
			r.buf.WriteString(columnGap)
		}
	}
	// An empty last cell (KEY with no VALUE) leaves the padding behind.
	line := bytes.TrimRight(r.buf.Bytes(), " ")
	line = append(line, '\n')
	_, r.err = r.w.Write(line)
}
