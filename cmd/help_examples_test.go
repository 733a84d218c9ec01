package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/spectest"
)

// TestHelpExamplesRunOnTheSandbox runs every `$ woot …` line of every
// command's Example against the embedded sandbox (a fresh demo state per
// command, the command's examples in order), requires exit 0, and checks
// every request against Chatwoot's spec where the route is in it. New
// commands are picked up from the live tree.
//
// A line is a small pipeline: `echo`, `cat FILE`, `< FILE`, `> FILE`,
// `$(cat FILE)`, `VAR=value woot …` and `~/` are understood; the files
// examples read come from testdata/help_examples (~ is its home/); $VARS
// come from exampleEnv. A loopback --to or --forward-to gets a receiver
// that checks what arrives (help_examples_setup_test.go).
//
// Pending lines run too and must still fail, and every pending or exempt
// line must still be in some help: the lists cannot go stale.
func TestHelpExamplesRunOnTheSandbox(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every help example (-short skips it)")
	}
	spec := spectest.Optional(t)
	fixtures, err := filepath.Abs(filepath.Join("testdata", "help_examples"))
	if err != nil {
		t.Fatal(err)
	}
	pending := pendingExamples(t)
	inHelp := map[string]bool{}
	ran := 0
	for _, c := range allCommands(CommandTree()) {
		lines := exampleLines(c.Example)
		if len(lines) == 0 {
			continue
		}
		for _, line := range lines {
			inHelp[line] = true
		}
		t.Run(strings.ReplaceAll(c.CommandPath(), " ", "_"), func(t *testing.T) {
			if reason, ok := exemptCommands[c.CommandPath()]; ok {
				t.Skipf("exempt: %s", reason)
			}
			ex := newExampleRunner(t, spec, fixtures)
			if setup, ok := exampleSetups[c.CommandPath()]; ok {
				setup(ex)
			}
			for _, line := range lines {
				if reason, ok := exemptExamples[line]; ok {
					t.Logf("exempt: %s (%s)", line, reason)
					continue
				}
				if reason, ok := pending[line]; ok {
					// Run it all the same, so the list cannot go stale;
					// bounded, so one that hangs cannot hang the test.
					if err := ex.run(line, pendingBound); err == nil {
						t.Errorf("%s: now runs: delete it from help_examples_pending.tsv", line)
					} else {
						t.Logf("pending: %s (%s): %v", line, reason, err)
					}
					continue
				}
				if err := ex.run(line, time.Minute); err != nil {
					t.Error(err)
				}
				ran++
			}
		})
	}
	if ran == 0 {
		t.Fatal("found no help examples to run")
	}
	for line := range pending {
		if !inHelp[line] {
			t.Errorf("help_examples_pending.tsv: %s is in no command's help: delete it", line)
		}
	}
	for line := range exemptExamples {
		if !inHelp[line] {
			t.Errorf("exemptExamples: %s is in no command's help: delete it", line)
		}
	}
	if spec == nil {
		t.Log("requests were not checked against the spec: ../shared/chatwoot-api is absent (set CHATWOOT_SPEC)")
	}
}

// pendingBound is how long a pending example may run: it is expected to
// fail, and one that waits for something that never comes must not hold
// up the test. A pending line cut short only stays pending.
const pendingBound = 15 * time.Second

// pendingExamples are examples that do not run yet, each with the reason
// (testdata/help_examples_pending.tsv: reason, a tab, the line). Each is
// work left: fix the example, the sandbox or woot, and delete its line.
func pendingExamples(t *testing.T) map[string]string {
	data, err := os.ReadFile(filepath.Join("testdata", "help_examples_pending.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if l == "" {
			continue // none pending
		}
		reason, line, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("help_examples_pending.tsv: %q has no tab between reason and line", l)
		}
		out[line] = reason
	}
	return out
}

