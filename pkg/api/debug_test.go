package api

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Pages fetched with --concurrency log from several goroutines through the
// one --debug writer; each request's and each response's block must arrive
// whole. (The race detector also flags the unguarded writes.)
func TestDebugLogFromConcurrentRequestsStaysWhole(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"page":%q}`, r.URL.Query().Get("page"))
	}))
	defer srv.Close()
	var log bytes.Buffer // not safe for concurrent use by itself
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.Debug = &log })
	const n = 16
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: fmt.Sprintf("/api/v1/accounts/1/contacts?page=%d", i)})
		}()
	}
	wg.Wait()
	got := log.String()
	for i := range n {
		if !strings.Contains(got, fmt.Sprintf("contacts?page=%d\n", i)) || !strings.Contains(got, fmt.Sprintf(`{"page":"%d"}`, i)) {
			t.Fatalf("page %d's request or response is missing from the log:\n%s", i, got)
		}
	}
	if c := strings.Count(got, "> GET "); c != n {
		t.Fatalf("%d request lines, want %d", c, n)
	}
}
