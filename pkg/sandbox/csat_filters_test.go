package sandbox

import (
	"fmt"
	"net/url"
	"strconv"
	"testing"
	"time"
)

// CSAT responses are filtered as CsatSurveyResponsesController filters
// them, for index, metrics and download alike: since and until together
// keep [since, until), user_ids the assigned agents, rating the ratings,
// inbox_id the conversations' inbox. Each filtered answer must be exactly
// the rows of the unfiltered list that pass the filter.
func TestCSATResponsesFollowTheFilters(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	token := s.Credentials().UserToken
	const path = "/api/v1/accounts/1/csat_survey_responses"
	all := listAllCSAT(t, func(q url.Values) response { return call(t, srv, "GET", path+"?"+q.Encode(), token, nil) }, url.Values{})
	if len(all) < 6 {
		t.Fatalf("the demo seed has %d CSAT responses; the test needs a few", len(all))
	}
	created := func(r map[string]any) int64 { return int64(r["created_at"].(float64)) }
	// A window holding about the middle half of the responses, by time.
	lo, hi := created(all[0]), created(all[0])
	for _, r := range all {
		lo, hi = min(lo, created(r)), max(hi, created(r))
	}
	since, until := lo+(hi-lo)/4, hi-(hi-lo)/4
	first := all[0]
	agent := int64(dig(first, "assigned_agent.id").(float64))
	rating := int64(first["rating"].(float64))
	inbox := s.st.Conversation(1, int64(first["conversation_id"].(float64))).InboxID

	for _, tc := range []struct {
		name  string
		query url.Values
		keep  func(r map[string]any) bool
	}{
		{"since and until", url.Values{"since": {fmt.Sprint(since)}, "until": {fmt.Sprint(until)}},
			func(r map[string]any) bool { return created(r) >= since && created(r) < until }},
		{"since alone is no range", url.Values{"since": {fmt.Sprint(until)}}, func(map[string]any) bool { return true }},
		{"user_ids", url.Values{"user_ids[]": {fmt.Sprint(agent)}},
			func(r map[string]any) bool { a, _ := dig(r, "assigned_agent.id").(float64); return int64(a) == agent }},
		{"rating", url.Values{"rating[]": {fmt.Sprint(rating)}},
			func(r map[string]any) bool { return int64(r["rating"].(float64)) == rating }},
		{"inbox_id", url.Values{"inbox_id": {fmt.Sprint(inbox)}},
			func(r map[string]any) bool {
				return s.st.Conversation(1, int64(r["conversation_id"].(float64))).InboxID == inbox
			}},
	} {
		var want []string
		for _, r := range all {
			if tc.keep(r) {
				want = append(want, fmt.Sprint(r["id"]))
			}
		}
		got := listAllCSAT(t, func(q url.Values) response { return call(t, srv, "GET", path+"?"+q.Encode(), token, nil) }, tc.query)
		var ids []string
		for _, r := range got {
			ids = append(ids, fmt.Sprint(r["id"]))
		}
		if fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Errorf("%s: ids %v, want %v", tc.name, ids, want)
		}
		metrics := call(t, srv, "GET", path+"/metrics?"+tc.query.Encode(), token, nil).json(t)
		if n, _ := metrics["total_count"].(float64); int(n) != len(want) {
			t.Errorf("%s: metrics total_count %v, want %d", tc.name, metrics["total_count"], len(want))
		}
	}
}

// listAllCSAT pages through the CSAT list (25 a page, an empty page ends it).
func listAllCSAT(t *testing.T, get func(url.Values) response, query url.Values) []map[string]any {
	t.Helper()
	var out []map[string]any
	for page := 1; page < 100; page++ {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("page", strconv.Itoa(page))
		var items []map[string]any
		for _, v := range get(q).list(t) {
			items = append(items, v.(map[string]any))
		}
		if len(items) == 0 {
			return out
		}
		out = append(out, items...)
	}
	t.Fatal("the CSAT list never ran out of pages")
	return nil
}
