package bulk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/sandbox"
)

// bulkSandbox is a sandbox Chatwoot served on 127.0.0.1 for the bulk
// command tests, counting the requests it receives.
type bulkSandbox struct {
	*sandbox.Sandbox
	URL      string
	requests atomic.Int64
}

func newBulkSandbox(t testing.TB, opts sandbox.Options) *bulkSandbox {
	t.Helper()
	if opts.Seed == "" {
		opts.Seed = "empty"
	}
	sb, err := sandbox.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	b := &bulkSandbox{Sandbox: sb}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.requests.Add(1)
		sb.ServeHTTP(w, r)
	}))
	b.URL = srv.URL
	t.Cleanup(func() {
		srv.Close()
		sb.Close()
	})
	return b
}

// harness points a command harness at the sandbox.
func (b *bulkSandbox) harness(t *testing.T) *cmdtest.Harness {
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = b.URL
	h.Env["CHATWOOT_API_TOKEN"] = sandbox.SeedUserToken
	return h
}

// env is the environment of a woot subprocess talking to the sandbox.
func (b *bulkSandbox) env(configDir string) []string {
	return []string{
		"CHATWOOT_URL=" + b.URL, "CHATWOOT_API_TOKEN=" + sandbox.SeedUserToken,
		"CHATWOOT_ACCOUNT_ID=1", "WOOT_CONFIG_DIR=" + configDir, "HOME=" + configDir, "NO_COLOR=1",
	}
}

// direct is a plain client to the sandbox, for seeding and checking
// behind woot's back.
func (b *bulkSandbox) direct(t testing.TB) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: b.URL, UserToken: sandbox.SeedUserToken, Retries: 5})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// seedContacts loads a CSV into the sandbox through Chatwoot's own
// contact import route, which the sandbox applies at once.
func (b *bulkSandbox) seedContacts(t testing.TB, csvData string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("import_file", "seed.csv")
	io.WriteString(fw, csvData)
	mw.Close()
	req, _ := http.NewRequest("POST", b.URL+"/api/v1/accounts/1/contacts/import", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header["api_access_token"] = []string{sandbox.SeedUserToken}
	resp, err := (&http.Client{Timeout: 5 * time.Minute}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("seed contacts: HTTP %d", resp.StatusCode)
	}
}

// seedCSV is n contacts; every seventh has a custom attribute only it
// carries, so column discovery is tested on more than the first page.
func seedCSV(n int) string {
	var b strings.Builder
	b.WriteString("name,email,phone_number,company,plan\n")
	for i := 1; i <= n; i++ {
		plan := []string{"free", "team", "enterprise"}[i%3]
		fmt.Fprintf(&b, "Seed %d,seed%d@example.com,+1415555%04d,Acme %d,%s\n", i, i, i, i%5, plan)
	}
	return b.String()
}

// allItems reads a whole list page by page with a plain client: what the
// sandbox holds, in its order.
func (b *bulkSandbox) allItems(t testing.TB, path, data string) []json.RawMessage {
	t.Helper()
	var items []json.RawMessage
	err := b.direct(t).Paginate(t.Context(), &api.Request{Family: api.FamilyApplication, Method: "GET", Path: path}, data,
		&api.List{Pager: api.PageNumber, PageSize: 15}, api.PageOptions{All: true}, func(raw json.RawMessage) error {
			items = append(items, raw)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// contactEmails lists every contact's email with how often it occurs.
func (b *bulkSandbox) contactEmails(t testing.TB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, raw := range b.allItems(t, "/api/v1/accounts/1/contacts", "payload") {
		var c struct {
			Email string `json:"email"`
		}
		json.Unmarshal(raw, &c)
		out[c.Email]++
	}
	return out
}

// compactLines compacts each JSON value, one per line.
func compactLines(t testing.TB, items []json.RawMessage) []string {
	t.Helper()
	out := make([]string, len(items))
	for i, it := range items {
		var b bytes.Buffer
		if err := json.Compact(&b, it); err != nil {
			t.Fatal(err)
		}
		out[i] = b.String()
	}
	return out
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}
