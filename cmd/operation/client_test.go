package operation_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
	"github.com/wootcli/woot/pkg/spectest"
)

// Identities of the Client API tests: an API inbox and a contact inbox's
// source_id, in the shapes Chatwoot generates.
const (
	testInbox    = "Jzk3Ym1ZZ2p3V1hZ"
	testSourceID = "5e3f7c1a-8d2b-4c6e-9f0a-1b2c3d4e5f60"
	testPubsub   = "pX9rT4vKq2mN8sLw3hJd6bYc"
	testConvUUID = "0f8e2d3c-5b7a-4e61-9c2d-8a1b3c4d5e6f"
	inboxURL     = "/public/api/v1/inboxes/" + testInbox
	contactURL   = inboxURL + "/contacts/" + testSourceID
)

// opCase is one whole-command test of a generated operation: the command
// line, the one request it must send, the answer, and what it must print.
type opCase struct {
	command string            // the operation under test, e.g. "client contacts get"
	args    []string          // woot's arguments
	env     map[string]string // extra environment
	stdin   string
	tty     bool

	method, path string
	query        url.Values // the request's exact query; nil = none
	body         string     // the request's exact JSON body; "" = no body
	status       int        // 0 = 200
	resp         string
	beyond       bool // a route beyond Chatwoot's spec: not validated by the stub

	stdout string // exact stdout
	stderr string // a substring stderr must hold
}

