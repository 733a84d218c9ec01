package cmd_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/wootcli/woot/cmd"
)

// TestHelpTextOfTheWholeTree catches, in every command's help, what issue
// 13 item 5 found by reading it:
//   - a back-quoted phrase in a flag's usage becomes its value name
//     (pflag.UnquoteUsage): "--user-id woot platform users create";
//   - a noun below another noun reuses a top-level noun's summary, which
//     promises verbs it does not have ("woot client contacts": merge, notes);
//   - a flag's usage says "repeatable" twice.
func TestHelpTextOfTheWholeTree(t *testing.T) {
	paren := regexp.MustCompile(`\(([^()]*)\)`)
	root := cmd.CommandTree()
	tops := map[string]string{}
	for _, top := range root.Commands() {
		tops[top.Short] = top.CommandPath()
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			if name, _ := pflag.UnquoteUsage(fl); strings.ContainsAny(name, " ") {
				t.Errorf("%s --%s: its value name is %q (a back-quoted phrase in the usage)", c.CommandPath(), fl.Name, name)
			}
			n := 0
			for _, p := range paren.FindAllStringSubmatch(fl.Usage, -1) {
				n += strings.Count(p[1], "repeatable")
			}
			if n > 1 {
				t.Errorf("%s --%s: says repeatable %d times: %s", c.CommandPath(), fl.Name, n, fl.Usage)
			}
		})
		if c.HasParent() && c.Parent() != root && c.HasSubCommands() {
			if top, ok := tops[c.Short]; ok && top != c.CommandPath() {
				t.Errorf("%s reuses the summary of %s: %q", c.CommandPath(), top, c.Short)
			}
			if _, verbs, ok := strings.Cut(c.Short, ": "); ok && c.Annotations["woot-subnoun"] != "" {
				for _, v := range strings.Split(verbs, ", ") {
					if sub, _, err := c.Find([]string{v}); err != nil || sub == c {
						t.Errorf("%s promises %q in its summary %q but has no such command", c.CommandPath(), v, c.Short)
					}
				}
			}
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}
