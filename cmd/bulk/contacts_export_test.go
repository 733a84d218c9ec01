package bulk_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

func TestExportContactsIsWhatTheSandboxHolds(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	sb.seedContacts(t, seedCSV(101)) // 7 pages, the last one short
	want := compactLines(t, sb.allItems(t, "/api/v1/accounts/1/contacts", "payload"))
	if len(want) != 101 {
		t.Fatalf("seeded %d contacts", len(want))
	}
	h := sb.harness(t)
	for _, conc := range []string{"1", "4", "9"} {
		out := h.MustRun("contacts", "export", "--concurrency", conc)
		if got := nonEmptyLines(out); !reflect.DeepEqual(got, want) {
			t.Fatalf("--concurrency %s: %d lines differ from the sandbox's %d (order or content)", conc, len(got), len(want))
		}
		if !strings.Contains(h.ErrOut.String(), "exported 101 contacts") {
			t.Errorf("stderr: %q", h.ErrOut)
		}
	}
	out := h.MustRun("contacts", "export", "-o", "json")
	var arr []json.RawMessage
	if err := json.Unmarshal([]byte(out), &arr); err != nil || !reflect.DeepEqual(compactLines(t, arr), want) {
		t.Errorf("-o json: %v, %d items", err, len(arr))
	}
	file := filepath.Join(t.TempDir(), "c.ndjson")
	if out := h.MustRun("contacts", "export", "--output-file", file); out != "" {
		t.Errorf("stdout with --output-file: %q", out)
	}
	data, _ := os.ReadFile(file)
	if got := nonEmptyLines(string(data)); !reflect.DeepEqual(got, want) {
		t.Errorf("--output-file holds %d lines", len(got))
	}
}

func TestExportContactsShardsShareTheWorkExactly(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	sb.seedContacts(t, seedCSV(100))
	want := compactLines(t, sb.allItems(t, "/api/v1/accounts/1/contacts", "payload"))
	h := sb.harness(t)
	seen := map[string]int{}
	for k := 1; k <= 3; k++ {
		shard := []string{"1/3", "2/3", "3/3"}[k-1]
		lines := nonEmptyLines(h.MustRun("contacts", "export", "--shard", shard, "--concurrency", "2"))
		s, _ := bulk.ParseShard(shard)
		for i, l := range lines {
			seen[l]++
			// Each shard's lines come from the pages it owns, in order.
			var pos int
			for pos = range want {
				if want[pos] == l {
					break
				}
			}
			if page := pos/15 + 1; !s.Owns(page) {
				t.Errorf("shard %s line %d is on page %d", shard, i, page)
			}
		}
	}
	if len(seen) != len(want) {
		t.Errorf("shards together exported %d distinct contacts, want %d", len(seen), len(want))
	}
	for l, n := range seen {
		if n != 1 {
			t.Errorf("exported %d times: %.60s", n, l)
		}
	}
	if code := h.Run("contacts", "export", "--shard", "4/3"); code != cmdutil.ExitUsage {
		t.Errorf("--shard 4/3: exit %d", code)
	}
}

func readCSV(t *testing.T, s string, comma rune) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.Comma = comma
	r.LazyQuotes = comma == '\t'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%s", err, s)
	}
	return rows
}

func TestExportContactsCSVHasEveryColumn(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	// The last contact alone has a custom attribute: without --fields its
	// column must still be there.
	sb.seedContacts(t, seedCSV(40)+"")
	sb.seedContacts(t, "name,email,rare\nLast One,last@example.com,\"multi\nline, \"\"quoted\"\"\"\n")
	h := sb.harness(t)
	rows := readCSV(t, h.MustRun("contacts", "export", "-o", "csv", "--concurrency", "3"), ',')
	if len(rows) != 42 {
		t.Fatalf("%d rows, want a header and 41 contacts", len(rows))
	}
	header := rows[0]
	col := map[string]int{}
	for i, c := range header {
		col[c] = i
	}
	for _, c := range []string{"id", "name", "email", "phone_number", "custom_attributes.plan", "custom_attributes.rare", "additional_attributes.company_name"} {
		if _, ok := col[c]; !ok {
			t.Errorf("no column %q in %v", c, header)
		}
	}
	last := rows[len(rows)-1]
	if last[col["custom_attributes.rare"]] != "multi\nline, \"quoted\"" || last[col["email"]] != "last@example.com" {
		t.Errorf("last row %q", last)
	}
	if rows[1][col["custom_attributes.plan"]] == "" || rows[1][col["custom_attributes.rare"]] != "" {
		t.Errorf("first row %q", rows[1])
	}

	// Wildcards stream nothing until the columns are known; plain fields
	// stream at once.
	rows = readCSV(t, h.MustRun("contacts", "export", "-o", "csv", "--fields", "email,custom_attributes.*"), ',')
	if want := []string{"email", "custom_attributes.plan", "custom_attributes.rare"}; !reflect.DeepEqual(rows[0], want) {
		t.Errorf("wildcard header %q, want %q", rows[0], want)
	}
	out := h.MustRun("contacts", "export", "-o", "tsv", "--fields", "name,custom_attributes.rare,additional_attributes")
	lines := nonEmptyLines(out)
	if lines[0] != "name\tcustom_attributes.rare\tadditional_attributes" || len(lines) != 42 {
		t.Fatalf("tsv:\n%s", out)
	}
	if lines[41] != "Last One\tmulti line, \"quoted\"\t" || !strings.HasPrefix(lines[1], "Seed 1\t\t{\"company_name\":\"Acme 1\"}") {
		t.Errorf("tsv rows %q / %q", lines[1], lines[41])
	}

	// The format follows the file name; --fields needs csv or tsv.
	file := filepath.Join(t.TempDir(), "c.csv")
	h.MustRun("contacts", "export", "--output-file", file, "--fields", "id,email")
	data, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(data), "id,email\n") {
		t.Errorf("--output-file c.csv: %.40q", data)
	}
	for _, args := range [][]string{
		{"contacts", "export", "--fields", "id"},
		{"contacts", "export", "-o", "table"},
		{"contacts", "export", "-o", "csv", "--jq", ".id"},
		{"contacts", "export", "-o", "csv", "--fields", "custom_*"},
		{"contacts", "export", "--concurrency", "0"},
	} {
		if code := h.Run(args...); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestExportEmptyListStillWritesTheHeader(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	h := sb.harness(t)
	if out := h.MustRun("contacts", "export", "-o", "csv", "--fields", "id,email"); out != "id,email\n" {
		t.Errorf("empty csv export %q", out)
	}
	if out := h.MustRun("contacts", "export"); out != "" {
		t.Errorf("empty ndjson export %q", out)
	}
}

func TestExportSpoolLeavesNoTemporaryFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	sb := newBulkSandbox(t, sandbox.Options{})
	sb.seedContacts(t, seedCSV(20))
	h := sb.harness(t)
	h.MustRun("contacts", "export", "-o", "csv")
	left, _ := os.ReadDir(tmp)
	var names []string
	for _, e := range left {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if len(names) != 0 {
		t.Errorf("temporary files left: %v", names)
	}
}
