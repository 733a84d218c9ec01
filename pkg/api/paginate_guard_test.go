package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// repeatingServer answers every page with the same full page of contacts
// (a caching proxy, or a server that ignores ?page=), announcing total.
func repeatingServer(t *testing.T, total int, shape string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		items := objects(pageOf(15, 1, 15), `{"id":%d,"name":"Contact %d"}`)
		switch shape {
		case "contacts":
			fmt.Fprintf(w, `{"meta":{"count":%d,"current_page":1},"payload":[%s]}`, total, items)
		case "conversations":
			fmt.Fprintf(w, `{"data":{"meta":{"all_count":%d},"payload":[%s]}}`, total, items)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func paginateCount(c *Client, path, data string, conc int) (int, error) {
	n := 0
	err := c.Paginate(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: path}, data,
		&List{Pager: PageNumber, PageSize: 15}, PageOptions{All: true, Concurrency: conc},
		func(json.RawMessage) error { n++; return nil })
	return n, err
}

func TestPaginateStopsOnAServerThatRepeatsFullPages(t *testing.T) {
	for _, tc := range []struct {
		shape, data string
	}{{"contacts", "payload"}, {"conversations", "data.payload"}} {
		for _, conc := range []int{1, 4} {
			srv := repeatingServer(t, 45, tc.shape)
			n, err := paginateCount(newTestClient(t, srv.URL), "/api/v1/accounts/1/"+tc.shape, tc.data, conc)
			if err == nil || !strings.Contains(err.Error(), "repeats the previous page") {
				t.Fatalf("%s, concurrency %d: err = %v after %d items, want a stop on the repeated page", tc.shape, conc, err, n)
			}
			if n > 45+2*15 {
				t.Errorf("%s: %d items printed, want at most two pages past the 45 announced", tc.shape, n)
			}
		}
	}
}

func TestPaginateStopsPastTheAnnouncedTotal(t *testing.T) {
	// Fresh items on every page (a server that ignores ?page= on a list
	// it keeps appending to): only the total can stop it.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		fmt.Fprintf(w, `{"meta":{"count":45},"payload":[%s]}`, objects(pageOf(15*page, page, 15), `{"id":%d,"name":"C %d"}`))
	}))
	defer srv.Close()
	n, err := paginateCount(newTestClient(t, srv.URL), "/api/v1/accounts/1/contacts", "payload", 4)
	if err == nil || !strings.Contains(err.Error(), "more than the 45 the server announced") {
		t.Fatalf("err = %v after %d items", err, n)
	}
	if n > 45+15 {
		t.Errorf("%d items printed, want at most a page past the 45 announced", n)
	}
}

func TestPaginateKeepsGoingOnOneShiftedItemAndOnPageCounts(t *testing.T) {
	// A contact created mid-export shifts the list by one: page 2 starts
	// with page 1's last item. And contact search's meta.count is the
	// page's own count, not a total: neither may stop a real list.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		ids := pageOf(60, page, 15)
		if page == 2 {
			ids = append([]int{15}, ids[:14]...)
		}
		fmt.Fprintf(w, `{"meta":{"count":%d},"payload":[%s]}`, len(ids), objects(ids, `{"id":%d,"name":"C %d"}`))
	}))
	defer srv.Close()
	n, err := paginateCount(newTestClient(t, srv.URL), "/api/v1/accounts/1/contacts/search", "payload", 2)
	if err != nil || n != 60 {
		t.Fatalf("%d items, err %v: want all 60 pages' items", n, err)
	}
}

func TestListShapesServerVersionsDiffer(t *testing.T) {
	for _, tc := range []struct {
		name, body, data string
		want             int
		wantErr          string
	}{
		{"webhooks as Chatwoot renders them", `{"payload":{"webhooks":[{"id":1},{"id":2}]}}`, "payload.webhooks", 2, ""},
		{"webhooks as a bare array", `[{"id":1},{"id":2}]`, "payload.webhooks", 2, ""},
		{"contacts payload null", `{"meta":{"count":0},"payload":null}`, "payload", 0, ""},
		{"conversations payload null", `{"data":{"meta":{"all_count":0},"payload":null}}`, "data.payload", 0, ""},
		{"conversations data null", `{"data":null}`, "data.payload", 0, ""},
		{"an empty list", `{"payload":[]}`, "payload", 0, ""},
		{"a missing field", `{"meta":{}}`, "payload", 0, `no "payload" field`},
		{"an HTML page", "<!DOCTYPE html><html><head><title>Chatwoot</title></head><body></body></html>", "payload", 0, "the server answered with an HTML page (Chatwoot), not Chatwoot's JSON: is the URL wrong"},
		{"an empty body", "", "data.payload", 0, "the server answered with an empty body, not Chatwoot's JSON: is the URL wrong"},
	} {
		items, err := Items([]byte(tc.body), tc.data)
		switch {
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.wantErr)
		case tc.wantErr == "" && (err != nil || len(items) != tc.want):
			t.Errorf("%s: %d items, err %v; want %d", tc.name, len(items), err, tc.want)
		}
	}
}

func TestParsePageReadsTheAnnouncedTotal(t *testing.T) {
	for _, tc := range []struct {
		body, data string
		want       int64
	}{
		{`{"meta":{"count":40,"current_page":1},"payload":[{"id":1}]}`, "payload", 40},
		{`{"data":{"meta":{"mine_count":0,"all_count":60},"payload":[{"id":1}]}}`, "data.payload", 60},
		{`{"per_page":25,"total_entries":30,"current_page":1,"audit_logs":[{"id":1}]}`, "audit_logs", 30},
		{`{"payload":[{"id":1}]}`, "payload", -1},
	} {
		p, err := ParsePage([]byte(tc.body), tc.data)
		if err != nil || p.Total != tc.want || len(p.Items) != 1 {
			t.Errorf("%s: total %d, %d items, err %v; want total %d", tc.body, p.Total, len(p.Items), err, tc.want)
		}
	}
}
