package cmdutil

import (
	"reflect"
	"testing"

	"github.com/spf13/pflag"
)

// listFlag must parse exactly as pflag's StringSlice does, which it replaces.
func TestListFlagParsesLikeStringSlice(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"--x", "a"},
		{"--x", "a,b", "--x", "c"},
		{"--x", `"a,b",c`},
		{"--x", ""},
		{"--x=a", "--x=", "--x=b"},
	} {
		ours, theirs := pflag.NewFlagSet("ours", pflag.ContinueOnError), pflag.NewFlagSet("theirs", pflag.ContinueOnError)
		var got, want []string
		StringListVar(ours, &got, "x", "")
		theirs.StringSliceVar(&want, "x", nil, "")
		if err := ours.Parse(args); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		if err := theirs.Parse(args); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%q: got %q, StringSlice gives %q", args, got, want)
		}
		o, p := ours.Lookup("x"), theirs.Lookup("x")
		if len(want) > 0 && o.Value.String() != p.Value.String() || o.Value.Type() != p.Value.Type() {
			t.Errorf("%q: String/Type %q/%q, StringSlice %q/%q", args, o.Value.String(), o.Value.Type(), p.Value.String(), p.Value.Type())
		}
	}
	var bad []string
	fs := pflag.NewFlagSet("bad", pflag.ContinueOnError)
	StringListVar(fs, &bad, "x", "")
	if err := fs.Parse([]string{"--x", `"unterminated`}); err == nil {
		t.Error("an unterminated quote parsed without error")
	}
}
