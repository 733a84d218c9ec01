package webhook

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"
)

type received struct {
	header http.Header
	body   []byte
}

// recorder answers with the given statuses in turn (the last one repeats)
// and records every request.
type recorder struct {
	mu       sync.Mutex
	statuses []int
	got      []received
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	r.got = append(r.got, received{req.Header.Clone(), body})
	status := r.statuses[min(len(r.got)-1, len(r.statuses)-1)]
	r.mu.Unlock()
	w.WriteHeader(status)
}

func (r *recorder) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

func newTestSender(secret string) *Sender {
	s := NewSender(nil, secret)
	s.MinBackoff, s.MaxBackoff = time.Millisecond, 4*time.Millisecond
	clock := time.Unix(1718000000, 0)
	var mu sync.Mutex
	s.Now = func() time.Time { // each attempt signs one second later
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(time.Second)
		return clock
	}
	return s
}

func TestSendSignsLikeChatwoot(t *testing.T) {
	rec := &recorder{statuses: []int{200}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	body := []byte(`{"content":"Grüße","event":"message_created","id":5}`)

	status, err := newTestSender(testSecret).Send(context.Background(), srv.URL+"/hook", body)
	if err != nil || status != 200 {
		t.Fatalf("Send = %d, %v", status, err)
	}
	got := rec.requests()
	if len(got) != 1 {
		t.Fatalf("%d requests, want 1", len(got))
	}
	h := got[0].header
	for name, want := range map[string]string{"Content-Type": "application/json", "Accept": "application/json", "User-Agent": DefaultUserAgent} {
		if h.Get(name) != want {
			t.Errorf("%s = %q, want %q", name, h.Get(name), want)
		}
	}
	ts, _ := strconv.ParseInt(h.Get(HeaderTimestamp), 10, 64)
	if want := handSign(testSecret, ts, body); h.Get(HeaderSignature) != want {
		t.Errorf("signature %q, hand-built %q", h.Get(HeaderSignature), want)
	}
	if string(got[0].body) != string(body) {
		t.Errorf("body sent = %q", got[0].body)
	}
	if !isUUIDv4(h.Get(HeaderDelivery)) {
		t.Errorf("delivery id %q is not a UUIDv4", h.Get(HeaderDelivery))
	}
}

func TestSendWithoutSecretIsUnsigned(t *testing.T) {
	rec := &recorder{statuses: []int{204}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	if _, err := newTestSender("").Send(context.Background(), srv.URL, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	h := rec.requests()[0].header
	if h.Get(HeaderSignature) != "" || h.Get(HeaderTimestamp) != "" || h.Get(HeaderDelivery) == "" {
		t.Errorf("unsigned delivery headers: %v", h)
	}
}

func TestSendRetriesKeepingDeliveryID(t *testing.T) {
	for _, first := range []int{500, 503, 429} {
		t.Run(strconv.Itoa(first), func(t *testing.T) {
			rec := &recorder{statuses: []int{first, first, 200}}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			res, err := newTestSender(testSecret).Deliver(context.Background(), srv.URL, []byte(`{"id":1}`))
			if err != nil || res.Status != 200 || res.Attempts != 3 {
				t.Fatalf("Deliver = %+v, %v; want 200 after 3 attempts", res, err)
			}
			got := rec.requests()
			seen := map[string]bool{}
			for _, r := range got {
				if r.header.Get(HeaderDelivery) != res.ID {
					t.Errorf("delivery id changed: %q vs %q", r.header.Get(HeaderDelivery), res.ID)
				}
				ts := r.header.Get(HeaderTimestamp)
				if seen[ts] {
					t.Errorf("timestamp %s reused across attempts", ts)
				}
				seen[ts] = true
				n, _ := strconv.ParseInt(ts, 10, 64)
				if r.header.Get(HeaderSignature) != handSign(testSecret, n, r.body) {
					t.Errorf("attempt signed wrongly for its own timestamp %s", ts)
				}
			}
		})
	}
}

func TestSendGivesUpAfterMaxAttempts(t *testing.T) {
	rec := &recorder{statuses: []int{502}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	s := newTestSender(testSecret)
	s.MaxAttempts = 4
	status, err := s.Send(context.Background(), srv.URL, []byte(`{}`))
	var de *DeliveryError
	if !errors.As(err, &de) || status != 502 || de.Status != 502 || de.Attempts != 4 {
		t.Fatalf("Send = %d, %v; want a DeliveryError after 4 attempts", status, err)
	}
	if n := len(rec.requests()); n != 4 {
		t.Errorf("%d requests, want 4", n)
	}
}

func TestSendDoesNotRetryClientErrors(t *testing.T) {
	rec := &recorder{statuses: []int{401}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	status, err := newTestSender(testSecret).Send(context.Background(), srv.URL, []byte(`{}`))
	var de *DeliveryError
	if !errors.As(err, &de) || status != 401 || de.Attempts != 1 {
		t.Fatalf("Send = %d, %v; want one attempt and a DeliveryError", status, err)
	}
}

func TestSendRetriesNetworkErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: connection refused
	s := newTestSender(testSecret)
	res, err := s.Deliver(context.Background(), "http://"+addr+"/hook", []byte(`{}`))
	var de *DeliveryError
	if !errors.As(err, &de) || de.Err == nil || res.Attempts != DefaultMaxAttempts || res.Status != 0 {
		t.Fatalf("Deliver = %+v, %v; want %d attempts ending in a network error", res, err, DefaultMaxAttempts)
	}
}

func TestSendStopsWhenContextEnds(t *testing.T) {
	rec := &recorder{statuses: []int{500}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	s := newTestSender(testSecret)
	s.MinBackoff, s.MaxBackoff, s.MaxAttempts = time.Hour, time.Hour, 5
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.Send(ctx, srv.URL, []byte(`{}`))
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Fatalf("err = %v after %v; want the context's error promptly", err, time.Since(start))
	}
}

func TestSendRejectsBadURLWithoutTrying(t *testing.T) {
	for _, u := range []string{"ftp://example.com/x", "localhost:8080/hook", "http://", "::bad"} {
		_, err := newTestSender("").Send(context.Background(), u, nil)
		var de *DeliveryError
		if err == nil || errors.As(err, &de) {
			t.Errorf("%q: err = %v, want an invalid-URL error", u, err)
		}
	}
}

func TestBackoffGrowsAndHonoursRetryAfter(t *testing.T) {
	s := NewSender(nil, "")
	s.MinBackoff, s.MaxBackoff = 100*time.Millisecond, 400*time.Millisecond
	for attempt, max := range map[int]time.Duration{1: 100, 2: 200, 3: 400, 9: 400} {
		max *= time.Millisecond
		for range 50 {
			if d := s.backoff(attempt, http.Header{}); d < max/2 || d > max {
				t.Fatalf("attempt %d: wait %v outside [%v, %v]", attempt, d, max/2, max)
			}
		}
	}
	if d := s.backoff(1, http.Header{"Retry-After": {"2"}}); d != 2*time.Second {
		t.Errorf("Retry-After 2 gave %v", d)
	}
	if d := s.backoff(1, http.Header{"Retry-After": {"86400"}}); d != maxRetryAfter {
		t.Errorf("huge Retry-After gave %v, want the cap", d)
	}
}
