package cmd_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/sandbox/store"
)

// TestDebugSweepLeaksNoSecret runs every leaf command of the tree against
// the embedded sandbox with --debug and scans what it wrote on stderr (the
// request/response log, notices and errors) for the sandbox's secrets:
// the configured user and platform tokens, agent-bot access tokens,
// webhook and inbox secrets, HMAC tokens and pubsub tokens, the seeded ones
// and those the sweep's own creates drew. It also checks that every secret
// field name the log shows carries a redacted value. Data on stdout is not
// scanned: a user who asks for a bot's token gets it.
func TestDebugSweepLeaksNoSecret(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command; skipped with -short")
	}
	configDir := t.TempDir()
	t.Chdir(t.TempDir()) // examples write their --output-file and exports here
	runs := sweepPlan(t, cmd.CommandTree())
	logs := map[string]string{}
	requests, answered := 0, 0
	var failed []string
	for _, r := range runs {
		stderr, code := runSweep(t, configDir, r)
		if code != 0 && !r.long && r.fallback != nil {
			// The example's ids may not exist here: try the seeded ones too.
			more, again := runSweep(t, configDir, sweepRun{label: r.label, args: r.fallback, env: map[string]string{}})
			stderr, code = stderr+more, again
		}
		logs[r.label] = stderr
		if strings.Contains(stderr, "\n> ") || strings.HasPrefix(stderr, "> ") {
			requests++
		}
		if strings.Contains(stderr, "\n< 2") || strings.HasPrefix(stderr, "< 2") {
			answered++
		}
		if code != 0 && !r.long {
			failed = append(failed, fmt.Sprintf("%s (exit %d)", strings.Join(r.args, " "), code))
		}
	}
	// The sweep is only worth something if the server answered most runs.
	t.Logf("%d leaf commands run: %d sent requests, %d got a 2xx answer, %d exited non-zero", len(runs), requests, answered, len(failed))
	if answered < len(runs)*2/3 {
		t.Fatalf("only %d of %d runs got a 2xx answer; the sweep exercised too little. Failed runs:\n  %s",
			answered, len(runs), strings.Join(failed, "\n  "))
	}

	secrets := knownSecrets(t, filepath.Join(configDir, "sandbox.json"))
	labels := make([]string, 0, len(logs))
	for l := range logs {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	shown := map[string]bool{}
	for _, label := range labels {
		log := logs[label]
		for _, s := range secrets {
			if strings.Contains(log, s.value) {
				t.Errorf("%s: the debug output shows %s %q:\n%s", label, s.kind, s.value, excerpt(log, s.value))
			}
		}
		for _, m := range secretFieldInLog.FindAllStringSubmatch(log, -1) {
			shown[m[1]] = true
			if v := m[3]; v != `"[redacted]"` && v != "null" && v != `""` {
				t.Errorf("%s: field %q logged with the value %s", label, m[1], v)
			}
		}
		for _, m := range secretParamInLog.FindAllStringSubmatch(log, -1) {
			if m[2] != "[redacted]" && m[2] != "%5Bredacted%5D" {
				t.Errorf("%s: parameter %q logged with the value %s", label, m[1], m[2])
			}
		}
	}
	// The scan must have met the fields it guards, redacted.
	for _, field := range []string{"access_token", "pubsub_token", "secret", "hmac_token"} {
		if !shown[field] {
			t.Errorf("no debug log showed the field %q at all: the sweep did not reach it", field)
		}
	}
}

// secretFieldInLog finds "key": value pairs whose key names a credential.
var secretFieldInLog = regexp.MustCompile(`"(access_token|pubsub_token|secret|hmac_token|webhook_secret|[a-z_]+_token|[a-z_]+_secret)"(\s*:\s*)("(?:[^"\\]|\\.)*"|null|-?[0-9]+)`)

// secretParamInLog finds name=value query or form parameters whose name
// names a credential.
var secretParamInLog = regexp.MustCompile(`[?&\s](access_token|pubsub_token|secret|hmac_token|api_access_token|[a-z_]+_token|[a-z_]+_secret)=([^&\s"]*)`)

