// Command gendocs regenerates docs/ and completions/ from woot's command
// tree: go run ./scripts/gendocs . (or go generate ./...).
package main

import (
	"fmt"
	"os"

	"github.com/wootcli/woot/cmd"
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
}
