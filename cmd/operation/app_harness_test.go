package operation_test

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/spectest"
)

// appCase is one whole-command test of an Application API (or server
// route) operation: the command line as a user types it, the one request
// it must send, Chatwoot's answer, and what woot must print.
type appCase struct {
	command string   // the operation under test, e.g. "contacts get"
	variant string   // names a second case of the same operation
	args    []string // woot's arguments; "{dir}" is replaced by a temporary directory holding files
	files   map[string]string
	stdin   string
	tty     bool

	method, path string
	query        url.Values          // the request's exact query; nil = none
	body         string              // the request's exact JSON body; "" = no body
	form         map[string][]string // a multipart body's exact parts (file parts: their content) instead of body
	// errata says why the spec itself is wrong for this request (the
	// FACTS.md section where there is one): the route is then not validated
	// against the spec, the case's own query and body assertions are the
	// check, and the spec must really reject the request (errataNeeded).
	errata   string
	status   int
	resp     string
	respType string // Content-Type of the answer; "" = JSON

	stdout string // exact stdout
	stderr string // a substring stderr must hold
}

func (tc appCase) name() string {
	if tc.variant != "" {
		return tc.command + " (" + tc.variant + ")"
	}
	return tc.command
}

// appOperations indexes the operations these tests cover by command.
func appOperations() map[string]api.Operation {
	ops := map[string]api.Operation{}
	for _, op := range append(application.Operations(), application.ServerOperations()...) {
		ops[op.Command] = op
	}
	return ops
}

// runAppCases runs each case in its own subtest.
func runAppCases(t *testing.T, cases []appCase) {
	t.Helper()
	ops := appOperations()
	for _, tc := range cases {
		t.Run(tc.name(), func(t *testing.T) { runAppCase(t, ops, tc) })
	}
}

func runAppCase(t *testing.T, ops map[string]api.Operation, tc appCase) {
	t.Helper()
	op, ok := ops[tc.command]
	if !ok {
		t.Fatalf("no operation has the command %q", tc.command)
	}
	h := cmdtest.NewHarness(t)
	h.TTY = tc.tty
	if tc.stdin != "" {
		h.In = bytes.NewBufferString(tc.stdin)
	}
	args := withFiles(t, tc.args, tc.files)
	r := h.Stub.On(tc.method, tc.path, orDefault(tc.status, 200), tc.resp)
	r.BeyondSpec = !op.InSpec || tc.errata != ""
	if tc.respType != "" {
		r.Header = http.Header{"Content-Type": {tc.respType}}
	}
	r.Check = func(req *http.Request, body []byte) error {
		if err := credentialsFor(op)(req); err != nil {
			return err
		}
		if err := sameQuery(req.URL.Query(), tc.query); err != nil {
			return err
		}
		if err := errataNeeded(t, req, body, tc.errata); err != nil {
			return err
		}
		if tc.form != nil {
			return sameMultipart(req, body, tc.form)
		}
		return sameJSONBody(body, tc.body)
	}
	out := h.MustRun(args...)
	if out != tc.stdout {
		t.Errorf("stdout:\n%q\nwant\n%q", out, tc.stdout)
	}
	if !strings.Contains(h.ErrOut.String(), tc.stderr) {
		t.Errorf("stderr lacks %q:\n%s", tc.stderr, h.ErrOut)
	}
	if n := len(h.Stub.Requests()); n != 1 {
		t.Errorf("sent %d requests, want exactly 1", n)
	}
}

// errataNeeded fails a spec exemption the spec does not need: a request
// marked as one the spec wrongly rejects must really be rejected by it.
func errataNeeded(t *testing.T, req *http.Request, body []byte, errata string) error {
	if errata == "" {
		return nil
	}
	spec := spectest.Optional(t)
	if spec == nil {
		return nil
	}
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err := spec.ValidateRequest(r); err == nil {
		return fmt.Errorf("the request conforms to the spec, so the exemption %q is not needed", errata)
	}
	return nil
}

// withFiles writes the case's files into a temporary directory and points
// "{dir}" in the arguments at it.
func withFiles(t *testing.T, args []string, files map[string]string) []string {
	t.Helper()
	if len(files) == 0 {
		return args
	}
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = strings.ReplaceAll(a, "{dir}", dir)
	}
	return out
}

// credentialsFor is the token rule of a family: the user's token in
// Chatwoot's header for the Application API, none for server routes.
func credentialsFor(op api.Operation) func(*http.Request) error {
	if op.Family == api.FamilyServer && op.Credentials == "" {
		return noToken
	}
	return userToken
}

// userToken fails a request that does not carry exactly the user's
// token in Chatwoot's documented header. Values never go in the message:
// test logs are output too.
func userToken(r *http.Request) error {
	// The server sees Go's canonical key (Api_access_token); Get finds it.
	switch got := r.Header.Get("api_access_token"); got {
	case cmdtest.TestToken:
	case "":
		return fmt.Errorf("an Application API request carried no api_access_token header")
	case cmdtest.TestPlatformToken:
		return fmt.Errorf("an Application API request carried the platform app's token")
	default:
		return fmt.Errorf("an Application API request carried an unknown token")
	}
	if r.Header.Get("Authorization") != "" {
		return fmt.Errorf("an Application API request carried an Authorization header as well")
	}
	return nil
}

// sameMultipart compares a multipart/form-data body with the expected
// parts: every part's form name and its content (a file's bytes), in any
// order; repeated names keep their order.
func sameMultipart(r *http.Request, body []byte, want map[string][]string) error {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/form-data" {
		return fmt.Errorf("Content-Type %q, want multipart/form-data", r.Header.Get("Content-Type"))
	}
	got := map[string][]string{}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read multipart body: %v", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return fmt.Errorf("read part %s: %v", part.FormName(), err)
		}
		got[part.FormName()] = append(got[part.FormName()], string(data))
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("multipart parts %v, want %v", got, want)
	}
	return nil
}

// q builds an expected query from key, value pairs; a key may repeat.
func appQuery(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// argv splits a command line on spaces; arguments with spaces are
// appended separately by the caller.
func appArgs(line string, more ...string) []string {
	return append(strings.Fields(line), more...)
}

// operationFor finds the operation a request went to: the template with
// the fewest parameters among those the concrete path matches, so that
// /contacts/search is not taken for /contacts/{id}.
func operationFor(ops []api.Operation, method, path string) (api.Operation, bool) {
	var best api.Operation
	bestParams := -1
	for _, op := range ops {
		if op.Method != method || !templateRE(op.Path).MatchString(path) {
			continue
		}
		n := strings.Count(op.Path, "{")
		if bestParams < 0 || n < bestParams {
			best, bestParams = op, n
		}
	}
	return best, bestParams >= 0
}
