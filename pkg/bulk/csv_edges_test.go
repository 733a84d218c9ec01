package bulk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// readRows reads every row of a CSV or NDJSON input as the importer does.
func readRows(t *testing.T, content string, o ReadOptions) []*contactRow {
	t.Helper()
	r, err := ReadContactsWith(strings.NewReader(content), o)
	if err != nil {
		t.Fatal(err)
	}
	return readAllContacts(t, r)
}

// strayQuoteCSV has a quote opened on line 2 that never closes there; a
// later quote (line 4) would close it, swallowing lines 2–4 into one
// record. Line 5 holds a legitimately multi-line quoted value.
const strayQuoteCSV = "name,email,phone_number,labels,city\n" +
	"\"Ann Lee,ann@example.com,+14155550101,vip,Lisbon\n" +
	"Bo Chen,bo@example.com,+14155550102,,Porto\n" +
	"Cy Wu,\"cy@example.com\",+14155550103,,Faro\n" +
	"Di Ng,di@example.com,,,\"Rio\nde Janeiro\"\n" +
	"Ed Po,ed@example.com,,,Oslo\n"

func TestStrayQuoteRejectsItsLineAndKeepsTheRowsItSwallowed(t *testing.T) {
	rows := readRows(t, strayQuoteCSV, ReadOptions{Format: "csv"})
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5 (the stray line, then Bo, Cy, Di, Ed)", len(rows))
	}
	stray := rows[0]
	reason := strings.Join(stray.problems, "; ")
	for _, want := range []string{"unclosed quote", "field 1 on line 2", `before "Ann Lee,ann@example.com`, "lines 2–4", "only line 2 is rejected", "lines 3–4 were read again"} {
		if !strings.Contains(reason, want) {
			t.Errorf("reason lacks %q: %s", want, reason)
		}
	}
	if got := stray.rec.fields; len(got) != 5 || got[0] != `"Ann Lee` || got[4] != "Lisbon" {
		t.Errorf("the stray line's fields for its reject = %q", got)
	}
	for i, want := range []struct {
		line  int64
		email string
	}{{3, "bo@example.com"}, {4, "cy@example.com"}, {5, "di@example.com"}, {7, "ed@example.com"}} {
		row := rows[i+1]
		if len(row.problems) > 0 || row.data.email != want.email || row.rec.line != want.line || row.rec.num != int64(i+2) {
			t.Errorf("row %d = line %d %q %v, want line %d %s", i+2, row.rec.line, row.data.email, row.problems, want.line, want.email)
		}
	}
	if city := rows[3].data.additional["city"]; city != "Rio\nde Janeiro" {
		t.Errorf("the multi-line value came out as %q", city)
	}
}

func TestStrayQuoteImportGoesOnWithTheOtherRows(t *testing.T) {
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", strayQuoteCSV)
	opts := testOptions(t, ".csv")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 4 || sum.Rejected != 1 {
		t.Errorf("summary %+v, want 4 created, the stray line rejected", sum)
	}
	for _, e := range []string{"bo@example.com", "cy@example.com", "di@example.com", "ed@example.com"} {
		if f.contactBy(e) == nil {
			t.Errorf("%s was not imported", e)
		}
	}
	rejects := readFile(t, opts.Rejects)
	if !strings.HasPrefix(rejects, "name,email,phone_number,labels,city,error\n\"\"\"Ann Lee\",ann@example.com,+14155550101,vip,Lisbon,\"unclosed quote") {
		t.Errorf("rejects file:\n%s", rejects)
	}
	// The file is read the same way again: a rerun finds every row done.
	sum, _, err = ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil || !sum.DidNothing() || sum.AlreadyDone != 5 {
		t.Errorf("rerun: %+v, %v", sum, err)
	}
}

func TestQuoteOpenToTheEndOfTheFile(t *testing.T) {
	rows := readRows(t, "name,email\nAnn,ann@example.com\n\"Bo,bo@example.com\nCy,cy@example.com\n", ReadOptions{Format: "csv"})
	if len(rows) != 3 || len(rows[1].problems) == 0 || rows[2].data.email != "cy@example.com" || len(rows[2].problems) > 0 {
		t.Fatalf("rows: %d, %v / %+v", len(rows), rows[1].problems, rows[2].data)
	}
	if reason := rows[1].problems[0]; !strings.Contains(reason, "line 3") || !strings.Contains(reason, "the file ends inside the quote") {
		t.Errorf("reason = %s", reason)
	}
	// The last line alone: nothing after it to read again.
	rows = readRows(t, "name,email\nAnn,\"ann@example.com\n", ReadOptions{Format: "csv"})
	if len(rows) != 1 || !strings.Contains(strings.Join(rows[0].problems, ""), "the quote opening field 2 on line 2") {
		t.Errorf("rows: %d %v", len(rows), rows[0].problems)
	}
}

// zeros streams n bytes of 'x' without holding them.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), z.n)
	for i := range p[:k] {
		p[i] = 'x'
	}
	z.n -= k
	return int(k), nil
}

