package api_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"

	apicmd "github.com/wootcli/woot/cmd/api"
	"github.com/wootcli/woot/cmd/internal/cmdtest"

	"github.com/wootcli/woot/pkg/cmdutil"
)

// stubAllPages registers the pages of 40 contacts, 60 conversations and
// 45 messages of conversation 7, each served once.
func stubAllPages(h *cmdtest.Harness) {
	for p := 1; p <= 3; p++ {
		h.Stub.On("GET", "/api/v1/accounts/1/contacts", 200, cmdtest.ContactsPage(40, p)).WithQuery("page", strconv.Itoa(p))
		h.Stub.On("GET", "/api/v1/accounts/1/conversations", 200, cmdtest.ConversationsPage(60, p)).WithQuery("page", strconv.Itoa(p))
	}
	h.Stub.On("GET", "/api/v1/accounts/1/conversations/7/messages", 200, cmdtest.MessagesBefore(46)).WithQuery("before", "")
	h.Stub.On("GET", "/api/v1/accounts/1/conversations/7/messages", 200, cmdtest.MessagesBefore(26)).WithQuery("before", "26")
	h.Stub.On("GET", "/api/v1/accounts/1/conversations/7/messages", 200, cmdtest.MessagesBefore(6)).WithQuery("before", "6")
}

// idsFrom parses every format's output back into the list of ids.
func idsFrom(t *testing.T, format, out string) []int {
	t.Helper()
	var ids []int
	switch format {
	case "json":
		var items []struct{ ID int }
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatalf("-o json is not a JSON array: %v\n%s", err, out)
		}
		for _, it := range items {
			ids = append(ids, it.ID)
		}
	case "ndjson":
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var it struct{ ID int }
			if err := json.Unmarshal([]byte(line), &it); err != nil {
				t.Fatalf("ndjson line %q: %v", line, err)
			}
			ids = append(ids, it.ID)
		}
	case "csv", "tsv", "piped":
		r := csv.NewReader(strings.NewReader(out))
		if format != "csv" {
			r.Comma = '\t'
			r.LazyQuotes = true
		}
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format != "piped" {
			if rows[0][0] != "id" && rows[0][0] != "ID" {
				t.Fatalf("%s header row is %v, want one starting with id", format, rows[0])
			}
			rows = rows[1:]
		}
		for _, row := range rows {
			id, err := strconv.Atoi(row[0])
			if err != nil {
				t.Fatalf("%s row %v: first column is not an id", format, row)
			}
			ids = append(ids, id)
		}
	case "yaml":
		for _, line := range strings.Split(out, "\n") {
			if v, ok := strings.CutPrefix(line, "- id: "); ok {
				id, _ := strconv.Atoi(v)
				ids = append(ids, id)
			} else if v, ok := strings.CutPrefix(line, "  id: "); ok {
				id, _ := strconv.Atoi(v)
				ids = append(ids, id)
			}
		}
	case "table":
		for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			id, err := strconv.Atoi(strings.Fields(line)[0])
			if err != nil {
				t.Fatalf("table row %q does not start with an id", line)
			}
			ids = append(ids, id)
		}
	}
	return ids
}

func TestAllReturnsEveryItemInOrderInEveryFormat(t *testing.T) {
	lists := []struct {
		args []string
		n    int
	}{
		{[]string{"contacts", "list", "--all", "--fields", "id,name,email"}, 40},
		{[]string{"conversations", "list", "--all", "--status", "all", "--fields", "id,status"}, 60},
		{[]string{"messages", "list", "7", "--all", "--fields", "id,content"}, 45},
	}
	for _, format := range []string{"json", "ndjson", "csv", "tsv", "yaml", "table", "piped"} {
		for _, l := range lists {
			t.Run(format+" "+l.args[0], func(t *testing.T) {
				h := cmdtest.NewHarness(t)
				stubAllPages(h)
				args := l.args
				switch format {
				case "piped":
				case "table":
					h.TTY = true
					args = append(args, "-o", "table")
				default:
					args = append(args, "-o", format)
				}
				// Only the list under test is requested; the others' routes are
				// registered for uniformity and marked used below.
				out := h.MustRun(args...)
				ids := idsFrom(t, format, out)
				if len(ids) != l.n {
					t.Fatalf("got %d items, want %d", len(ids), l.n)
				}
				for i, id := range ids {
					if id != i+1 {
						t.Fatalf("item %d has id %d: out of order or duplicated", i, id)
					}
				}
				useOtherRoutes(h, l.args[0])
			})
		}
	}
}

