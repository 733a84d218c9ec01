package cmd

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// TestSkillNamesRealCommands keeps SKILL.md, the guide AI agents read,
// true to the command tree: every `woot …` it names must exist.
func TestSkillNamesRealCommands(t *testing.T) {
	root := CommandTree()
	root.InitDefaultHelpCmd()
	// Commands are named in code: `inline spans` and indented lines.
	var code strings.Builder
	for _, span := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(readSkill(t), -1) {
		code.WriteString(span[1] + "\n")
	}
	for _, line := range strings.Split(readSkill(t), "\n") {
		if strings.HasPrefix(line, "    ") {
			code.WriteString(line + "\n")
		}
	}
	mentions := regexp.MustCompile(`(?m)^\s*woot((?: +-{1,2}[a-z][a-z-]*)*(?: +[a-z][a-z0-9-]*)+)`).FindAllStringSubmatch(code.String(), -1)
	if len(mentions) < 20 {
		t.Fatalf("found only %d woot commands in SKILL.md; the pattern is broken", len(mentions))
	}
	for _, m := range mentions {
		if err := checkCommandPath(root, strings.Fields(m[1])); err != "" {
			t.Errorf("SKILL.md names `woot%s`: %s", m[1], err)
		}
	}
}

// checkCommandPath walks words down the tree: global flags first, then
// subcommands; a word after a leaf is an argument, a word after a group
// must be one of its subcommands.
func checkCommandPath(root *cobra.Command, words []string) string {
	c := root
	for len(words) > 0 && strings.HasPrefix(words[0], "-") {
		if root.PersistentFlags().Lookup(strings.TrimLeft(words[0], "-")) == nil {
			return "no global flag " + words[0]
		}
		words = words[1:]
	}
	for _, w := range words {
		if strings.HasPrefix(w, "-") {
			return ""
		}
		sub := cmdutil.FindSub(c, w)
		if sub == nil {
			if c.HasSubCommands() && c != root || c == root {
				return "no command " + strconv.Quote(w) + " under " + c.CommandPath()
			}
			return ""
		}
		c = sub
	}
	return ""
}

// TestSkillExitCodesMatchTheTable: the exit-code table of SKILL.md lists
// exactly cmdutil's codes, each described as `woot help exit-codes` does
// (a shortened description must be a prefix of the full one).
func TestSkillExitCodesMatchTheTable(t *testing.T) {
	rows := regexp.MustCompile(`(?m)^\| (\d+) \| (.+) \|$`).FindAllStringSubmatch(readSkill(t), -1)
	listed := map[int]string{}
	for _, r := range rows {
		code, _ := strconv.Atoi(r[1])
		listed[code] = r[2]
	}
	for _, e := range cmdutil.ExitCodeTable {
		what, ok := listed[e.Code]
		switch {
		case !ok:
			t.Errorf("SKILL.md does not list exit code %d (%s)", e.Code, e.What)
		case !strings.HasPrefix(e.What, what):
			t.Errorf("SKILL.md describes exit code %d as %q; woot help exit-codes says %q", e.Code, what, e.What)
		}
		delete(listed, e.Code)
	}
	for code, what := range listed {
		t.Errorf("SKILL.md lists exit code %d (%s), which woot does not use", code, what)
	}
}

func readSkill(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../SKILL.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
