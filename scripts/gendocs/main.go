// Command gendocs regenerates docs/ and completions/ from woot's command
// tree, and docs/coverage.md from the operation tables and Chatwoot's
// routes table: go run ./scripts/gendocs . (or go generate ./...).
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wootcli/woot/cmd"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/docgen"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := docgen.Write(cmd.CommandTree(), dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	if err := writeCoverage(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

// writeCoverage needs Chatwoot's routes table, which is not part of the
// repository: $CHATWOOT_SPEC, or shared/chatwoot-api beside the
// repository. Without it the committed page is left as it is.
func writeCoverage(dir string) error {
	spec := os.Getenv("CHATWOOT_SPEC")
	if spec == "" {
		spec = filepath.Join(dir, "..", "shared", "chatwoot-api")
	}
	tsv, err := os.ReadFile(filepath.Join(spec, "routes-beyond-spec.tsv"))
	if os.IsNotExist(err) {
		fmt.Fprintf(os.Stderr, "gendocs: %s not found (set CHATWOOT_SPEC to the chatwoot-api directory); %s left unchanged\n",
			filepath.Join(spec, "routes-beyond-spec.tsv"), docgen.CoverageFile)
		return nil
	}
	if err != nil {
		return err
	}
	routes, err := docgen.ReadRoutes(bytes.NewReader(tsv))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := docgen.WriteCoverage(&b, operation.AllOperations(), routes); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, docgen.CoverageFile), b.Bytes(), 0o644)
}
