package application

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/api"
)

func firstWord(op api.Operation) string {
	w, _, _ := strings.Cut(op.Command, " ")
	return w
}

// Nouns and OperationsOf are shortcuts for start-up; they must agree with
// the full tables they avoid building.
func TestNounsMatchTheTables(t *testing.T) {
	all := append(Operations(), ServerOperations()...)
	var want []string
	for _, op := range all {
		if !slices.Contains(want, firstWord(op)) {
			want = append(want, firstWord(op))
		}
	}
	if got := Nouns(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Nouns() = %q\nthe tables give %q", got, want)
	}
	for _, tb := range tables() {
		for _, op := range tb.ops() {
			if !slices.Contains(tb.nouns, firstWord(op)) {
				t.Errorf("%q is in a table declared for %q", op.Command, tb.nouns)
			}
		}
	}
	for _, noun := range want {
		var filtered []api.Operation
		for _, op := range all {
			if firstWord(op) == noun {
				filtered = append(filtered, op)
			}
		}
		if got := OperationsOf(noun); !reflect.DeepEqual(commands(got), commands(filtered)) || !reflect.DeepEqual(families(got), families(filtered)) {
			t.Errorf("OperationsOf(%q) = %q, want %q", noun, commands(got), commands(filtered))
		}
	}
	if got := OperationsOf("no-such-noun"); len(got) != 0 {
		t.Errorf("OperationsOf(unknown) = %q, want none", commands(got))
	}
}

func commands(ops []api.Operation) []string {
	var out []string
	for _, op := range ops {
		out = append(out, op.Command)
	}
	return out
}

func families(ops []api.Operation) []api.Family {
	var out []api.Family
	for _, op := range ops {
		out = append(out, op.Family)
	}
	return out
}
