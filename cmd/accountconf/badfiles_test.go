package accountconf_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/cmdutil"
)

// A file that does not parse, an unknown kind or field, a dangling
// reference or a missing ${ENV}: exit 2 naming file, line and fix, with
// no request sent at all.
func TestConfigBadFilesExitTwoBeforeAnyRequest(t *testing.T) {
	cases := []struct {
		name, file, content string
		want                []string
	}{
		{"YAML syntax error", "labels.yaml", "kind: labels\nitems:\n  - title: billing\n    color: [\"#fff\"\n",
			[]string{"labels.yaml:", "not valid YAML"}},
		{"unknown field", "labels.yaml", "kind: labels\nitems:\n  - title: billing\n    colour: '#ffffff'\n",
			[]string{"labels.yaml:4:", `unknown field "colour"`, "color"}},
		{"unknown kind", "widgets.yaml", "kind: widgets\nitems: []\n",
			[]string{"widgets.yaml:1:", `unknown kind "widgets"`, "labels"}},
		{"dangling reference", "teams.yaml", "kind: teams\nitems:\n  - name: sales\n    members:\n      - nobody@acme.test\n",
			[]string{"teams.yaml:4:", `agent "nobody@acme.test", which does not exist`, "agents.yaml"}},
		{"missing environment variable", "webhooks.yaml", "kind: webhooks\nitems:\n  - url: ${HOOK_URL}\n    name: Hook\n",
			[]string{"webhooks.yaml:3:", "HOOK_URL", "export HOOK_URL="}},
		{"secret written in clear", "inboxes.yaml", "kind: inboxes\nitems:\n  - name: Mail\n    channel_type: email\n    imap_password: hunter2\n",
			[]string{"inboxes.yaml:5:", "secret", "${ENV_VAR}"}},
		{"article front matter", "articles/acme-help/a.md", "---\ntitle: A\nwho: me\n---\nBody\n",
			[]string{"articles/acme-help/a.md:3:", `unknown field "who"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newConfSandbox(t)
			h := s.harness(t)
			dir := filepath.Join(t.TempDir(), "acme")
			h.MustRun("config", "export", "--dir", dir, "--only", "agents")
			writeFile(t, filepath.Join(dir, filepath.FromSlash(tc.file)), tc.content)
			s.counts()
			for _, args := range [][]string{{"config", "apply", "-f", dir}, {"config", "diff", "-f", dir}} {
				if code := h.Run(args...); code != cmdutil.ExitUsage {
					t.Fatalf("%v: exit %d, want %d\nstderr: %s", args, code, cmdutil.ExitUsage, h.ErrOut)
				}
				for _, want := range tc.want {
					if !strings.Contains(h.ErrOut.String(), want) {
						t.Errorf("%v: stderr lacks %q:\n%s", args, want, h.ErrOut)
					}
				}
			}
			if n, _ := s.counts(); n != 0 {
				t.Errorf("%d requests were sent for a bad file, want none", n)
			}
			if _, err := os.Stat(dir + ".journal"); !os.IsNotExist(err) {
				t.Errorf("a rejected apply wrote a journal (stat: %v)", err)
			}
		})
	}
}

// A reference to an object that neither the files nor the server have is
// found before any change is sent, even when its kind is not in the files.
func TestConfigReferenceCheckedAgainstServer(t *testing.T) {
	s := newConfSandbox(t)
	h := s.harness(t)
	dir := filepath.Join(t.TempDir(), "acme")
	writeFile(t, filepath.Join(dir, "macros.yaml"), "kind: macros\nitems:\n  - name: Escalate\n    actions:\n      - action_name: assign_team\n        action_params: [escalations]\n")
	s.counts()
	if code := h.Run("config", "apply", "-f", dir); code != cmdutil.ExitUsage {
		t.Fatalf("exit %d, want %d\n%s", code, cmdutil.ExitUsage, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), `macros.yaml:4: macro "Escalate" refers in "actions" to team "escalations"`) {
		t.Errorf("stderr: %s", h.ErrOut)
	}
	if _, sent := s.counts(); len(sent) != 0 {
		t.Errorf("changes were sent: %v", sent)
	}
}

// A 422 names the object and the field; the rest of the plan continues
// unless --fail-fast, and the exit code is 5.
func TestConfigRejectionContinuesUnlessFailFast(t *testing.T) {
	s := newConfSandbox(t)
	s.skipSpec() // the role is invalid on purpose, for the server to reject
	h := s.harness(t)
	dir := filepath.Join(t.TempDir(), "acme")
	writeFile(t, filepath.Join(dir, "agents.yaml"), "kind: agents\nitems:\n  - email: zed@acme.test\n    name: Zed\n    role: overlord\n")
	writeFile(t, filepath.Join(dir, "labels.yaml"), "kind: labels\nitems:\n  - title: later\n    color: '#123456'\n")
	for _, tc := range []struct {
		flag   string
		labels bool
	}{{"--fail-fast", false}, {"", true}} {
		args := []string{"config", "apply", "-f", dir}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		if code := h.Run(args...); code != cmdutil.ExitValidation {
			t.Fatalf("%v: exit %d, want %d\n%s", args, code, cmdutil.ExitValidation, h.ErrOut)
		}
		if !strings.Contains(h.ErrOut.String(), `create agent "zed@acme.test"`) || !strings.Contains(h.ErrOut.String(), "role") {
			t.Errorf("%v: the rejection does not name the object and field:\n%s", args, h.ErrOut)
		}
		out := h.MustRun("labels", "list", "--jq", ".[].title")
		if strings.Contains(out, "later") != tc.labels {
			t.Errorf("%v: label created = %v, want %v", args, !tc.labels, tc.labels)
		}
	}
}
