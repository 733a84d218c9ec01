package api

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// noticeLog collects a governor's progress lines with the clock's time.
type noticeLog struct {
	mu    sync.Mutex
	clock Clock
	lines []string
	at    []time.Time
}

func (n *noticeLog) add(line string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.lines = append(n.lines, line)
	n.at = append(n.at, n.clock.Now())
}

func governedClient(t *testing.T, url string, retries int) (*Client, *noticeLog) {
	t.Helper()
	clock := ClockFor(noSleep)
	log := &noticeLog{clock: clock}
	gov := NewGovernor(GovernorOptions{Clock: clock, Notice: log.add})
	c, err := New(Config{BaseURL: url, UserToken: "t", Retries: retries, Limiter: gov})
	if err != nil {
		t.Fatal(err)
	}
	return c, log
}

// checkNotices wants a line at most every 30 s and none in the first 5 s.
func checkNotices(t *testing.T, n *noticeLog, start time.Time, want ...string) {
	t.Helper()
	if len(n.lines) < 2 {
		t.Fatalf("%d progress lines in a wait of minutes, want one every 30s: %q", len(n.lines), n.lines)
	}
	if d := n.at[0].Sub(start); d < 5*time.Second {
		t.Errorf("first line after %s: a short wait should stay silent", d)
	}
	for i, line := range n.lines {
		if i > 0 && n.at[i].Sub(n.at[i-1]) < 30*time.Second {
			t.Errorf("lines %d and %d are %s apart, want at least 30s", i-1, i, n.at[i].Sub(n.at[i-1]))
		}
		for _, w := range want {
			if !strings.Contains(line, w) {
				t.Errorf("line %q does not say %q", line, w)
			}
		}
		if strings.ContainsAny(line, "\r\x1b") || strings.Contains(line, "\n") {
			t.Errorf("line %q is not a plain log line", line)
		}
	}
}

func TestLongRateLimitWaitPrintsALineEveryHalfMinute(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) <= 5 {
			fmt.Fprint(w, `{}`)
			return
		}
		w.WriteHeader(429)
		fmt.Fprint(w, "Retry later\n")
	}))
	defer srv.Close()
	c, log := governedClient(t, srv.URL, 3)
	start := c.clock.Now()
	for range 6 {
		_, _ = c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/x"})
	}
	checkNotices(t, log, start, "rate-limiting requests (HTTP 429)", "5 requests answered so far")
	if len(log.lines) > 5 {
		t.Errorf("%d lines in two minutes of waiting, want at most one per 30s", len(log.lines))
	}
}

func TestServerDownPrintsALineEveryHalfMinute(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(503)
	}))
	defer srv.Close()
	c, log := governedClient(t, srv.URL, 10)
	start := c.clock.Now()
	_, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/x"})
	if err == nil {
		t.Fatal("a server answering 503 gave no error")
	}
	checkNotices(t, log, start, "the server is failing (HTTP 503)", "retrying in")
}

func TestWorkersShareOneGovernorThroughARefusedWindow(t *testing.T) {
	// 300 requests from 8 workers; the server refuses its 101st to 160th
	// request, as a spent window does. Every request must still succeed
	// once, and no worker may give up.
	var hits atomic.Int32
	var ok atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n := hits.Add(1); n > 100 && n <= 160 {
			w.WriteHeader(429)
			fmt.Fprint(w, "Retry later\n")
			return
		}
		ok.Add(1)
		fmt.Fprint(w, `{}`)
	}))
	defer srv.Close()
	c, _ := governedClient(t, srv.URL, 0)
	var wg sync.WaitGroup
	var failed atomic.Int32
	jobs := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				if _, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "POST", Path: "/x", Body: []byte(`{}`)}); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	for i := range 300 {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if failed.Load() != 0 || ok.Load() != 300 {
		t.Fatalf("%d failed, %d succeeded of 300", failed.Load(), ok.Load())
	}
	if g := c.gov; g.Throttled() != 60 || g.Answered() != 300 {
		t.Errorf("governor counted %d 429s and %d answers, want 60 and 300", g.Throttled(), g.Answered())
	}
}

func TestRetryAfterOnA429HoldsTheProbe(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(429)
			return
		}
		fmt.Fprint(w, `{}`)
	}))
	defer srv.Close()
	c, _ := governedClient(t, srv.URL, 0)
	start := c.clock.Now()
	if _, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if waited := c.clock.Now().Sub(start); waited < 7*time.Second || hits.Load() != 2 {
		t.Errorf("the repeat came after %s and %d requests, want one repeat after Retry-After's 7s", waited, hits.Load())
	}
}