// TestRowOverTheLimitIsRejectedWithoutBeingHeld reads a 50 MB row from a
// stream and measures the bytes allocated meanwhile (TotalAlloc counts
// every allocation, whatever the collector does): far less than the row.
func TestRowOverTheLimitIsRejectedWithoutBeingHeld(t *testing.T) {
	const huge = 50 << 20
	for _, tc := range []struct {
		format, head, tail string
	}{
		{"csv", "name,email\nAnn,", "\nBo,bo@example.com\n"},
		{"ndjson", `{"email":"ann@example.com","name":"`, "\"}\n{\"email\":\"bo@example.com\"}\n"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			input := io.MultiReader(strings.NewReader(tc.head), &zeros{huge}, strings.NewReader(tc.tail))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r, err := ReadContactsWith(input, ReadOptions{Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			rows := readAllContacts(t, r)
			runtime.ReadMemStats(&after)
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("reading a %d MiB row allocated %.1f MiB", huge>>20, float64(allocated)/(1<<20))
			if allocated > 8<<20 {
				t.Errorf("reading allocated %d bytes: the row was held", allocated)
			}
			if len(rows) != 2 || !rows[0].rec.oversize || rows[1].data.email != "bo@example.com" || len(rows[1].problems) > 0 {
				t.Fatalf("rows: %d; first oversize %v; second %+v %v", len(rows), rows[0].rec.oversize, rows[1].data, rows[1].problems)
			}
			reason := strings.Join(rows[0].problems, "")
			if !strings.Contains(reason, "over the limit of 1 MiB a row") || !strings.Contains(reason, "--max-row-size") || !strings.Contains(reason, "50.0 MiB") {
				t.Errorf("reason = %s", reason)
			}
		})
	}
}

func TestRowOverTheLimitGoesToTheRejectsFileAndTheJournalStaysSmall(t *testing.T) {
	f := newFake(t)
	big := strings.Repeat("x", 3<<20)
	in := writeFile(t, t.TempDir(), "c.csv", "name,email\nAnn,ann@example.com\nBig,\""+big+"\n"+big+"\"\nBo,bo@example.com\n")
	opts := testOptions(t, ".csv")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 2 || sum.Rejected != 1 {
		t.Errorf("summary %+v", sum)
	}
	journal, rejects := readFile(t, opts.Journal), readFile(t, opts.Rejects)
	if len(journal) > 4<<10 || len(rejects) > 1<<10 {
		t.Errorf("journal %d bytes, rejects %d bytes: the big row was copied", len(journal), len(rejects))
	}
	if !strings.Contains(rejects, "lines 3–4") || !strings.Contains(rejects, "6.0 MiB") {
		t.Errorf("rejects:\n%s", rejects)
	}
	// The row itself is kept whole, in a file of its own that imports as
	// it is once the limit allows.
	kept := oversizePath(opts.Rejects, 2)
	if !strings.Contains(rejects, "it is kept whole in "+kept) {
		t.Errorf("the reason does not name the copy %s:\n%s", kept, rejects)
	}
	if got := readFile(t, kept); got != "name,email\nBig,\""+big+"\n"+big+"\"\n" {
		t.Errorf("the copy (%d bytes) is not the row", len(got))
	}
	in2, err := OpenInput(kept, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer in2.Close()
	again, err := ReadContactsWith(in2, ReadOptions{MaxRowBytes: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if got := readAllContacts(t, again); len(got) != 1 || got[0].data.name != "Big" || len(got[0].data.email) != len(big)*2+1 {
		t.Errorf("the copy does not import as the row")
	}
	// A higher limit imports it.
	rows, err := ReadContactsWith(strings.NewReader("name,email\nBig,\""+big+"\"\n"), ReadOptions{Format: "csv", MaxRowBytes: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if got := readAllContacts(t, rows); len(got) != 1 || got[0].rec.oversize || got[0].data.email != big {
		t.Errorf("with --max-row-size 4MiB the row is not read whole")
	}
}

func TestDelimiterDetectedFromTheHeader(t *testing.T) {
	for name, content := range map[string]string{
		"semicolon": "name;email;labels\nAnn Lee;ann@example.com;vip\n",
		"tab":       "name\temail\tlabels\nAnn Lee\tann@example.com\tvip\n",
		"excel":     "\xEF\xBB\xBF\"name\";\"email\";\"labels\"\r\n\"Ann Lee\";ann@example.com;vip\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			rows := readRows(t, content, ReadOptions{Format: "csv"})
			if len(rows) != 1 || rows[0].data.name != "Ann Lee" || rows[0].data.email != "ann@example.com" || len(rows[0].data.labels) != 1 {
				t.Errorf("rows = %+v", rows[0].data)
			}
		})
	}
	// The rejects file keeps the input's delimiter.
	f := newFake(t)
	in := writeFile(t, t.TempDir(), "c.csv", "name;email\nAnn;ann@example.com\nBo;not-an-email\n")
	opts := testOptions(t, ".csv")
	if _, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, opts.Rejects); !strings.HasPrefix(got, "name;email;error\nBo;not-an-email;") {
		t.Errorf("rejects:\n%s", got)
	}
}

func TestHeaderProblemsNameTheRealCause(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		o             ReadOptions
		want, not     string
	}{
		{"no header", "Ann Lee,ann@example.com,+14155550101\nBo,bo@example.com,\n", ReadOptions{},
			`line 1 is a row, not a header ("ann@example.com" is an email address)`, "--extra custom"},
		{"no header, extra custom", "Ann Lee,ann@example.com\n", ReadOptions{ExtraCustom: true},
			"line 1 is a row, not a header", "--extra custom"},
		{"forced comma on a semicolon file", "name;email\nAnn;ann@example.com\n", ReadOptions{Delimiter: ','},
			"the header holds semicolons; if that separates the columns, pass --delimiter ';'", "--extra custom"},
		{"extra custom cannot name the contact", "name;email\nAnn;ann@example.com\n", ReadOptions{Delimiter: ',', ExtraCustom: true},
			"no column names the contact", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Format = "csv"
			_, err := ReadContactsWith(strings.NewReader(tc.content), tc.o)
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) || (tc.not != "" && strings.Contains(err.Error(), tc.not)) {
				t.Errorf("err = %v\nwant %q, without %q", err, tc.want, tc.not)
			}
		})
	}
}