// exemptCommands serve until they are stopped: their examples block.
var exemptCommands = map[string]string{
	"woot sandbox serve":    "serves until interrupted (cmd/sandbox tests run it)",
	"woot webhooks receive": "waits for deliveries from a server (cmd/webhooks tests run it)",
}

// exemptExamples cannot run against the embedded sandbox as written.
var exemptExamples = map[string]string{
	`$ echo "$TOKEN" | woot auth login --url https://chat.example.com --account 1 --with-token`:        "logs in to a real server and checks the token there",
	`$ echo "$PLATFORM_TOKEN" | woot auth login --platform --with-token`:                               "checks the platform token against a real server",
	`$ ./convert-helpscout.py | woot conversations import - --journal helpscout.journal`:               "reads the output of the user's own converter script",
	`$ pbpaste | CHATWOOT_WEBHOOK_SECRET="$SECRET" woot verify --timestamp "$TS" --signature "$SIG" -`: "reads the clipboard",
	`$ woot listen --backfill --cable-url wss://chat.example.com/cable`:                                "connects to a real server's websocket",
	// Prompts need a terminal; the tests named run these on one.
	`$ woot auth login`: "asks for the URL and the token on a terminal (cmd/auth TestLoginInteractivePicksAccount; cmd TestCtrlCAtEachLoginPromptSavesNothing on a pty)",
	`$ woot auth login --profile staging --url https://staging.example.com`: "asks for the token on a terminal and checks it with the server at --url (cmd/auth TestLoginOnTerminalWithURLAsksOnlyForTheToken)",
	`$ woot auth switch`: "picks the profile from a menu on a terminal (cmd/auth TestAuthSwitchPicksOnTerminal)",
}

// specErrata are the places where Chatwoot's published spec disagrees with
// the server it describes: a request that breaks the spec only here is
// accepted. Key: "METHOD path-template"; value: a substring of the
// validation error, then why the server is right.
var specErrata = map[string][2]string{
	"GET /api/v1/accounts/{account_id}/contacts/{id}": {`value active: an invalid number`,
		"GET /contacts/active is a route beyond the spec; the spec's router takes it for contacts/{id}"},
	"GET /api/v1/accounts/{account_id}/conversations/{conversation_id}": {`parameter "conversation_id" in path has an error: value `,
		"GET /conversations/search and /conversations/unread_counts are routes beyond the spec; the spec's router takes them for conversations/{conversation_id} (a numeric id never fails here)"},
	"GET /survey/responses/{conversation_uuid}": {`an invalid integer`,
		"the spec types the conversation uuid as an integer; the survey page is found by uuid"},
	"PATCH /api/v1/accounts/{account_id}/agents/{id}": {`missing property 'role'`,
		"the spec requires role on every update; the server changes availability alone (FACTS §10 lists the like)"},
	"POST /api/v1/accounts/{account_id}/contacts": {`missing property 'inbox_id'`,
		"the spec requires inbox_id; the server creates a contact without an inbox (a contact inbox only when one is given)"},
	"POST /api/v1/accounts/{account_id}/conversations": {`missing property 'source_id'`,
		"the spec requires source_id; the server also takes inbox_id and contact_id and makes the contact inbox"},
	"PATCH /api/v1/accounts/{account_id}/inbox_members": {`at '/inbox_id': got number, want string`,
		"the spec types inbox_id as a string here only; the server takes the number (FACTS §10)"},
	"DELETE /api/v1/accounts/{account_id}/inbox_members": {`at '/inbox_id': got number, want string`,
		"as PATCH inbox_members: inbox_id is the inbox's number"},
	"POST /api/v1/accounts/{account_id}/inboxes/{id}/set_agent_bot": {`at '/agent_bot': got null, want number`,
		"null is how the server is told to remove the inbox's bot; the spec allows only a number"},
	"POST /api/v1/accounts/{account_id}/integrations/hooks": {`at '/app_id': got string, want integer`,
		"integration apps are named by string ids (dialogflow, slack); the spec types app_id as an integer"},
	"PUT /api/v1/profile": {`part profile[avatar]: undefined`,
		"the server takes the avatar as a multipart part; the spec describes only a JSON body"},
}

