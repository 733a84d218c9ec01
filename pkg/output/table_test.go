package output

import (
	"encoding/json"
	"fmt"
	"github.com/clipperhouse/displaywidth"
	"strings"
	"testing"
)

var tableColumns = []string{"id", "name", "email", "additional_attributes.city", "last_activity_at", "created_at"}

func TestTableGolden(t *testing.T) {
	tests := []struct {
		golden string
		tty    bool
		color  bool
		width  int
		format string
	}{
		{"table_tty.golden", true, false, 120, "table"},
		{"table_auto_tty.golden", true, false, 120, ""},
		{"table_tty_narrow.golden", true, false, 60, "table"},
		{"table_piped.golden", false, false, 40, "table"},
		{"table_color.golden", true, true, 120, "table"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			ios, out, _ := testIO(tt.tty)
			ios.SetColorEnabled(tt.color)
			ios.SetTerminalWidth(tt.width)
			if err := printList(t, ios, Options{Format: tt.format, Columns: tableColumns}, contacts...); err != nil {
				t.Fatal(err)
			}
			assertGolden(t, tt.golden, out.Bytes())
			for i, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
				if strings.HasSuffix(line, " ") {
					t.Errorf("line %d has trailing blanks: %q", i, line)
				}
				if tt.tty && displayWidth(line) > tt.width && !tt.color {
					t.Errorf("line %d is %d cells, wider than the %d-cell terminal", i, displayWidth(line), tt.width)
				}
			}
		})
	}
}

func TestTableAutoOnTerminalHasHeader(t *testing.T) {
	ios, out, _ := testIO(true)
	if err := printList(t, ios, Options{Columns: []string{"id", "name", "created_at"}}, contactAlice); err != nil {
		t.Fatal(err)
	}
	want := "ID  NAME           CREATED_AT\n1   Alice Schmidt  4h ago\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestTableEmptyListPrintsNothing(t *testing.T) {
	ios, out, _ := testIO(true)
	if err := printList(t, ios, Options{Format: "table", Columns: tableColumns}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("got %q for an empty list", out)
	}
}

func TestTableObjectGolden(t *testing.T) {
	ios, out, _ := testIO(true)
	ios.SetTerminalWidth(60)
	cols := []string{"id", "status", "meta.sender.name", "labels", "meta.assignee", "timestamp", "agent_last_seen_at", "messages"}
	if err := printObject(t, ios, Options{Format: "table", Columns: cols}, conversation42); err != nil {
		t.Fatal(err)
	}
	assertGolden(t, "table_object.golden", out.Bytes())
}

// A table is sized from all its rows: a wide row after the first
// hundreds still lines up, in a pipe it stays whole, and on a terminal it
// is cut to the column rather than the column being sized before it came.
func TestTableSizesFromEveryRow(t *testing.T) {
	for _, tty := range []bool{true, false} {
		ios, out, _ := testIO(tty)
		ios.SetTerminalWidth(20)
		p, err := New(ios, Options{Format: "table", Columns: []string{"id", "name"}})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 300; i++ {
			item(t, p, fmt.Sprintf(`{"id":%d,"name":"n%d"}`, i, i))
		}
		item(t, p, `{"id":123456,"name":"a much longer name"}`)
		if out.Len() != 0 {
			t.Fatalf("tty=%v: table printed before Close", tty)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		first, last := lines[1], lines[len(lines)-1]
		wantFirst, wantLast := "0       n0", "123456  a much longer name"
		if tty {
			wantLast = "123456  a much long…"
		}
		if first != wantFirst || last != wantLast {
			t.Errorf("tty=%v: rows %q … %q, want %q … %q", tty, first, last, wantFirst, wantLast)
		}
	}
}

func item(t *testing.T, p Printer, raw string) {
	t.Helper()
	if err := p.Item(json.RawMessage(raw)); err != nil {
		t.Fatal(err)
	}
}

func TestFitWidths(t *testing.T) {
	tests := []struct {
		in, floors []int
		total      int
		want       []int
	}{
		{[]int{4, 10, 30}, []int{2, 4, 5}, 80, []int{4, 10, 30}},
		{[]int{4, 10, 30}, []int{2, 4, 5}, 30, []int{4, 10, 12}},
		{[]int{4, 20, 30}, []int{2, 4, 5}, 30, []int{4, 11, 11}},
		// A column no wider than its header keeps its width, even when it
		// is the widest one left: the others give way first.
		{[]int{16, 20, 9}, []int{16, 5, 5}, 30, []int{16, 5, 5}},
		// Headers too wide for the terminal: then they are cut too, to 5.
		{[]int{16, 20, 9}, []int{16, 5, 5}, 20, []int{5, 5, 6}},
		{[]int{5, 5, 5}, []int{5, 5, 5}, 10, []int{5, 5, 5}}, // cannot go below the minimum
		{[]int{2, 3}, []int{2, 3}, 4, []int{2, 3}},           // short columns are never widened or cut below themselves
	}
	for _, tt := range tests {
		got := append([]int(nil), tt.in...)
		fitWidths(got, tt.floors, tt.total)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("fitWidths(%v, %v, %d) = %v, want %v", tt.in, tt.floors, tt.total, got, tt.want)
		}
	}
}