func TestParseSizeAndDelimiter(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "4MiB": 4 << 20, "512 KiB": 512 << 10, "2M": 2 << 20, "3MB": 3e6} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "0", "-1", "12abc", "MiB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted", bad)
		}
	}
	for in, want := range map[string]byte{";": ';', "tab": '\t', `\t`: '\t', "|": '|'} {
		if got, err := ParseDelimiter(in); err != nil || got != want {
			t.Errorf("ParseDelimiter(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{`"`, "ab", "", "\n"} {
		if _, err := ParseDelimiter(bad); err == nil {
			t.Errorf("ParseDelimiter(%q) accepted", bad)
		}
	}
	if s := fmt.Sprint(formatBytes(52428800)); s != "50 MiB" {
		t.Errorf("formatBytes = %s", s)
	}
}

// TestRowLimitInsideAQuote: past the row limit inside a quote, a quote
// that swallowed rows (the next line is a row of the header's width) is
// a stray quote, and a long multi-line value is a row over the limit.
func TestRowLimitInsideAQuote(t *testing.T) {
	var swallowed strings.Builder
	swallowed.WriteString("name,email\n\"Ann,ann@example.com\n")
	for i := 0; swallowed.Len() < 2<<20; i++ {
		fmt.Fprintf(&swallowed, "P%d,p%d@example.com\n", i, i)
	}
	rows := readRows(t, swallowed.String(), ReadOptions{Format: "csv"})
	if rows[0].rec.oversize || !strings.Contains(strings.Join(rows[0].problems, ""), "the row limit is reached inside the quote") {
		t.Errorf("first row: oversize %v, %v", rows[0].rec.oversize, rows[0].problems)
	}
	for _, row := range rows[1:] {
		if len(row.problems) > 0 {
			t.Fatalf("row %d (line %d): %v", row.rec.num, row.rec.line, row.problems)
		}
	}
	if want := strings.Count(swallowed.String(), "\n") - 2; len(rows)-1 != want {
		t.Errorf("%d rows read again, want %d", len(rows)-1, want)
	}

	note := "\"" + strings.Repeat("a long note line\n", 80000) + "end\""
	rows = readRows(t, "name,notes\nAnn,"+note+"\nBo,short\n", ReadOptions{Format: "csv", ExtraCustom: true})
	if len(rows) != 2 || !rows[0].rec.oversize || rows[1].data.name != "Bo" || len(rows[1].problems) > 0 {
		t.Fatalf("rows %d: first oversize %v; second %+v %v", len(rows), rows[0].rec.oversize, rows[1].data, rows[1].problems)
	}
	if reason := rows[0].problems[0]; !strings.Contains(reason, "lines 2–80002") {
		t.Errorf("reason = %s", reason)
	}
}

func TestConversationLineOverTheLimitIsRejectedAlone(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	opts.MaxRowBytes = 1 << 10
	long := strings.Replace(convLine, "My invoice is wrong", strings.Repeat("long ", 400), 1)
	sum, _, err := importConversations(t, f, context.Background(), long+"\n"+convLine+"\n", opts)
	if err != nil || sum.Created != 1 || sum.Rejected != 1 {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	rejects := readFile(t, opts.Rejects)
	if !strings.HasPrefix(rejects, `{"_error":"the row (line 1, starting`) || !strings.Contains(rejects, "over the limit of 1 KiB") || len(rejects) > 1<<10 {
		t.Errorf("rejects:\n%s", rejects)
	}
	if got := readFile(t, oversizePath(opts.Rejects, 1)); got != long+"\n" {
		t.Errorf("the kept copy is %q", got)
	}
}

func TestStrayQuoteInTheHeaderStopsTheImport(t *testing.T) {
	_, err := ReadContacts(strings.NewReader("name,\"email\nAnn,ann@example.com\n"), "csv", false)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), `read CSV header (line 1): the quote opening column 2, before "email", does not close on its line`) {
		t.Errorf("err = %v", err)
	}
}
