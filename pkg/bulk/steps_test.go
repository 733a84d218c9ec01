package bulk

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/wootcli/woot/pkg/api"
)

// mergeServer holds contacts 12 and 13; merging 13 into 12 deletes 13.
// With dropFirst, the first merge is applied and its connection closed
// unanswered, as when the process or the network dies at that moment.
type mergeServer struct {
	mu        sync.Mutex
	exists    map[string]bool
	posts     int
	dropFirst bool
}

func (m *mergeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case r.Method == "POST" && r.URL.Path == "/api/v1/accounts/1/actions/contact_merge":
		m.posts++
		delete(m.exists, "13")
		if m.dropFirst && m.posts == 1 {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		w.Write([]byte(`{"id":12}`))
	case r.Method == "GET" && r.URL.Path == "/api/v1/accounts/1/contacts/13":
		if !m.exists["13"] {
			http.Error(w, `{"error":"Resource could not be found"}`, http.StatusNotFound)
			return
		}
		w.Write([]byte(`{"payload":{"id":13}}`))
	default:
		http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusTeapot)
	}
}

func mergeStep() []Step {
	return []Step{{Label: "merge contact 13 into 12", Gone: "/contacts/13",
		Requests: []StepRequest{{Method: "POST", Path: "/actions/contact_merge", Body: map[string]int64{"base_contact_id": 12, "mergee_contact_id": 13}}}}}
}

// A merge whose answer was lost is not sent again: the retry finds the
// intent in the journal (as a re-run after a kill would), sees the merged
// contact gone and records the merge as done; a re-run sends nothing.
func TestRunStepsLostAnswerIsNotSentTwice(t *testing.T) {
	m := &mergeServer{exists: map[string]bool{"12": true, "13": true}, dropFirst: true}
	srv := httptest.NewServer(m)
	defer srv.Close()
	c, err := api.New(api.Config{BaseURL: srv.URL, UserToken: "t", Retries: 2, Sleep: instant})
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, ".ndjson")
	sum, _, err := RunSteps(context.Background(), c, 1, "merge", mergeStep(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if m.posts != 1 || sum.Skipped != 1 {
		t.Errorf("%d merges sent, summary %+v; want 1 sent and the merge found done (skipped)", m.posts, sum)
	}
	sum, _, err = RunSteps(context.Background(), c, 1, "merge", mergeStep(), opts)
	if err != nil || sum.AlreadyDone != 1 || m.posts != 1 {
		t.Errorf("re-run: %+v %v, %d merges sent in all; want nothing sent", sum, err, m.posts)
	}
}