// useOtherRoutes requests the stub routes a test did not need, so the
// stub's "every route used" check holds.
func useOtherRoutes(h *cmdtest.Harness, used string) {
	for _, r := range []struct{ noun, args string }{
		{"contacts", "contacts list --all -o json"},
		{"conversations", "conversations list --all --status all -o json"},
		{"messages", "messages list 7 --all -o json"},
	} {
		if r.noun != used {
			h.MustRun(strings.Fields(r.args)...)
		}
	}
}

func TestPipedOutputIsHeaderlessTSVWithRFC3339Times(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/1/contacts", 200, cmdtest.ContactsPage(2, 1)).WithQuery("page", "1")
	out := h.MustRun("contacts", "list", "--fields", "id,email,last_activity_at")
	want := "1\tcontact1@example.com\t2025-11-21T08:00:00Z\n2\tcontact2@example.com\t2025-11-21T08:00:00Z\n"
	if out != want {
		t.Fatalf("piped output:\n%q\nwant\n%q", out, want)
	}
}

func TestJSONOutputForZeroOneAndManyItems(t *testing.T) {
	for _, n := range []int{0, 1, 15} {
		h := cmdtest.NewHarness(t)
		h.Stub.On("GET", "/api/v1/accounts/1/contacts", 200, cmdtest.ContactsPage(n, 1)).WithQuery("page", "1")
		out := h.MustRun("contacts", "list", "-o", "json")
		var items []map[string]any
		if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != n {
			t.Fatalf("%d items: -o json gave %d items, err %v:\n%s", n, len(items), err, out)
		}
		if n > 0 && items[0]["custom_attributes"] == nil {
			t.Fatalf("JSON output dropped a field the server sent: %v", items[0])
		}
	}
}

func TestJQPrintsBareNumber(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/accounts/1/contacts", 200, cmdtest.ContactsPage(3, 1)).WithQuery("page", "1")
	if out := h.MustRun("contacts", "list", "--jq", ".[0].id"); out != "1\n" {
		t.Fatalf("--jq '.[0].id' printed %q, want \"1\\n\"", out)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name   string
		status int
		body   string
		times  int
		want   int
	}{
		{"401", 401, `{"error":"Invalid Access Token"}`, 1, cmdutil.ExitAuth},
		{"404", 404, `{"error":"Resource could not be found"}`, 1, cmdutil.ExitNotFound},
		{"422", 422, `{"message":"Email has already been taken","attributes":["email"]}`, 1, cmdutil.ExitValidation},
		// 429: TestRateLimitedCommandExits6AfterTwoWindows (the governor, not --retries, decides)
		{"500 after retries", 500, `{"error":"boom"}`, 3, cmdutil.ExitServer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := cmdtest.NewHarness(t)
			r := h.Stub.On("GET", "/api/v1/accounts/1/contacts/42", tc.status, tc.body)
			r.Times = tc.times
			if got := h.Run("contacts", "get", "42"); got != tc.want {
				t.Fatalf("exit %d, want %d; stderr: %s", got, tc.want, h.ErrOut)
			}
			if !strings.HasPrefix(h.ErrOut.String(), "error: ") || !strings.Contains(h.ErrOut.String(), "hint: ") {
				t.Fatalf("stderr lacks the error and the hint:\n%s", h.ErrOut)
			}
		})
	}
}

