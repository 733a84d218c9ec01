package operation_test

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/application"
)

// sandboxCase runs one command on a fresh embedded sandbox with --debug
// and checks the request woot sent (method, path, the body's top-level
// keys) and the shape of what it printed with -o json.
type sandboxCase struct {
	command  string   // the operation under test
	args     []string // after "woot --sandbox --debug -o json"
	method   string
	path     string   // request path, without the query
	query    []string // query keys that must be sent
	bodyKeys []string // the JSON body's exact top-level keys; nil = no body
	keys     []string // keys every printed object has (each element of a printed array)
	want     string   // a jq-free check: this text must be in stdout
}

const sbV1 = "/api/v1/accounts/1"

func TestCaptainCommandsOnTheSandbox(t *testing.T) {
	runSandboxCases(t, captainSandboxCases())
}

func TestCompanyCommandsOnTheSandbox(t *testing.T) { runSandboxCases(t, companySandboxCases()) }

func TestMonitorCommandsOnTheSandbox(t *testing.T) { runSandboxCases(t, monitorSandboxCases()) }

// allSandboxCases are the whole-command cases that run on the sandbox;
// TestAppEveryOperationHasAWholeCommandTest counts them too.
func allSandboxCases() []sandboxCase {
	return append(append(captainSandboxCases(), companySandboxCases()...), monitorSandboxCases()...)
}

// Every captain, companies and monitors command has a sandbox case.
func TestCaptainCompanyMonitorCasesCoverEveryCommand(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range allSandboxCases() {
		covered[tc.command] = true
	}
	n := 0
	for _, op := range application.Operations() {
		noun, _, _ := strings.Cut(op.Command, " ")
		if noun != "captain" && noun != "companies" && noun != "monitors" {
			continue
		}
		n++
		if !covered[op.Command] {
			t.Errorf("%s: no sandbox case", op.Command)
		}
		if op.InSpec {
			t.Errorf("%s: marked InSpec, but Chatwoot's spec has no such route", op.Command)
		}
	}
	if n < 70 {
		t.Fatalf("only %d captain, companies and monitors commands", n)
	}
}

func runSandboxCases(t *testing.T, cases []sandboxCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.command, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			args := append([]string{"--sandbox", "--debug", "-o", "json"}, tc.args...)
			if code := h.Run(args...); code != 0 {
				t.Fatalf("woot %s: exit %d\n%s", strings.Join(tc.args, " "), code, h.ErrOut)
			}
			checkDebugRequest(t, h.ErrOut.String(), tc)
			checkPrintedShape(t, h.Out.String(), tc)
		})
	}
}

// checkDebugRequest finds the request in --debug's trace: "> METHOD URL",
// header lines, a bare ">" line, then the body when there is one.
func checkDebugRequest(t *testing.T, trace string, tc sandboxCase) {
	t.Helper()
	lines := strings.Split(trace, "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "> "+tc.method+" ") })
	if start < 0 {
		t.Fatalf("no %s request in the trace:\n%s", tc.method, trace)
	}
	u, err := url.Parse(strings.TrimPrefix(lines[start], "> "+tc.method+" "))
	if err != nil {
		t.Fatalf("request line %q: %v", lines[start], err)
	}
	if u.Path != tc.path {
		t.Errorf("path %s, want %s", u.Path, tc.path)
	}
	for _, k := range tc.query {
		if !u.Query().Has(k) {
			t.Errorf("query %q lacks %s", u.RawQuery, k)
		}
	}
	body := ""
	for _, l := range lines[start+1:] {
		if strings.HasPrefix(l, "<") {
			break
		}
		if !strings.HasPrefix(l, ">") {
			body = l
			break
		}
	}
	if tc.bodyKeys == nil {
		if body != "" {
			t.Errorf("sent a body %s, want none", body)
		}
		return
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("body %q is not a JSON object: %v", body, err)
	}
	var got []string
	for k := range m {
		got = append(got, k)
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(tc.bodyKeys))
	if !slices.Equal(got, want) {
		t.Errorf("body keys %v, want %v (body %s)", got, want, body)
	}
}

func checkPrintedShape(t *testing.T, out string, tc sandboxCase) {
	t.Helper()
	if tc.want != "" && !strings.Contains(out, tc.want) {
		t.Errorf("stdout lacks %q:\n%s", tc.want, out)
	}
	if len(tc.keys) == 0 {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	items, isList := v.([]any)
	if !isList {
		items = []any{v}
	}
	if len(items) == 0 {
		t.Fatalf("printed an empty list; the demo seed has rows here")
	}
	for i, it := range items {
		o, ok := it.(map[string]any)
		if !ok {
			t.Fatalf("item %d is %T, want an object", i, it)
		}
		for _, k := range tc.keys {
			if _, ok := o[k]; !ok {
				t.Errorf("item %d lacks %q: %v", i, k, o)
			}
		}
	}
}