// Contacts whose names a code-point width table gets wrong: a ZWJ family
// (one cluster of 7 code points), skin tones, a flag, combining marks, CJK,
// and a value far wider than any terminal.
var unicodeContacts = []string{
	`{"id":1,"name":"Ana 👨‍👩‍👧‍👦 Família","email":"ana@example.com","additional_attributes":{"company_name":"Família Lda"},"custom_attributes":{"plan":"pro"}}`,
	`{"id":22,"name":"Kofi 👍🏽👋🏿 Mensah","email":"kofi@example.org","additional_attributes":{"company_name":"Mensah & Sons"},"custom_attributes":{"plan":"free"}}`,
	`{"id":333,"name":"陈伟 上海分公司客户经理","email":"chen@example.cn","additional_attributes":{"company_name":"上海贸易有限公司"},"custom_attributes":{"plan":"企业版"}}`,
	`{"id":4444,"name":"Zoë 🇩🇪 Mu\u0308ller","email":"zoe@example.de","additional_attributes":{"company_name":"Acme Worldwide Logistics and Fulfilment Services International Holding GmbH & Co. KGaA, Zweigniederlassung Berlin-Brandenburg"},"custom_attributes":{"plan":"pro"}}`,
}

var unicodeColumns = []string{"id", "name", "email", "additional_attributes.company_name", "custom_attributes.plan"}

func TestTableUnicodeGolden(t *testing.T) {
	for _, width := range []int{60, 100, 200} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ios, out, _ := testIO(true)
			ios.SetTerminalWidth(width)
			if err := printList(t, ios, Options{Format: "table", Columns: unicodeColumns}, unicodeContacts...); err != nil {
				t.Fatal(err)
			}
			assertGolden(t, fmt.Sprintf("table_unicode_%d.golden", width), out.Bytes())
			assertTableFits(t, out.String(), width)
		})
	}
}

// assertTableFits measures every printed line with the grapheme-aware
// width the renderer pads with: no line wider than the terminal, none with
// trailing blanks, and every column starting at the same cell on every line
// as in the header, with the two-space gap before it.
func assertTableFits(t *testing.T, table string, width int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	starts := columnStarts(lines[0])
	for i, line := range lines {
		if w := displayWidth(line); w > width {
			t.Errorf("line %d is %d cells, wider than the %d-cell terminal: %q", i, w, width, line)
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d has trailing blanks: %q", i, line)
		}
		at := graphemesByCell(line)
		for _, s := range starts {
			if s > displayWidth(line) {
				continue // an empty last cell
			}
			if at[s-1] != " " || at[s-2] != " " {
				t.Errorf("line %d: no gap before the column at cell %d: %q", i, s, line)
			}
			if _, ok := at[s]; !ok && s < displayWidth(line) {
				t.Errorf("line %d: the column at cell %d starts inside a character: %q", i, s, line)
			}
		}
	}
}

// columnStarts finds where each column after the first begins in a header
// line: after every run of two spaces (header names hold single spaces).
func columnStarts(header string) []int {
	var starts []int
	at := graphemesByCell(header)
	for cell := 2; cell < displayWidth(header); cell++ {
		if at[cell-2] == " " && at[cell-1] == " " && at[cell] != " " && at[cell] != "" {
			starts = append(starts, cell)
		}
	}
	return starts
}

// graphemesByCell maps the cell each grapheme cluster starts at to it.
func graphemesByCell(line string) map[int]string {
	at := map[int]string{}
	cell := 0
	for g := displaywidth.StringGraphemes(line); g.Next(); {
		at[cell] = g.Value()
		cell += g.Width()
	}
	return at
}