type sweepRun struct {
	label string // the command path, for messages
	args  []string
	env   map[string]string
	// fallback is the minimal invocation, tried when the example fails
	fallback []string
	long     bool // runs until stopped (listen, receive, serve)
}

// sweepPlan makes one invocation per leaf: its first help example when
// that is a plain command line, else the command with a placeholder per
// positional argument. Destructive commands run last so the rest find
// the seeded records.
func sweepPlan(t *testing.T, root *cobra.Command) []sweepRun {
	var runs, last []sweepRun
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" || c.Name() == "__complete" {
			return
		}
		if subs := c.Commands(); len(subs) > 0 {
			for _, sub := range subs {
				walk(sub)
			}
			return
		}
		if !c.Runnable() {
			return
		}
		r := planFor(c)
		if r.label == "woot sandbox reset" {
			return // would throw away the state the scan reads
		}
		if destructive(c.Name()) {
			last = append(last, r)
		} else {
			runs = append(runs, r)
		}
	}
	walk(root)
	if len(runs)+len(last) < 100 {
		t.Fatalf("only %d leaf commands found in the tree", len(runs)+len(last))
	}
	return append(runs, last...)
}

func destructive(name string) bool {
	for _, w := range []string{"delete", "remove", "destroy", "logout", "reset", "unassign", "clear"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

func planFor(c *cobra.Command) sweepRun {
	path := strings.Fields(c.CommandPath())
	r := sweepRun{label: c.CommandPath(), env: map[string]string{}}
	minimal := append(slices.Clip(path[1:]), placeholders(c.Use)...)
	if args, env, ok := firstPlainExample(c.Example, path); ok {
		r.args, r.env, r.fallback = args, env, withSweepFlags(c, minimal)
	} else {
		r.args = minimal
	}
	r.args = withSweepFlags(c, r.args)
	switch r.label {
	case "woot listen", "woot webhooks receive", "woot sandbox serve":
		r.long = true
	}
	return r
}

// withSweepFlags confirms deletes (no terminal to ask on) and keeps
// servers on a free port.
func withSweepFlags(c *cobra.Command, args []string) []string {
	args = slices.Clip(args)
	if c.Flags().Lookup("yes") != nil && !slices.Contains(args, "--yes") {
		args = append(args, "--yes")
	}
	if c.Flags().Lookup("addr") != nil && !slices.Contains(args, "--addr") {
		args = append(args, "--addr", "127.0.0.1:0")
	}
	return args
}

// firstPlainExample returns the first example line that is one woot
// command with no shell syntax and no host beyond this machine, split into
// words (quotes honoured) and leading VAR=value assignments.
func firstPlainExample(example string, path []string) (args []string, env map[string]string, ok bool) {
	for _, line := range strings.Split(example, "\n") {
		line = strings.TrimSpace(line)
		rest, found := strings.CutPrefix(line, "$ ")
		if !found || strings.ContainsAny(rest, "|<>$`;&\\") {
			continue
		}
		words, good := shellWords(rest)
		if !good {
			continue
		}
		env = map[string]string{}
		for len(words) > 0 && strings.Contains(words[0], "=") && words[0] != "woot" {
			k, v, _ := strings.Cut(words[0], "=")
			env[k] = v
			words = words[1:]
		}
		if len(words) < len(path) || words[0] != "woot" || !slices.Equal(nonFlags(words)[:len(path)], path) || reachesOut(words) {
			continue
		}
		return words[1:], env, true
	}
	return nil, nil, false
}

// nonFlags drops global flags that may come before the command path.
func nonFlags(words []string) []string {
	var out []string
	for _, w := range words {
		if w == "--sandbox" || w == "--debug" {
			continue
		}
		out = append(out, w)
	}
	return append(out, make([]string, 8)...) // so slicing to len(path) never panics
}

// reachesOut reports an argument naming a host other than this machine:
// the sweep sends nothing off it.
func reachesOut(words []string) bool {
	for _, w := range words {
		_, v, _ := strings.Cut(w, "=")
		for _, s := range []string{w, v} {
			if !strings.Contains(s, "://") {
				continue
			}
			u, err := url.Parse(s)
			if err != nil {
				return true
			}
			if h := u.Hostname(); h != "127.0.0.1" && h != "localhost" && h != "::1" {
				return true
			}
		}
	}
	return false
}

// shellWords splits a command line as sh would for plain words and quotes.
func shellWords(s string) ([]string, bool) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '\'' || ch == '"':
			j := strings.IndexByte(s[i+1:], ch)
			if j < 0 {
				return nil, false
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case ch == ' ' || ch == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, true
}

// placeholders gives "1" for each positional argument named in Use
// ("get ID", "trigger EVENT --to URL" gives one); ids 1 exist in the seed.
func placeholders(use string) []string {
	var out []string
	for _, w := range strings.Fields(use)[1:] {
		if strings.HasPrefix(w, "-") {
			break
		}
		if strings.HasPrefix(w, "[") {
			continue
		}
		out = append(out, "1")
	}
	return out
}

// runSweep runs one invocation in-process on the embedded sandbox and
// returns its stderr. A command that runs until stopped is stopped after
// a moment, as Ctrl-C would.
func runSweep(t *testing.T, configDir string, r sweepRun) (stderr string, code int) {
	t.Helper()
	ios, _, _, _ := output.Test() // stdin empty: a command reading it sees EOF
	// Like a real stderr, safe for the goroutines of one command (parallel
	// pages, a server's handlers) to write at once.
	errOut := &lockedBuffer{}
	ios.ErrOut = errOut
	env := map[string]string{"WOOT_CONFIG_DIR": configDir}
	for k, v := range r.env {
		env[k] = v
	}
	f := &cmdutil.Factory{
		IOStreams: ios,
		Getenv:    func(k string) string { return env[k] },
		Now:       time.Now,
		Sleep:     func(context.Context, time.Duration) error { return nil },
	}
	bound := 60 * time.Second // a hang is a failure, not a wait
	if r.long {
		bound = 2 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	args := append([]string{"--sandbox", "--debug"}, r.args...)
	done := make(chan int, 1)
	go func() { done <- cmd.Run(ctx, f, args) }()
	select {
	case code = <-done:
	case <-time.After(bound + 30*time.Second):
		t.Fatalf("woot %s did not stop after its context ended", strings.Join(args, " "))
	}
	if !r.long && ctx.Err() != nil {
		t.Errorf("woot %s ran for %s", strings.Join(args, " "), bound)
	}
	return errOut.String(), code
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type knownSecret struct{ kind, value string }

// knownSecrets reads every credential the sandbox holds: the seed's, then
// those in the state file and its journal after the sweep (created bots,
// webhooks and inboxes draw new ones).
func knownSecrets(t *testing.T, statePath string) []knownSecret {
	t.Helper()
	seed, err := json.Marshal(store.Seed("demo", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	sources := [][]byte{seed}
	for _, p := range []string{statePath, statePath + ".wal"} {
		if b, err := os.ReadFile(p); err == nil {
			sources = append(sources, b)
		}
	}
	field := regexp.MustCompile(`"(access_token|pubsub_token|secret|hmac_token|webhook_secret|token)"\s*:\s*"([^"\\]{4,})"`)
	seen := map[string]bool{}
	var out []knownSecret
	add := func(kind, v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, knownSecret{kind, v})
		}
	}
	for _, src := range sources {
		for _, m := range field.FindAllSubmatch(src, -1) {
			add(string(m[1]), string(m[2]))
		}
	}
	for kind, v := range map[string]string{
		"user token": store.SeedUserToken, "platform token": store.SeedPlatformToken, "agent-bot token": store.SeedAgentBotToken,
		"hmac token": store.SeedHMACToken, "webhook secret": store.SeedWebhookSecret, "pubsub token": store.SeedPubsubToken,
	} {
		add(kind, v)
	}
	if len(out) < 10 {
		t.Fatalf("found only %d secrets in the sandbox's state; the scan would prove little", len(out))
	}
	return out
}

// excerpt shows the lines around the first occurrence of s.
func excerpt(log, s string) string {
	i := strings.Index(log, s)
	from := strings.LastIndexByte(log[:max(0, i-200)], '\n') + 1
	to := min(len(log), i+len(s)+200)
	return fmt.Sprintf("…%s…", log[from:to])
}
