package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// chatwootLists serves n contacts, conversations and messages in the
// shapes FACTS.md §5 records for the real server.
func chatwootLists(t *testing.T, nContacts, nConversations, nMessages int) (*httptest.Server, *requestLog) {
	log := &requestLog{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.add(r.URL.RequestURI())
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		switch r.URL.Path {
		case "/api/v1/accounts/1/contacts":
			ids := pageOf(nContacts, page, 15)
			fmt.Fprintf(w, `{"meta":{"count":%d,"current_page":%d},"payload":[%s]}`, nContacts, page, objects(ids, `{"id":%d,"name":"Contact %d"}`))
		case "/api/v1/accounts/1/conversations":
			ids := pageOf(nConversations, page, 25)
			fmt.Fprintf(w, `{"data":{"meta":{"mine_count":0,"assigned_count":0,"unassigned_count":%d,"all_count":%d},"payload":[%s]}}`, nConversations, nConversations, objects(ids, `{"id":%d,"display_id":%d}`))
		case "/api/v1/accounts/1/conversations/7/messages":
			before := nMessages + 1
			if b := r.URL.Query().Get("before"); b != "" {
				before, _ = strconv.Atoi(b)
			}
			lo := before - 20
			if lo < 1 {
				lo = 1
			}
			var ids []int
			for id := lo; id < before; id++ {
				ids = append(ids, id)
			}
			fmt.Fprintf(w, `{"meta":{"labels":[]},"payload":[%s]}`, objects(ids, `{"id":%d,"content":"m%d"}`))
		case "/api/v1/accounts/1/audit_logs":
			ids := pageOf(30, page, 25)
			fmt.Fprintf(w, `{"per_page":25,"total_entries":30,"current_page":%d,"audit_logs":[%s]}`, page, objects(ids, `{"id":%d,"action":"a%d"}`))
		default:
			w.WriteHeader(404)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, log
}

type requestLog struct {
	mu   sync.Mutex
	uris []string
}

func (l *requestLog) add(u string) { l.mu.Lock(); l.uris = append(l.uris, u); l.mu.Unlock() }
func (l *requestLog) count() int   { l.mu.Lock(); defer l.mu.Unlock(); return len(l.uris) }

func pageOf(total, page, size int) []int {
	var ids []int
	for id := (page-1)*size + 1; id <= total && id <= page*size; id++ {
		ids = append(ids, id)
	}
	return ids
}

func objects(ids []int, format string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf(format, id, id)
	}
	return strings.Join(parts, ",")
}

func collectIDs(t *testing.T, c *Client, path, data string, list *List, opts PageOptions) []int {
	t.Helper()
	var ids []int
	err := c.Paginate(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: path}, data, list, opts, func(raw json.RawMessage) error {
		var v struct{ ID int }
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		ids = append(ids, v.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func assertSequence(t *testing.T, ids []int, from, to int) {
	t.Helper()
	if len(ids) != to-from+1 {
		t.Fatalf("got %d items, want %d: %v", len(ids), to-from+1, ids)
	}
	for i, id := range ids {
		if id != from+i {
			t.Fatalf("item %d has id %d, want %d (order or duplicates wrong): %v", i, id, from+i, ids)
		}
	}
}

func TestPaginateAllRealShapes(t *testing.T) {
	srv, log := chatwootLists(t, 40, 60, 45)
	c := newTestClient(t, srv.URL)
	for _, conc := range []int{1, 4} {
		t.Run(fmt.Sprintf("concurrency %d", conc), func(t *testing.T) {
			ids := collectIDs(t, c, "/api/v1/accounts/1/contacts", "payload", &List{Pager: PageNumber, PageSize: 15}, PageOptions{All: true, Concurrency: conc})
			assertSequence(t, ids, 1, 40)
			ids = collectIDs(t, c, "/api/v1/accounts/1/conversations", "data.payload", &List{Pager: PageNumber, PageSize: 25}, PageOptions{All: true, Concurrency: conc})
			assertSequence(t, ids, 1, 60)
		})
	}
	ids := collectIDs(t, c, "/api/v1/accounts/1/conversations/7/messages", "payload", &List{Pager: BeforeID, PageSize: 20}, PageOptions{All: true})
	assertSequence(t, ids, 1, 45)
	ids = collectIDs(t, c, "/api/v1/accounts/1/audit_logs", "audit_logs", &List{Pager: PageNumber, PageSize: 25}, PageOptions{All: true})
	assertSequence(t, ids, 1, 30)
	_ = log
}

func TestPaginateStopsOnShortPageWithoutExtraRequest(t *testing.T) {
	srv, log := chatwootLists(t, 40, 0, 0)
	c := newTestClient(t, srv.URL)
	collectIDs(t, c, "/api/v1/accounts/1/contacts", "payload", &List{Pager: PageNumber, PageSize: 15}, PageOptions{All: true})
	if n := log.count(); n != 3 {
		t.Fatalf("%d requests for 40 contacts at 15 a page, want 3: %v", n, log.uris)
	}
}

func TestPaginateExactMultipleEndsOnEmptyPage(t *testing.T) {
	srv, log := chatwootLists(t, 30, 0, 0)
	c := newTestClient(t, srv.URL)
	ids := collectIDs(t, c, "/api/v1/accounts/1/contacts", "payload", &List{Pager: PageNumber, PageSize: 15}, PageOptions{All: true})
	assertSequence(t, ids, 1, 30)
	if log.count() != 3 {
		t.Fatalf("requests %v: want pages 1, 2 and the empty 3", log.uris)
	}
}

func TestPaginateOnePageAndLimit(t *testing.T) {
	srv, _ := chatwootLists(t, 40, 0, 45)
	c := newTestClient(t, srv.URL)
	ids := collectIDs(t, c, "/api/v1/accounts/1/contacts", "payload", &List{Pager: PageNumber, PageSize: 15}, PageOptions{StartPage: 2})
	assertSequence(t, ids, 16, 30)
	ids = collectIDs(t, c, "/api/v1/accounts/1/contacts", "payload", &List{Pager: PageNumber, PageSize: 15}, PageOptions{All: true, Limit: 20})
	assertSequence(t, ids, 1, 20)
	// The newest 25 messages, oldest first.
	ids = collectIDs(t, c, "/api/v1/accounts/1/conversations/7/messages", "payload", &List{Pager: BeforeID, PageSize: 20}, PageOptions{All: true, Limit: 25})
	assertSequence(t, ids, 21, 45)
}

// With a stride, N readers starting at pages 1..N share a list: each reads
// every N-th page, stops at its own first short page, and together they
// read every item exactly once.
func TestPaginateStrideShardsAList(t *testing.T) {
	srv, log := chatwootLists(t, 100, 0, 0) // 7 pages of 15, the last short
	c := newTestClient(t, srv.URL)
	seen := map[int]int{}
	for k := 1; k <= 3; k++ {
		ids := collectIDs(t, c, "/api/v1/accounts/1/contacts", "payload", &List{Pager: PageNumber, PageSize: 15},
			PageOptions{All: true, StartPage: k, Stride: 3, Concurrency: 2})
		for _, id := range ids {
			seen[id]++
		}
		if k == 2 && (len(ids) != 30 || ids[0] != 16 || ids[15] != 61) {
			t.Errorf("shard 2 read %v, want pages 2 and 5 (ids 16-30, 61-75)", ids)
		}
	}
	for id := 1; id <= 100; id++ {
		if seen[id] != 1 {
			t.Fatalf("contact %d read %d times across the shards, want once (requests %v)", id, seen[id], log.uris)
		}
	}
}

func TestPaginateEmptyList(t *testing.T) {
	srv, _ := chatwootLists(t, 0, 0, 0)
	c := newTestClient(t, srv.URL)
	if ids := collectIDs(t, c, "/api/v1/accounts/1/contacts", "payload", &List{Pager: PageNumber, PageSize: 15}, PageOptions{All: true, Concurrency: 3}); len(ids) != 0 {
		t.Fatalf("got %v from an empty list", ids)
	}
}

func TestBeforeCursorIgnoredByServerStops(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"payload":[%s]}`, objects(pageOf(20, 1, 20), `{"id":%d,"n":%d}`))
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL)
	err := c.Paginate(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/m"}, "payload", &List{Pager: BeforeID, PageSize: 20}, PageOptions{All: true}, func(json.RawMessage) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "ignored before=") {
		t.Fatalf("err = %v, want a stop on a before= cursor that does not move", err)
	}
}
