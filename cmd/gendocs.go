package cmd

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

func newGenDocsCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:    "__gendocs DIR",
		Short:  "Write docs/ and completions/ from the command tree",
		Hidden: true,
		Args:   exactArgs([]string{"DIR"}),
		RunE: func(c *cobra.Command, args []string) error {
			return generateDocs(f, args[0])
		},
	}
}

// fullTree builds every command, as root help does.
func fullTree(f *Factory) *cobra.Command {
	root := newRootCmd(f, nil)
	root.DisableAutoGenTag = true
	for _, c := range allCommands(root) {
		c.DisableAutoGenTag = true
	}
	return root
}

func allCommands(c *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{c}
	for _, sub := range c.Commands() {
		out = append(out, allCommands(sub)...)
	}
	return out
}

// generateDocs writes the markdown reference, man pages and completions
// under dir (the repository root).
func generateDocs(f *Factory, dir string) error {
	root := fullTree(f)
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
