package sandbox

import (
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// TestSearchPages: every kind of the account search pages like Chatwoot's
// SearchService (.page(params[:page]).per(15)): page 2 holds the rows
// after page 1's, not page 1 again, the pages together are every match
// once, and a page past the end is empty. Messages come newest first.
func TestSearchPages(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	tok := s.Credentials().UserToken
	want := 0
	for _, cv := range s.st.Conversations {
		for _, m := range cv.Messages {
			if m.MessageType != store.MsgActivity && strings.Contains(strings.ToLower(m.Content), "refund") {
				want++
			}
		}
	}
	if want <= searchLimit {
		t.Fatalf("the demo seed has %d messages about refunds; the test needs more than one page (%d)", want, searchLimit)
	}
	pages := func(kind, q string) (all []map[string]any, sizes []int) {
		for page := 1; page < 20; page++ {
			r := call(t, srv, "GET", "/api/v1/accounts/1/search/"+kind+"?q="+q+"&page="+strconv.Itoa(page), tok, nil)
			mustStatus(t, r, 200, kind+" search page "+strconv.Itoa(page))
			rows, _ := dig(r.json(t), "payload."+kind).([]any)
			sizes = append(sizes, len(rows))
			if len(rows) == 0 {
				return all, sizes
			}
			for _, row := range rows {
				all = append(all, row.(map[string]any))
			}
		}
		t.Fatalf("%s search for %q never ran out of pages", kind, q)
		return nil, nil
	}

	msgs, sizes := pages("messages", "refund")
	seen := map[float64]bool{}
	for i, m := range msgs {
		id := m["id"].(float64)
		if seen[id] {
			t.Fatalf("message %v is on two pages (page sizes %v)", id, sizes)
		}
		seen[id] = true
		if i > 0 && m["created_at"].(float64) > msgs[i-1]["created_at"].(float64) {
			t.Errorf("message %v is newer than the one before it: search answers newest first", id)
		}
	}
	if len(msgs) != want || sizes[0] != searchLimit {
		t.Errorf("messages search for refund: %d rows over pages %v, want %d, %d a page", len(msgs), sizes, want, searchLimit)
	}

	// The contacts controller's own search pages the same way and says
	// whether another page follows (a look-ahead, FACTS §5).
	got := map[float64]bool{}
	for page := 1; ; page++ {
		r := call(t, srv, "GET", "/api/v1/accounts/1/contacts/search?q=example.com&page="+strconv.Itoa(page), tok, nil).json(t)
		rows, _ := r["payload"].([]any)
		for _, row := range rows {
			id := dig(row, "id").(float64)
			if got[id] {
				t.Fatalf("contacts/search: contact %v again on page %d", id, page)
			}
			got[id] = true
		}
		if dig(r, "meta.has_more") != true {
			break
		}
		if page > 10 {
			t.Fatal("contacts/search: has_more never ends")
		}
	}
	matching := 0
	for _, ct := range s.st.Contacts {
		if strings.Contains(ct.Email, "example.com") {
			matching++
		}
	}
	if len(got) != matching || matching <= contactsPerPage {
		t.Errorf("contacts/search for example.com reached %d contacts, want all %d (over more than one page)", len(got), matching)
	}

	contacts, sizes := pages("contacts", "example.com")
	ids := map[float64]bool{}
	for _, c := range contacts {
		ids[c["id"].(float64)] = true
	}
	if len(sizes) < 3 || len(ids) != len(contacts) {
		t.Errorf("contacts search for example.com: %d rows (%d distinct) over pages %v, want several pages of distinct rows", len(contacts), len(ids), sizes)
	}
}