// exampleEnv are the variables examples mention.
var exampleEnv = map[string]string{
	"TOKEN":          "tok-example",
	"PLATFORM_TOKEN": "tok-platform-example",
	"SECRET":         "s3cret",
	// TS is when Chatwoot signed the captured delivery of the fixtures;
	// $SIG, its signature, is computed from them (exampleSignature).
	"TS":   "1767225600",
	"HASH": seededIdentifierHash("user-42"),
}

// exampleLines returns the `$ ` lines of an Example, continuation lines
// (ending in a backslash) joined.
func exampleLines(example string) []string {
	var out []string
	var cur string
	for _, l := range strings.Split(example, "\n") {
		l = strings.TrimSpace(l)
		if cur != "" {
			cur += " " + strings.TrimSuffix(l, `\`)
		} else if strings.HasPrefix(l, "$ ") {
			cur = strings.TrimSuffix(l, `\`)
		} else {
			continue
		}
		if !strings.HasSuffix(l, `\`) {
			out = append(out, strings.Join(strings.Fields(cur), " "))
			cur = ""
		}
	}
	return out
}

type exampleRunner struct {
	t        *testing.T
	spec     *spectest.Spec
	dir      string
	fixtures string
	config   string
	// home is what ~ stands for: a temporary HOME holding the files of
	// testdata/help_examples/home, never the user's own.
	home string
	// env is the environment of every woot run; a line's VAR=value
	// prefix adds to it for that command.
	env map[string]string
	// vars are the shell variables examples mention (exampleEnv and the
	// values computed from the fixtures).
	vars map[string]string
	now  func() time.Time
}

func newExampleRunner(t *testing.T, spec *spectest.Spec, fixtures string) *exampleRunner {
	dir := t.TempDir()
	// Examples write files where they run (--dir acme, --plan merges.json,
	// transcripts/): there, not in the package's source directory.
	t.Chdir(dir)
	e := &exampleRunner{t: t, spec: spec, dir: dir, fixtures: fixtures, config: t.TempDir(), home: t.TempDir(), now: time.Now}
	e.env = map[string]string{"CHATWOOT_URL": "sandbox", "WOOT_CONFIG_DIR": e.config}
	e.vars = map[string]string{}
	for k, v := range exampleEnv {
		e.vars[k] = v
	}
	e.vars["SIG"] = exampleSignature(t, fixtures, e.vars["TS"])
	copyTree(t, filepath.Join(fixtures, "home"), e.home)
	return e
}

// run executes one example line within limit; the error says which woot
// exited non-zero or sent a request that breaks the spec.
func (e *exampleRunner) run(line string, limit time.Duration) error {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for _, part := range strings.Split(strings.TrimPrefix(line, "$ "), " && ") {
		if err := e.runPipeline(ctx, part); err != nil {
			return fmt.Errorf("%s: %w", line, err)
		}
	}
	return nil
}

// runPipeline runs one pipeline of a line.
func (e *exampleRunner) runPipeline(ctx context.Context, part string) error {
	e.t.Helper()
	stages, err := parsePipeline(part, e)
	if err != nil {
		return err
	}
	var stdin []byte
	for _, st := range stages {
		if st.stdinFile != "" {
			if stdin, err = e.file(st.stdinFile); err != nil {
				return err
			}
		}
		var out []byte
		switch st.args[0] {
		case "echo":
			out = []byte(strings.Join(st.args[1:], " ") + "\n")
		case "cat":
			if out, err = e.file(st.args[1]); err != nil {
				return err
			}
		case "woot":
			if out, err = e.woot(ctx, st, stdin); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%q is not something this test can run; fix the example or exempt it with a reason", st.args[0])
		}
		if st.stdoutFile != "" {
			if err := os.WriteFile(filepath.Join(e.dir, st.stdoutFile), out, 0o644); err != nil {
				e.t.Fatal(err)
			}
			out = nil
		}
		stdin = out
	}
	return nil
}

// file reads a file an example names: one an earlier example wrote, else
// the fixture of that name.
func (e *exampleRunner) file(name string) ([]byte, error) {
	if data, err := os.ReadFile(filepath.Join(e.dir, name)); err == nil {
		return data, nil
	}
	data, err := os.ReadFile(filepath.Join(e.fixtures, name))
	if err != nil {
		return nil, fmt.Errorf("the example reads %s: add it to testdata/help_examples", name)
	}
	return data, nil
}

// woot runs one woot invocation in-process on the embedded sandbox.
func (e *exampleRunner) woot(ctx context.Context, st stage, stdin []byte) ([]byte, error) {
	e.t.Helper()
	ios, in, out, errOut := output.Test()
	in.Write(stdin)
	env := map[string]string{}
	for k, v := range e.env {
		env[k] = v
	}
	for k, v := range st.env {
		env[k] = v
	}
	check := &specCheck{spec: e.spec}
	f := &cmdutil.Factory{
		IOStreams:   ios,
		Getenv:      func(k string) string { return env[k] },
		Now:         e.now,
		Sleep:       func(context.Context, time.Duration) error { return nil },
		WrapSandbox: check.wrap,
		// Never the keyring of the machine the test runs on.
		Secrets: config.NoKeyring{},
	}
	args := e.inDir(st.args[1:])
	receivers := e.receivers(args, env)
	code := e.runWoot(ctx, f, args)
	if code != 0 {
		return nil, fmt.Errorf("exit %d\nstderr: %s", code, errOut)
	}
	var problems []string
	for _, r := range receivers {
		problems = append(problems, r.problems()...)
	}
	problems = append(problems, check.problems()...)
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return out.Bytes(), nil
}

// inDir makes the relative file names of args point into the example's
// directory (the test cannot change the process's working directory).
func (e *exampleRunner) inDir(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		at := ""
		if strings.HasPrefix(a, "@") {
			at, a = "@", a[1:]
		}
		if a == "-" || strings.HasPrefix(a, "-") || strings.Contains(a, "/") {
			continue
		}
		ext := filepath.Ext(a)
		if ext == "" || len(ext) > 8 || strings.ContainsAny(a, " =") {
			continue
		}
		if _, err := e.file(a); err == nil || fileFlag(args, i) {
			if data, err := e.file(a); err == nil {
				// 0600: a secret file others can read draws a warning.
				_ = os.WriteFile(filepath.Join(e.dir, a), data, 0o600)
			}
			out[i] = at + filepath.Join(e.dir, a)
		}
	}
	return out
}

// fileFlag reports whether args[i] is the value of a flag that names a
// file to write (the file need not exist yet).
func fileFlag(args []string, i int) bool {
	if i == 0 {
		return false
	}
	switch args[i-1] {
	case "--journal", "--rejects", "--output-file", "--out", "--file":
		return true
	}
	return false
}

// specCheck validates each request the sandbox receives.
type specCheck struct {
	spec *spectest.Spec
	mu   sync.Mutex
	errs []string
}

func (c *specCheck) wrap(next http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		c.validate(r)
		return next.RoundTrip(r)
	})
}

func (c *specCheck) validate(r *http.Request) {
	if c.spec == nil {
		return
	}
	route, _, err := c.spec.FindRoute(r)
	if err != nil {
		return // a route beyond the spec (routes-beyond-spec.tsv)
	}
	err = c.spec.ValidateRequest(r)
	if err == nil {
		return
	}
	key := r.Method + " " + route.Path
	if erratum, ok := specErrata[key]; ok && strings.Contains(err.Error(), erratum[0]) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errs = append(c.errs, fmt.Sprintf("request breaks the spec (%s): %v", key, err))
}

func (c *specCheck) problems() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.errs
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// stage is one command of an example's pipeline.
type stage struct {
	args                  []string
	env                   map[string]string // VAR=value words before the command
	stdinFile, stdoutFile string
}

// parsePipeline splits a shell line into stages, honouring single and
// double quotes, $VAR and $(cat FILE) inside double quotes or bare words,
// ~/ at the start of a word, and VAR=value before a command.
func parsePipeline(line string, e *exampleRunner) ([]stage, error) {
	var stages []stage
	cur := stage{}
	var word bytes.Buffer
	inWord := false
	redirect := ""
	flush := func() {
		if !inWord {
			return
		}
		w := word.String()
		switch redirect {
		case "<":
			cur.stdinFile = w
		case ">":
			cur.stdoutFile = w
		default:
			if k, v, ok := strings.Cut(w, "="); ok && len(cur.args) == 0 && isVarName(k) {
				if cur.env == nil {
					cur.env = map[string]string{}
				}
				cur.env[k] = v
				break
			}
			cur.args = append(cur.args, w)
		}
		word.Reset()
		inWord, redirect = false, ""
	}
	expand := func(s string, i int) (int, error) {
		// s[i] == '$'
		if strings.HasPrefix(s[i:], "$(") {
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				return 0, fmt.Errorf("unclosed $(")
			}
			sub := strings.Fields(s[i+2 : i+end])
			if len(sub) != 2 || sub[0] != "cat" {
				return 0, fmt.Errorf("$(%s) is not understood (only $(cat FILE))", s[i+2:i+end])
			}
			data, err := e.file(sub[1])
			if err != nil {
				return 0, err
			}
			word.WriteString(strings.TrimRight(string(data), "\n"))
			return i + end + 1, nil
		}
		j := i + 1
		for j < len(s) && (s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9') {
			j++
		}
		v, ok := e.vars[s[i+1:j]]
		if !ok {
			return 0, fmt.Errorf("$%s is not in exampleEnv", s[i+1:j])
		}
		word.WriteString(v)
		return j, nil
	}
	for i := 0; i < len(line); {
		ch := line[i]
		switch {
		case ch == ' ':
			flush()
			i++
		case ch == '|' || ch == '<' || ch == '>':
			flush()
			if ch == '|' {
				stages = append(stages, cur)
				cur = stage{}
			} else {
				redirect = string(ch)
			}
			i++
		case ch == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("unclosed single quote")
			}
			word.WriteString(line[i+1 : i+1+end])
			inWord = true
			i += end + 2
		case ch == '"':
			inWord = true
			i++
			for i < len(line) && line[i] != '"' {
				if line[i] == '$' {
					var err error
					if i, err = expand(line, i); err != nil {
						return nil, err
					}
					continue
				}
				if line[i] == '\\' && i+1 < len(line) {
					i++
				}
				word.WriteByte(line[i])
				i++
			}
			if i >= len(line) {
				return nil, fmt.Errorf("unclosed double quote")
			}
			i++
		case ch == '$':
			inWord = true
			var err error
			if i, err = expand(line, i); err != nil {
				return nil, err
			}
		case ch == '~' && !inWord && strings.HasPrefix(line[i:], "~/"):
			word.WriteString(e.home)
			inWord = true
			i++
		case ch == '\\' && i+1 < len(line):
			word.WriteByte(line[i+1])
			inWord = true
			i += 2
		default:
			word.WriteByte(ch)
			inWord = true
			i++
		}
	}
	flush()
	stages = append(stages, cur)
	for _, st := range stages {
		if len(st.args) == 0 {
			return nil, fmt.Errorf("an empty command in the pipeline")
		}
	}
	return stages, nil
}

// isVarName reports whether s can be the name of a shell variable.
func isVarName(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
