package operation_test

import (
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

func TestCompletionOffersEnumValues(t *testing.T) {
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"conversations", "list", "--status", ""}, []string{"open", "resolved", "pending", "snoozed", "all"}},
		{[]string{"contacts", "list", "-o", ""}, []string{"table", "json", "ndjson", "csv", "tsv", "yaml"}},
		{[]string{"conversations", "set-priority", "7", "--priority", ""}, []string{"urgent", "high", "medium", "low"}},
	}
	for _, tc := range cases {
		h := cmdtest.NewHarness(t)
		out := h.MustRun(append([]string{"__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("completion of %v lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
}
