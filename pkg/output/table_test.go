package output

import (
	"encoding/json"
	"fmt"
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

// Rows after the sample keep the sample's widths: on a terminal a wider
// late cell is cut, in a pipe it overflows instead of losing data.
func TestTableStreamsAfterSample(t *testing.T) {
	for _, tty := range []bool{true, false} {
		ios, out, _ := testIO(tty)
		ios.SetTerminalWidth(200)
		p, err := New(ios, Options{Format: "table", Columns: []string{"id", "name"}})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < tableSampleRows; i++ {
			item(t, p, fmt.Sprintf(`{"id":%d,"name":"n%d"}`, i, i))
		}
		if !strings.HasPrefix(out.String(), "ID   NAME\n0    n0\n") {
			t.Fatalf("tty=%v: sample not flushed with its widths: %q", tty, out.String()[:min(out.Len(), 40)])
		}
		before := out.Len()
		item(t, p, `{"id":123456,"name":"a much longer name"}`)
		if out.Len() == before {
			t.Fatalf("tty=%v: row after the sample was held back", tty)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		last := out.String()[before:]
		want := "123456  a much longer name\n"
		if tty {
			want = "12…  a m…\n"
		}
		if last != want {
			t.Errorf("tty=%v: late row %q, want %q", tty, last, want)
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
		in    []int
		total int
		want  []int
	}{
		{[]int{4, 10, 30}, 80, []int{4, 10, 30}},
		{[]int{4, 10, 30}, 30, []int{4, 10, 12}},
		{[]int{4, 20, 30}, 30, []int{4, 11, 11}},
		{[]int{5, 5, 5}, 10, []int{5, 5, 5}}, // cannot go below the minimum
	}
	for _, tt := range tests {
		got := append([]int(nil), tt.in...)
		fitWidths(got, tt.total)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("fitWidths(%v, %d) = %v, want %v", tt.in, tt.total, got, tt.want)
		}
	}
}
