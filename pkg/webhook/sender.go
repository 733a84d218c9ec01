package webhook

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	neturl "net/url"
	"strconv"
	"time"
)

// Defaults of a Sender; Chatwoot itself waits 5 s for a webhook receiver.
const (
	DefaultMaxAttempts = 3
	DefaultMinBackoff  = 500 * time.Millisecond
	DefaultMaxBackoff  = 10 * time.Second
	DefaultSendTimeout = 5 * time.Second
	DefaultUserAgent   = "woot-webhook"
)

// maxRetryAfter bounds a receiver's Retry-After so a bad header cannot
// stall a forwarder.
const maxRetryAfter = 30 * time.Second

// Sender posts webhook bodies the way Chatwoot does: JSON headers, a
// delivery id kept across retries, and (with a secret) a signature over a
// timestamp taken fresh for every attempt. Used by `listen --forward-to`
// and `webhooks trigger`. A Sender is safe for concurrent use once
// configured.
type Sender struct {
	Client      *http.Client
	Secret      string // empty: send unsigned, as Chatwoot does for a webhook without secret
	UserAgent   string
	MaxAttempts int           // attempts in all, including the first; default 3
	MinBackoff  time.Duration // wait before the first retry; doubles each time
	MaxBackoff  time.Duration
	Now         func() time.Time // clock for the timestamp; time.Now when nil
	// Logf, when set, is told about each retry.
	Logf func(format string, args ...any)
}

// NewSender returns a Sender with the defaults; client nil means an
// http.Client with a 5 s timeout.
func NewSender(client *http.Client, secret string) *Sender {
	if client == nil {
		client = &http.Client{Timeout: DefaultSendTimeout}
	}
	return &Sender{
		Client:      client,
		Secret:      secret,
		UserAgent:   DefaultUserAgent,
		MaxAttempts: DefaultMaxAttempts,
		MinBackoff:  DefaultMinBackoff,
		MaxBackoff:  DefaultMaxBackoff,
	}
}

// DeliveryResult tells what happened to one delivery.
type DeliveryResult struct {
	ID       string // the X-Chatwoot-Delivery value, the same on every attempt
	Status   int    // status of the last response; 0 when none came back
	Attempts int
}

// DeliveryError is returned when a delivery did not end in a 2xx response.
type DeliveryError struct {
	URL      string
	Status   int // 0 when no response came back
	Attempts int
	Err      error // the network error, if any
}

func (e *DeliveryError) Error() string {
	tries := "1 attempt"
	if e.Attempts != 1 {
		tries = fmt.Sprintf("%d attempts", e.Attempts)
	}
	if e.Err != nil {
		return fmt.Sprintf("deliver webhook to %s: %v (after %s); check the receiver is running and the URL is right", e.URL, e.Err, tries)
	}
	return fmt.Sprintf("deliver webhook to %s: receiver answered HTTP %d (after %s); check the receiver's log", e.URL, e.Status, tries)
}

func (e *DeliveryError) Unwrap() error { return e.Err }

// Send posts body to url and returns the last HTTP status. err is nil
// exactly when the receiver answered 2xx; otherwise it is a *DeliveryError
// (or the context's error). Network errors, 5xx and 429 are retried with
// exponential backoff and jitter, up to MaxAttempts.
func (s *Sender) Send(ctx context.Context, url string, body []byte) (int, error) {
	res, err := s.Deliver(ctx, url, body)
	return res.Status, err
}

// Deliver is Send returning the delivery id and attempt count as well.
func (s *Sender) Deliver(ctx context.Context, url string, body []byte) (DeliveryResult, error) {
	id, err := NewDeliveryID()
	if err != nil {
		return DeliveryResult{}, err
	}
	res := DeliveryResult{ID: id}
	if err := checkURL(url); err != nil {
		return res, err
	}
	attempts := max(s.MaxAttempts, 1)
	for {
		res.Attempts++
		status, header, err := s.attempt(ctx, url, id, body)
		res.Status = status
		if err == nil && status >= 200 && status < 300 {
			return res, nil
		}
		if ctx.Err() != nil {
			return res, fmt.Errorf("deliver webhook to %s: %w", url, ctx.Err())
		}
		if res.Attempts >= attempts || !retryable(status, err) {
			return res, &DeliveryError{URL: url, Status: status, Attempts: res.Attempts, Err: err}
		}
		wait := s.backoff(res.Attempts, header)
		if s.Logf != nil {
			s.Logf("webhook delivery %s to %s failed (%s); retrying in %s", id, url, describeFailure(status, err), wait.Round(time.Millisecond))
		}
		if err := sleep(ctx, wait); err != nil {
			return res, fmt.Errorf("deliver webhook to %s: %w", url, err)
		}
	}
}

func (s *Sender) attempt(ctx context.Context, url, id string, body []byte) (int, http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", orDefault(s.UserAgent, DefaultUserAgent))
	req.Header.Set(HeaderDelivery, id)
	if s.Secret != "" {
		ts := s.now().Unix()
		req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
		req.Header.Set(HeaderSignature, Sign(s.Secret, ts, body))
	}
	client := s.Client
	if client == nil {
		client = &http.Client{Timeout: DefaultSendTimeout}
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	// Drain a bounded amount so the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, resp.Header, nil
}

func (s *Sender) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// retryable: the receiver may accept a later attempt. Every network error
// counts, as Chatwoot's own retries do: the URL was checked beforehand.
func retryable(status int, err error) bool {
	return err != nil || status >= 500 || status == http.StatusTooManyRequests
}

// checkURL rejects what no retry can fix.
func checkURL(raw string) error {
	u, err := neturl.Parse(raw)
	if err != nil {
		return fmt.Errorf("deliver webhook: invalid URL %s: %w", quoteShort(raw), err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("deliver webhook: invalid URL %s: expected http(s)://host[:port]/path", quoteShort(raw))
	}
	return nil
}

// backoff doubles from MinBackoff up to MaxBackoff with jitter in [d/2, d],
// honouring a Retry-After given in seconds.
func (s *Sender) backoff(attempt int, h http.Header) time.Duration {
	if secs, err := strconv.Atoi(h.Get("Retry-After")); err == nil && secs >= 0 {
		return min(time.Duration(secs)*time.Second, maxRetryAfter)
	}
	lo, hi := s.MinBackoff, s.MaxBackoff
	if lo <= 0 {
		lo = DefaultMinBackoff
	}
	if hi < lo {
		hi = max(lo, DefaultMaxBackoff)
	}
	d := lo
	for i := 1; i < attempt && d < hi; i++ {
		d *= 2
	}
	d = min(d, hi)
	return d/2 + rand.N(d/2+1)
}

func describeFailure(status int, err error) string {
	if err != nil {
		return err.Error()
	}
	return "HTTP " + strconv.Itoa(status)
}

func orDefault(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
