package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/sandbox"
)

// lossyAnswers serves the sandbox, but now and then drops the connection
// after the sandbox acted, or answers 502 after it acted: the two cases
// where a client cannot know whether its POST took effect.
type lossyAnswers struct {
	next http.Handler
	mu   sync.Mutex
	rnd  *rand.Rand
	lost int
}

func (l *lossyAnswers) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	l.next.ServeHTTP(rec, r)
	l.mu.Lock()
	roll := l.rnd.Float64()
	l.mu.Unlock()
	if r.Method == http.MethodPost && roll < 0.15 {
		l.mu.Lock()
		l.lost++
		l.mu.Unlock()
		if roll < 0.08 {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

// TestFlakyServerCostsTimeNotRows imports against a server that fails
// before acting (the sandbox's own 5xx and dropped connections) and after
// acting (answers lost on the way back): every valid row is created once,
// no row is rejected for the server's failures, and the job ends in one
// run.
func TestFlakyServerCostsTimeNotRows(t *testing.T) {
	state := filepath.Join(t.TempDir(), "sandbox.json")
	sb, err := sandbox.New(sandbox.Options{Seed: "demo", StatePath: state, FailRate: 0.10, ResetRate: 0.05, RandSeed: 7})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	lossy := &lossyAnswers{next: sb, rnd: rand.New(rand.NewPCG(7, 7))}
	srv := httptest.NewServer(lossy)
	defer srv.Close()

	var b strings.Builder
	b.WriteString("name,email,labels\n")
	for i := 1; i <= 200; i++ {
		label := ""
		if i%4 == 0 {
			label = "vip"
		}
		fmt.Fprintf(&b, "Flaky %d,flaky%d@example.com,%s\n", i, i, label)
	}
	b.WriteString("Broken,not-an-email,\n")
	in := writeFile(t, t.TempDir(), "c.csv", b.String())
	opts := testOptions(t, ".csv")
	opts.Concurrency = 4
	c, err := api.New(api.Config{BaseURL: srv.URL, UserToken: sandbox.SeedUserToken, Retries: 3,
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }})
	if err != nil {
		t.Fatal(err)
	}
	sum, _, err := ImportContacts(context.Background(), c, 1, openContacts(t, in, false), ContactImport{}, opts)
	if err != nil {
		t.Fatalf("the job stopped: %v (summary %+v)", err, sum)
	}
	if sum.Created != 200 || sum.Rejected != 1 || sum.Retried == 0 {
		t.Errorf("summary %+v, want 200 created, the one malformed row rejected, retries counted", sum)
	}
	if lossy.lost == 0 {
		t.Fatal("the server lost no answer: the test proves nothing")
	}
	rejects := readFile(t, opts.Rejects)
	if strings.Count(rejects, "\n") != 2 || !strings.Contains(rejects, "Broken,not-an-email") {
		t.Errorf("rejects:\n%s", rejects)
	}
	// Count behind the faults: the state as a fault-free sandbox sees it.
	if err := sb.Save(); err != nil {
		t.Fatal(err)
	}
	calm, err := sandbox.New(sandbox.Options{StatePath: state})
	if err != nil {
		t.Fatal(err)
	}
	defer calm.Close()
	clean := httptest.NewServer(calm)
	defer clean.Close()
	cc, _ := api.New(api.Config{BaseURL: clean.URL, UserToken: sandbox.SeedUserToken})
	seen := map[string]int{}
	err = cc.Paginate(context.Background(), &api.Request{Family: api.FamilyApplication, Method: "GET", Path: "/api/v1/accounts/1/contacts"},
		"payload", &api.List{Pager: api.PageNumber, PageSize: 15}, api.PageOptions{All: true}, func(raw json.RawMessage) error {
			var v struct{ Email string }
			json.Unmarshal(raw, &v)
			seen[v.Email]++
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 200; i++ {
		if n := seen[fmt.Sprintf("flaky%d@example.com", i)]; n != 1 {
			t.Errorf("flaky%d exists %d times", i, n)
		}
	}
}

func TestRejectsFileOfAnotherJobIsLeftAlone(t *testing.T) {
	f := newFake(t)
	dir := t.TempDir()
	in := writeFile(t, dir, "c.csv", "email\na@example.com\nbad\n")
	rejects := filepath.Join(dir, "c.rejects.csv")
	earlier := "email,error\nfixed@example.com,\n"
	writeFile(t, dir, "c.rejects.csv", earlier)
	opts := Options{Journal: filepath.Join(dir, "new.journal"), Rejects: rejects, sleep: instant}
	_, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	if err == nil || !strings.Contains(err.Error(), "another job") {
		t.Fatalf("err = %v, want a refusal to touch another job's rejects", err)
	}
	if got := readFile(t, rejects); got != earlier {
		t.Errorf("the other job's rejects file became %q", got)
	}
	if f.numContacts() != 0 {
		t.Error("the refused job created contacts")
	}
}
