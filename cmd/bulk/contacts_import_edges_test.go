package bulk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/sandbox"
)

// TestImportContactsCSVEdges: what a spreadsheet saves (semicolons), a
// stray quote and a runaway row each cost only their own row.
func TestImportContactsCSVEdges(t *testing.T) {
	sb := newBulkSandbox(t, sandbox.Options{})
	h := sb.harness(t)
	big := strings.Repeat("x", 2<<20)
	in := writeTemp(t, "people.csv", "name;email;city\n"+
		"Ann Lee;ann@example.com;Lisbon\n"+
		"\"Bo Chen;bo@example.com;Porto\n"+
		"Cy Wu;cy@example.com;\"Faro\"\n"+
		"Big;big@example.com;"+big+"\n"+
		"Di Ng;di@example.com;Oslo\n")
	if code := h.Run("contacts", "import", in); code != cmdutil.ExitValidation {
		t.Fatalf("exit %d, want 5\n%s", code, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "3 created, 0 updated, 0 skipped, 2 rejected") {
		t.Errorf("summary: %s", h.ErrOut)
	}
	emails := sb.contactEmails(t)
	for _, e := range []string{"ann@example.com", "cy@example.com", "di@example.com"} {
		if emails[e] != 1 {
			t.Errorf("%s imported %d times", e, emails[e])
		}
	}
	rejects, err := os.ReadFile(filepath.Join(filepath.Dir(in), "people.rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := nonEmptyLines(string(rejects))
	if len(lines) != 3 || lines[0] != "name;email;city;error" ||
		!strings.HasPrefix(lines[1], `"""Bo Chen";bo@example.com;Porto;"unclosed quote: the quote opening field 1 on line 3, before ""Bo Chen;bo@example.com;P…"", does not close on its line, so lines 3–4 read as one quoted value (as one row they make 1 field, the header has 3); only line 3 is rejected, and line 4 was read again as a row of its own`) ||
		!strings.HasPrefix(lines[2], `;;;"the row (line 5, starting ""Big;big@example.com;xxxx…"") is 2.0 MiB, over the limit of 1 MiB a row`) {
		t.Errorf("rejects file:\n%.600s", rejects)
	}
}

func TestImportContactsHeaderAndFlagProblemsExitTwo(t *testing.T) {
	h := cmdtest.NewHarness(t) // a stub with no routes: any request fails the test
	headerless := writeTemp(t, "c.csv", "Ann Lee,ann@example.com\nBo,bo@example.com\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"contacts", "import", headerless}, "line 1 is a row, not a header"},
		{[]string{"contacts", "import", headerless, "--extra", "custom"}, "line 1 is a row, not a header"},
		{[]string{"contacts", "import", headerless, "--delimiter", "ab"}, "--delimiter \"ab\""},
		{[]string{"contacts", "import", headerless, "--max-row-size", "lots"}, "--max-row-size"},
		{[]string{"conversations", "import", headerless, "--max-row-size", "0"}, "--max-row-size"},
	} {
		if code := h.Run(tc.args...); code != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), tc.want) {
			t.Errorf("%v: exit %d, want 2 saying %q\n%s", tc.args[2:], code, tc.want, h.ErrOut)
		}
	}
}