// runOpCase runs one case through the harness; auth checks the request's
// credentials the way its family demands.
func runOpCase(t *testing.T, tc opCase, auth func(*http.Request) error) {
	t.Helper()
	h := cmdtest.NewHarness(t)
	for k, v := range tc.env {
		h.Env[k] = v
	}
	if tc.stdin != "" {
		h.In = bytes.NewBufferString(tc.stdin)
	}
	h.TTY = tc.tty
	r := h.Stub.On(tc.method, tc.path, orDefault(tc.status, 200), tc.resp)
	r.BeyondSpec = tc.beyond
	r.Check = func(req *http.Request, body []byte) error {
		if err := auth(req); err != nil {
			return err
		}
		if err := sameQuery(req.URL.Query(), tc.query); err != nil {
			return err
		}
		return sameJSONBody(body, tc.body)
	}
	out := h.MustRun(tc.args...)
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

func orDefault(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// sameQuery compares a request's query with the expected one exactly: a
// parameter too many is as wrong as one missing.
func sameQuery(got, want url.Values) error {
	if len(got) == 0 && len(want) == 0 {
		return nil
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("query %v, want %v", got, want)
	}
	return nil
}

// sameJSONBody compares a request body with the expected JSON by value
// (key order and spacing do not matter); want "" means no body at all.
func sameJSONBody(got []byte, want string) error {
	if want == "" {
		if len(got) != 0 {
			return fmt.Errorf("sent a body %s, want none", got)
		}
		return nil
	}
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Errorf("body %q is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		return fmt.Errorf("the test's expected body is not JSON: %v", err)
	}
	if !reflect.DeepEqual(g, w) {
		return fmt.Errorf("body %s, want %s", got, want)
	}
	return nil
}

// noToken fails a Client API request that carries any access token: the
// stub checks this for routes in the spec, this for the rest too.
func noToken(r *http.Request) error {
	for _, name := range spectest.TokenHeaders {
		if r.Header.Get(name) != "" || len(r.Header[name]) > 0 {
			return fmt.Errorf("a Client API request carried a token in header %s", name)
		}
	}
	return nil
}

// checkCoverage fails unless every operation of a family has a case whose
// method and path are that operation's.
func checkCoverage(t *testing.T, ops []api.Operation, cases []opCase) {
	t.Helper()
	tested := map[string]bool{}
	for _, tc := range cases {
		tested[tc.command] = true
	}
	for _, op := range ops {
		if !tested[op.Command] {
			t.Errorf("no whole-command test for `woot %s`", op.Command)
		}
	}
	byCommand := map[string]api.Operation{}
	for _, op := range ops {
		byCommand[op.Command] = op
	}
	for _, tc := range cases {
		op, ok := byCommand[tc.command]
		if !ok {
			t.Errorf("case for %q, which is no operation", tc.command)
			continue
		}
		if tc.method != op.Method || !templateRE(op.Path).MatchString(tc.path) {
			t.Errorf("case for %q expects %s %s, but the operation is %s %s", tc.command, tc.method, tc.path, op.Method, op.Path)
		}
		if strings.Join(tc.args[:len(strings.Fields(op.Command))], " ") != op.Command {
			t.Errorf("case for %q runs `woot %s`", tc.command, strings.Join(tc.args, " "))
		}
		if tc.beyond == op.InSpec {
			t.Errorf("case for %q says beyond=%v, the operation says InSpec=%v", tc.command, tc.beyond, op.InSpec)
		}
	}
}

// templateRE matches the concrete paths of a path template.
func templateRE(template string) *regexp.Regexp {
	parts := regexp.MustCompile(`\{[a-z_]+\}`).Split(template, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, "[^/]+") + "$")
}

// Fixtures in the shapes the Client API renders (swagger.json's public_*
// schemas; FACTS.md §4).

func publicContactJSON() string {
	return `{"source_id":"` + testSourceID + `","pubsub_token":"` + testPubsub + `","id":17,"name":"Ann Lee","email":"ann@example.com","phone_number":null}`
}

func publicContactRecordJSON() string {
	return `{"id":17,"name":"Ann Lee","email":"ann.lee@example.com","phone_number":"+4915112345678","identifier":"user-42","blocked":false,` +
		`"additional_attributes":{},"custom_attributes":{"plan":"enterprise"},"contact_type":"lead","country_code":null,` +
		`"last_activity_at":"2025-11-21T08:00:00.000Z","created_at":"2025-11-20T10:00:00.000Z","updated_at":"2025-11-21T12:00:00.000Z",` +
		`"last_name":null,"middle_name":null,"location":null,"account_id":1,"company_id":null,"label_list":[]}`
}

func contactSenderJSON() string {
	return `{"additional_attributes":{},"custom_attributes":{},"email":"ann@example.com","id":17,"identifier":null,"name":"Ann Lee","phone_number":null,"thumbnail":"","type":"contact"}`
}

func agentSenderJSON() string {
	return `{"id":2,"name":"Agent Smith","available_name":"Agent Smith","avatar_url":"","availability_status":"online","thumbnail":"","type":"user"}`
}

func publicMessageJSON(id, conv int, content string, incoming bool) string {
	typ, sender := 0, contactSenderJSON()
	if !incoming {
		typ, sender = 1, agentSenderJSON()
	}
	return fmt.Sprintf(`{"id":%d,"content":%q,"message_type":%d,"content_type":"text","content_attributes":{},"created_at":%d,"conversation_id":%d,"sender":%s}`,
		id, content, typ, 1763712000+id, conv, sender)
}

func publicConversationJSON(id int, status string, messages ...string) string {
	return fmt.Sprintf(`{"id":%d,"uuid":"%s","inbox_id":3,"contact_last_seen_at":1763712000,"status":"%s","agent_last_seen_at":0,"messages":[%s],"contact":%s}`,
		id, testConvUUID, status, strings.Join(messages, ","), publicContactRecordJSON())
}

func publicInboxJSON() string {
	return `{"identifier":"` + testInbox + `","name":"Acme Web Chat","timezone":"Europe/Lisbon",` +
		`"working_hours":[{"day_of_week":1,"open_all_day":false,"closed_all_day":false,"open_hour":9,"open_minutes":0,"close_hour":17,"close_minutes":30}],` +
		`"working_hours_enabled":true,"csat_survey_enabled":true,"greeting_enabled":false,"identity_validation_enabled":true}`
}

func csatSurveyJSON() string {
	return `{"id":341,"csat_survey_response":{"id":5,"account_id":1,"conversation_id":40,"message_id":341,"rating":4,"feedback_message":"Solved, thanks",` +
		`"contact_id":17,"assigned_agent_id":2,"created_at":"2025-11-21T08:00:00.000Z","updated_at":"2025-11-21T08:00:00.000Z"},` +
		`"inbox_avatar_url":"","conversation_id":40,"created_at":"2025-11-21T07:55:00.000Z"}`
}

// clientEnv names the inbox and the contact the way scripts do.
func clientEnv() map[string]string {
	return map[string]string{"CHATWOOT_INBOX_IDENTIFIER": testInbox, "CHATWOOT_CONTACT_IDENTIFIER": testSourceID}
}

func clientCases() []opCase {
	return []opCase{
		{
			command: "client inboxes get",
			args:    []string{"client", "inboxes", "get", "--inbox-identifier", testInbox, "-o", "json", "--jq", ".working_hours[0].close_minutes"},
			method:  "GET", path: inboxURL, resp: publicInboxJSON(),
			stdout: "30\n",
		},
		{
			command: "client contacts create",
			args: []string{"client", "contacts", "create", "--name", "Ann Lee", "--email", "ann@example.com",
				"--custom-attribute", "plan=pro", "--custom-attribute", "seats=3", "-o", "json", "--jq", ".source_id"},
			env:    map[string]string{"CHATWOOT_INBOX_IDENTIFIER": testInbox},
			method: "POST", path: inboxURL + "/contacts",
			body: `{"name":"Ann Lee","email":"ann@example.com","custom_attributes":{"plan":"pro","seats":3}}`,
			resp: publicContactJSON(), stdout: testSourceID + "\n",
		},
		{
			command: "client contacts get",
			args: []string{"client", "contacts", "get", "--identifier", "user-42", "--identifier-hash", "e93275d4eba0e5679ad55f5360af00444e2a888df9b0afa3e8b691c3173725f9",
				"-o", "json", "--jq", ".email"},
			env:    clientEnv(),
			method: "GET", path: contactURL,
			query: url.Values{"identifier": {"user-42"}, "identifier_hash": {"e93275d4eba0e5679ad55f5360af00444e2a888df9b0afa3e8b691c3173725f9"}},
			resp:  publicContactJSON(), stdout: "ann@example.com\n",
		},
		{
			command: "client contacts update",
			args: []string{"client", "contacts", "update", "--contact-identifier", testSourceID, "--email", "ann.lee@example.com",
				"--phone-number", "+4915112345678", "--custom-attribute", "plan=enterprise", "-o", "json", "--jq", ".custom_attributes.plan"},
			env:    map[string]string{"CHATWOOT_INBOX_IDENTIFIER": testInbox},
			method: "PATCH", path: contactURL,
			body: `{"email":"ann.lee@example.com","phone_number":"+4915112345678","custom_attributes":{"plan":"enterprise"}}`,
			resp: publicContactRecordJSON(), stdout: "enterprise\n",
		},
		{
			command: "client conversations create",
			args:    []string{"client", "conversations", "create", "--custom-attribute", "order=A-1001", "-o", "json", "--jq", ".uuid"},
			env:     clientEnv(),
			method:  "POST", path: contactURL + "/conversations",
			body: `{"custom_attributes":{"order":"A-1001"}}`,
			resp: publicConversationJSON(12, "open"), stdout: testConvUUID + "\n",
		},
		{
			command: "client conversations list",
			args:    []string{"client", "conversations", "list", "-o", "json", "--jq", `.[] | "\(.id) \(.status)"`},
			env:     clientEnv(),
			method:  "GET", path: contactURL + "/conversations",
			resp:   "[" + publicConversationJSON(9, "resolved") + "," + publicConversationJSON(12, "open") + "]",
			stdout: "9 resolved\n12 open\n",
		},
		{
			command: "client conversations get",
			args:    []string{"client", "conversations", "get", "12", "-o", "json", "--jq", ".messages[].content"},
			env:     clientEnv(),
			method:  "GET", path: contactURL + "/conversations/12",
			resp:   publicConversationJSON(12, "open", publicMessageJSON(340, 12, "Where is my order?", true), publicMessageJSON(342, 12, "It ships today.", false)),
			stdout: "Where is my order?\nIt ships today.\n",
		},
		{
			command: "client conversations resolve",
			args:    []string{"client", "conversations", "resolve", "12", "-o", "json", "--jq", ".status"},
			env:     clientEnv(),
			method:  "POST", path: contactURL + "/conversations/12/toggle_status",
			resp: publicConversationJSON(12, "resolved"), stdout: "resolved\n",
		},
		{
			command: "client conversations toggle-typing",
			args:    []string{"client", "conversations", "toggle-typing", "12", "--typing-status", "off"},
			env:     clientEnv(), tty: true,
			method: "POST", path: contactURL + "/conversations/12/toggle_typing",
			query: url.Values{"typing_status": {"off"}}, body: `{"typing_status":"off"}`,
			stderr: "✓ POST " + contactURL + "/conversations/12/toggle_typing: 200",
		},
		{
			command: "client conversations update-last-seen",
			args:    []string{"client", "conversations", "update-last-seen", "12"},
			env:     clientEnv(), tty: true,
			method: "POST", path: contactURL + "/conversations/12/update_last_seen",
			stderr: "✓ POST " + contactURL + "/conversations/12/update_last_seen: 200",
		},
		{
			command: "client messages create",
			args:    []string{"client", "messages", "create", "12", "--content", "Where is my order?", "--echo-id", "tmp-1", "-o", "json", "--jq", `"\(.id) \(.message_type) \(.sender.type)"`},
			env:     clientEnv(),
			method:  "POST", path: contactURL + "/conversations/12/messages",
			body: `{"content":"Where is my order?","echo_id":"tmp-1"}`,
			resp: publicMessageJSON(340, 12, "Where is my order?", true), stdout: "340 0 contact\n",
		},
		{
			command: "client messages list",
			args:    []string{"client", "messages", "list", "12", "-o", "json", "--jq", `.[] | "\(.sender.name): \(.content)"`},
			env:     clientEnv(),
			method:  "GET", path: contactURL + "/conversations/12/messages",
			resp:   "[" + publicMessageJSON(340, 12, "Where is my order?", true) + "," + publicMessageJSON(342, 12, "It ships today.", false) + "]",
			stdout: "Ann Lee: Where is my order?\nAgent Smith: It ships today.\n",
		},
		{
			command: "client messages update",
			args:    []string{"client", "messages", "update", "12", "343", "--title", "Yes", "--value", "yes", "-o", "json", "--jq", ".content_attributes.submitted_values[0].value"},
			env:     clientEnv(),
			method:  "PATCH", path: contactURL + "/conversations/12/messages/343",
			body: `{"submitted_values":{"title":"Yes","value":"yes"}}`,
			resp: `{"id":343,"content":"Did that answer your question?","message_type":3,"content_type":"input_select",` +
				`"content_attributes":{"items":[{"title":"Yes","value":"yes"},{"title":"No","value":"no"}],"submitted_values":[{"title":"Yes","value":"yes"}]},` +
				`"created_at":1763712100,"conversation_id":12,"sender":` + agentSenderJSON() + `}`,
			stdout: "yes\n",
		},
		{
			command: "client csat-surveys get",
			args:    []string{"client", "csat-surveys", "get", testConvUUID, "-o", "json", "--jq", ".csat_survey_response.rating"},
			method:  "GET", path: "/public/api/v1/csat_survey/" + testConvUUID, beyond: true,
			resp: csatSurveyJSON(), stdout: "4\n",
		},
		{
			command: "client csat-surveys update",
			args:    []string{"client", "csat-surveys", "update", testConvUUID, "--rating", "4", "--feedback", "Solved, thanks", "-o", "json", "--jq", ".csat_survey_response.feedback_message"},
			method:  "PATCH", path: "/public/api/v1/csat_survey/" + testConvUUID, beyond: true,
			body: `{"message":{"submitted_values":{"csat_survey_response":{"rating":4,"feedback_message":"Solved, thanks"}}}}`,
			resp: csatSurveyJSON(), stdout: "Solved, thanks\n",
		},
	}
}

// TestClientOperations runs every Client API command against the stub. The
// harness configures a user token and a platform token; none may be sent.
func TestClientOperations(t *testing.T) {
	cases := clientCases()
	checkCoverage(t, client.Operations(), cases)
	for _, tc := range cases {
		t.Run(tc.command, func(t *testing.T) { runOpCase(t, tc, noToken) })
	}
}

// hmacSHA256ByHand is RFC 2104 over crypto/sha256 alone, so the test does
// not trust crypto/hmac, which the product uses.
func hmacSHA256ByHand(key, msg string) string {
	const blockSize = 64
	k := []byte(key)
	if len(k) > blockSize {
		sum := sha256.Sum256(k)
		k = sum[:]
	}
	ipad := bytes.Repeat([]byte{0x36}, blockSize)
	opad := bytes.Repeat([]byte{0x5c}, blockSize)
	for i, b := range k {
		ipad[i] ^= b
		opad[i] ^= b
	}
	inner := sha256.Sum256(append(ipad, msg...))
	outer := sha256.Sum256(append(opad, inner[:]...))
	return hex.EncodeToString(outer[:])
}

func TestClientHMACByHandMatchesRFC4231(t *testing.T) {
	// RFC 4231 test cases 2 and 6: a short key, and one longer than a block.
	if got := hmacSHA256ByHand("Jefe", "what do ya want for nothing?"); got != "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" {
		t.Fatalf("case 2: %s", got)
	}
	if got := hmacSHA256ByHand(strings.Repeat("\xaa", 131), "Test Using Larger Than Block-Size Key - Hash Key First"); got != "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" {
		t.Fatalf("case 6: %s", got)
	}
}

func TestClientContactsCreateSignsTheIdentifier(t *testing.T) {
	const token = "x4cM7wHzR1q9kVpT2eYbNfGd"
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		profile string // the profile's hmac_token
		stdin   string
		want    map[string]any // the body's fields that must be sent
		absent  bool           // no identifier_hash may be sent
		beyond  bool           // the body is one the spec does not allow
	}{
		{name: "--hmac-token flag", args: []string{"--identifier", "user-42", "--hmac-token", token},
			want: map[string]any{"identifier": "user-42", "identifier_hash": hmacSHA256ByHand(token, "user-42")}},
		{name: "CHATWOOT_HMAC_TOKEN", args: []string{"--identifier", "user-42"}, env: map[string]string{"CHATWOOT_HMAC_TOKEN": token},
			want: map[string]any{"identifier_hash": hmacSHA256ByHand(token, "user-42")}},
		{name: "profile hmac_token", args: []string{"--identifier", "user-42"}, profile: token,
			want: map[string]any{"identifier_hash": hmacSHA256ByHand(token, "user-42")}},
		{name: "the flag wins over the environment", args: []string{"--identifier", "user-42", "--hmac-token", token},
			env:  map[string]string{"CHATWOOT_HMAC_TOKEN": "another-token"},
			want: map[string]any{"identifier_hash": hmacSHA256ByHand(token, "user-42")}},
		{name: "RFC 4231 case 2 as token and identifier", args: []string{"--identifier", "what do ya want for nothing?", "--hmac-token", "Jefe"},
			want: map[string]any{"identifier_hash": "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"}},
		{name: "non-ASCII identifier", args: []string{"--identifier", "zoë.müller@例え.jp", "--hmac-token", token},
			want: map[string]any{"identifier_hash": hmacSHA256ByHand(token, "zoë.müller@例え.jp")}},
		{name: "token longer than a block", args: []string{"--identifier", "user-42", "--hmac-token", strings.Repeat("k", 100)},
			want: map[string]any{"identifier_hash": hmacSHA256ByHand(strings.Repeat("k", 100), "user-42")}},
		// The spec types identifier as a string; the server hashes
		// whatever it gets with to_s, so an integer must be signed as "42".
		{name: "integer identifier from --input", args: []string{"--input", "-", "--hmac-token", token}, stdin: `{"identifier":42,"name":"Ann Lee"}`,
			want: map[string]any{"identifier": float64(42), "identifier_hash": hmacSHA256ByHand(token, "42")}, beyond: true},
		{name: "an explicit hash is kept", args: []string{"--identifier", "user-42", "--identifier-hash", "abc123", "--hmac-token", token},
			want: map[string]any{"identifier_hash": "abc123"}},
		{name: "no token, no hash", args: []string{"--identifier", "user-42"}, absent: true,
			want: map[string]any{"identifier": "user-42"}},
		{name: "no identifier, no hash", args: []string{"--email", "ann@example.com", "--hmac-token", token}, absent: true,
			want: map[string]any{"email": "ann@example.com"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			h.Env["CHATWOOT_INBOX_IDENTIFIER"] = testInbox
			for k, v := range tc.env {
				h.Env[k] = v
			}
			if tc.profile != "" {
				cmdtest.WriteProfile(t, h, config.DefaultProfile, config.Profile{HMACToken: tc.profile})
			}
			if tc.stdin != "" {
				h.In = bytes.NewBufferString(tc.stdin)
			}
			r := h.Stub.On("POST", inboxURL+"/contacts", 200, publicContactJSON())
			r.BeyondSpec = tc.beyond
			r.Check = func(req *http.Request, body []byte) error {
				if err := noToken(req); err != nil {
					return err
				}
				var sent map[string]any
				if err := json.Unmarshal(body, &sent); err != nil {
					return fmt.Errorf("body %q: %v", body, err)
				}
				for k, v := range tc.want {
					if sent[k] != v {
						return fmt.Errorf("body field %s = %v, want %v (body %s)", k, sent[k], v, body)
					}
				}
				if _, has := sent["identifier_hash"]; has && tc.absent {
					return fmt.Errorf("identifier_hash sent without a token or identifier: %s", body)
				}
				return nil
			}
			args := append([]string{"client", "contacts", "create"}, tc.args...)
			out := h.MustRun(append(args, "-o", "json", "--jq", ".id")...)
			if out != "17\n" {
				t.Errorf("printed %q, want the contact's id", out)
			}
			if strings.Contains(h.ErrOut.String(), token) {
				t.Errorf("the HMAC token was printed:\n%s", h.ErrOut)
			}
		})
	}
}

