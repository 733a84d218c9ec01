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
		{[]string{"custom-attributes", "list", "--attribute-model", ""}, []string{"conversation_attribute", "contact_attribute"}},
		{[]string{"custom-attributes", "create", "--attribute-model", ""}, []string{"conversation_attribute", "contact_attribute"}},
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

// TestNamedValueRejectsUnknownWords: a word that is neither a name nor a
// number of the enum is a usage error before anything is sent.
func TestNamedValueRejectsUnknownWords(t *testing.T) {
	for _, v := range []string{"contact", "2", "-1"} {
		h := cmdtest.NewHarness(t)
		if code := h.Run("custom-attributes", "list", "--attribute-model", v); code != 2 {
			t.Errorf("--attribute-model %s: exit %d, want 2; stderr: %s", v, code, h.ErrOut)
		}
		if !strings.Contains(h.ErrOut.String(), "contact_attribute (1)") {
			t.Errorf("--attribute-model %s: the error does not list the names: %s", v, h.ErrOut)
		}
	}
}
