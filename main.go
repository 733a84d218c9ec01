// Command woot drives every Chatwoot API from a terminal.
package main

import (
	"os"

	"github.com/wootcli/woot/cmd"
)

//go:generate go run ./scripts/gendocs .

func main() { os.Exit(cmd.Main()) }