func TestExitCodeNetworkUsageAndJQ(t *testing.T) {
	h := cmdtest.NewHarness(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.Env["CHATWOOT_URL"] = "http://" + ln.Addr().String()
	ln.Close()
	if got := h.Run("contacts", "get", "42"); got != cmdutil.ExitNetwork {
		t.Fatalf("connection refused: exit %d, want %d; stderr %s", got, cmdutil.ExitNetwork, h.ErrOut)
	}
	if got := h.Run("contacts", "list", "--no-such-flag"); got != cmdutil.ExitUsage {
		t.Fatalf("bad flag: exit %d, want %d", got, cmdutil.ExitUsage)
	}
	if got := h.Run("contacts", "list", "--jq", ".[0"); got != cmdutil.ExitUsage {
		t.Fatalf("bad jq: exit %d, want %d; stderr %s", got, cmdutil.ExitUsage, h.ErrOut)
	}
	if got := h.Run("contacts", "get"); got != cmdutil.ExitUsage {
		t.Fatalf("missing argument: exit %d, want %d", got, cmdutil.ExitUsage)
	}
	delete(h.Env, "CHATWOOT_API_TOKEN")
	if got := h.Run("contacts", "get", "1"); got != cmdutil.ExitAuth || !strings.Contains(h.ErrOut.String(), "CHATWOOT_API_TOKEN") {
		t.Fatalf("missing token: exit %d, stderr %s", got, h.ErrOut)
	}
}

func TestPostWith500IsSentExactlyOnce(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("POST", "/api/v1/accounts/1/conversations/7/messages", 500, `{"error":"boom"}`)
	if got := h.Run("messages", "create", "7", "--content", "hello"); got != cmdutil.ExitServer {
		t.Fatalf("exit %d, want %d", got, cmdutil.ExitServer)
	}
	n := 0
	for _, r := range h.Stub.Requests() {
		if r.Method == "POST" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("POST sent %d times, want exactly once", n)
	}
}

func TestDebugNeverShowsToken(t *testing.T) {
	h := cmdtest.NewHarness(t)
	h.Stub.On("GET", "/api/v1/profile", 200, `{"id":1,"name":"Ann","email":"ann@example.com","access_token":"`+cmdtest.TestToken+`","pubsub_token":"p","accounts":[]}`)
	h.Run("profile", "get", "--debug", "-o", "json")
	if !strings.Contains(h.ErrOut.String(), "> GET ") || !strings.Contains(h.ErrOut.String(), "[redacted]") {
		t.Fatalf("--debug log missing or unredacted:\n%s", h.ErrOut)
	}
	// The harness fails the test if the token shows up on stdout or stderr.
}

func TestDryRunSendsNothing(t *testing.T) {
	h := cmdtest.NewHarness(t)
	out := h.MustRun("messages", "create", "7", "--content", "hi", "--dry-run")
	var shown struct {
		Method, URL string
		Body        map[string]any
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil {
		t.Fatalf("dry run output is not JSON: %v\n%s", err, out)
	}
	if shown.Method != "POST" || !strings.HasSuffix(shown.URL, "/api/v1/accounts/1/conversations/7/messages") || shown.Body["content"] != "hi" {
		t.Fatalf("dry run showed %+v", shown)
	}
	if n := len(h.Stub.Requests()); n != 0 {
		t.Fatalf("--dry-run sent %d requests", n)
	}
}

func TestDeleteNeedsYesWithoutTerminal(t *testing.T) {
	h := cmdtest.NewHarness(t)
	if got := h.Run("contacts", "delete", "42"); got != cmdutil.ExitUsage || !strings.Contains(h.ErrOut.String(), "--yes") {
		t.Fatalf("exit %d, stderr %s", got, h.ErrOut)
	}
	h.Stub.On("DELETE", "/api/v1/accounts/1/contacts/42", 200, ``)
	h.MustRun("contacts", "delete", "42", "--yes")
}

func TestAPIOperationsCoversFoundationTags(t *testing.T) {
	h := cmdtest.NewHarness(t)
	out := h.MustRun("api", "operations", "-o", "json")
	var rows []apicmd.OperationRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	byPath := map[string]apicmd.OperationRow{}
	for _, r := range rows {
		byPath[r.Method+" "+r.Path] = r
	}
	want := foundationOperations(t)
	for _, key := range want {
		if r, ok := byPath[key]; !ok || !r.InSpec || !strings.HasPrefix(r.Command, "woot ") {
			t.Errorf("operation %s missing or wrong: %+v", key, r)
		}
	}
	if len(want) != 31 {
		t.Fatalf("operations.tsv has %d Contacts/Conversations/Messages/Profile operations, want 31", len(want))
	}
	if _, ok := byPath["ANY {path}"]; !ok {
		t.Error("woot api's own row is missing")
	}
}

func TestAPICommandFieldsAndRawBody(t *testing.T) {
	h := cmdtest.NewHarness(t)
	r := h.Stub.On("GET", "/api/v1/accounts/1/contacts/search", 200, cmdtest.ContactsPage(1, 1))
	r.WithQuery("q", "ann")
	out := h.MustRun("api", "-X", "GET", "contacts/search", "-f", "q=ann")
	if !json.Valid([]byte(out)) || !strings.Contains(out, `"meta"`) {
		t.Fatalf("woot api should print the raw body: %s", out)
	}
	p := h.Stub.On("PATCH", "/api/v1/accounts/1/conversations/42", 200, cmdtest.ConversationJSON(42))
	p.Check = func(_ *http.Request, body []byte) error {
		if !bytes.Equal(body, []byte(`{"priority":"urgent"}`)) {
			return fmt.Errorf("body %s", body)
		}
		return nil
	}
	h.MustRun("api", "-X", "PATCH", "conversations/42", "-F", "priority=urgent")
}

func TestAPIPaginate(t *testing.T) {
	h := cmdtest.NewHarness(t)
	for p := 1; p <= 3; p++ {
		r := h.Stub.On("GET", "/api/v1/accounts/1/contacts", 200, cmdtest.ContactsPage(40, p))
		if p > 1 {
			r.WithQuery("page", strconv.Itoa(p))
		}
	}
	out := h.MustRun("api", "contacts", "--paginate", "--jq", "length")
	if out != "40\n" {
		t.Fatalf("--paginate gave %q items, want 40", out)
	}
}
