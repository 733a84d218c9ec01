package bulk_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/spectest"
)

// pagedConversations answers Chatwoot's conversation list (25 a page,
// data.meta.all_count) and each conversation's messages (empty), holding
// the histories of page 1 until page 2 has been asked for: a pager that
// waits for page 1's histories before it fetches page 2 never gets an
// answer, and the test gives up after a bounded wait.
type pagedConversations struct {
	t         *testing.T
	spec      *spectest.Spec
	total     int
	page2     chan struct{}
	once      sync.Once
	timedOut  atomic.Bool
	histories atomic.Int64
}

func (p *pagedConversations) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if p.spec != nil {
		if err := p.spec.ValidateRequest(r); err != nil {
			p.t.Errorf("%s %s: %v", r.Method, r.URL.RequestURI(), err)
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	switch {
	case r.URL.Path == "/api/v1/accounts/1/conversations":
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 2 {
			p.once.Do(func() { close(p.page2) })
		}
		var items []string
		for id := (page-1)*25 + 1; id <= min(page*25, p.total); id++ {
			items = append(items, fmt.Sprintf(`{"id":%d,"status":"open","inbox_id":1,"messages":[],"meta":{"sender":{"id":%d,"name":"Talker %d"}}}`, id, id, id))
		}
		fmt.Fprintf(w, `{"data":{"meta":{"mine_count":0,"assigned_count":0,"unassigned_count":%d,"all_count":%d},"payload":[%s]}}`,
			p.total, p.total, strings.Join(items, ","))
	case strings.HasSuffix(r.URL.Path, "/messages"):
		id, _ := strconv.Atoi(strings.Split(r.URL.Path, "/")[5])
		if id <= 25 {
			select {
			case <-p.page2:
			case <-time.After(10 * time.Second):
				p.timedOut.Store(true)
			}
		}
		p.histories.Add(1)
		empty := `{"meta":{"labels":[],"additional_attributes":{},"contact":{},"assignee":null,"agent_last_seen_at":0,"assignee_last_seen_at":0},"payload":[]}`
		fmt.Fprint(w, empty)
	default:
		p.t.Errorf("unexpected request %s %s", r.Method, r.URL.RequestURI())
		http.NotFound(w, r)
	}
}

// With every worker busy on page 1's histories, page 2 of the list is
// already asked for: the workers move on to it without waiting out a
// round trip at the page's boundary.
func TestExportWithMessagesFetchesTheNextPageWhileWorkersAreBusy(t *testing.T) {
	srv := &pagedConversations{t: t, spec: spectest.Optional(t), total: 60, page2: make(chan struct{})}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = ts.URL
	h.Env["CHATWOOT_API_TOKEN"] = "test-token"
	h.Env["CHATWOOT_ACCOUNT_ID"] = "1"
	out := h.MustRun("conversations", "export", "--with-messages", "--concurrency", "16")
	if srv.timedOut.Load() {
		t.Fatal("page 1's histories waited 10s for page 2 to be asked for: the list is fetched only as the workers free up")
	}
	lines := nonEmptyLines(out)
	if len(lines) != 60 || srv.histories.Load() != 60 {
		t.Fatalf("exported %d conversations with %d histories read, want 60", len(lines), srv.histories.Load())
	}
	for i, l := range lines {
		var c struct {
			ID int `json:"id"`
		}
		json.Unmarshal([]byte(l), &c)
		if c.ID != i+1 {
			t.Fatalf("line %d is conversation %d: the list's order was lost", i+1, c.ID)
		}
	}
}
