package operation

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// Start-up builds only what one command line needs. The root picks the
// top-level command by the first word (root.go); below it, an operation
// named by the command line is built in full while its siblings become
// stubs that carry only what their parent's help lists. Building every
// leaf with all its flags was most of the time of `woot contacts list --help`.

// commandWords are the positional words of a command line: flags and the
// values of global flags skipped, and a leading "help" dropped, so
// `woot help contacts list` and `woot contacts list --help` agree.
func CommandWords(args []string) []string {
	var words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return words
		case cmdutil.IsGlobalValueFlag(a):
			i++
		case strings.HasPrefix(a, "-"):
		default:
			words = append(words, a)
		}
	}
	if len(words) > 0 && words[0] == "help" {
		words = words[1:]
	}
	return words
}

// wantsInFull reports whether the command at path (its words after
// "woot") must be built in full for a command line of the given words.
// It must, unless the line names a different command that exists at some
// level (known holds every path of every operation being built): an
// unknown word, a missing word or a hand-written sibling all keep it full,
// so a stub is never what runs.
func WantsInFull(path, words []string, known map[string]bool) bool {
	if words == nil {
		return true
	}
	for i := 1; i < len(path); i++ {
		if i >= len(words) {
			return true
		}
		if words[i] == path[i] {
			continue
		}
		return !known[strings.Join(words[:i+1], " ")]
	}
	return true
}

// operationPaths lists every command path, leaves and the nouns above them.
func operationPaths(ops []api.Operation) map[string]bool {
	known := map[string]bool{}
	for _, op := range ops {
		words := strings.Fields(op.Command)
		for i := 1; i <= len(words); i++ {
			known[strings.Join(words[:i], " ")] = true
		}
	}
	return known
}

// addOperations adds each operation under parent, which is the command of
// the first depth words of their paths.
func addOperations(f *cmdutil.Factory, parent *cobra.Command, ops []api.Operation, depth int) {
	known := operationPaths(ops)
	named := deepestKnown(f.CommandWords, known)
	for _, op := range ops {
		words := strings.Fields(op.Command)
		var leaf *cobra.Command
		switch {
		case WantsInFull(words, f.CommandWords, known):
			leaf = newOperationCmd(f, op, nil)
		case below(words, named):
			leaf = stubOperationCmd(op)
		default:
			continue // neither run nor listed in the help of this line
		}
		addUnder(parent, words[depth:len(words)-1], leaf)
	}
	RefreshNounShorts(parent)
}

// deepestKnown is the longest start of words that is a known command path:
// the command this line runs or whose help it prints.
func deepestKnown(words []string, known map[string]bool) []string {
	for n := len(words); n > 0; n-- {
		if known[strings.Join(words[:n], " ")] {
			return words[:n]
		}
	}
	return nil
}

// below reports whether path lies under the command named: a stub is
// needed only where the help of that command lists it (its children, and
// the children of its sub-nouns, which name their verbs).
func below(path, named []string) bool {
	return len(named) > 0 && len(path) > len(named) && slices.Equal(path[:len(named)], named)
}

// addUnder adds leaf below parent, creating the intermediate nouns.
func addUnder(parent *cobra.Command, nouns []string, leaf *cobra.Command) {
	for _, w := range nouns {
		sub := cmdutil.FindSub(parent, w)
		if sub == nil {
			sub = GroupCmd(w, "")
			sub.Annotations = map[string]string{subNounAnnotation: "true"}
			parent.AddCommand(sub)
		}
		parent = sub
	}
	parent.AddCommand(leaf)
}

// stubOperationCmd stands in for an operation this command line does not
// run: its parent's help lists its name and summary.
func stubOperationCmd(op api.Operation) *cobra.Command {
	words := strings.Fields(op.Command)
	return &cobra.Command{
		Use:   words[len(words)-1],
		Short: op.Short,
		RunE: func(c *cobra.Command, _ []string) error {
			return fmt.Errorf("internal error: %s was not built for this command line; please report it", c.CommandPath())
		},
	}
}

// subNounAnnotation marks a noun below another noun (`conversations
// labels`, `client contacts`): its summary names the verbs it has, never
// the top-level noun's, which promises verbs it may not have.
const subNounAnnotation = "woot-subnoun"

// RefreshNounShorts sets the summary of every sub-noun below c from the
// commands it holds; call it again after commands are merged in.
func RefreshNounShorts(c *cobra.Command) {
	for _, sub := range c.Commands() {
		RefreshNounShorts(sub)
		if sub.Annotations[subNounAnnotation] == "" {
			continue
		}
		var verbs []string
		for _, v := range sub.Commands() {
			if v.IsAvailableCommand() || v.Annotations[subNounAnnotation] != "" {
				verbs = append(verbs, v.Name())
			}
		}
		sort.Strings(verbs)
		name := strings.ReplaceAll(sub.Name(), "-", " ")
		sub.Short = strings.ToUpper(name[:1]) + name[1:] + ": " + strings.Join(verbs, ", ")
	}
}
