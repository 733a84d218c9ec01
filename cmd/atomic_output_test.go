package cmd_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// TestOutputFileSurvivesAFailedList: a list that fails on its second page
// must leave the file the user named exactly as it was, and no temporary
// file beside it.
func TestOutputFileSurvivesAFailedList(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/1/contacts", 200, cmdtest.ContactsPage(40, 1)).WithQuery("page", "1")
	failing := h.Stub.On("GET", "/api/v1/accounts/1/contacts", 500, `{"error":"boom"}`).WithQuery("page", "2")
	failing.Times = 3 // the first try and --retries 2
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.tsv")
	const old = "id\tname\n1\tkept from yesterday\n"
	if err := os.WriteFile(keep, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := h.Run("contacts", "list", "--all", "--concurrency", "1", "--output-file", keep); code != cmdutil.ExitServer {
		t.Fatalf("exit %d, want %d; stderr: %s", code, cmdutil.ExitServer, h.ErrOut)
	}
	cmdtest.AssertFileUnchanged(t, keep, old)
}

// TestOutputFileWrittenByStatusAndOperations: commands that print rows
// of their own honour --output-file instead of ignoring it.
func TestOutputFileWrittenByStatusAndOperations(t *testing.T) {
	h := cmdtest.NewHarness(t)
	dir := t.TempDir()
	for name, args := range map[string][]string{
		"ops.tsv":    {"api", "operations"},
		"status.tsv": {"auth", "status", "--offline"},
	} {
		path := filepath.Join(dir, name)
		if out := h.MustRun(append(args, "--output-file", path)...); out != "" {
			t.Errorf("%v printed on stdout with --output-file: %.60q", args, out)
		}
		if data, err := os.ReadFile(path); err != nil || len(data) == 0 {
			t.Errorf("%v: --output-file %s: %v, %d bytes", args, name, err, len(data))
		}
	}
}
