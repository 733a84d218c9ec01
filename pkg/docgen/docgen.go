// Package docgen writes woot's markdown reference, man pages and shell
// completions from the live command tree. It lives outside the woot
// binary: cobra's doc generator pulls in a markdown renderer whose package
// initialisation would slow every start-up.
package docgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manDate is fixed so regenerated man pages do not change with the clock.
var manDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Write replaces dir/docs/commands, dir/docs/man and dir/completions.
func Write(root *cobra.Command, dir string) error {
	disableAutoGenTag(root)
	md := filepath.Join(dir, "docs", "commands")
	man := filepath.Join(dir, "docs", "man")
	comp := filepath.Join(dir, "completions")
	for _, d := range []string{md, man, comp} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := doc.GenMarkdownTree(root, md); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	header := &doc.GenManHeader{Title: "WOOT", Section: "1", Date: &manDate, Source: "woot", Manual: "woot manual"}
	if err := doc.GenManTree(root, header, man); err != nil {
		return fmt.Errorf("man pages: %w", err)
	}
	return writeCompletions(root, comp)
}

func disableAutoGenTag(c *cobra.Command) {
	c.DisableAutoGenTag = true
	for _, sub := range c.Commands() {
		disableAutoGenTag(sub)
	}
}

func writeCompletions(root *cobra.Command, dir string) error {
	gens := map[string]func(*bytes.Buffer) error{
		"woot.bash": func(b *bytes.Buffer) error { return root.GenBashCompletionV2(b, true) },
		"_woot":     func(b *bytes.Buffer) error { return root.GenZshCompletion(b) },
		"woot.fish": func(b *bytes.Buffer) error { return root.GenFishCompletion(b, true) },
		"woot.ps1":  func(b *bytes.Buffer) error { return root.GenPowerShellCompletionWithDesc(b) },
	}
	for name, gen := range gens {
		var b bytes.Buffer
		if err := gen(&b); err != nil {
			return fmt.Errorf("completion %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
