package operation

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// namedInt is an integer flag that also takes the names of its values:
// Chatwoot stores some enums as numbers that people know by name.
type namedInt struct {
	n     *int64
	names map[string]int64
}

func (v *namedInt) Set(s string) error {
	if n, ok := v.names[s]; ok {
		*v.n = n
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err == nil && v.known(n) {
		*v.n = n
		return nil
	}
	return fmt.Errorf("%q is not one of: %s", s, strings.Join(sortedNames(v.names), ", "))
}

func (v *namedInt) known(n int64) bool {
	for _, m := range v.names {
		if m == n {
			return true
		}
	}
	return false
}

func (v *namedInt) String() string {
	if v.n == nil {
		return "0"
	}
	return strconv.FormatInt(*v.n, 10)
}

// Type is the value name help shows.
func (v *namedInt) Type() string { return "name|number" }

// sortedNames lists each name and its number, in the numbers' order:
// "conversation_attribute|0", "contact_attribute|1" as "name (n)".
func sortedNames(names map[string]int64) []string {
	out := make([]string, 0, len(names))
	for name := range names {
		out = append(out, name)
	}
	sort.Slice(out, func(i, j int) bool { return names[out[i]] < names[out[j]] })
	for i, name := range out {
		out[i] = name + " (" + strconv.FormatInt(names[name], 10) + ")"
	}
	return out
}

// completions are the values shell completion offers for a parameter.
func completions(p api.Param) []string {
	if len(p.Names) == 0 {
		return p.Enum
	}
	out := make([]string, 0, len(p.Names))
	for name := range p.Names {
		out = append(out, name)
	}
	sort.Slice(out, func(i, j int) bool { return p.Names[out[i]] < p.Names[out[j]] })
	return out
}