func TestClientContactsCreateDryRunShowsTheHash(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_INBOX_IDENTIFIER"] = testInbox
	h.Env["CHATWOOT_HMAC_TOKEN"] = "inbox-hmac"
	out := h.MustRun("client", "contacts", "create", "--identifier", "user-42", "--dry-run")
	var shown struct {
		Method, URL string
		Body        map[string]string
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil {
		t.Fatalf("dry run output: %v\n%s", err, out)
	}
	if shown.Method != "POST" || !strings.HasSuffix(shown.URL, inboxURL+"/contacts") || shown.Body["identifier_hash"] != hmacSHA256ByHand("inbox-hmac", "user-42") {
		t.Fatalf("dry run showed %+v", shown)
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Fatalf("--dry-run sent %d requests", n)
	}
}

// TestClientContactsCreateSaveThenList saves the new contact's identity
// and runs a contact-scoped command with no identifier anywhere but the
// profile.
func TestClientContactsCreateSaveThenList(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("POST", inboxURL+"/contacts", 200, publicContactJSON())
	out := h.MustRun("client", "contacts", "create", "--inbox-identifier", testInbox, "--name", "Ann Lee", "--save", "-o", "json", "--jq", ".id")
	if out != "17\n" {
		t.Fatalf("create printed %q", out)
	}
	stderr := h.ErrOut.String()
	for _, want := range []string{`profile "default"`, testInbox, testSourceID, "pubsub_token        saved", h.Stub.URL} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, testPubsub) {
		t.Errorf("the pubsub token was printed:\n%s", stderr)
	}

	dir := h.Env["WOOT_CONFIG_DIR"]
	st, err := os.Stat(filepath.Join(dir, "config.json"))
	if err != nil {
		t.Fatal(err)
	}
	if mode := st.Mode().Perm(); mode != 0o600 {
		t.Errorf("config file mode %o, want 600", mode)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := cfg.Profile(config.DefaultProfile)
	want := config.Profile{URL: h.Stub.URL, InboxIdentifier: testInbox, ContactIdentifier: testSourceID, PubsubToken: testPubsub}
	if p == nil || *p != want {
		t.Fatalf("saved profile %+v, want %+v", p, want)
	}

	h.Stub.On("GET", contactURL+"/conversations", 200, "["+publicConversationJSON(12, "open")+"]")
	if out := h.MustRun("client", "conversations", "list", "-o", "json", "--jq", ".[].id"); out != "12\n" {
		t.Fatalf("conversations list printed %q", out)
	}
	reqs := h.Stub.Requests()
	if last := reqs[len(reqs)-1]; last.Path != contactURL+"/conversations" {
		t.Fatalf("list went to %s, want the saved source_id in the path", last.Path)
	}
}

func TestClientContactsCreateSaveKeepsTheProfileURL(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env["WOOT_PROFILE"] = "widget"
	h.Env["CHATWOOT_CONTACT_IDENTIFIER"] = "old-source-id"
	cmdtest.WriteProfile(t, h, "widget", config.Profile{URL: "https://chat.acme.example", PlatformToken: "kept-platform-token", ContactIdentifier: "old-source-id"})
	h.Stub.On("POST", inboxURL+"/contacts", 200, publicContactJSON())
	h.MustRun("client", "contacts", "create", "--inbox-identifier", testInbox, "--save")
	cfg, err := config.Load(h.Env["WOOT_CONFIG_DIR"])
	if err != nil {
		t.Fatal(err)
	}
	p := cfg.Profile("widget")
	if p.URL != "https://chat.acme.example" || p.PlatformToken != "kept-platform-token" || p.ContactIdentifier != testSourceID || p.InboxIdentifier != testInbox {
		t.Fatalf("profile after --save: %+v", p)
	}
	if cfg.Profile(config.DefaultProfile) != nil {
		t.Error("--save wrote the default profile, not the current one")
	}
	if strings.Contains(h.ErrOut.String(), "url ") {
		t.Errorf("stderr reports a URL as saved although the profile had one:\n%s", h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "CHATWOOT_CONTACT_IDENTIFIER is set") {
		t.Errorf("stderr does not warn that the environment shadows the saved identifier:\n%s", h.ErrOut)
	}
}

func TestClientContactsCreateSaveNeedsASourceID(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_INBOX_IDENTIFIER"] = testInbox
	h.Stub.On("POST", inboxURL+"/contacts", 200, `{"id":17,"name":"Ann Lee","email":null,"phone_number":null}`)
	if code := h.Run("client", "contacts", "create", "--save"); code != cmdutil.ExitOther {
		t.Fatalf("exit %d, want %d; stderr %s", code, cmdutil.ExitOther, h.ErrOut)
	}
	if !strings.Contains(h.ErrOut.String(), "source_id") || !strings.Contains(h.ErrOut.String(), "nothing was saved") {
		t.Errorf("stderr does not explain the failure:\n%s", h.ErrOut)
	}
	if _, err := os.Stat(filepath.Join(h.Env["WOOT_CONFIG_DIR"], "config.json")); err == nil {
		t.Error("a config file was written although nothing could be saved")
	}
}

func TestClientMissingContactIdentifierPointsAtSave(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_INBOX_IDENTIFIER"] = testInbox
	if code := h.Run("client", "conversations", "list"); code != cmdutil.ExitAuth {
		t.Fatalf("exit %d, want %d", code, cmdutil.ExitAuth)
	}
	if !strings.Contains(h.ErrOut.String(), "--save") {
		t.Errorf("stderr does not say how to get a contact identifier:\n%s", h.ErrOut)
	}
}

// TestClientScriptedConversation drives a whole chat the way a script
// does, each step feeding on what the previous one printed.
func TestClientScriptedConversation(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("POST", inboxURL+"/contacts", 200, publicContactJSON()).Check = bodyIs(`{"name":"Ann Lee","email":"ann@example.com"}`)
	source := strings.TrimSpace(h.MustRun("client", "contacts", "create", "--inbox-identifier", testInbox,
		"--name", "Ann Lee", "--email", "ann@example.com", "--save", "-o", "json", "--jq", ".source_id"))
	base := inboxURL + "/contacts/" + source + "/conversations"

	h.Stub.On("POST", base, 200, publicConversationJSON(12, "open")).Check = bodyIs(`{}`)
	conv := strings.TrimSpace(h.MustRun("client", "conversations", "create", "-o", "json", "--jq", ".id"))
	if conv != "12" {
		t.Fatalf("conversation id %q", conv)
	}

	h.Stub.On("POST", base+"/"+conv+"/messages", 200, publicMessageJSON(340, 12, "Where is my order?", true)).Check = bodyIs(`{"content":"Where is my order?"}`)
	if out := h.MustRun("client", "messages", "create", conv, "--content", "Where is my order?", "-o", "json", "--jq", ".id"); out != "340\n" {
		t.Fatalf("messages create printed %q", out)
	}

	h.Stub.On("GET", base+"/"+conv+"/messages", 200, "["+publicMessageJSON(340, 12, "Where is my order?", true)+","+publicMessageJSON(342, 12, "It ships today.", false)+"]")
	if out := h.MustRun("client", "messages", "list", conv, "-o", "json", "--jq", ".[].content"); out != "Where is my order?\nIt ships today.\n" {
		t.Fatalf("messages list printed %q", out)
	}

	typing := h.Stub.On("POST", base+"/"+conv+"/toggle_typing", 200, "")
	typing.Check = func(r *http.Request, body []byte) error {
		if q := r.URL.Query(); len(q) != 1 || q.Get("typing_status") != "on" {
			return fmt.Errorf("query %v, want typing_status=on only", q)
		}
		return sameJSONBody(body, `{"typing_status":"on"}`)
	}
	if out := h.MustRun("client", "conversations", "toggle-typing", conv, "--typing-status", "on"); out != "" {
		t.Fatalf("toggle-typing printed %q", out)
	}

	h.Stub.On("POST", base+"/"+conv+"/toggle_status", 200, publicConversationJSON(12, "resolved")).Check = bodyIs("")
	if out := h.MustRun("client", "conversations", "resolve", conv, "-o", "json", "--jq", ".status"); out != "resolved\n" {
		t.Fatalf("resolve printed %q", out)
	}

	var got []string
	for _, r := range h.Stub.Requests() {
		got = append(got, r.Method+" "+strings.TrimPrefix(r.Path, base))
		if err := noToken(&http.Request{Header: r.Header}); err != nil {
			t.Error(err)
		}
	}
	want := []string{"POST " + inboxURL + "/contacts", "POST ", "POST /12/messages", "GET /12/messages", "POST /12/toggle_typing", "POST /12/toggle_status"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("requests:\n%v\nwant\n%v", got, want)
	}
}

// bodyIs checks a request's JSON body and that it carries no token.
func bodyIs(want string) func(*http.Request, []byte) error {
	return func(r *http.Request, body []byte) error {
		if err := noToken(r); err != nil {
			return err
		}
		return sameJSONBody(body, want)
	}
}
